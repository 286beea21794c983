import { describe, expect, test } from 'vitest';
import { RedrawGate } from '../../src/extension/support/redraw-gate.js';

/**
 * A gate over documents whose signature is their entry in `now` when asked (answered once `hold` resolves, if set), with
 * the documents in view, the redraws and the documents compared counted.
 */
function gate(inView: string[], now: Map<string, string>, delayMs = 1) {
  let redraws = 0;
  const errors: unknown[] = [];
  const asked: string[] = [];
  const held: { hold?: Promise<void> } = {};
  const g = new RedrawGate<string>(
    async (doc) => {
      asked.push(doc);
      const signature = now.get(doc);
      if (held.hold) await held.hold;
      if (signature === undefined) throw new Error(`no signature for ${doc}`);
      return signature;
    },
    () => inView.map((d) => [d, d] as const),
    () => redraws++,
    (error) => errors.push(error),
    delayMs,
  );
  return { g, redraws: () => redraws, errors, asked, held };
}

/** A gate over the documents of `signatures`, all in view and each showing what it would show now. */
function shownAsNow(signatures: Record<string, string>) {
  const now = new Map(Object.entries(signatures));
  const made = gate([...now.keys()], now);
  for (const [doc, signature] of now) made.g.shownNow(doc, signature);
  return { ...made, now };
}

describe('RedrawGate', () => {
  test('no redraw while every document in view shows what it would show now', async () => {
    const { g, redraws, asked } = shownAsNow({ a: 'A1', b: 'B1' });
    for (let i = 0; i < 5; i++) await g.changed(); // other files' estimates, one after another
    expect(redraws()).toBe(0);
    expect(asked).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  });

  test('one redraw when a document in view would show something else, then none once the editor asked again', async () => {
    const { g, now, redraws } = shownAsNow({ a: 'A1', b: 'B1' });
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

  test('a burst of changes before the delay ends makes one comparison, which sees the last of them', async () => {
    const now = new Map([['a', 'A1']]);
    const { g, redraws, asked } = gate(['a'], now, 20);
    g.shownNow('a', 'A1');
    const burst = Array.from({ length: 10 }, () => g.changed());
    expect(asked).toEqual([]); // nothing compared before the delay
    now.set('a', 'A2');
    await Promise.all(burst);
    expect(asked).toEqual(['a']);
    expect(redraws()).toBe(1);
  });

  test('changes during a comparison make one more after it, not one each', async () => {
    const now = new Map([['a', 'A1']]);
    const { g, redraws, asked, held } = gate(['a'], now);
    g.shownNow('a', 'A1');
    let release!: () => void;
    held.hold = new Promise<void>((resolve) => (release = resolve));
    const first = g.changed();
    while (asked.length === 0) await new Promise<void>((resolve) => setImmediate(resolve)); // the comparison has started
    const during = [g.changed(), g.changed(), g.changed()];
    now.set('a', 'A2');
    held.hold = undefined;
    release();
    await Promise.all([first, ...during]);
    expect(asked).toEqual(['a', 'a']);
    expect(redraws()).toBe(1); // the first saw A1, the one after it A2
  });

  test('a failing signature is reported, and the next change is compared again', async () => {
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

  test('after dispose nothing is compared', async () => {
    const now = new Map([['a', 'A2']]);
    const { g, redraws, asked } = gate(['a'], now);
    g.shownNow('a', 'A1');
    const due = g.changed();
    g.dispose();
    await due;
    await g.changed();
    expect(asked).toEqual([]);
    expect(redraws()).toBe(0);
  });
});
