/**
 * The comparison view as a pure function of its state: DOM in, nothing else touched. main.ts mounts it and
 * wires the messages; the chart is drawn by chart.ts once the canvas is in the page.
 */
import {
  priceLine,
  flipText,
  SAVINGS_PLANS,
  chartDescription,
  decisionText,
  FRONT_DOOR_LABELS,
  type Overrides,
  platformPanels,
  pricesLine,
  sideLabel,
  verdict,
  VIEW_LABELS as L,
  workloadQuestion,
} from '../../src/core/browser.js';
import { OVERRIDE_BOUNDS } from '../../src/shared/compare-checks.js';
import { type FromView, type CompareViewState } from '../../src/shared/compare-messages.js';

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
  const link = el('a', { href: '#', id: 'open-source' }, `${state.workload.file}:${state.workload.line + 1}`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    post({ type: 'open', uri: state.workload.uri, line: state.workload.line });
  });
  root.append(el('h1', {}, `${state.workload.id}: ${workloadQuestion(state.workload.kind)}`), el('p', { class: 'where' }, L.declaredIn, link));

  // The answer first: every platform's monthly figure at the current traffic, and where they cross.
  const panels = platformPanels(state.data);
  root.append(
    el(
      'section',
      { class: 'summary', 'aria-label': L.monthlyCost },
      // Each card's edge in its chart line's colour (platforms beyond the two take the chart's further colours in turn).
      ...panels.map((p, i) =>
        el(
          'div',
          { class: `figure ${p.key}${i >= 2 ? ` more-${(i - 2) % 4}` : ''}` },
          el('span', { class: 'label' }, p.label),
          el('span', { class: 'amount', id: `${p.key}-total` }, p.amount),
        ),
      ),
      el('p', { class: 'verdict', id: 'verdict' }, verdict(report, scenario.requestsPerMonth)),
      ...(report.flips.length
        ? [el('ul', { class: 'flips', id: 'flips', 'aria-label': L.flips }, ...report.flips.map((f) => el('li', {}, `${flipText(f)}.`)))]
        : []),
    ),
  );

  root.append(el('section', { class: 'chart', 'aria-label': L.chart }, el('canvas', { id: 'chart', role: 'img', 'aria-label': chartDescription(state.data) })));

  // Breakdown tables at the current assumptions, one per platform.
  root.append(
    el(
      'section',
      { class: 'breakdowns' },
      ...panels.map((p) =>
        el(
          'table',
          { id: `${p.key}-breakdown` },
          el('caption', {}, p.caption),
          el('tbody', {}, ...p.rows.map(([name, v]) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, v)))),
          el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, L.total), el('td', {}, p.total))),
        ),
      ),
    ),
  );

  root.append(decisionSection(state, post));
  root.append(assumptionsForm(state, post));
  root.append(equivalentSection(state, post));

  const notes = [pricesLine(report), ...report.notes];
  root.append(
    el(
      'section',
      { class: 'notes' },
      el('h2', {}, L.notes),
      el('ul', {}, ...notes.map((n) => el('li', {}, n))),
      // Each price the figures read: own, derived (with its rule) or borrowed, with its region, date and confidence.
      el('details', { id: 'prices-used' }, el('summary', {}, L.pricesUsed), el('ul', {}, ...report.prices.map((p) => el('li', {}, priceLine(p))))),
    ),
  );
  return root;
}

/** How long typing rests before a field's value applies (Enter, Tab and leaving the field apply at once). */
export const APPLY_AFTER_MS = 400;

/**
 * The user's edits, shared by every field across redraws: a field kept through a redraw (the one being typed
 * in, see main.ts) applies its value to the latest edits, not to those of the render that made it.
 */
let edits: Overrides = {};

/** Every assumption the figures rest on, editable; a change is sent as it is typed and everything is redrawn. */
function assumptionsForm(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const s = state.data.scenario;
  edits = { ...state.overrides };
  const send = () => post({ type: 'override', overrides: { ...edits } });
  const form = el('section', { class: 'assumptions', 'aria-label': L.assumptions }, el('h2', {}, L.assumptions));
  const grid = el('div', { class: 'grid' });
  form.append(grid);

  // Set here (an override), the field says it differs from the template and offers its own Reset.
  const edited = (id: string, label: string, keys: (keyof Overrides)[]) => {
    const cell = el('div', { class: 'edited', id: `${id}-edited` });
    if (keys.some((k) => state.overrides[k] !== undefined)) {
      const reset = custom('vscode-button', { id: `${id}-reset`, secondary: '', 'aria-label': L.resetField(label) }, L.reset);
      reset.addEventListener('click', () => {
        for (const k of keys) delete edits[k];
        send();
      });
      cell.append(el('span', { class: 'differs', title: L.differsTitle }, L.differs), reset);
    }
    return cell;
  };
  const row = (id: string, label: string, field: HTMLElement, keys: (keyof Overrides)[]) =>
    grid.append(custom('vscode-label', { for: id }, label), field, edited(id, label, keys));

  type NumberKey = { [K in keyof Overrides]-?: NonNullable<Overrides[K]> extends number ? K : never }[keyof Overrides];
  const number = (id: string, label: string, value: number, key: NumberKey, { min, max }: { min: number; max: number }) => {
    // Text with a decimal keypad: a number field would flag 0.5 GB as a step mismatch.
    const field = custom('vscode-textfield', { id, value: String(value), inputmode: 'decimal' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      clearTimeout(timer);
      timer = undefined;
      const v = Number((field as HTMLInputElement).value);
      // The extension's bounds (it refuses anything else): out of range is marked here, not sent.
      const valid = (field as HTMLInputElement).value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max;
      // Out of range: marked as invalid (and announced), the figures stay as they are.
      field.toggleAttribute('invalid', !valid);
      field.setAttribute('aria-invalid', String(!valid));
      if (valid && edits[key] !== v && !(edits[key] === undefined && v === value)) {
        edits[key] = v;
        send();
      }
    };
    // As it is typed (once typing rests), and at once on Enter, Tab or leaving the field.
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, APPLY_AFTER_MS);
    });
    field.addEventListener('change', apply);
    row(id, label, field, [key]);
  };
  const select = (id: string, label: string, value: string, options: [string, string][], apply: (v: string) => void, keys: (keyof Overrides)[]) => {
    const field = custom(
      'vscode-single-select',
      { id },
      ...options.map(([v, text]) => custom('vscode-option', { value: v, ...(v === value ? { selected: '' } : {}) }, text)),
    );
    field.addEventListener('change', () => {
      apply((field as HTMLSelectElement).value);
      send();
    });
    row(id, label, field, keys);
  };
  const checkbox = (id: string, label: string, value: boolean, apply: (v: boolean) => void, keys: (keyof Overrides)[] = []) => {
    const field = custom('vscode-checkbox', { id, label, ...(value ? { checked: '' } : {}) });
    field.addEventListener('change', () => {
      apply((field as HTMLInputElement).checked);
      send();
    });
    grid.append(el('span', { class: 'label-cell' }), field, edited(id, label, keys));
  };

  number('requests', L.requests, s.requestsPerMonth, 'requestsPerMonth', OVERRIDE_BOUNDS.requestsPerMonth);
  number('duration', L.duration, s.durationMs, 'durationMs', OVERRIDE_BOUNDS.durationMs);
  number('memory', L.memory, s.lambda.memoryMb, 'memoryMb', OVERRIDE_BOUNDS.memoryMb);
  select(
    'architecture',
    L.architecture,
    s.lambda.architecture,
    [
      ['x86_64', 'x86_64'],
      ['arm64', L.arm64],
    ],
    (v) => (edits.architecture = v as 'x86_64' | 'arm64'),
    ['architecture'],
  );
  select(
    'region',
    L.region,
    s.region,
    state.data.regions.map((r) => [r.id, `${r.id} (${r.name})`]),
    (v) => (edits.region = v),
    ['region'],
  );
  select('front-door', L.frontDoor, s.lambda.frontDoor, FRONT_DOORS, (v) => (edits.frontDoor = v as Overrides['frontDoor']), ['frontDoor']);
  select(
    'fargate-vcpu',
    L.fargateVcpu,
    String(s.fargate.vcpu),
    FARGATE_VCPU.map((v) => [v, `${v} vCPU`]),
    (v) => (edits.fargateVcpu = Number(v)),
    ['fargateVcpu'],
  );
  number('fargate-memory', L.fargateMemory, s.fargate.memoryGb, 'fargateMemoryGb', OVERRIDE_BOUNDS.fargateMemoryGb);
  // The per-task capacity in force (worked out from the CPU a request uses unless set here).
  const fargate = state.data.report.assumptions['fargate'] as { perTaskConcurrency?: number } | undefined;
  const capacity = fargate?.perTaskConcurrency ?? s.fargate.perTaskConcurrency ?? 1;
  number('per-task', L.perTask, Math.round(capacity * 100) / 100, 'perTaskConcurrency', OVERRIDE_BOUNDS.perTaskConcurrency);
  number('cpu-busy', L.cpuBusyShare, s.fargate.cpuBusyShare, 'cpuBusyShare', OVERRIDE_BOUNDS.cpuBusyShare);
  number('min-tasks', L.minTasks, s.fargate.minTasks, 'minTasks', OVERRIDE_BOUNDS.minTasks);
  number('busy-hours', L.busyHours, s.day.busyHoursPerDay, 'busyHoursPerDay', OVERRIDE_BOUNDS.busyHoursPerDay);
  select(
    'savings-plan',
    L.savingsPlan,
    s.savingsPlan,
    SAVINGS_PLANS.map((p) => [p, p]),
    (v) => (edits.savingsPlan = v as Overrides['savingsPlan']),
    ['savingsPlan'],
  );
  checkbox('free-tier', L.freeTier, s.freeTier, (v) => (edits.freeTier = v), ['freeTier']);
  checkbox('spot', L.spot, s.fargate.spot, (v) => (edits.spot = v), ['spot']);
  checkbox('compute-only', L.computeOnly, edits.computeOnly === true, (v) => (edits.computeOnly = v), ['computeOnly']);
  // A switch per platform beyond Lambda and Fargate: shown (costed) or not.
  const shown = new Set(state.data.platforms.map((p) => p.id));
  for (const p of state.data.available ?? [])
    checkbox(`platform-${p.id}`, L.showPlatform(p.label), shown.has(p.id), (v) => {
      const next = new Set(edits.platforms ?? [...shown].filter((id) => id !== 'lambda' && id !== 'ecs-fargate'));
      if (v) next.add(p.id);
      else next.delete(p.id);
      edits.platforms = [...next];
    });
  // App Runner is offered only to accounts that already use it: this toggle says so (and shows its column).
  checkbox('app-runner-customer', L.appRunnerCustomer, s.appRunnerCustomer === true, (v) => {
    const next = new Set(edits.platforms ?? [...shown].filter((id) => id !== 'lambda' && id !== 'ecs-fargate'));
    if (v) next.add('app-runner');
    else next.delete('app-runner');
    edits.platforms = [...next];
    edits.appRunnerCustomer = v;
  });

  const save = custom('vscode-button', { id: 'save-usage' }, L.saveUsage);
  save.addEventListener('click', () => post({ type: 'saveUsage' }));
  const reset = custom('vscode-button', { id: 'reset', secondary: '' }, L.reset);
  reset.addEventListener('click', () => post({ type: 'reset' }));
  form.append(el('div', { class: 'actions' }, save, reset));
  if (state.sources.length) {
    form.append(
      el('details', {}, el('summary', {}, L.sources), el('ul', {}, ...state.sources.map((a) => el('li', {}, `${a.name}: ${a.value} (${a.source})`)))),
    );
  }
  return form;
}

/** The checklist with its evidence (a click opens the line), the recommendation and cold starts. */
function decisionSection(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const { decision } = state;
  // The platform picked among every one compared (a state saved by an older version names a side only).
  const side = decision.recommendation.platform?.label ?? sideLabel(decision.recommendation.side);
  const section = el(
    'section',
    { class: 'decision', 'aria-label': L.decision },
    el('h2', {}, L.recommendation),
    el('p', { id: 'recommendation' }, el('strong', {}, side), ': ', decision.recommendation.reasons.join(' ')),
    el('h2', {}, L.checklist),
  );
  const list = el('ol', { class: 'checklist', id: 'checklist' });
  for (const item of decision.items) {
    const li = el('li', {}, el('span', { class: `lean lean-${item.lean}` }, sideLabel(item.lean)), ' ', el('strong', {}, item.question), ' ', item.answer, ' ');
    if (item.at) {
      const target = item.at;
      const link = el('a', { href: '#', class: 'evidence' }, decisionText.evidence(target.line));
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
    el('h2', {}, L.coldStarts),
    el(
      'ul',
      { class: 'cold' },
      el('li', {}, decisionText.coldStart('Lambda', decision.coldStart.lambda)),
      el('li', {}, decisionText.coldStart('Fargate', decision.coldStart.fargate)),
    ),
    el('p', { class: 'source' }, decisionText.source(decision.coldStart.source)),
  );
  return section;
}

/** The platform chosen in the equivalent configuration's selector, kept across redraws (undefined: the first). */
let chosenEquivalent: string | undefined;

/** The workload on another platform: a selector with one entry per platform shown, the chosen one's text, and "Open as a new file". */
function equivalentSection(state: CompareViewState, post: (message: FromView) => void): HTMLElement {
  const all = state.equivalents ?? {};
  const labels = new Map(state.data.platforms.map((p) => [p.id, p.label]));
  const ids = Object.keys(all);
  const id = chosenEquivalent !== undefined && ids.includes(chosenEquivalent) ? chosenEquivalent : ids[0];
  let current = id;
  const shown = id !== undefined ? all[id]! : state.equivalent;
  const open = custom('vscode-button', { id: 'open-equivalent' }, L.openEquivalent);
  open.addEventListener('click', () => post(current !== undefined ? { type: 'openEquivalent', platform: current } : { type: 'openEquivalent' }));
  const heading = el('h2', {}, decisionText.equivalent(shown.title));
  const section = el('section', { class: 'equivalent', 'aria-label': L.equivalent }, heading);
  if (ids.length > 1) {
    const select = custom(
      'vscode-single-select',
      { id: 'equivalent-platform', 'aria-label': L.equivalent },
      ...ids.map((p) => custom('vscode-option', { value: p, ...(p === id ? { selected: '' } : {}) }, labels.get(p) ?? p)),
    );
    const pre = el('pre', { id: 'equivalent-text' }, shown.content);
    select.addEventListener('change', () => {
      const next = (select as HTMLSelectElement).value;
      if (!all[next]) return;
      chosenEquivalent = current = next;
      heading.textContent = decisionText.equivalent(all[next].title);
      pre.textContent = all[next].content;
    });
    section.append(el('div', { class: 'actions' }, select), pre);
  } else {
    section.append(el('pre', { id: 'equivalent-text' }, shown.content));
  }
  section.append(el('div', { class: 'actions' }, open));
  return section;
}
