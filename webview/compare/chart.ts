/**
 * The cost-over-traffic chart (Chart.js, log scale on both axes): Lambda with its front door and Fargate
 * with its load balancer over 1,000 to 100 billion requests a month, the crossover and the current traffic
 * (or the low / typical / high band) marked. Colours come from the VS Code theme.
 */
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
  const lambdaColor = themeColor('--vscode-charts-orange', '#d18616');
  const fargateColor = themeColor('--vscode-charts-blue', '#3794ff');
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
  const all = [...sweep.lambda, ...sweep.fargate].filter((v) => v > 0);
  const top = Math.max(...all);
  const bottom = Math.max(Math.min(...all), 0.01);
  if (report.crossover.requestsPerMonth !== null) {
    const x = report.crossover.requestsPerMonth;
    marks.push({
      type: 'scatter',
      label: `Crossover (${count(x)}/mo)`,
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
  const current = state.bands && state.traffic === 'assumed' ? [state.bands.low, scenario.requestsPerMonth, state.bands.high] : [scenario.requestsPerMonth];
  marks.push({
    type: 'scatter',
    label: state.traffic === 'assumed' && state.bands ? 'Traffic: low / typical / high' : 'Current traffic',
    data: current.flatMap((x) => [
      { x, y: Math.max(interpolate(sweep.requestsPerMonth, sweep.lambda, x), 0.01) },
      { x, y: Math.max(interpolate(sweep.requestsPerMonth, sweep.fargate, x), 0.01) },
    ]),
    borderColor: markColor,
    backgroundColor: markColor,
    pointRadius: 4,
    pointStyle: 'rectRot',
  });
  chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        line(`Lambda (${scenario.lambda.frontDoor === 'none' ? 'no front door' : 'with its front door'})`, sweep.lambda, lambdaColor),
        line(`Fargate (${scenario.fargate.loadBalancer === 'alb' ? 'with an ALB' : 'no load balancer'})`, sweep.fargate, fargateColor),
        ...marks,
      ] as ChartDataset<'line'>[],
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
          title: { display: true, text: 'Requests per month', color: markColor },
          ticks: { color: markColor, callback: (v) => count(Number(v)) },
          grid: { color: grid },
        },
        y: {
          type: 'logarithmic',
          title: { display: true, text: 'Monthly cost (USD)', color: markColor },
          ticks: { color: markColor, callback: (v) => usd(Number(v)) },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { labels: { color: markColor } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${usd(item.parsed.y ?? 0)} at ${count(item.parsed.x ?? 0)}` } },
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
