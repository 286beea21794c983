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

  describe('leading edge (a keystroke after a pause)', () => {
    /** A debouncer on a clock the test moves, and the runs it started (by label), with their tokens. */
    function leading() {
      let clock = 1000;
      const debouncer = new Debouncer<string>(
        () => undefined,
        undefined,
        () => clock,
      );
      const runs: { label: string; token: Token }[] = [];
      const request = (label: string, delayMs = 50) => debouncer.schedule('doc', delayMs, async (token) => void runs.push({ label, token }), { leading: true });
      return { debouncer, runs, request, advance: (ms: number) => (clock += ms) };
    }

    test('the first request runs at once; one within the delay waits for the pause and replaces any other', async () => {
      const { debouncer, runs, request, advance } = leading();
      request('first');
      expect(runs.map((r) => r.label)).toEqual(['first']); // started before anything was awaited
      advance(10);
      request('second');
      advance(10);
      request('third');
      expect(runs.map((r) => r.label)).toEqual(['first']);
      await debouncer.whenIdle();
      expect(runs.map((r) => r.label)).toEqual(['first', 'third']);
    });

    test('after a pause of the delay the next request runs at once again, and cancels a run still under way', async () => {
      const { debouncer, runs, request, advance } = leading();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let slowToken: Token | undefined;
      debouncer.schedule(
        'doc',
        50,
        async (token) => {
          slowToken = token;
          await gate;
        },
        { leading: true },
      );
      expect(slowToken?.isCancellationRequested).toBe(false);
      advance(50);
      request('after the pause');
      expect(runs.map((r) => r.label)).toEqual(['after the pause']);
      expect(slowToken?.isCancellationRequested).toBe(true);
      release();
      await debouncer.whenIdle();
    });

    test('a request while one waits for the pause waits too, however long ago the last request was', async () => {
      const { debouncer, runs, request, advance } = leading();
      request('first');
      request('second'); // waits for the pause
      advance(500);
      request('third'); // the second is still pending: this one replaces it and waits as well
      expect(runs.map((r) => r.label)).toEqual(['first']);
      await debouncer.whenIdle();
      expect(runs.map((r) => r.label)).toEqual(['first', 'third']);
    });

    test('cancel forgets the key: its next request runs at once', async () => {
      const { debouncer, runs, request } = leading();
      request('first');
      debouncer.cancel('doc');
      request('reopened');
      expect(runs.map((r) => r.label)).toEqual(['first', 'reopened']);
      await debouncer.whenIdle();
    });

    test('without `leading` every request waits for the delay, as before', async () => {
      const runs: string[] = [];
      const debouncer = new Debouncer<string>(
        () => undefined,
        undefined,
        () => 0,
      );
      debouncer.schedule('doc', 5, async () => void runs.push('only'));
      expect(runs).toEqual([]);
      await debouncer.whenIdle();
      expect(runs).toEqual(['only']);
    });
  });
});
