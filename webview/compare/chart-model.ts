/**
 * What the chart draws, worked out without a canvas (chart.ts hands it to Chart.js): the datasets with their
 * legend swatches, the axes' ticks for the width at hand, the y range from the data, and the tooltip's text.
 * No DOM and no Chart.js here, so unit tests read it directly.
 */
import { chartLines, chartText } from '../../src/core/browser.js';
import { type CompareViewState } from '../../src/shared/compare-messages.js';
import { count, usd } from './format.js';

/** The theme's colours the chart uses. */
export interface ChartColors {
  /** By line key (`lambda`, `fargate`); other platforms take `more` in turn. */
  lines: Record<string, string>;
  more: string[];
  /** The marks (crossover, traffic), the axes' text. */
  mark: string;
}

/** A dataset as Chart.js takes it, reduced to what the chart sets. */
export interface ChartSet {
  kind: 'platform' | 'crossover' | 'stays' | 'typical' | 'band';
  label: string;
  data: { x: number; y: number }[];
  color: string;
  /** The legend's swatch (legend.labels.usePointStyle): a line for lines and marks, a diamond for the band's points. */
  pointStyle: 'line' | 'rectRot' | 'circle';
  pointRadius: number;
  borderDash?: number[];
  borderWidth: number;
  showLine: boolean;
}

/** The least space a tick label needs on the x axis ("100M" and a gap), in CSS pixels. */
export const X_LABEL_PX = 56;
/** The same on the y axis (a label is a line of text). */
export const Y_LABEL_PX = 28;

/** 10^e, exact for negative e too (10 ** -4 is 0.00009999999999999999). */
const pow10 = (e: number) => (e < 0 ? 1 / 10 ** -e : 10 ** e);

/** Powers of ten from `min` to `max`, every `step`-th one, so that labels at least `labelPx` apart fit in `lengthPx`. */
export function decadeTicks(min: number, max: number, lengthPx: number, labelPx: number): number[] {
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const decades = last - first + 1;
  if (decades <= 0) return [];
  const fit = Math.max(2, Math.floor(lengthPx / labelPx));
  const step = Math.max(1, Math.ceil((decades - 1) / (fit - 1)));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += step) ticks.push(pow10(e));
  return ticks;
}

/** The y axis: from the decade below the smallest positive figure shown to the decade above the largest. */
export function yRange(values: readonly number[]): { min: number; max: number } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!positive.length) return { min: 0.01, max: 1 };
  const min = pow10(Math.floor(Math.log10(Math.min(...positive))));
  const max = pow10(Math.ceil(Math.log10(Math.max(...positive))));
  return { min, max: max > min ? max : min * 10 };
}

/** A y tick: dollars, with as many decimals as a cent's fraction needs ($0.001). */
export const yTick = (value: number): string => (value >= 0.01 ? usd(value) : `$${Number(value.toPrecision(1))}`);
/** An x tick: a count (1k, 10M, 1B). */
export const xTick = (value: number): string => count(value);

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! >= x) {
      const t = Math.log(x / xs[i - 1]!) / Math.log(xs[i]! / xs[i - 1]!);
      return ys[i - 1]! + (ys[i]! - ys[i - 1]!) * t;
    }
  }
  return ys[ys.length - 1]!;
}

/** Every line and mark of the chart, in legend order: the platforms, the crossover, where Fargate stays cheaper, the traffic. */
export function chartSets(state: CompareViewState, colors: ChartColors): { sets: ChartSet[]; y: { min: number; max: number } } {
  const { sweep, report, scenario } = state.data;
  const lines = chartLines(state.data);
  const y = yRange(lines.flatMap((l) => l.values));
  // On a log axis a zero (the free tier covers it all) sits on the floor.
  const at = (v: number) => Math.max(v, y.min);
  const sets: ChartSet[] = lines.map((l, i) => ({
    kind: 'platform',
    label: l.label,
    data: sweep.requestsPerMonth.map((x, j) => ({ x, y: at(l.values[j]!) })),
    color: colors.lines[l.key] ?? colors.more[(i - 2 + colors.more.length) % colors.more.length]!,
    pointStyle: 'line',
    pointRadius: 0,
    borderWidth: 2,
    showLine: true,
  }));
  const vertical = (kind: ChartSet['kind'], label: string, x: number, borderDash: number[]): ChartSet => ({
    kind,
    label,
    data: [
      { x, y: y.min },
      { x, y: y.max },
    ],
    color: colors.mark,
    pointStyle: 'line',
    pointRadius: 0,
    borderDash,
    borderWidth: 1,
    showLine: true,
  });
  const crossover = report.crossover.requestsPerMonth;
  if (crossover !== null) sets.push(vertical('crossover', chartText.crossover(crossover), crossover, [6, 4]));
  // Where Fargate stays cheaper, when the staircase crosses Lambda's line again after the first point.
  const stays = report.crossover.staysCheaperFrom;
  if (stays !== null && stays !== undefined && crossover !== null && stays > crossover * 1.0001)
    sets.push(vertical('stays', chartText.staysCheaper(stays), stays, [2, 3]));
  // The typical (or given) traffic: a solid line with a dot on every platform's line; the low and high bands as diamonds.
  const typical = scenario.requestsPerMonth;
  const typicalSet = vertical('typical', chartText.typical(typical, state.traffic === 'assumed'), typical, []);
  typicalSet.borderWidth = 2;
  sets.push(typicalSet);
  if (state.bands && state.traffic === 'assumed') {
    const band = [state.bands.low, state.bands.high];
    sets.push({
      kind: 'band',
      label: chartText.band(state.bands.low, state.bands.high),
      data: band.flatMap((x) => lines.map((l) => ({ x, y: at(interpolate(sweep.requestsPerMonth, l.values, x)) }))),
      color: colors.mark,
      pointStyle: 'rectRot',
      pointRadius: 4,
      borderWidth: 1,
      showLine: false,
    });
  }
  return { sets, y };
}

/** The tooltip at a point of the sweep: the volume, then every platform's monthly cost there. */
export function tooltipAt(state: CompareViewState, index: number): { title: string; lines: string[] } {
  const { sweep } = state.data;
  const x = sweep.requestsPerMonth[index]!;
  return { title: chartText.tooltipTitle(x), lines: chartLines(state.data).map((l) => chartText.point(l.label, l.values[index]!)) };
}
