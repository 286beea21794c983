import { expect, test } from 'vitest';
import { FILES_PER_THREAD, parseRequest, UsageError } from '../../src/cli/args.js';
import { wantedThreads } from '../../src/cli/main.js';

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
      '--jobs',
      '3',
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
    jobs: 3,
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

test('--jobs: a whole number of threads from 1 to 256', () => {
  for (const bad of ['0', '-2', '1.5', 'all', '257'])
    expect(() => parseRequest(['check', `--jobs=${bad}`])).toThrow(/--jobs expects a whole number from 1 to 256/);
  expect(parseRequest(['check', '--jobs', '256'])).toMatchObject({ jobs: 256 });
});

test('threads: --jobs when given (never more than the files), else one per core with enough files for each', () => {
  expect(wantedThreads(4, 1000, 2)).toBe(4);
  expect(wantedThreads(4, 3, 2)).toBe(3);
  expect(wantedThreads(1, 100_000, 8)).toBe(1);
  expect(wantedThreads(undefined, 2 * FILES_PER_THREAD - 1, 8)).toBe(1);
  expect(wantedThreads(undefined, 2 * FILES_PER_THREAD, 8)).toBe(2);
  expect(wantedThreads(undefined, 100 * FILES_PER_THREAD, 8)).toBe(8);
  expect(wantedThreads(undefined, 0, 8)).toBe(1);
});
