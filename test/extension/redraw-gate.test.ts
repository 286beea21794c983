import { describe, expect, test } from 'vitest';
import { RedrawGate } from '../../src/extension/support/redraw-gate.js';

/** A gate over documents whose signature is their entry in `now`, with the documents in view and the redraws counted. */
function gate(inView: string[], now: Map<string, string>) {
  let redraws = 0;
  const errors: unknown[] = [];
  const asked: string[] = [];
  const g = new RedrawGate<string>(
    async (doc) => {
      asked.push(doc);
      const signature = now.get(doc);
      if (signature === undefined) throw new Error(`no signature for ${doc}`);
      return signature;
    },
    () => inView.map((d) => [d, d] as const),
    () => redraws++,
    (error) => errors.push(error),
  );
  return { g, redraws: () => redraws, errors, asked };
}

describe('RedrawGate', () => {
  test('no redraw while every document in view shows what it would show now', async () => {
    const now = new Map([
      ['a', 'A1'],
      ['b', 'B1'],
    ]);
    const { g, redraws } = gate(['a', 'b'], now);
    g.shownNow('a', 'A1');
    g.shownNow('b', 'B1');
    for (let i = 0; i < 20; i++) await g.changed(); // other files' estimates, one after another
    expect(redraws()).toBe(0);
  });

  test('one redraw when a document in view would show something else, then none once the editor asked again', async () => {
    const now = new Map([
      ['a', 'A1'],
      ['b', 'B1'],
    ]);
    const { g, redraws } = gate(['a', 'b'], now);
    g.shownNow('a', 'A1');
    g.shownNow('b', 'B1');
    now.set('b', 'B2');
    await g.changed();
    expect(redraws()).toBe(1);
    g.shownNow('b', 'B2'); // the editor asked for the lenses again
    await g.changed();
    expect(redraws()).toBe(1);
  });

  test('documents out of view, or never asked for, are not compared', async () => {
    const now = new Map([
      ['a', 'A1'],
      ['hidden', 'H2'],
    ]);
    const { g, redraws, asked } = gate(['a', 'new'], now);
    g.shownNow('a', 'A1');
    g.shownNow('hidden', 'H1');
    await g.changed();
    expect(redraws()).toBe(0);
    expect(asked).toEqual(['a']);
    g.forget('a');
    now.set('a', 'A2');
    await g.changed();
    expect(redraws()).toBe(0);
  });

  test('changes during a check make one more check after it, not one each', async () => {
    const now = new Map([['a', 'A1']]);
    const { g, redraws, asked } = gate(['a'], now);
    g.shownNow('a', 'A1');
    const first = g.changed();
    const rest = [g.changed(), g.changed(), g.changed()];
    now.set('a', 'A2');
    await Promise.all([first, ...rest]);
    expect(asked.length).toBe(2);
    expect(redraws()).toBe(1);
  });

  test('a failing signature is reported, and the next change is checked again', async () => {
    const now = new Map<string, string>();
    const { g, redraws, errors } = gate(['a'], now);
    g.shownNow('a', 'A1');
    await g.changed();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/no signature for a/);
    now.set('a', 'A2');
    await g.changed();
    expect(redraws()).toBe(1);
  });
});
