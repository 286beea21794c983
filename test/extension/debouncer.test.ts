import { describe, expect, test } from 'vitest';
import { Debouncer, type Token } from '../../src/extension/support/debouncer.js';

describe('Debouncer', () => {
  test('a newer request replaces a pending one', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer<string>(() => undefined);
    debouncer.schedule('a', 20, async () => void runs.push('first'));
    debouncer.schedule('a', 20, async () => void runs.push('second'));
    debouncer.schedule('b', 20, async () => void runs.push('other'));
    await debouncer.whenIdle();
    expect(runs.sort()).toEqual(['other', 'second']);
  });

  test('a newer request cancels a run already under way', async () => {
    const debouncer = new Debouncer<string>(() => undefined);
    let firstToken: Token | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    debouncer.schedule('a', 0, async (token) => {
      firstToken = token;
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(firstToken?.isCancellationRequested).toBe(false);
    debouncer.schedule('a', 0, async () => undefined);
    expect(firstToken?.isCancellationRequested).toBe(true);
    release();
    await debouncer.whenIdle();
    expect(debouncer.busy).toBe(false);
  });

  test('runNow cancels what is pending for the key and runs at once', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer<string>(() => undefined);
    debouncer.schedule('a', 1000, async () => void runs.push('debounced'));
    await debouncer.runNow('a', async () => void runs.push('now'));
    expect(runs).toEqual(['now']);
    expect(debouncer.busy).toBe(false);
  });

  test('errors go to the handler and do not leave it busy', async () => {
    const errors: unknown[] = [];
    const debouncer = new Debouncer<string>((e) => errors.push(e));
    await debouncer.runNow('a', async () => {
      throw new Error('boom');
    });
    expect(errors).toHaveLength(1);
    expect(debouncer.busy).toBe(false);
  });

  test('reports busy and idle once per change, for a status display', async () => {
    const changes: boolean[] = [];
    const debouncer = new Debouncer<string>(
      () => undefined,
      (busy) => changes.push(busy),
    );
    debouncer.schedule('a', 5, async () => undefined);
    debouncer.schedule('a', 5, async () => undefined);
    debouncer.schedule('b', 5, async () => undefined);
    await debouncer.whenIdle();
    expect(changes).toEqual([true, false]);
  });

  test('cancelAll leaves nothing pending', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer<string>(() => undefined);
    debouncer.schedule('a', 5, async () => void runs.push('a'));
    debouncer.schedule('b', 5, async () => void runs.push('b'));
    debouncer.cancelAll();
    await debouncer.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toEqual([]);
  });
});
