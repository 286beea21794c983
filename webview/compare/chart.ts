/**
 * The cost-over-traffic chart (Chart.js, log scale on both axes): a line per platform (Lambda with its front
 * door, Fargate with its load balancer, then any other) over 1,000 to 100 billion requests a month, the
 * crossover and the current traffic (or the low / typical / high band) marked. Colours come from the VS Code
 * theme; the labels from src/core/present/view.ts.
 */
import { chartLines, chartText, VIEW_LABELS } from '../../src/core/browser.js';
import {
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { type CompareViewState } from '../../src/shared/compare-messages.js';
import { count, usd } from './format.js';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const themeColor = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

let chart: Chart | undefined;

export function drawChart(canvas: HTMLCanvasElement, state: CompareViewState): void {
  chart?.destroy();
  const { sweep, report, scenario } = state.data;
  // Lambda orange, Fargate blue (as the cards), further platforms the theme's other chart colours in turn.
  const colors: Record<string, string> = { lambda: themeColor('--vscode-charts-orange', '#d18616'), fargate: themeColor('--vscode-charts-blue', '#3794ff') };
  const more = [
    themeColor('--vscode-charts-green', '#89d185'),
    themeColor('--vscode-charts-purple', '#b180d7'),
    themeColor('--vscode-charts-yellow', '#cca700'),
    themeColor('--vscode-charts-red', '#f14c4c'),
  ];
  const lines = chartLines(state.data);
  const colorOf = (key: string, i: number) => colors[key] ?? more[i % more.length]!;
  const markColor = themeColor('--vscode-charts-foreground', themeColor('--vscode-foreground', '#cccccc'));
  const grid = themeColor('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const line = (label: string, values: number[], color: string): ChartDataset<'line'> => ({
    type: 'line',
    label,
    data: sweep.requestsPerMonth.map((x, i) => ({ x, y: Math.max(values[i]!, 0.01) })),
    borderColor: color,
    backgroundColor: color,
    pointRadius: 0,
    borderWidth: 2,
  });
  const marks: ChartDataset<'scatter'>[] = [];
  const all = lines.flatMap((l) => l.values).filter((v) => v > 0);
  const top = Math.max(...all);
  const bottom = Math.max(Math.min(...all), 0.01);
  if (report.crossover.requestsPerMonth !== null) {
    const x = report.crossover.requestsPerMonth;
    marks.push({
      type: 'scatter',
      label: chartText.crossover(x),
      data: [
        { x, y: bottom },
        { x, y: top },
      ],
      showLine: true,
      borderDash: [6, 4],
      borderColor: markColor,
      backgroundColor: markColor,
      pointRadius: 0,
      borderWidth: 1,
    });
  }
  // Where Fargate stays cheaper, when the staircase crosses Lambda's line again after the first point.
  const stays = report.crossover.staysCheaperFrom;
  if (stays !== null && stays !== undefined && report.crossover.requestsPerMonth !== null && stays > report.crossover.requestsPerMonth * 1.0001) {
    marks.push({
      type: 'scatter',
      label: chartText.staysCheaper(stays),
      data: [
        { x: stays, y: bottom },
        { x: stays, y: top },
      ],
      showLine: true,
      borderDash: [2, 3],
      borderColor: markColor,
      backgroundColor: markColor,
      pointRadius: 0,
      borderWidth: 1,
    });
  }
  const current = state.bands && state.traffic === 'assumed' ? [state.bands.low, scenario.requestsPerMonth, state.bands.high] : [scenario.requestsPerMonth];
  marks.push({
    type: 'scatter',
    label: chartText.traffic(state.traffic === 'assumed' && !!state.bands),
    data: current.flatMap((x) => lines.map((l) => ({ x, y: Math.max(interpolate(sweep.requestsPerMonth, l.values, x), 0.01) }))),
    borderColor: markColor,
    backgroundColor: markColor,
    pointRadius: 4,
    pointStyle: 'rectRot',
  });
  chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [...lines.map((l, i) => line(l.label, l.values, colorOf(l.key, i - 2))), ...marks] as ChartDataset<'line'>[],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: markColor,
      parsing: false,
      scales: {
        x: {
          type: 'logarithmic',
          title: { display: true, text: VIEW_LABELS.chartRequests, color: markColor },
          ticks: { color: markColor, callback: (v) => count(Number(v)) },
          grid: { color: grid },
        },
        y: {
          type: 'logarithmic',
          title: { display: true, text: VIEW_LABELS.chartCost, color: markColor },
          ticks: { color: markColor, callback: (v) => usd(Number(v)) },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { labels: { color: markColor } },
        tooltip: { callbacks: { label: (item) => chartText.point(item.dataset.label, item.parsed.y ?? 0, item.parsed.x ?? 0) } },
      },
    },
  });
}

function interpolate(xs: number[], ys: number[], x: number): number {
  for (let i = 1; i < xs.length; i++) {
    if (xs[i]! >= x) {
      const t = Math.log(x / xs[i - 1]!) / Math.log(xs[i]! / xs[i - 1]!);
      return ys[i - 1]! + (ys[i]! - ys[i - 1]!) * t;
    }
  }
  return ys[ys.length - 1]!;
}
