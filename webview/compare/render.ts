/**
 * The comparison view as a pure function of its state: DOM in, nothing else touched. main.ts mounts it and
 * wires the messages; the chart is drawn by chart.ts once the canvas is in the page.
 */
import { OVERRIDE_BOUNDS } from '../../src/shared/compare-checks.js';
import { type FromView, type CompareViewState } from '../../src/shared/compare-messages.js';
import { type Overrides } from '../../src/core/cost/comparison.js';
import { count, usd } from './format.js';
import { FRONT_DOOR_LABELS } from '../../src/core/present/labels.js';

const FRONT_DOORS = Object.entries(FRONT_DOOR_LABELS);
const FARGATE_VCPU = ['0.25', '0.5', '1', '2', '4', '8', '16'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** A custom element (`vscode-textfield`, ...) built the same way. */
function custom(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  return el(tag as keyof HTMLElementTagNameMap, attrs, ...children);
}

/** Renders the whole view; `post` sends the user's edits to the extension. */
export function render(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const { report, scenario } = state.data;
  const root = el('main', { id: 'compare', 'data-workload': state.workload.id });
  const title = state.workload.kind === 'lambda-function' ? `${state.workload.id}: Lambda or Fargate?` : `${state.workload.id}: Fargate or Lambda?`;
  const link = el('a', { href: '#', id: 'open-source' }, `${state.workload.file}:${state.workload.line + 1}`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    post({ type: 'open', uri: state.workload.uri, line: state.workload.line });
  });
  root.append(el('h1', {}, title), el('p', { class: 'where' }, 'Declared in ', link));

  // The answer first: both monthly figures at the current traffic, and where they cross.
  const cheaper = report.cheaper === 'equal' ? 'Both cost the same' : report.cheaper === 'lambda' ? 'Lambda is cheaper' : 'Fargate is cheaper';
  const crossover =
    report.crossover.requestsPerMonth !== null
      ? `They cross at about ${count(report.crossover.requestsPerMonth)} requests/month.`
      : (report.crossover.note ?? '');
  root.append(
    el(
      'section',
      { class: 'summary', 'aria-label': 'Monthly cost' },
      el(
        'div',
        { class: 'figure lambda' },
        el('span', { class: 'label' }, 'Lambda'),
        el('span', { class: 'amount', id: 'lambda-total' }, `${usd(report.lambda.monthlyUsd)}/mo`),
      ),
      el(
        'div',
        { class: 'figure fargate' },
        el('span', { class: 'label' }, `Fargate (${report.fargate.tasks} task${report.fargate.tasks === 1 ? '' : 's'})`),
        el('span', { class: 'amount', id: 'fargate-total' }, `${usd(report.fargate.monthlyUsd)}/mo`),
      ),
      el('p', { class: 'verdict', id: 'verdict' }, `${cheaper} at ${count(scenario.requestsPerMonth)} requests/month. ${crossover}`),
    ),
  );

  root.append(
    el(
      'section',
      { class: 'chart', 'aria-label': 'Monthly cost against monthly requests' },
      el('canvas', { id: 'chart', role: 'img', 'aria-label': `Monthly cost of Lambda and Fargate from 1,000 to 100 billion requests a month. ${crossover}` }),
    ),
  );

  // Breakdown tables at the current assumptions.
  const lb = report.lambda.breakdown;
  const fb = report.fargate.breakdown;
  const rows = (items: [string, number][]) =>
    items.filter(([, v]) => v !== 0).map(([name, v]) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, usd(v))));
  root.append(
    el(
      'section',
      { class: 'breakdowns' },
      el(
        'table',
        { id: 'lambda-breakdown' },
        el('caption', {}, `Lambda: ${scenario.lambda.memoryMb} MB ${scenario.lambda.architecture}`),
        el(
          'tbody',
          {},
          ...rows([
            ['Requests', lb.requests],
            ['Duration', lb.duration],
            ['Front door', lb.frontDoor],
            ['Provisioned concurrency', lb.provisionedConcurrency],
            ['Ephemeral storage', lb.ephemeralStorage],
            ['Free tier', lb.freeTierCredit],
            ['RDS Proxy', lb.rdsProxy],
          ]),
        ),
        el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Total'), el('td', {}, usd(report.lambda.monthlyUsd)))),
      ),
      el(
        'table',
        { id: 'fargate-breakdown' },
        el('caption', {}, `Fargate: ${report.fargate.tasks} × ${report.fargate.vcpu} vCPU / ${report.fargate.memoryGb} GB`),
        el(
          'tbody',
          {},
          ...rows([
            ['Compute', fb.compute],
            ['Load balancer', fb.loadBalancer],
            ['Ephemeral storage', fb.ephemeralStorage],
            ['NAT gateway', fb.natGateway],
          ]),
        ),
        el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Total'), el('td', {}, usd(report.fargate.monthlyUsd)))),
      ),
    ),
  );

  root.append(decisionSection(state, post));
  root.append(assumptionsForm(state, post));
  root.append(equivalentSection(state, post));

  const notes = [`Prices: ${report.region}, dated ${report.priceDate}.`, ...report.notes];
  root.append(el('section', { class: 'notes' }, el('h2', {}, 'Notes'), el('ul', {}, ...notes.map((n) => el('li', {}, n)))));
  return root;
}

/** Every assumption the figures rest on, editable; a change is sent at once and everything is redrawn. */
function assumptionsForm(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const s = state.data.scenario;
  const overrides: Overrides = { ...state.overrides };
  const send = () => post({ type: 'override', overrides: { ...overrides } });
  const form = el('section', { class: 'assumptions', 'aria-label': 'Assumptions' }, el('h2', {}, 'Assumptions'));
  const grid = el('div', { class: 'grid' });
  form.append(grid);

  const number = (id: string, label: string, value: number, apply: (v: number) => void, { min, max }: { min: number; max: number }) => {
    // Text with a decimal keypad: a number field would flag 0.5 GB as a step mismatch.
    const field = custom('vscode-textfield', { id, value: String(value), inputmode: 'decimal' });
    field.addEventListener('change', () => {
      const v = Number((field as HTMLInputElement).value);
      // The extension's bounds (it refuses anything else): out of range is marked here, not sent.
      const valid = Number.isFinite(v) && v >= min && v <= max;
      // Out of range: marked as invalid (and announced), the figures stay as they are.
      field.toggleAttribute('invalid', !valid);
      field.setAttribute('aria-invalid', String(!valid));
      if (valid) {
        apply(v);
        send();
      }
    });
    grid.append(custom('vscode-label', { for: id }, label), field);
  };
  const select = (id: string, label: string, value: string, options: [string, string][], apply: (v: string) => void) => {
    const field = custom(
      'vscode-single-select',
      { id },
      ...options.map(([v, text]) => custom('vscode-option', { value: v, ...(v === value ? { selected: '' } : {}) }, text)),
    );
    field.addEventListener('change', () => {
      apply((field as HTMLSelectElement).value);
      send();
    });
    grid.append(custom('vscode-label', { for: id }, label), field);
  };
  const checkbox = (id: string, label: string, value: boolean, apply: (v: boolean) => void) => {
    const field = custom('vscode-checkbox', { id, label, ...(value ? { checked: '' } : {}) });
    field.addEventListener('change', () => {
      apply((field as HTMLInputElement).checked);
      send();
    });
    grid.append(el('span'), field);
  };

  number('requests', 'Requests per month', s.requestsPerMonth, (v) => (overrides.requestsPerMonth = v), OVERRIDE_BOUNDS.requestsPerMonth);
  number('duration', 'Average duration (ms)', s.durationMs, (v) => (overrides.durationMs = v), OVERRIDE_BOUNDS.durationMs);
  number('memory', 'Lambda memory (MB)', s.lambda.memoryMb, (v) => (overrides.memoryMb = v), OVERRIDE_BOUNDS.memoryMb);
  select(
    'architecture',
    'Lambda architecture',
    s.lambda.architecture,
    [
      ['x86_64', 'x86_64'],
      ['arm64', 'arm64 (Graviton)'],
    ],
    (v) => (overrides.architecture = v as 'x86_64' | 'arm64'),
  );
  select(
    'region',
    'Region',
    s.region,
    state.data.regions.map((r) => [r.id, `${r.id} (${r.name})`]),
    (v) => (overrides.region = v),
  );
  select('front-door', 'Front door', s.lambda.frontDoor, FRONT_DOORS, (v) => (overrides.frontDoor = v as Overrides['frontDoor']));
  select(
    'fargate-vcpu',
    'Fargate task vCPU',
    String(s.fargate.vcpu),
    FARGATE_VCPU.map((v) => [v, `${v} vCPU`]),
    (v) => (overrides.fargateVcpu = Number(v)),
  );
  number('fargate-memory', 'Fargate task memory (GB)', s.fargate.memoryGb, (v) => (overrides.fargateMemoryGb = v), OVERRIDE_BOUNDS.fargateMemoryGb);
  number(
    'per-task',
    'Concurrent requests per task',
    s.fargate.perTaskConcurrency,
    (v) => (overrides.perTaskConcurrency = v),
    OVERRIDE_BOUNDS.perTaskConcurrency,
  );
  number('min-tasks', 'Minimum tasks', s.fargate.minTasks, (v) => (overrides.minTasks = v), OVERRIDE_BOUNDS.minTasks);
  checkbox('free-tier', "Subtract Lambda's free tier", s.freeTier, (v) => (overrides.freeTier = v));
  checkbox('spot', 'Fargate Spot', s.fargate.spot, (v) => (overrides.spot = v));

  const save = custom('vscode-button', { id: 'save-usage' }, 'Save to usage file');
  save.addEventListener('click', () => post({ type: 'saveUsage' }));
  const reset = custom('vscode-button', { id: 'reset', secondary: '' }, 'Reset');
  reset.addEventListener('click', () => post({ type: 'reset' }));
  form.append(el('div', { class: 'actions' }, save, reset));
  if (state.sources.length) {
    form.append(
      el(
        'details',
        {},
        el('summary', {}, 'Where the workload’s values come from'),
        el('ul', {}, ...state.sources.map((a) => el('li', {}, `${a.name}: ${a.value} (${a.source})`))),
      ),
    );
  }
  return form;
}

const LEAN_LABEL: Record<string, string> = { lambda: 'Lambda', containers: 'Containers', either: 'Either', unknown: 'Your call' };

/** The checklist with its evidence (a click opens the line), the recommendation and cold starts. */
function decisionSection(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const { decision } = state;
  const side = decision.recommendation.side === 'lambda' ? 'Lambda' : decision.recommendation.side === 'fargate' ? 'Fargate' : 'Either';
  const section = el(
    'section',
    { class: 'decision', 'aria-label': 'Decision' },
    el('h2', {}, 'Recommendation'),
    el('p', { id: 'recommendation' }, el('strong', {}, side), ': ', decision.recommendation.reasons.join(' ')),
    el('h2', {}, 'Decision checklist'),
  );
  const list = el('ol', { class: 'checklist', id: 'checklist' });
  for (const item of decision.items) {
    const li = el(
      'li',
      {},
      el('span', { class: `lean lean-${item.lean}` }, LEAN_LABEL[item.lean] ?? item.lean),
      ' ',
      el('strong', {}, item.question),
      ' ',
      item.answer,
      ' ',
    );
    if (item.at) {
      const target = item.at;
      const link = el('a', { href: '#', class: 'evidence' }, `line ${target.line + 1}`);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        post({ type: 'open', uri: target.uri, line: target.line });
      });
      li.append(link);
    }
    list.append(li);
  }
  section.append(
    list,
    el('h2', {}, 'Cold starts'),
    el('ul', { class: 'cold' }, el('li', {}, `Lambda: ${decision.coldStart.lambda}`), el('li', {}, `Fargate: ${decision.coldStart.fargate}`)),
    el('p', { class: 'source' }, `Source: ${decision.coldStart.source}.`),
  );
  return section;
}

function equivalentSection(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const open = custom('vscode-button', { id: 'open-equivalent' }, 'Open as a new file');
  open.addEventListener('click', () => post({ type: 'openEquivalent' }));
  return el(
    'section',
    { class: 'equivalent', 'aria-label': 'Equivalent configuration' },
    el('h2', {}, `Equivalent configuration: ${state.equivalent.title}`),
    el('pre', {}, state.equivalent.content),
    el('div', { class: 'actions' }, open),
  );
}
