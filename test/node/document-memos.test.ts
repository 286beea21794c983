/**
 * What the engine thread keeps of the documents being typed in (src/node/document-memos.ts): a memo per document, for
 * the last few; and the thread's results for a document typed into are those of the engine in-process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedTemplate } from '../../scripts/lib/generated.mjs';
import { analyzeText, resolveConfig } from '../../src/core/index.js';
import { DocumentMemos } from '../../src/node/document-memos.js';
import { EngineThread } from '../../src/node/engine-thread.js';

const repo = join(import.meta.dirname, '..', '..');
const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
const never = { isCancellationRequested: false };

describe('DocumentMemos', () => {
  test('one memo per document, the least recently used forgotten past four', () => {
    const memos = new DocumentMemos();
    const a = memos.for('file:///a.yaml');
    expect(memos.for('file:///a.yaml')).toBe(a);
    const b = memos.for('file:///b.yaml');
    for (const name of ['c', 'd']) memos.for(`file:///${name}.yaml`);
    // a used again: b is now the least recently used, dropped when a fifth document comes.
    expect(memos.for('file:///a.yaml')).toBe(a);
    memos.for('file:///e.yaml');
    expect(memos.for('file:///a.yaml')).toBe(a);
    expect(memos.for('file:///b.yaml')).not.toBe(b);
  });
});

describe('the engine thread, typed into', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  });

  test("the 5,000-line template's Timeout typed: the findings and model of the engine in-process, each time", async () => {
    const thread = new EngineThread(join(repo, 'dist', 'engine-worker.js'));
    try {
      const uri = 'file:///w/big/template.yaml';
      const base = generatedTemplate(310);
      for (const value of ['90', '901', '90', '9', '901']) {
        const text = base.replace('      Timeout: 5\n', `      Timeout: ${value}\n`);
        const typed = await thread.analyze({ uri, text }, config, never, { urgent: true });
        const alone = analyzeText({ uri, text }, config);
        expect(typed.findings).toEqual(alone.findings);
        expect(typed.model).toEqual(alone.model);
      }
    } finally {
      thread.dispose();
    }
  }, 120_000);
});
