import { describe, expect, test } from 'vitest';
import { excludeGlob, excludeMatcher, expandGroups, globToRegExp, userExcludes } from '../../src/extension/support/globs.js';

describe('exclude globs for findFiles', () => {
  test('groups are expanded so they can sit inside the merged group', () => {
    expect(expandGroups('**/*.{js,map}')).toEqual(['**/*.js', '**/*.map']);
    expect(expandGroups('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
    expect(expandGroups('plain')).toEqual(['plain']);
  });

  test('only switched-on files.exclude entries count; sibling conditions cannot be applied', () => {
    expect(userExcludes({ '**/.DS_Store': true, '**/keep': false, '**/*.js': { when: '$(basename).ts' }, '': true })).toEqual(['**/.DS_Store']);
    expect(userExcludes(undefined)).toEqual([]);
  });

  test("the user's files.exclude is merged with the fixed folders, folder patterns with their contents", () => {
    const glob = excludeGlob({ '**/.DS_Store': true, build: true, '**/*.{tmp,bak}': true, '**/gen/**': true, '**/keep': false });
    expect(glob).toBe(
      '{**/node_modules/**,**/.git/**,**/cdk.out/**,**/.aws-sam/**,**/.serverless/**,**/.venv/**,**/venv/**,**/site-packages/**,**/__pycache__/**,**/.terraform/**,' +
        '**/.DS_Store,**/.DS_Store/**,build,build/**,**/*.tmp,**/*.tmp/**,**/*.bak,**/*.bak/**,**/gen/**}',
    );
  });
});

describe('globToRegExp', () => {
  const cases: [glob: string, path: string, matches: boolean][] = [
    ['**/node_modules/**', 'node_modules/x/template.yaml', true],
    ['**/node_modules/**', 'a/b/node_modules/template.yaml', true],
    ['**/node_modules/**', 'a/node_modules_x/template.yaml', false],
    ['build', 'build', true],
    ['build', 'src/build', false],
    ['**/build', 'src/build', true],
    ['*.yaml', 'template.yaml', true],
    ['*.yaml', 'infra/template.yaml', false],
    ['**/*.{yaml,yml}', 'infra/a.yml', true],
    ['**/*.{yaml,yml}', 'infra/a.json', false],
    ['infra/?.json', 'infra/a.json', true],
    ['infra/?.json', 'infra/ab.json', false],
    ['**/[ab].json', 'x/a.json', true],
    ['**/[!ab].json', 'x/a.json', false],
    ['**/[!ab].json', 'x/c.json', true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
  ];
  test.each(cases)('%s on %s -> %s', (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches);
  });
});

describe('excludeMatcher for watcher events', () => {
  const excluded = excludeMatcher({ excluded: true, '**/*.generated.yaml': true, '**/off': false });

  test('fixed folders at any depth', () => {
    expect(excluded('app/node_modules/x/template.yaml')).toBe(true);
    expect(excluded('cdk.out/Stack.template.json')).toBe(true);
    expect(excluded('.aws-sam/build/template.yaml')).toBe(true);
    expect(excluded('infra/.venv/lib/python3.12/site-packages/aws_cdk/aws_lambda/__init__.py')).toBe(true);
    expect(excluded('infra/__pycache__/app.py')).toBe(true);
    expect(excluded('infra/app.py')).toBe(false);
    expect(excluded('infra/template.yaml')).toBe(false);
  });

  test('a folder in files.exclude hides what is inside it; patterns are relative to the workspace folder', () => {
    expect(excluded('excluded/template.yaml')).toBe(true);
    expect(excluded('excluded/deep/template.yaml')).toBe(true);
    expect(excluded('app/excluded/template.yaml')).toBe(false);
  });

  test('file patterns and switched-off entries', () => {
    expect(excluded('infra/stack.generated.yaml')).toBe(true);
    expect(excluded('off/template.yaml')).toBe(false);
  });

  test('Windows separators are accepted', () => {
    expect(excluded('app\\node_modules\\template.yaml')).toBe(true);
  });
});
