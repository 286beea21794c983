// Reads stay inside their root: the host reader of referenced files (fileReaderFor), the capped reader the
// editor's scan uses (readLocalCapped with a folder), and CDK apps importing consts from elsewhere.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { type PythonReader } from '../../src/core/parse/readers.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { readLocalCapped, readLocalCappedSync } from '../../src/node/disk.js';
import { fileReaderFor, type ReadRoot } from '../../src/node/file-reader.js';
import { testPythonReader } from '../support/python-reader.js';

// base/outside.yml, base/outside/consts.ts          <- outside the root
// base/project/                                      <- the root (a workspace folder)
//   consts.py, app/inside.yml, app/consts.ts, app/link-out.yml -> ../../outside.yml, app/link-in.yml -> inside.yml
const base = realpathSync(mkdtempSync(join(tmpdir(), 'crossover-reads-')));
const project = join(base, 'project');
const app = join(project, 'app');
const root: ReadRoot = { folder: project, label: 'the workspace folder' };
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(app, { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside.yml'), 'mem: 2048\n');
  writeFileSync(join(base, 'outside', 'consts.ts'), 'export const MEMORY = 3008;\n');
  writeFileSync(join(app, 'inside.yml'), 'mem: 512\n');
  writeFileSync(join(app, 'consts.ts'), 'export const MEMORY = 1536;\n');
  writeFileSync(join(project, 'consts.py'), 'MEMORY = 2560\n');
  symlinkSync('../../outside.yml', join(app, 'link-out.yml'));
  symlinkSync('inside.yml', join(app, 'link-in.yml'));
  symlinkSync('../../outside/consts.ts', join(app, 'link-consts.ts'));
});

describe('fileReaderFor: referenced files are read only inside the root', () => {
  const read = (path: string, from = join(app, 'serverless.yml'), within = root) => fileReaderFor(from, within)!(path);

  test('an absolute path outside the root is refused with the reason, whatever its name', () => {
    expect(read('/proc/self/status')).toEqual({ refused: 'it is outside the workspace folder' });
    expect(read(join(base, 'outside.yml'))).toEqual({ refused: 'it is outside the workspace folder' });
  });

  test('a ../ path that climbs out of the root is refused', () => {
    expect(read('../../outside.yml')).toEqual({ refused: 'it is outside the workspace folder' });
    expect(read('./sub/../../../outside.yml')).toEqual({ refused: 'it is outside the workspace folder' });
  });

  test('a link inside the root to a file outside is refused; a link to a file inside is read', () => {
    expect(read('./link-out.yml')).toEqual({ refused: 'it is a link that leads outside the workspace folder' });
    expect(read('./link-in.yml')).toBe('mem: 512\n');
    expect(read('./inside.yml')).toBe('mem: 512\n');
  });

  test('the root is a folder, not a prefix: /x/project2 is outside /x/project', () => {
    mkdirSync(join(base, 'project2'), { recursive: true });
    writeFileSync(join(base, 'project2', 'x.yml'), 'mem: 4096\n');
    expect(read('../../project2/x.yml')).toEqual({ refused: 'it is outside the workspace folder' });
    expect(read('../app/inside.yml', join(app, 'serverless.yml'), { folder: project + '/', label: 'the workspace folder' })).toBe('mem: 512\n');
  });

  test('the same file is inside one root and outside a narrower one', () => {
    const sibling = join(project, 'shared.yml');
    writeFileSync(sibling, 'mem: 640\n');
    expect(read('../shared.yml')).toBe('mem: 640\n');
    expect(read('../shared.yml', join(app, 'serverless.yml'), { folder: app, label: 'the folder given' })).toEqual({
      refused: 'it is outside the folder given',
    });
  });
});

// The check the editor's workspace scan makes for each file it lists (workspace.findFiles follows links).
describe.each([
  ['readLocalCapped', readLocalCapped],
  ['readLocalCappedSync', async (path: string, max: number, within?: string) => readLocalCappedSync(path, max, within)],
])('%s within a folder', (_name, readCapped) => {
  test('a link to a file outside the folder is not read', async () => {
    expect(await readCapped(join(app, 'link-out.yml'), 1000, project)).toEqual({ kind: 'outside', path: join(base, 'outside.yml') });
  });

  test('a path outside the folder as written is refused before it is looked at', async () => {
    expect(await readCapped(join(base, 'outside.yml'), 1000, project)).toEqual({ kind: 'outside', path: join(base, 'outside.yml') });
    expect(await readCapped(join(project, '..', 'no-such-file.yml'), 1000, project)).toEqual({ kind: 'outside', path: join(base, 'no-such-file.yml') });
  });

  test('files inside, and links that stay inside, are read; a dangling link is missing', async () => {
    const inside = await readCapped(join(app, 'link-in.yml'), 1000, project);
    expect(inside.kind === 'bytes' && inside.bytes.toString()).toBe('mem: 512\n');
    expect((await readCapped(join(app, 'inside.yml'), 1000, project)).kind).toBe('bytes');
    symlinkSync('gone.yml', join(app, `dangling-${_name}.yml`));
    expect(await readCapped(join(app, `dangling-${_name}.yml`), 1000, project)).toEqual({ kind: 'missing' });
  });

  test('the folder itself may be reached through a link', async () => {
    const linked = join(base, `linked-project-${_name}`);
    symlinkSync(project, linked);
    expect((await readCapped(join(linked, 'app', 'inside.yml'), 1000, linked)).kind).toBe('bytes');
    expect((await readCapped(join(linked, 'app', 'link-out.yml'), 1000, linked)).kind).toBe('outside');
  });

  test('without a folder the file is read as given (a file named on the command line)', async () => {
    expect((await readCapped(join(app, 'link-out.yml'), 1000)).kind).toBe('bytes');
  });
});

describe('CDK apps: consts are imported only from inside the root', () => {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const stack = (from: string) => `import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { MEMORY } from '${from}';

export class AppStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Fn', { memorySize: MEMORY, runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
  }
}
`;
  const analyze = (from: string) => {
    const uri = join(app, 'stack.ts');
    return analyzeText({ uri, text: stack(from), typescript: typescriptReader, readFile: fileReaderFor(uri, root)! }, config);
  };

  test('TypeScript: an import from ../outside/consts (outside the root) is not read, and the finding says why', () => {
    const result = analyze('../../outside/consts');
    expect(result.model!.functions[0]!.memoryMb.value).toBeUndefined();
    const refused = result.findings.filter((f) => f.ruleId === 'unresolved-reference');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toBe('../../outside/consts is not read: it is outside the workspace folder.');
    expect(refused[0]!.range.start.line).toBe(2);
  });

  test('TypeScript: an import through a link to a file outside the root is not read', () => {
    const result = analyze('./link-consts');
    expect(result.model!.functions[0]!.memoryMb.value).toBeUndefined();
    expect(result.findings.find((f) => f.ruleId === 'unresolved-reference')?.message).toBe(
      './link-consts is not read: it is a link that leads outside the workspace folder.',
    );
  });

  test('TypeScript: an import from inside the root is read as before', () => {
    const result = analyze('./consts');
    expect(result.model!.functions[0]!.memoryMb.value).toBe(1536);
    expect(result.findings.filter((f) => f.ruleId === 'unresolved-reference')).toEqual([]);
  });

  let python: PythonReader;
  beforeAll(async () => {
    python = await testPythonReader();
  });
  const pythonStack = `from aws_cdk import Stack, aws_lambda as _lambda
from ..consts import MEMORY

class AppStack(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        _lambda.Function(self, "Fn", memory_size=MEMORY, runtime=_lambda.Runtime.PYTHON_3_12, handler="i.h", code=_lambda.Code.from_inline("x"))
`;

  test('Python: a relative import that climbs out of the root is not read, and the finding says why', () => {
    const uri = join(app, 'stack.py');
    const narrow = analyzeText({ uri, text: pythonStack, python, readFile: fileReaderFor(uri, { folder: app, label: 'the folder given' })! }, config);
    expect(narrow.model!.functions[0]!.memoryMb.value).toBeUndefined();
    expect(narrow.findings.find((f) => f.ruleId === 'unresolved-reference')?.message).toBe('..consts is not read: it is outside the folder given.');
    const wide = analyzeText({ uri, text: pythonStack, python, readFile: fileReaderFor(uri, root)! }, config);
    expect(wide.model!.functions[0]!.memoryMb.value).toBe(2560);
  });
});
