// LiveGrid.tsx — the Live view's grid: a table with grid roles, a sticky header built by TanStack Table
// from the column table, and the rows newest first. One row is the tab stop (roving tabindex); arrows,
// Page Up/Down, Home and End move it, and it stays on the same execution when new ones arrive above.
// Windowed (grid-template.ts): only the rows in view, a few either side and the tab stop are in the
// DOM, with aria-rowcount / aria-rowindex saying where they are. At the top, new rows appear on top;
// scrolled down, the view stays on the same executions as rows arrive above.
// The body's rows are drawn by row-layer.ts, not by React: for a fast stream (bench item 9) a batch must
// cost about what its new rows cost, and React's per-row work was the largest part of the page's script.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { EXECUTION_COLUMNS, type ExecutionColumn } from '../../columns/execution-columns.ts';
import { rowsShown, useLiveStore } from '../../state/live-store.ts';
import type { LiveRow as LiveRowData } from '../../state/live-rows.ts';
import { useNotificationStore } from '../../state/notification-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import type { PriceUnit } from '../../format/execution-format.ts';
import { zoneLabel } from '../../format/execution-format.ts';
import { nextRowIndex } from './grid-keys.ts';
import { arrivalStage, untilNextStage } from './arrival-highlight.ts';
import { anchoredScrollTop, cellFlex, indexOfDescending, ROW_PX, rowWindow } from './grid-template.ts';
import { RowLayer, type DrawnRow } from './row-layer.ts';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, LiveRowData>();
// TanStack owns the column model (headers); the rows are drawn from the store, windowed.
const tableColumns = (shown: readonly ExecutionColumn[], zone: string) =>
  helper.columns(shown.map((c) => helper.display({ id: c.id, header: c.zoned === true ? `${c.header} (${zone})` : c.header })));
const NO_DATA: LiveRowData[] = [];
const PAGE_ROWS = 20;
/** Before the scroller is measured: enough rows for a tall window. */
const FIRST_HEIGHT = 1_200;

export function LiveGrid({ label, columns: shown = EXECUTION_COLUMNS }: { readonly label: string; readonly columns?: readonly ExecutionColumn[] }) {
  const timeZone = usePreferences((s) => effectiveTimeZone(s.timeZone));
  // During a catch-up the rows shown when it began (catch-up.ts): a burst is drawn once, when it is over.
  const { order, byPosition } = useLiveStore(rowsShown);
  // Read here once for all rows (a row subscribing itself costs a subscription per row drawn).
  const accounts = useLiveStore((s) => s.accounts);
  const notifiedExecId = useNotificationStore((s) => s.notifiedExecId);
  const [activePosition, setActivePosition] = useState<number | undefined>(undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusPending = useRef(false);
  /** A row of this grid has the keyboard focus, so an evicted row can hand it on. */
  const hasFocus = useRef(false);
  const [view, setView] = useState({ top: 0, height: FIRST_HEIGHT });
  /** The order and scroll position the last render drew, to keep the view on its rows (anchoring). */
  const drawn = useRef<{ order: readonly number[]; top: number }>({ order, top: 0 });

  // The tab stop: the chosen execution while it is shown, else the newest.
  const active = activePosition !== undefined && byPosition.has(activePosition) ? activePosition : order[0];

  // The focused row was the oldest and got dropped (the window keeps the newest N): focus moves to the
  // oldest row still shown instead of falling out of the grid. (A removed element gets no blur event.)
  if (activePosition !== undefined && !byPosition.has(activePosition) && hasFocus.current && order.length > 0) {
    focusPending.current = true;
    setActivePosition(order[order.length - 1]);
  }

  // Rows added or dropped above the view move it by as many rows, so it stays on the same executions.
  const top = anchoredScrollTop(drawn.current.order, order, view.top) ?? view.top;
  const activeIndex = active === undefined ? -1 : indexOfDescending(order, active);
  const slice = rowWindow(order.length, top, view.height, activeIndex >= 0 ? activeIndex : undefined);

  // Arrival highlights of the drawn rows, by age; one timer re-renders at the next change.
  const [, setTick] = useState(0);
  const now = performance.now();
  let nextStage = Number.POSITIVE_INFINITY;
  const drawnRows = slice.rows.map(({ index, gapBefore }): DrawnRow => {
    const row = byPosition.get(order[index]!)!;
    const { execution } = row;
    const age = row.arrivedLive && row.arrivedAt !== undefined ? now - row.arrivedAt : undefined;
    nextStage = Math.min(nextStage, untilNextStage(age));
    const account = accounts.get(execution.accountId)?.account;
    return {
      row, rowIndex: index + 2, gapBefore: gapBefore * ROW_PX, highlight: arrivalStage(age), active: execution.position === active,
      notified: execution.record.execId === notifiedExecId, accountLabel: account?.label ?? execution.accountId, priceUnit: account?.priceUnit ?? DOLLARS,
    };
  });
  useEffect(() => {
    if (nextStage === Number.POSITIVE_INFINITY) return;
    const timer = setTimeout(() => setTick((t) => t + 1), nextStage + 1);
    return () => clearTimeout(timer);
  });

  const layer = useRef<RowLayer | null>(null);
  useLayoutEffect(() => {
    const rows = new RowLayer(body.current!, shown);
    layer.current = rows;
    return () => {
      rows.dispose();
      layer.current = null;
    };
  }, [shown]);

  useLayoutEffect(() => {
    layer.current?.update(drawnRows, timeZone);
    drawn.current = { order, top };
    const el = scroller.current;
    if (el !== null && top !== view.top) {
      el.scrollTop = top;
      setView((v) => ({ ...v, top: el.scrollTop }));
    }
  });

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resized.disconnect();
    };
  }, []);

  // A clicked notification's row: put it in the DOM now, so the app can scroll to it, focus and flash it.
  const highlight = useNotificationStore((s) => s.highlight);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (highlight === null || el === null) return;
    const rows = rowsShown(useLiveStore.getState());
    const { position, execId } = highlight.target;
    const index = position !== null ? indexOfDescending(rows.order, position) : rows.order.findIndex((p) => rows.byPosition.get(p)?.execution.record.execId === execId);
    if (index < 0) return;
    el.scrollTop = Math.max(0, index * ROW_PX - el.clientHeight / 2);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [highlight]);

  // In the same commit as the rows (a layout effect after RowLayer's): when the focused row was dropped,
  // the focus is never left on the page's body for a key to land there.
  useLayoutEffect(() => {
    if (!focusPending.current || active === undefined) return;
    focusPending.current = false;
    body.current?.querySelector<HTMLElement>(`tr[data-position="${active}"]`)?.focus();
  }, [active]);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = active === undefined ? -1 : indexOfDescending(order, active);
    const next = nextRowIndex(event.key, Math.max(0, index), order.length, PAGE_ROWS);
    if (next === undefined) return;
    event.preventDefault();
    focusPending.current = true;
    setActivePosition(order[next]);
  }, [active, order]);

  const onFocusRow = useCallback((position: number) => {
    setActivePosition(position);
    hasFocus.current = true;
  }, []);
  const onFocus = useCallback((event: FocusEvent<HTMLTableSectionElement>) => {
    const position = (event.target as HTMLElement).closest<HTMLElement>('tr[data-position]')?.dataset['position'];
    if (position !== undefined) onFocusRow(Number(position));
  }, [onFocusRow]);
  const onBlur = useCallback((event: FocusEvent<HTMLTableSectionElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false;
  }, []);

  return (
    <div className="grid-scroll" ref={scroller}>
      <table role="grid" aria-label={label} aria-readonly="true" aria-rowcount={order.length + 1} className="live-grid" style={GRID_STYLE}>
        <LiveHeader columns={shown} zone={zoneLabel(timeZone)} />
        {/* Its rows are drawn by RowLayer (row-layer.ts); React renders none here. */}
        <tbody ref={body} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur} style={{ paddingTop: slice.padTop * ROW_PX, paddingBottom: slice.padBottom * ROW_PX }} />
      </table>
    </div>
  );
}

const DOLLARS: PriceUnit = 'dollars';
const GRID_STYLE = { '--live-row-height': `${ROW_PX}px` } as CSSProperties;

/** The header row, built by TanStack Table from the column table; re-rendered only when the columns or the zone's name change. */
const LiveHeader = memo(function LiveHeader({ columns: shown, zone }: { readonly columns: readonly ExecutionColumn[]; readonly zone: string }) {
  const columns = useMemo(() => tableColumns(shown, zone), [shown, zone]);
  const table = useTable({ features, columns, data: NO_DATA }, () => null);
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr role="row" aria-rowindex={1} key={group.id}>
          {group.headers.map((header, i) => {
            const column = shown[i]!;
            return (
              <th key={header.id} role="columnheader" scope="col" title={column.description} className={column.align === 'end' ? 'cell-end' : undefined} style={cellFlex(column, shown)}>
                <table.FlexRender header={header} />
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
});
