/**
 * The workspace summary: every workload once, where it runs and its cost there, the cheapest platform, the saving and
 * the recommendation, sortable by any column (the column buttons work from the keyboard); a workload's name opens its
 * comparison.
 */
import { platformUsd, summaryCell, summaryColumns, summaryTotal, VIEW_LABELS } from '../../src/core/browser.js';
import { comparable, type FromView, type SummaryRow } from '../../src/shared/compare-messages.js';

export interface SortState {
  /** A field of the row, or `platform:<id>` for a platform beyond Lambda and Fargate. */
  key: string;
  descending: boolean;
}

const sortValue = (row: SummaryRow, key: string): unknown =>
  key.startsWith('platform:')
    ? platformUsd(row, key.slice('platform:'.length))
    : key === 'recommendation' || key === 'cheapest'
      ? summaryCell(row, key)
      : row[key as keyof SummaryRow];

export function sortRows(rows: readonly SummaryRow[], sort: SortState): SummaryRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

export function renderSummary(
  rows: readonly SummaryRow[],
  sort: SortState,
  onSort: (sort: SortState) => void,
  post: (message: FromView) => void,
  freeTierCreditUsd = 0,
): HTMLElement {
  const root = document.createElement('main');
  root.id = 'summary';
  const h1 = document.createElement('h1');
  h1.textContent = VIEW_LABELS.summaryTitle;
  const total = document.createElement('p');
  total.id = 'summary-total';
  total.textContent = summaryTotal(rows, freeTierCreditUsd);
  const columns = summaryColumns(rows);
  root.append(h1, total);

  const table = document.createElement('table');
  table.id = 'summary-table';
  const head = table.createTHead().insertRow();
  for (const column of columns) {
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
      post(comparable(row.kind) ? { type: 'compare', uri: row.uri, id: row.id } : { type: 'open', uri: row.uri, line: row.line });
    });
    const cells: (string | Node)[] = columns.map((column) =>
      column.key === 'id' ? name : column.key === 'file' ? `${row.file}:${row.line + 1}` : (summaryCell(row, column.key) ?? ''),
    );
    cells.forEach((cell, i) => {
      const td = tr.insertCell();
      // Named in the cell too: a narrow view shows each row as a card with every column labelled.
      td.setAttribute('data-label', columns[i]!.label);
      td.append(cell);
      if (columns[i]!.numeric) td.className = 'number';
      else td.className = 'text';
    });
  }
  root.append(table);
  return root;
}
