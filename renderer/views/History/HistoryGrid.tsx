// HistoryGrid.tsx — the History grid: a sticky header built by TanStack Table (column order, visibility
// and sizes, resized by dragging a header's edge), sortable by a click on any header the journal can
// sort by (aria-sort), and a body virtualized by TanStack Virtual over the loaded window only. Near
// either end of the window the controller reads the next page; a page that leaves an end leaves its
// places blank (the window's base), so no row on screen moves or is drawn again; rows that arrive or go
// above what the user looks at move the scroll position by as much, so the view stays put. The grid is
// one tab stop (aria-activedescendant names the row): arrows or j/k move, Page keys a screenful, Enter
// opens details.
// A focused header resizes its column with Alt+arrows (SortHeader.tsx); a polite status beside the grid
// says the new width, so a screen reader hears it.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { columnOrderingFeature, columnResizingFeature, columnSizingFeature, columnVisibilityFeature, createColumnHelper, tableFeatures, useTable, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HistoryRowWire } from '../../../shared/ipc/contract.ts';
import type { HistoryController } from '../../state/history/history-controller.ts';
import { useHistoryStore } from '../../state/history/history-store.ts';
import { MAX_WIDTH, MIN_WIDTH } from '../../state/history/layout.ts';
import { HISTORY_COLUMN_BY_ID, HISTORY_COLUMNS, sortColumnOf, type HistoryColumn } from './history-columns.ts';
import { HistoryRow } from './HistoryRow.tsx';
import { nextRowIndex } from '../Live/grid-keys.ts';
import { SortHeader } from './SortHeader.tsx';

export const ROW_HEIGHT = 24;
/** The header row's height before it is measured (28 px and its 1 px line). */
const HEAD_HEIGHT = 29;
/** Rows from an end of the window at which the next page is read. */
const PREFETCH_ROWS = 40;
const HIGHLIGHT_MS = 2_500;
/** Rows drawn beyond each edge of the screen: one frame of a fast scroll (10 rows) and some. */
const OVERSCAN_ROWS = 12;
/**
 * At rest (a new query drawn, nothing scrolling), fewer — every row drawn is a row a keystroke lays out
 * and paints (1M journal, 3 A/B pairs of 24 keys: renderer CPU per key 44.7 against 51.3 ms, medians) —
 * but still a wheel notch's worth, so the first frame of a scroll shows no blank row.
 */
const REST_OVERSCAN_ROWS = 5;
const rowHeight = (): number => ROW_HEIGHT;

const features = tableFeatures({ columnSizingFeature, columnResizingFeature, columnOrderingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, HistoryRowWire>();
const COLUMNS = helper.columns(HISTORY_COLUMNS.map((c) => helper.display({ id: c.id, header: c.header, size: c.width, minSize: MIN_WIDTH, maxSize: MAX_WIDTH })));
// Rows are windowed and drawn by the virtualizer; the table owns the column model only.
const NO_ROWS: HistoryRowWire[] = [];

const apply = <T,>(updater: Updater<T>, value: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(value) : updater);

export function HistoryGrid({ controller, onOpen }: { readonly controller: HistoryController; readonly onOpen: (rowId: number) => void }) {
  const layout = useHistoryStore((s) => s.layout);
  const rows = useHistoryStore((s) => s.window.rows);
  // The place of rows[0] (row-window.ts): the grid draws each row at its place, so a page leaving either
  // end moves nothing on screen and redraws no row; places above it are blank until a page fills them.
  const base = useHistoryStore((s) => s.window.base);
  const activeRowId = useHistoryStore((s) => s.activeRowId);
  const shift = useHistoryStore((s) => s.shift);
  const highlight = useHistoryStore((s) => s.highlight);
  const evidence = useHistoryStore((s) => s.evidence);
  const shownQuery = useHistoryStore((s) => s.shownQuery);
  const set = useHistoryStore((s) => s.set);
  const scroller = useRef<HTMLDivElement>(null);
  const [notified, setNotified] = useState<number | null>(null);
  const [widthSaid, setWidthSaid] = useState('');

  // The same objects until the layout changes: TanStack memoises the header groups on them, and new
  // copies every render rebuilt them for every keystroke's rows.
  const { columnOrder, columnVisibility, columnSizing } = layout;
  const tableState = useMemo(() => ({ columnOrder: [...columnOrder], columnVisibility: { ...columnVisibility }, columnSizing: { ...columnSizing } }), [columnOrder, columnVisibility, columnSizing]);
  const table = useTable({
    features, columns: COLUMNS, data: NO_ROWS, columnResizeMode: 'onChange',
    state: tableState,
    onColumnOrderChange: (u) => controller.setLayout({ columnOrder: apply(u, [...layout.columnOrder]) }),
    onColumnVisibilityChange: (u) => controller.setLayout({ columnVisibility: apply(u, { ...layout.columnVisibility }) }),
    onColumnSizingChange: (u) => controller.setLayout({ columnSizing: apply(u, { ...useHistoryStore.getState().layout.columnSizing }) }),
  });
  const headers = table.getHeaderGroups()[0]!.headers;
  // Keyed by value, not by the header objects (new each render): rows are memoised on these props.
  const idsKey = headers.map((h) => h.column.id).join(',');
  const shown: HistoryColumn[] = useMemo(() => idsKey.split(',').map((id) => HISTORY_COLUMN_BY_ID.get(id)!), [idsKey]);
  const widthKey = headers.map((h) => h.getSize()).join(',');
  const widths = useMemo(() => widthKey.split(',').map(Number), [widthKey]);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  // Stable functions: a new getItemKey per render makes the virtualizer recompute every item's
  // measurement (a getItemKey call per loaded row) on every scroll frame — the top self time in a profile.
  const getItemKey = useCallback((i: number) => (i < base ? -1 - i : rows[i - base]!.rowId), [rows, base]);
  const getScrollElement = useCallback(() => scroller.current, []);
  // The sticky header sits above the rows inside the scroller: the virtualizer counts it (scrollMargin)
  // and keeps a row scrolled to out from under it (scrollPaddingStart); without them a row brought into
  // view at the bottom (arrow keys, Page Down) stopped a header's height below the visible edge.
  const head = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(HEAD_HEIGHT);
  useLayoutEffect(() => {
    const el = head.current;
    if (el === null) return;
    const measure = () => setHeadHeight(el.offsetHeight);
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => resized.disconnect();
  }, []);
  // The overscan follows the virtualizer's own "scrolling" flag (set on a scroll, cleared 150 ms after).
  const scrolling = useRef(false);
  const virtualizer = useVirtualizer({
    count: base + rows.length, getScrollElement, estimateSize: rowHeight, overscan: scrolling.current ? OVERSCAN_ROWS : REST_OVERSCAN_ROWS, getItemKey,
    scrollMargin: headHeight, scrollPaddingStart: headHeight,
    // useFlushSync stays on (the default): rendered off the scroll event, the range can lag a scroll
    // position that a page entering or leaving the window just moved, and rows of the old range show for
    // a moment (tried: the e2e's scroll-through then saw rows out of order under load).
  });
  const items = virtualizer.getVirtualItems();
  scrolling.current = virtualizer.isScrolling;

  // Keep what the user looks at in place when rows arrive or go above it (or go to the top for a new query).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null || shift.seq === 0) return;
    // Writing scrollTop lays the page out there and then; at the top already, the frame's layout will do.
    if (shift.rows === Number.NEGATIVE_INFINITY) { if (!controller.viewport.atTop) el.scrollTop = 0; }
    else el.scrollTop += shift.rows * ROW_HEIGHT;
  }, [shift, controller]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el === null) return;
    const first = Math.floor(el.scrollTop / ROW_HEIGHT);
    const last = Math.ceil((el.scrollTop + el.clientHeight) / ROW_HEIGHT);
    const { window } = useHistoryStore.getState();
    controller.viewport = { firstIndex: Math.max(0, first - window.base), atTop: el.scrollTop < 1 };
    if (last >= window.base + window.rows.length - PREFETCH_ROWS) void controller.loadNext();
    if (first < window.base + PREFETCH_ROWS) void controller.loadPrevious();
  }, [controller]);

  const activeIndex = rows.findIndex((r) => r.rowId === activeRowId);
  const moveTo = useCallback((index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    set({ activeRowId: row.rowId });
    virtualizer.scrollToIndex(base + index, { align: 'auto' });
  }, [rows, base, set, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys in a header button are the button's
    // The active row left the window (scrolled far past it): keys start from the first row in view, so
    // they never jump the view back to rows the user has left.
    const inView = Math.min(rows.length - 1, controller.viewport.firstIndex);
    if (event.key === 'Enter') {
      const rowId = activeIndex >= 0 ? activeRowId : rows[inView]?.rowId;
      if (rowId === null || rowId === undefined) return;
      event.preventDefault();
      set({ activeRowId: rowId });
      onOpen(rowId);
      return;
    }
    const key = event.key === 'j' ? 'ArrowDown' : event.key === 'k' ? 'ArrowUp' : event.key;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 480) / ROW_HEIGHT) - 2);
    const next = nextRowIndex(key, activeIndex >= 0 ? activeIndex : Math.max(0, inView), rows.length, page);
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  // A notification's fill: scroll it to the middle, focus the grid, flash the row.
  useEffect(() => {
    if (highlight === null) return;
    const { window } = useHistoryStore.getState();
    const index = window.rows.findIndex((r) => r.rowId === highlight.rowId);
    if (index < 0) return;
    virtualizer.scrollToIndex(window.base + index, { align: 'center' });
    scroller.current?.focus();
    setNotified(highlight.rowId);
    const timer = setTimeout(() => setNotified(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlight, virtualizer]);

  const onPick = useCallback((rowId: number, open: boolean) => {
    set({ activeRowId: rowId });
    if (open) onOpen(rowId);
  }, [set, onOpen]);

  const resizeBy = useCallback((column: HistoryColumn, px: number | 'reset') => {
    const sizing = { ...useHistoryStore.getState().layout.columnSizing };
    if (px === 'reset') delete sizing[column.id];
    const width = px === 'reset' ? column.width : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (sizing[column.id] ?? column.width) + px));
    if (px !== 'reset') sizing[column.id] = width;
    controller.setLayout({ columnSizing: sizing });
    setWidthSaid(`${column.header} column ${width} pixels wide${width === MIN_WIDTH ? ' (narrowest)' : width === MAX_WIDTH ? ' (widest)' : ''}.`);
  }, [controller]);

  const activeShown = items.some((item) => rows[item.index - base]?.rowId === activeRowId);
  return (
    <>
    <div
      ref={scroller}
      className="hgrid-scroll"
      role="grid"
      aria-label="Executions"
      aria-readonly="true"
      aria-rowcount={-1}
      aria-colcount={shown.length}
      aria-activedescendant={activeShown ? `hrow-${activeRowId}` : undefined}
      tabIndex={0}
      data-query={shownQuery}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="hgrid-head" ref={head} style={{ width: totalWidth }}>
        <div role="row" className="hgrid-row-head">
          {headers.map((header, i) => (
            <SortHeader key={header.id} column={shown[i]!} sortColumn={sortColumnOf(header.column.id)} sort={layout.sort} width={widths[i]!}
              onSort={(sort) => controller.setSort(sort)} onResizeStart={header.getResizeHandler()}
              onResetWidth={() => resizeBy(shown[i]!, 'reset')} onResizeBy={(px) => resizeBy(shown[i]!, px)} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="hgrid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const row = rows[item.index - base];
          if (row === undefined) return null; // a place above the window: blank until its page is read again
          return <HistoryRow key={row.rowId} row={row} columns={shown} widths={widths} top={item.start - headHeight} active={row.rowId === activeRowId} notified={row.rowId === notified} evidence={evidence?.rowIds.has(row.rowId) === true} onPick={onPick} />;
        })}
      </div>
    </div>
    <div className="visually-hidden" role="status" aria-live="polite">{widthSaid}</div>
    </>
  );
}
