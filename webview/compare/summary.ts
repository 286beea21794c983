/**
 * The workspace summary: every workload with both monthly figures and the recommendation, sortable by
 * any column (the column buttons work from the keyboard); a workload's name opens its comparison.
 */
import { type FromView, type SummaryRow } from '../../src/shared/compare-messages.js';
import { count, usd } from './format.js';

type Column = { key: keyof SummaryRow; label: string; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: 'id', label: 'Workload' },
  { key: 'file', label: 'File' },
  { key: 'requestsPerMonth', label: 'Requests/month', numeric: true },
  { key: 'lambdaUsd', label: 'Lambda/mo', numeric: true },
  { key: 'fargateUsd', label: 'Fargate/mo', numeric: true },
  { key: 'recommendation', label: 'Recommendation' },
];

export interface SortState {
  key: keyof SummaryRow;
  descending: boolean;
}

export function sortRows(rows: readonly SummaryRow[], sort: SortState): SummaryRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

export function renderSummary(rows: readonly SummaryRow[], sort: SortState, onSort: (sort: SortState) => void, post: (message: FromView) => void): HTMLElement {
  const root = document.createElement('main');
  root.id = 'summary';
  const lambda = rows.reduce((sum, r) => sum + r.lambdaUsd, 0);
  const fargate = rows.reduce((sum, r) => sum + r.fargateUsd, 0);
  const h1 = document.createElement('h1');
  h1.textContent = 'Workspace cost summary';
  const total = document.createElement('p');
  total.id = 'summary-total';
  total.textContent = `${rows.length} workload${rows.length === 1 ? '' : 's'}: ${usd(lambda)}/mo on Lambda, ${usd(fargate)}/mo on Fargate (typical traffic; assumed for ${rows.filter((r) => r.traffic === 'assumed').length}).`;
  root.append(h1, total);

  const table = document.createElement('table');
  table.id = 'summary-table';
  const head = table.createTHead().insertRow();
  for (const column of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    const active = sort.key === column.key;
    th.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
    const button = document.createElement('button');
    button.className = 'sort';
    button.id = `sort-${column.key}`;
    button.textContent = `${column.label}${active ? (sort.descending ? ' ▼' : ' ▲') : ''}`;
    button.addEventListener('click', () => onSort({ key: column.key, descending: active ? !sort.descending : Boolean(column.numeric) }));
    th.append(button);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of sortRows(rows, sort)) {
    const tr = body.insertRow();
    const name = document.createElement('a');
    name.href = '#';
    name.textContent = row.id;
    name.addEventListener('click', (event) => {
      event.preventDefault();
      post({ type: 'compare', uri: row.uri, id: row.id });
    });
    const cells: (string | Node)[] = [
      name,
      `${row.file}:${row.line + 1}`,
      `${count(row.requestsPerMonth)}${row.traffic === 'assumed' ? ' (assumed)' : ''}`,
      usd(row.lambdaUsd),
      `${usd(row.fargateUsd)} (${row.fargateTasks})`,
      row.recommendation === 'lambda' ? 'Lambda' : row.recommendation === 'fargate' ? 'Fargate' : 'Either',
    ];
    cells.forEach((cell, i) => {
      const td = tr.insertCell();
      td.append(cell);
      if (COLUMNS[i]!.numeric) td.className = 'number';
      else td.className = 'text';
    });
  }
  root.append(table);
  return root;
}
