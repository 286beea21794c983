import { expect, test } from 'vitest';
import { parseRequest, UsageError } from '../../src/cli/args.js';

test('defaults', () => {
  expect(parseRequest(['check'])).toEqual({ command: 'check', paths: ['.'], format: 'text', failOn: 'error', rules: {}, quiet: false });
});

test('all options', () => {
  expect(
    parseRequest([
      'check',
      'a',
      'b',
      '--format',
      'sarif',
      '--fail-on',
      'warning',
      '--rule',
      'lambda/prefer-arm64=off',
      '--rule',
      'sqs/visibility-timeout=hint',
      '--max-file-size',
      '512',
      '--rest-api-timeout',
      '60',
      '--config',
      'c.json',
      '--quiet',
    ]),
  ).toEqual({
    command: 'check',
    paths: ['a', 'b'],
    format: 'sarif',
    failOn: 'warning',
    rules: { 'lambda/prefer-arm64': 'off', 'sqs/visibility-timeout': 'hint' },
    maxFileSizeKb: 512,
    restApiTimeoutSeconds: 60,
    configFile: 'c.json',
    quiet: true,
  });
});

test('usage errors', () => {
  expect(() => parseRequest(['check', '--max-file-size', '-1'])).toThrow(UsageError);
  expect(() => parseRequest(['check', '--rule', 'lambda/timeout-max=loud'])).toThrow(/must be one of error, warning, info, hint, off/);
  expect(() => parseRequest(['check', '--rule', 'lambda/timeout-maxx=off'])).toThrow(/unknown rule "lambda\/timeout-maxx"/);
  expect(() => parseRequest(['check', '--rule', 'off'])).toThrow(/expects <id>=<severity>/);
  expect(() => parseRequest(['verify'])).toThrow(/Unknown command "verify"/);
  expect(parseRequest([])).toEqual({ command: 'help', requested: false });
  expect(parseRequest(['--help'])).toEqual({ command: 'help', requested: true });
});
