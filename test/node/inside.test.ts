// The one test of "inside the root" that every contained read goes through (src/node/inside.ts).
import { describe, expect, test } from 'vitest';
import { isInside } from '../../src/node/inside.js';

describe('isInside (POSIX)', () => {
  test.each([
    ['/work/app', '/work/app', true],
    ['/work/app', '/work/app/serverless.yml', true],
    ['/work/app', '/work/app/a/b/c.yml', true],
    ['/work/app/', '/work/app/config.yml', true],
    ['/work/app', '/work/app/', true],
    ['/work/app', '/work/app/..config.yml', true],
    ['/work/app', '/work/app2/config.yml', false],
    ['/work/app', '/work/app2', false],
    ['/work/app/', '/work/app2/config.yml', false],
    ['/work/app', '/work/application.yml', false],
    ['/work/app', '/work', false],
    ['/work/app', '/work/app/../outside.yml', false],
    ['/work/app', '/proc/self/status', false],
    ['/', '/etc/passwd', true],
  ])('%s holds %s: %s', (root, path, inside) => {
    expect(isInside(root, path, 'linux')).toBe(inside);
  });

  test('case counts on POSIX', () => {
    expect(isInside('/work/app', '/work/APP/config.yml', 'linux')).toBe(false);
  });
});

describe('isInside (Windows)', () => {
  test.each([
    ['C:\\work\\app', 'C:\\work\\app\\config.yml', true],
    ['C:\\work\\app', 'c:\\WORK\\App\\config.yml', true],
    ['C:\\work\\app\\', 'C:\\work\\app\\config.yml', true],
    ['C:\\work\\app', 'C:/work/app/sub/config.yml', true],
    ['C:\\work\\app', 'C:\\work\\app2\\config.yml', false],
    ['C:\\work\\app', 'C:\\work\\app\\..\\secret.yml', false],
    ['C:\\work\\app', 'D:\\work\\app\\config.yml', false],
    ['C:\\work\\app', '\\\\attacker\\share\\config.yml', false],
    ['\\\\server\\share\\app', '\\\\server\\share\\app\\config.yml', true],
    ['\\\\server\\share\\app', '\\\\server\\share\\app2\\config.yml', false],
  ])('%s holds %s: %s', (root, path, inside) => {
    expect(isInside(root, path, 'win32')).toBe(inside);
  });
});
