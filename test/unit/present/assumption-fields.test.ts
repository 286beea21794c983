// The comparison view's assumption fields (webview/compare/render.ts on the fake DOM): an edit applies as it is
// typed, once typing rests; a field set in the view says it differs from the template and has its own Reset.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type CompareViewState, type FromView } from '../../../src/shared/compare-messages.js';
import { viewState } from '../../e2e/view-state.js';
import { fakeDocument, type FakeElement } from '../../support/fake-dom.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const webview = (file: string): Promise<unknown> => import(/* @vite-ignore */ join(import.meta.dirname, '..', '..', '..', 'webview', 'compare', file));
const { render, APPLY_AFTER_MS } = (await webview('render.ts')) as {
  render: (state: CompareViewState, post: (message: FromView) => void) => unknown;
  APPLY_AFTER_MS: number;
};

beforeEach(() => {
  vi.stubGlobal('document', fakeDocument);
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

const fire = (element: FakeElement, type: string) => element.listeners.get(type)?.forEach((listener) => listener());
const type = (field: FakeElement, value: string) => {
  (field as unknown as { value: string }).value = value;
  fire(field, 'input');
};

describe('assumption fields', () => {
  test('typing applies once it rests, without Enter; each keystroke restarts the wait', () => {
    const posted: FromView[] = [];
    const view = render(viewState(fixtures, 'ApiFunction'), (m) => posted.push(m)) as FakeElement;
    const requests = view.byId('requests')!;
    type(requests, '3');
    vi.advanceTimersByTime(APPLY_AFTER_MS - 1);
    type(requests, '30');
    vi.advanceTimersByTime(APPLY_AFTER_MS - 1);
    expect(posted).toEqual([]);
    type(requests, '300000');
    vi.advanceTimersByTime(APPLY_AFTER_MS);
    expect(posted).toEqual([{ type: 'override', overrides: { requestsPerMonth: 300000 } }]);
    // Enter (a change event) with the same value sends nothing more.
    fire(requests, 'change');
    expect(posted).toHaveLength(1);
  });

  test('out of range is marked and not sent, as it is typed', () => {
    const posted: FromView[] = [];
    const view = render(viewState(fixtures, 'ApiFunction'), (m) => posted.push(m)) as FakeElement;
    const memory = view.byId('memory')!;
    type(memory, '20');
    vi.advanceTimersByTime(APPLY_AFTER_MS);
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(posted).toEqual([]);
  });

  test('a field set in the view says it differs from the template; its Reset drops only that edit', () => {
    const posted: FromView[] = [];
    const state = viewState(fixtures, 'ApiFunction', { requestsPerMonth: 2000, region: 'eu-west-1' });
    const view = render(state, (m) => posted.push(m)) as FakeElement;
    expect(view.byId('requests-edited')!.textContent).toContain('differs from the template');
    expect(view.byId('region-edited')!.textContent).toContain('differs from the template');
    expect(view.byId('duration-edited')!.textContent).toBe('');
    expect(view.byId('duration-reset')).toBeUndefined();
    fire(view.byId('requests-reset')!, 'click');
    expect(posted).toEqual([{ type: 'override', overrides: { region: 'eu-west-1' } }]);
    // The whole-view Reset stays.
    fire(view.byId('reset')!, 'click');
    expect(posted.at(-1)).toEqual({ type: 'reset' });
  });
});
