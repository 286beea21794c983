// A webview page made anew must say "ready" within PAGE_START_MS of being shown, else it is loaded again (at most
// PAGE_RELOADS times in a row); a hidden page is not loaded, and one that started is left alone.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PAGE_RELOADS, PAGE_START_MS, type PageLog, type ShownPanel, watchPageStart } from '../../src/extension/support/page-start.js';

class FakePanel implements ShownPanel {
  visible = true;
  private listeners: (() => void)[] = [];
  onDidChangeViewState(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }
  show(visible: boolean) {
    this.visible = visible;
    for (const l of this.listeners) l();
  }
}

const lines: string[] = [];
const log: PageLog = {
  info: (m) => void lines.push(`info ${m}`),
  warnOnce: (m) => void lines.push(`warn ${m}`),
  guard:
    (_what, handler) =>
    (...args) =>
      void handler(...args),
};

beforeEach(() => {
  vi.useFakeTimers();
  lines.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('a page that must start', () => {
  test('ready in time: never loaded again', () => {
    const panel = new FakePanel();
    let loads = 0;
    const start = watchPageStart(panel, () => loads++, 'View', log);
    vi.advanceTimersByTime(PAGE_START_MS - 1);
    start.ready();
    vi.advanceTimersByTime(PAGE_START_MS * 10);
    expect(loads).toBe(0);
    start.dispose();
  });

  test('silent after it is shown again: loaded again, then left alone once ready', () => {
    const panel = new FakePanel();
    let loads = 0;
    const start = watchPageStart(panel, () => loads++, 'View', log);
    start.ready();
    panel.show(false);
    panel.show(true); // made anew: it must say ready again
    vi.advanceTimersByTime(PAGE_START_MS);
    expect(loads).toBe(1);
    expect(lines).toEqual([`info View: the page did not start within ${PAGE_START_MS / 1000} s; loading it again.`]);
    start.ready();
    vi.advanceTimersByTime(PAGE_START_MS * 10);
    expect(loads).toBe(1);
    start.dispose();
  });

  test('hidden: not loaded; never starting: loaded PAGE_RELOADS times, then said once', () => {
    const panel = new FakePanel();
    let loads = 0;
    const start = watchPageStart(panel, () => loads++, 'View', log);
    panel.show(false);
    vi.advanceTimersByTime(PAGE_START_MS * 10);
    expect(loads).toBe(0);
    panel.show(true);
    vi.advanceTimersByTime(PAGE_START_MS * (PAGE_RELOADS + 5));
    expect(loads).toBe(PAGE_RELOADS);
    expect(lines.filter((l) => l.startsWith('warn'))).toEqual([`warn View: the page did not start after ${PAGE_RELOADS} loads; close it and open it again.`]);
    start.dispose();
    panel.show(true);
    vi.advanceTimersByTime(PAGE_START_MS * 10);
    expect(loads).toBe(PAGE_RELOADS);
  });
});
