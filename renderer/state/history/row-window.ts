// row-window.ts — the slice of History the window holds: a few consecutive pages, each with the cursors
// the service gave it, never the whole history. Scrolling down appends a page and drops the top one
// beyond `maxPages` (and the reverse going up); only the outer cursors are ever used to read on. Rows
// keep their places (`base`, the place of the window's first row) when a page leaves either end, so the
// grid, which draws rows by place, redraws nothing on screen when a page comes or goes; only rows that
// arrive or vanish above the ones shown move them (`moved`). Rows committed after the snapshot join
// where the sort puts them when that place is inside the loaded range (or beyond an end that is the end
// of the result); elsewhere a later page brings them. Rows are kept once by row id, so a page that
// overlaps a live insert never shows it twice. Pure.
import type { HistoryPageWire, HistoryRowWire, HistorySortWire } from '../../../shared/ipc/contract.ts';
import { compareRows } from './row-order.ts';

export type WindowPage = HistoryPageWire;

export interface RowWindow {
  readonly pages: readonly WindowPage[];
  /** Every row, top to bottom (the pages' rows joined). */
  readonly rows: readonly HistoryRowWire[];
  /**
   * The place of the first row in the result as this view laid it out (0 at the top): pages that left
   * the top keep their rows' places, as blank space a page read again fills.
   */
  readonly base: number;
}

export const EMPTY_WINDOW: RowWindow = { pages: [], rows: [], base: 0 };

/**
 * Places beyond this are laid out again from 0 (moving the rows once, one heavier frame every 500 pages
 * scrolled): the virtualizer walks every place each time a page comes, and the scroll height
 * stays far below what a browser lays out (Chromium: ~33.5M px).
 */
export const MAX_BASE = 50_000;

export function windowOf(pages: readonly WindowPage[], base = 0): RowWindow {
  return { pages, rows: pages.flatMap((p) => p.rows), base };
}

/** Cursor to read the rows above, or null when the window starts at the top of the result. */
export const topCursor = (w: RowWindow): string | null => w.pages[0]?.previous ?? null;
/** Cursor to read the rows below, or null when the window ends at the end of the result. */
export const bottomCursor = (w: RowWindow): string | null => w.pages.at(-1)?.next ?? null;

function without(page: WindowPage, held: ReadonlySet<number>): WindowPage {
  return page.rows.some((r) => held.has(r.rowId)) ? { ...page, rows: page.rows.filter((r) => !held.has(r.rowId)) } : page;
}

const idsOf = (w: RowWindow): Set<number> => new Set(w.rows.map((r) => r.rowId));

/**
 * The next page below; pages beyond `maxPages` leave the top, their rows' places kept. `moved`: how far
 * the rows shown moved down (negative: up) — 0, unless the places grew past MAX_BASE and start again from 0.
 */
export function appendPage(w: RowWindow, page: WindowPage, maxPages: number): { window: RowWindow; moved: number } {
  const pages = [...w.pages, without(page, idsOf(w))];
  const cut = Math.max(0, pages.length - maxPages);
  const base = w.base + pages.slice(0, cut).reduce((n, p) => n + p.rows.length, 0);
  return base > MAX_BASE ? { window: windowOf(pages.slice(cut), 0), moved: -base } : { window: windowOf(pages.slice(cut), base), moved: 0 };
}

/**
 * The page above; `added` rows joined the top, in the places before the window's (pages beyond
 * `maxPages` leave the bottom). `moved`: how far the rows already shown moved down — 0 unless the
 * places above did not match the rows read (rows committed or gone above since, or a window that
 * started mid-result at 0): the top of the result is place 0, and no row goes below it.
 */
export function prependPage(w: RowWindow, page: WindowPage, maxPages: number): { window: RowWindow; added: number; moved: number } {
  const fresh = without(page, idsOf(w));
  const pages = [fresh, ...w.pages].slice(0, maxPages);
  const laidOut = w.base - fresh.rows.length;
  const base = page.previous === null ? 0 : Math.max(0, laidOut);
  return { window: windowOf(pages, base), added: fresh.rows.length, moved: base - laidOut };
}

/**
 * Live rows placed in the window. `above` counts those placed before row index `anchor` (the first row
 * on screen), so the view can keep what the user looks at where it is.
 */
export function insertLive(w: RowWindow, rows: readonly HistoryRowWire[], sort: HistorySortWire, anchor: number): { window: RowWindow; inserted: number; above: number } {
  if (w.pages.length === 0) return { window: windowOf([{ rows: [...rows].sort((a, b) => compareRows(a, b, sort)), previous: null, next: null }], w.base), inserted: rows.length, above: 0 };
  const held = idsOf(w);
  const pages = w.pages.map((p) => ({ ...p, rows: [...p.rows] }));
  const firstRow = w.rows[0];
  const lastRow = w.rows.at(-1);
  const anchorRow = w.rows[anchor];
  let inserted = 0;
  let above = 0;
  for (const row of rows) {
    if (held.has(row.rowId)) continue;
    const beforeAll = firstRow === undefined || compareRows(row, firstRow, sort) < 0;
    const afterAll = lastRow === undefined || compareRows(row, lastRow, sort) > 0;
    if ((beforeAll && topCursor(w) !== null) || (afterAll && bottomCursor(w) !== null)) continue; // beyond a loaded end: a later page brings it
    // The page whose range holds it: the last page whose first row sorts before it (page 0 for the top).
    let index = 0;
    for (let i = pages.length - 1; i > 0; i--) {
      const first = pages[i]!.rows[0];
      if (first !== undefined && compareRows(first, row, sort) < 0) { index = i; break; }
    }
    const target = pages[index]!.rows;
    let at = target.findIndex((r) => compareRows(row, r, sort) < 0);
    if (at < 0) at = target.length;
    target.splice(at, 0, row);
    held.add(row.rowId);
    inserted++;
    if (anchorRow === undefined || compareRows(row, anchorRow, sort) < 0) above++;
  }
  return inserted === 0 ? { window: w, inserted, above } : { window: windowOf(pages, w.base), inserted, above };
}
