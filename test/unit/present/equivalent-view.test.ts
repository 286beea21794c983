// The comparison view's "equivalent configuration": a selector with one entry per platform shown, the chosen
// platform's text, and "Open as a new file" asking for the chosen one (webview/compare/render.ts on the fake DOM).
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { type CompareViewState, type FromView } from '../../../src/shared/compare-messages.js';
import { viewState } from '../../e2e/view-state.js';
import { fakeDocument, type FakeElement } from '../../support/fake-dom.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const webview = (file: string): Promise<unknown> => import(/* @vite-ignore */ join(import.meta.dirname, '..', '..', '..', 'webview', 'compare', file));
const { render } = (await webview('render.ts')) as { render: (state: CompareViewState, post: (message: FromView) => void) => unknown };

beforeEach(() => vi.stubGlobal('document', fakeDocument));

const fire = (element: FakeElement, type: string) => element.listeners.get(type)?.forEach((listener) => listener());

describe('the equivalent configuration in the view', () => {
  test('one entry per platform shown; the chosen one is shown and opened', () => {
    const state = viewState(fixtures, 'ApiFunction', { platforms: ['ecs-ec2', 'eks-fargate'] });
    const posted: FromView[] = [];
    const view = render(state, (m) => posted.push(m)) as unknown as FakeElement;
    const select = view.byId('equivalent-platform')!;
    const options = select.byTag('vscode-option');
    expect(options.map((o) => o.getAttribute('value'))).toEqual(['ecs-fargate', 'ecs-ec2', 'eks-fargate']);
    expect(options.map((o) => o.textContent)).toEqual(['Fargate', 'ECS on EC2', 'EKS on Fargate']);
    expect(view.byId('equivalent-text')!.textContent).toBe(state.equivalents['ecs-fargate']!.content);

    // Choose EKS on Fargate: its manifest is shown, and "Open as a new file" asks for it.
    (select as unknown as { value: string }).value = 'eks-fargate';
    fire(select, 'change');
    expect(view.byId('equivalent-text')!.textContent).toBe(state.equivalents['eks-fargate']!.content);
    expect(view.byId('equivalent-text')!.textContent).toContain('kind: Deployment');
    fire(view.byId('open-equivalent')!, 'click');
    expect(posted).toEqual([{ type: 'openEquivalent', platform: 'eks-fargate' }]);

    // A redraw (new figures) keeps the choice.
    const again = render(state, () => {}) as unknown as FakeElement;
    expect(again.byId('equivalent-text')!.textContent).toBe(state.equivalents['eks-fargate']!.content);
  });

  test('the recommendation names the platform picked among those shown', () => {
    const state = viewState(fixtures, 'ApiFunction', { platforms: ['ecs-ec2'] });
    const view = render(state, () => {}) as unknown as FakeElement;
    const recommendation = view.byId('recommendation')!;
    expect(recommendation.byTag('strong')[0]!.textContent).toBe(state.decision.recommendation.platform!.label);
    expect(state.data.platforms.map((p) => p.id)).toContain(state.decision.recommendation.platform!.id);
  });
});
