import { expect, test } from 'vitest';
import { parseRequest, UsageError } from '../../src/cli/args.js';

test('defaults', () => {
  expect(parseRequest(['check'])).toEqual({ command: 'check', paths: ['.'], format: 'text', failOn: 'error', rules: {}, quiet: false });
});

test('all options', () => {
  expect(
    parseRequest(['check', 'a', 'b', '--format', 'sarif', '--fail-on', 'warning', '--rule', 'x/y=off', '--rule', 'p=hint', '--max-file-size', '512', '--rest-api-timeout', '60', '--config', 'c.json', '--quiet']),
  ).toEqual({
    command: 'check',
    paths: ['a', 'b'],
    format: 'sarif',
    failOn: 'warning',
    rules: { 'x/y': 'off', p: 'hint' },
    maxFileSizeKb: 512,
    restApiTimeoutSeconds: 60,
    configFile: 'c.json',
    quiet: true,
  });
});

test('usage errors', () => {
  expect(() => parseRequest(['check', '--max-file-size', '-1'])).toThrow(UsageError);
  expect(() => parseRequest(['check', '--rule', 'x=loud'])).toThrow(/must be one of error, warning, info, hint, off/);
  expect(() => parseRequest(['verify'])).toThrow(/Unknown command "verify"/);
  expect(parseRequest([])).toEqual({ command: 'help' });
});
