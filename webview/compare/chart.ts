/**
 * The cost-over-traffic chart (Chart.js, log scale on both axes, labelled so): a line per platform (Lambda with
 * its front door, Fargate with its load balancer, then any other) over 1,000 to 100 billion requests a month,
 * the crossover and the typical traffic (with the low / high band) marked. What it draws is worked out in
 * chart-model.ts; colours come from the VS Code theme; the labels from src/core/present/view.ts.
 */
import { VIEW_LABELS } from '../../src/core/browser.js';
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
import { chartSets, decadeTicks, tooltipAt, X_LABEL_PX, xTick, Y_LABEL_PX, yTick } from './chart-model.js';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const themeColor = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

let chart: Chart | undefined;

export function drawChart(canvas: HTMLCanvasElement, state: CompareViewState): void {
  chart?.destroy();
  const { sweep } = state.data;
  const mark = themeColor('--vscode-charts-foreground', themeColor('--vscode-foreground', '#cccccc'));
  // Lambda orange, Fargate blue (as the cards), further platforms the theme's other chart colours in turn.
  const { sets, y } = chartSets(state, {
    lines: { lambda: themeColor('--vscode-charts-orange', '#d18616'), fargate: themeColor('--vscode-charts-blue', '#3794ff') },
    more: [
      themeColor('--vscode-charts-green', '#89d185'),
      themeColor('--vscode-charts-purple', '#b180d7'),
      themeColor('--vscode-charts-yellow', '#cca700'),
      themeColor('--vscode-charts-red', '#f14c4c'),
    ],
    mark,
  });
  const grid = themeColor('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const platforms = sets.filter((s) => s.kind === 'platform').length;
  const datasets = sets.map((s): ChartDataset<'line'> => ({
    type: 'line',
    label: s.label,
    data: s.data,
    borderColor: s.color,
    // The legend's swatch is the line itself (or the band's diamond), never a filled box.
    backgroundColor: s.kind === 'band' ? s.color : 'transparent',
    pointStyle: s.pointStyle,
    pointRadius: s.pointRadius,
    pointHoverRadius: s.pointRadius,
    borderWidth: s.borderWidth,
    showLine: s.showLine,
    ...(s.borderDash ? { borderDash: s.borderDash } : {}),
  }));
  const min = sweep.requestsPerMonth[0]!;
  const max = sweep.requestsPerMonth[sweep.requestsPerMonth.length - 1]!;
  chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: mark,
      parsing: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'logarithmic',
          min,
          max,
          title: { display: true, text: VIEW_LABELS.chartRequests, color: mark },
          // Powers of ten only, fewer as the view narrows, so no two labels overlap.
          afterBuildTicks: (axis) => {
            axis.ticks = decadeTicks(min, max, axis.width || canvas.clientWidth, X_LABEL_PX).map((value) => ({ value }));
          },
          ticks: { color: mark, callback: (v) => xTick(Number(v)), autoSkip: false, maxRotation: 0 },
          grid: { color: grid },
        },
        y: {
          type: 'logarithmic',
          min: y.min,
          max: y.max,
          title: { display: true, text: VIEW_LABELS.chartCost, color: mark },
          afterBuildTicks: (axis) => {
            axis.ticks = decadeTicks(y.min, y.max, axis.height || canvas.clientHeight, Y_LABEL_PX).map((value) => ({ value }));
          },
          ticks: { color: mark, callback: (v) => yTick(Number(v)), autoSkip: false },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { labels: { color: mark, usePointStyle: true, pointStyleWidth: 24, boxHeight: 8 } },
        tooltip: {
          // Every platform's value at the hovered volume (one entry per platform line, none for the marks).
          filter: (item) => item.datasetIndex < platforms,
          callbacks: {
            title: (items) => (items[0] ? tooltipAt(state, items[0].dataIndex).title : ''),
            label: (item) => tooltipAt(state, item.dataIndex).lines[item.datasetIndex] ?? '',
          },
        },
      },
    },
  });
}
