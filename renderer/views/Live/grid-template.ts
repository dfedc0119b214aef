// grid-template.ts — the Live grid's geometry: its column widths as flex items (each row is one flex
// line of cells with the same widths, so the header and every row line up without table layout), and
// which rows to put in the DOM. Only the rows in view, a few either side and the tab-stop row are rendered:
// the window keeps 500 executions, and laying out, painting and diffing all of them for every batch
// cost Chromium one core at 1,000 executions/s (bench item 9). Rows have one fixed height, so a row's
// place is its index × ROW_PX and the rest is padding. Pure, so it is tested without a browser.
import type { ExecutionColumn } from '../../columns/execution-columns.ts';

/** Every body row's height (LiveView.css sets it from --live-row-height). */
export const ROW_PX = 24;
/** Rows rendered above and below what is in view, so a quick scroll or a batch shows no gap. */
export const OVERSCAN_ROWS = 8;

/**
 * A column's share of the row, as a flex item: its width, or the rest of the row for the one column
 * without one. With no such column (the compact window) the spare width is shared in proportion to
 * the widths, as a fixed-layout table does. Every row (and the header) is a flex line of these, each
 * cell the same inline style, so all rows line up; flex lays a row out in about half the time a CSS
 * grid row took (the cost that grows with each new row, bench item 9). Widths in ch are counted in the
 * grid's own ch (--live-ch, LiveView.css), not the cell's: a bold cell's wider 0 would push the row.
 */
export function cellFlex(column: Pick<ExecutionColumn, 'width'>, columns: readonly Pick<ExecutionColumn, 'width'>[]): { readonly flex: string; readonly minWidth?: string } {
  if (column.width === null) return { flex: '1 1 0', minWidth: gridCh('8ch') };
  if (columns.some((c) => c.width === null)) return { flex: `0 0 ${gridCh(column.width)}` };
  const ch = CH.exec(column.width);
  return { flex: `${ch === null ? 0 : ch[1]} 0 ${gridCh(column.width)}` };
}

const CH = /^(\d+(?:\.\d+)?)ch$/;
const gridCh = (width: string): string => {
  const ch = CH.exec(width);
  return ch === null ? width : `calc(${ch[1]} * var(--live-ch))`;
};

export interface RenderedRow {
  readonly index: number;
  /** Rows left out just above this one (a gap before the tab-stop row when it is far from the view). */
  readonly gapBefore: number;
}

export interface RowWindow {
  readonly rows: readonly RenderedRow[];
  readonly padTop: number;
  readonly padBottom: number;
}

/**
 * The rows to render for a scroll position: those overlapping [scrollTop, scrollTop + height) of the
 * body, OVERSCAN_ROWS either side, plus `keep` (the tab stop, so focus never falls out of the grid when
 * its row scrolls away or new rows push it down). Padding stands for the rows left out, in rows.
 */
export function rowWindow(count: number, scrollTop: number, height: number, keep?: number): RowWindow {
  if (count === 0) return { rows: [], padTop: 0, padBottom: 0 };
  const first = Math.max(0, Math.min(count - 1, Math.floor(scrollTop / ROW_PX) - OVERSCAN_ROWS));
  const last = Math.max(first + 1, Math.min(count, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN_ROWS));
  const indexes: number[] = [];
  if (keep !== undefined && keep >= 0 && keep < first) indexes.push(keep);
  for (let i = first; i < last; i++) indexes.push(i);
  if (keep !== undefined && keep >= last && keep < count) indexes.push(keep);
  const rows = indexes.map((index, i) => ({ index, gapBefore: i === 0 ? 0 : index - indexes[i - 1]! - 1 }));
  return { rows, padTop: indexes[0]!, padBottom: count - 1 - indexes[indexes.length - 1]! };
}

/**
 * Where to scroll so the rows in view stay the same executions after rows were added or dropped above
 * them: the row that was at the top of the view is found again by its journal position. Null when the
 * view is at the very top (new rows then show there) or that row is gone.
 */
export function anchoredScrollTop(before: readonly number[], after: readonly number[], scrollTop: number): number | null {
  if (scrollTop <= 0 || before === after) return null;
  const index = Math.min(before.length - 1, Math.floor(scrollTop / ROW_PX));
  const position = before[index];
  if (position === undefined) return null;
  const moved = indexOfDescending(after, position);
  return moved < 0 || moved === index ? null : scrollTop + (moved - index) * ROW_PX;
}

/** Index of `position` in positions sorted newest (largest) first; −1 when absent. */
export function indexOfDescending(positions: readonly number[], position: number): number {
  let lo = 0;
  let hi = positions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = positions[mid]!;
    if (value === position) return mid;
    if (value > position) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
