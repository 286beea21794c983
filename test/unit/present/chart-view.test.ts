// The comparison view's chart, worked out without a canvas (webview/compare/chart-model.ts): ticks that fit the
// width, legend swatches that are lines and markers (not filled boxes), a y range from the data, the tooltip.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatCount, formatUsd } from '../../../src/core/cost/format.js';
import { chartSets, decadeTicks, tooltipAt, X_LABEL_PX, yRange } from '../../../webview/compare/chart-model.js';
import { viewState } from '../../e2e/view-state.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const colors = { lines: { lambda: 'orange', fargate: 'blue' }, more: ['green', 'purple'], mark: 'grey' };

describe('x ticks', () => {
  test('every power of ten when the chart is wide, fewer when it is narrow, never closer than a label', () => {
    // 1,000 to 100 billion: nine powers of ten.
    expect(decadeTicks(1e3, 1e11, 1000, X_LABEL_PX)).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11]);
    for (const width of [200, 300, 400, 500, 700]) {
      const ticks = decadeTicks(1e3, 1e11, width, X_LABEL_PX);
      // The ticks are spread evenly over the axis on a log scale: the space between two labels is width / 8 decades x step.
      const step = Math.log10(ticks[1]! / ticks[0]!);
      expect((width / 8) * step).toBeGreaterThanOrEqual(X_LABEL_PX);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.every((t) => Number.isInteger(Math.log10(t)))).toBe(true);
    }
    // At 400 px (a view of 400 px less its y axis) at most every other power of ten.
    expect(decadeTicks(1e3, 1e11, 330, X_LABEL_PX).length).toBeLessThanOrEqual(5);
  });
});

describe('the y range', () => {
  test('starts below the smallest figure shown (no floor at $0.01) and ends above the largest', () => {
    expect(yRange([0.0004, 0.2, 31, 2200])).toEqual({ min: 0.0001, max: 10000 });
    expect(yRange([0, 0.003, 5])).toEqual({ min: 0.001, max: 10 });
  });

  test("Lambda's line keeps its shape below a cent: its smallest figures are drawn as they are", () => {
    const state = viewState(fixtures, 'ApiFunction');
    const { sets, y } = chartSets(state, colors);
    const lambda = sets.find((s) => s.kind === 'platform' && s.label.startsWith('Lambda'))!;
    const positive = state.data.sweep.lambda.filter((v) => v > 0);
    expect(Math.min(...positive)).toBeLessThan(0.01);
    expect(y.min).toBeLessThanOrEqual(Math.min(...positive));
    // Every positive point is drawn at its own value, so the first points are not all the same.
    state.data.sweep.lambda.forEach((v, i) => v > 0 && expect(lambda.data[i]!.y).toBe(v));
    expect(new Set(lambda.data.slice(0, 5).map((p) => p.y)).size).toBeGreaterThan(1);
  });
});

describe('legend swatches and marks', () => {
  test('platform lines and the crossover are line swatches, the crossover dashed; the typical traffic is marked', () => {
    const state = viewState(fixtures, 'ApiFunction');
    const { sets } = chartSets(state, colors);
    for (const set of sets) expect(['line', 'rectRot']).toContain(set.pointStyle);
    const platforms = sets.filter((s) => s.kind === 'platform');
    expect(platforms.map((s) => s.color).slice(0, 2)).toEqual(['orange', 'blue']);
    const typical = sets.find((s) => s.kind === 'typical')!;
    expect(typical.data.map((p) => p.x)).toEqual([state.data.scenario.requestsPerMonth, state.data.scenario.requestsPerMonth]);
    expect(typical.label).toContain(formatCount(state.data.scenario.requestsPerMonth));
    expect(typical.color).toBe('grey');
    const crossover = sets.find((s) => s.kind === 'crossover');
    if (state.data.report.crossover.requestsPerMonth !== null) {
      expect(crossover!.pointStyle).toBe('line');
      expect(crossover!.borderDash).toEqual([6, 4]);
    } else expect(crossover).toBeUndefined();
  });
});

describe('the tooltip', () => {
  test("names the volume and every platform's monthly cost there", () => {
    const state = viewState(fixtures, 'ApiFunction', { platforms: ['ecs-ec2'] });
    const index = 10;
    const tip = tooltipAt(state, index);
    expect(tip.title).toBe(`${formatCount(state.data.sweep.requestsPerMonth[index]!)} requests/month`);
    expect(tip.lines).toHaveLength(state.data.platforms.length);
    expect(tip.lines[0]).toBe(`${chartSets(state, colors).sets[0]!.label}: ${formatUsd(state.data.sweep.lambda[index]!)}/mo`);
    expect(tip.lines[1]).toContain(formatUsd(state.data.sweep.fargate[index]!));
    expect(tip.lines[2]).toMatch(/^ECS on EC2: /);
  });
});
