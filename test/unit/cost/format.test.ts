// One way to write money and counts: the CodeLens, hovers, reports, the CLI, the status bar and the comparison
// view all write the same amount the same way (the lens said "$187" where the view said "$186.67").
import { describe, expect, test } from 'vitest';
import { formatCount, formatUsd, formatWhole } from '../../../src/core/cost/format.js';
import { statusTooltip } from '../../../src/core/present/cost.js';
import { emptyTotal } from '../../../src/core/cost/totals.js';
import { count, usd } from '../../../webview/compare/format.js';

describe('money and counts', () => {
  test('the rule: cents below $100, whole dollars with thousands separators from $100, "<$0.01" for tiny amounts', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.004)).toBe('<$0.01');
    expect(formatUsd(6.6667)).toBe('$6.67');
    expect(formatUsd(99.994)).toBe('$99.99');
    expect(formatUsd(186.666)).toBe('$187');
    expect(formatUsd(1234.5)).toBe('$1,235');
    expect(formatUsd(-150.2)).toBe('-$150');
  });

  test.each([0, 0.004, 1.5, 99.994, 186.666, 999.5, 1234.5, 72.08, -150.2, -3.456])('the comparison view writes %d as the CodeLens does', (value) => {
    expect(usd(value)).toBe(formatUsd(value));
  });

  test.each([12, 2_000, 1_500_000, 41_700_000, 3e9])('the comparison view writes the count %d as the CodeLens does', (value) => {
    expect(count(value)).toBe(formatCount(value));
  });
});

describe('whole counts', () => {
  test('thousands grouped, never abbreviated, checked against Intl', () => {
    for (const n of [0, 7, 999, 1000, 43384, 1234567, 1e9, -2500]) expect(formatWhole(n)).toBe(new Intl.NumberFormat('en-US').format(n));
  });

  test("the status bar's tooltip writes its counts that way", () => {
    const total = { ...emptyTotal(), workloads: 43384, assumed: 43384, byPlatform: [{ id: 'lambda', label: 'Lambda', usd: 139846, workloads: 42384 }] };
    const tooltip = statusTooltip(total);
    expect(tooltip).toContain('as written: 43,384 workloads, each on the platform');
    expect(tooltip).toContain('Lambda: $139,846/mo (42,384 workloads)');
    expect(tooltip).toContain('Traffic is assumed for 43,384 of them');
  });
});
