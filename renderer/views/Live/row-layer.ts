// row-layer.ts — the Live grid's body rows, kept in the DOM directly rather than through React. At 1,000
// executions a second React created, diffed and tore down ~20 rows of 15 elements for every batch, and
// unmounting them ran their effects: about 0.2 ms of script per row, a fifth of the renderer's core in
// bench item 9, for rows that never change once drawn. Here a row is a clone of one template row, filled
// once; a batch then adds its rows, drops those that left the window, and sets on the rows already drawn
// only what changed (aria-rowindex, the tab stop, the arrival stage, a notification's mark). LiveGrid
// (React) still decides which rows are drawn, where, and handles keys and focus; this only draws them.
// The same idea as AG Grid's row renderer and the Reactive Trader blotter's: rows keyed by id, updated in
// place, never rebuilt.
import type { CellContext, ExecutionColumn } from '../../columns/execution-columns.ts';
import type { PriceUnit } from '../../format/execution-format.ts';
import type { LiveRow } from '../../state/live-rows.ts';
import type { ArrivalStage } from './arrival-highlight.ts';
import { cellFlex } from './grid-template.ts';

export interface DrawnRow {
  readonly row: LiveRow;
  /** Place in the grid for assistive technology (header = 1). */
  readonly rowIndex: number;
  /** Space for rows left out just above this one (px): the tab stop far from the view. */
  readonly gapBefore: number;
  readonly highlight: ArrivalStage;
  readonly active: boolean;
  readonly notified: boolean;
  readonly accountLabel: string;
  readonly priceUnit: PriceUnit;
}

interface Drawn {
  readonly tr: HTMLTableRowElement;
  readonly cells: readonly HTMLTableCellElement[];
  row: LiveRow;
  accountLabel: string;
  priceUnit: PriceUnit;
  timeZone: string;
  rowIndex: number;
  gapBefore: number;
  className: string;
  active: boolean;
}

export class RowLayer {
  readonly #body: HTMLTableSectionElement;
  readonly #columns: readonly ExecutionColumn[];
  readonly #template: HTMLTableRowElement;
  readonly #drawn = new Map<number, Drawn>();

  constructor(body: HTMLTableSectionElement, columns: readonly ExecutionColumn[]) {
    this.#body = body;
    this.#columns = columns;
    const tr = body.ownerDocument.createElement('tr');
    tr.setAttribute('role', 'row');
    for (const column of columns) {
      const td = body.ownerDocument.createElement('td');
      td.setAttribute('role', 'gridcell');
      td.className = cellClass(column);
      Object.assign(td.style, cellFlex(column, columns));
      tr.append(td);
    }
    this.#template = tr;
    body.replaceChildren();
  }

  /** Draws exactly `rows`, top to bottom (newest first), in `timeZone`. */
  update(rows: readonly DrawnRow[], timeZone: string): void {
    const wanted = new Set<number>();
    for (const r of rows) wanted.add(r.row.execution.position);
    for (const [position, drawn] of this.#drawn) {
      if (wanted.has(position)) continue;
      drawn.tr.remove();
      this.#drawn.delete(position);
    }
    // What is left is in order; new rows go in before the first drawn row that comes after them.
    let next = this.#body.firstElementChild;
    for (const r of rows) {
      const position = r.row.execution.position;
      let drawn = this.#drawn.get(position);
      if (drawn === undefined) {
        drawn = this.#create(r, timeZone);
        this.#drawn.set(position, drawn);
      } else {
        this.#refresh(drawn, r, timeZone);
      }
      if (drawn.tr === next) next = next.nextElementSibling;
      else this.#body.insertBefore(drawn.tr, next);
    }
  }

  dispose(): void {
    this.#body.replaceChildren();
    this.#drawn.clear();
  }

  #create(r: DrawnRow, timeZone: string): Drawn {
    const tr = this.#template.cloneNode(true) as HTMLTableRowElement;
    const { execution } = r.row;
    tr.dataset['position'] = String(execution.position);
    tr.dataset['execId'] = execution.record.execId;
    const drawn: Drawn = {
      tr, cells: [...tr.cells], row: r.row, accountLabel: r.accountLabel, priceUnit: r.priceUnit, timeZone,
      rowIndex: -1, gapBefore: 0, className: '', active: false,
    };
    this.#fill(drawn);
    tr.tabIndex = -1;
    this.#place(drawn, r);
    return drawn;
  }

  #refresh(drawn: Drawn, r: DrawnRow, timeZone: string): void {
    if (drawn.row.execution !== r.row.execution || drawn.accountLabel !== r.accountLabel || drawn.priceUnit !== r.priceUnit || drawn.timeZone !== timeZone) {
      Object.assign(drawn, { row: r.row, accountLabel: r.accountLabel, priceUnit: r.priceUnit, timeZone });
      this.#fill(drawn);
    }
    this.#place(drawn, r);
  }

  /** The cells' text, titles and tones: once per row, again only if its execution, account or the zone change. */
  #fill(drawn: Drawn): void {
    const context: CellContext = { execution: drawn.row.execution, accountLabel: drawn.accountLabel, priceUnit: drawn.priceUnit, timeZone: drawn.timeZone };
    for (let i = 0; i < this.#columns.length; i++) {
      const column = this.#columns[i]!;
      const td = drawn.cells[i]!;
      const tone = column.tone?.(context);
      const className = tone === undefined ? cellClass(column) : `${cellClass(column)} ${tone}`;
      if (td.className !== className) td.className = className;
      const title = column.title?.(context);
      if (title === undefined) td.removeAttribute('title');
      else td.title = title;
      td.textContent = column.text(context);
    }
  }

  /** What changes as rows arrive and age: its place, the tab stop, the highlight. */
  #place(drawn: Drawn, r: DrawnRow): void {
    const { tr } = drawn;
    if (drawn.rowIndex !== r.rowIndex) {
      drawn.rowIndex = r.rowIndex;
      tr.setAttribute('aria-rowindex', String(r.rowIndex));
    }
    if (drawn.active !== r.active) {
      drawn.active = r.active;
      tr.tabIndex = r.active ? 0 : -1;
    }
    const className = rowClass(r.highlight, r.notified);
    if (drawn.className !== className) {
      drawn.className = className;
      tr.className = className;
    }
    if (drawn.gapBefore !== r.gapBefore) {
      drawn.gapBefore = r.gapBefore;
      tr.style.marginTop = r.gapBefore === 0 ? '' : `${r.gapBefore}px`;
    }
  }
}

function rowClass(highlight: ArrivalStage, notified: boolean): string {
  const stage = highlight === 'none' ? 'live-row' : `live-row is-${highlight}`;
  return notified ? `${stage} is-notified` : stage;
}

/** A column's own classes, worked out once per column. */
const cellClasses = new WeakMap<ExecutionColumn, string>();
function cellClass(column: ExecutionColumn): string {
  let text = cellClasses.get(column);
  if (text === undefined) {
    text = [`cell-${column.id}`, column.align === 'end' ? 'cell-end' : '', column.numeric ? 'cell-num' : ''].filter(Boolean).join(' ');
    cellClasses.set(column, text);
  }
  return text;
}
