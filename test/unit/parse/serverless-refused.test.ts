// A `${file(...)}` the host refuses to read (outside the workspace) is a finding on the line that asked for it.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type ReferencedFile } from '../../../src/core/parse/reference.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const OUTSIDE = { refused: 'it is outside the workspace folder' };

/** A host reader: `files` are inside the workspace, paths starting with `../` or `/` are refused. */
function analyze(text: string, files: Record<string, string> = {}) {
  const readFile = (path: string): ReferencedFile => (path.startsWith('../') || path.startsWith('/') ? OUTSIDE : files[path.replace(/^\.\//, '')]);
  return analyzeText({ uri: 'file:///w/serverless.yml', text, readFile }, config);
}

const refusals = (result: ReturnType<typeof analyze>) =>
  result.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => [f.range.start.line, f.message]);

describe('refused ${file()} reads', () => {
  test('on the value that names the file, once, with the reason; the value stays unknown', () => {
    const result = analyze(
      'service: s\nprovider:\n  name: aws\n  runtime: python3.13\n  memorySize: ${file(../outside.yml):mem}\nfunctions:\n  a:\n    handler: a.h\n  b:\n    handler: b.h\n',
    );
    // Both functions inherit provider.memorySize: one finding, on the provider's line.
    expect(refusals(result)).toEqual([[4, '${file(../outside.yml)} is not read: it is outside the workspace folder.']]);
    expect(result.model!.functions.map((f) => f.memoryMb.value)).toEqual([undefined, undefined]);
    expect(result.model!.functions[0]!.memoryMb.unresolved).toBe('../outside.yml is not read: it is outside the workspace folder');
  });

  test('reached through self: on the line where the file is named', () => {
    const result = analyze(
      'service: s\ncustom:\n  sizes: ${file(/etc/sizes.yml)}\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  a:\n    handler: a.h\n    memorySize: ${self:custom.sizes.a}\n',
    );
    expect(refusals(result)).toEqual([[2, '${file(/etc/sizes.yml)} is not read: it is outside the workspace folder.']]);
  });

  test('reached through another file of the workspace: on the line of this file that led there', () => {
    const result = analyze(
      'service: s\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  a:\n    handler: a.h\n    timeout: ${file(./config.yml):timeout}\n',
      {
        'config.yml': 'timeout: ${file(../../secrets.yml):timeout}\n',
      },
    );
    expect(refusals(result)).toEqual([[7, '${file(../../secrets.yml)} is not read: it is outside the workspace folder.']]);
  });

  test('with a fallback: the fallback is the value, and the refusal is still said', () => {
    const result = analyze(
      'service: s\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  a:\n    handler: a.h\n    memorySize: ${file(../outside.yml):mem, 512}\n',
    );
    expect(result.model!.functions[0]!.memoryMb.value).toBe(512);
    expect(refusals(result)).toEqual([[7, '${file(../outside.yml)} is not read: it is outside the workspace folder.']]);
  });

  test('a file that is simply missing stays as before: unresolved, no finding', () => {
    const result = analyze(
      'service: s\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  a:\n    handler: a.h\n    memorySize: ${file(./missing.yml):mem}\n',
    );
    expect(refusals(result)).toEqual([]);
    expect(result.model!.functions[0]!.memoryMb.unresolved).toBe('./missing.yml could not be read');
  });
});
