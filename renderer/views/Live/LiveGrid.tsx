// LiveGrid.tsx — the Live view's grid: a table with grid roles, a sticky header built by TanStack Table
// from the column table, and the rows newest first. One row is the tab stop (roving tabindex); arrows,
// Page Up/Down, Home and End move it, and it stays on the same execution when new ones arrive above.
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { EXECUTION_COLUMNS, type ExecutionColumn } from '../../columns/execution-columns.ts';
import { useLiveStore } from '../../state/live-store.ts';
import type { LiveRow as LiveRowData } from '../../state/live-rows.ts';
import { nextRowIndex } from './grid-keys.ts';
import { LiveRow } from './LiveRow.tsx';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, LiveRowData>();
// TanStack owns the column model (headers now; sizing, order and visibility with the History view).
const tableColumns = (shown: readonly ExecutionColumn[]) => helper.columns(shown.map((c) => helper.display({ id: c.id, header: c.header })));
const ALL_COLUMNS = tableColumns(EXECUTION_COLUMNS);
const PAGE_ROWS = 20;

export function LiveGrid({ label, columns: shown = EXECUTION_COLUMNS }: { readonly label: string; readonly columns?: readonly ExecutionColumn[] }) {
  const columns = useMemo(() => (shown === EXECUTION_COLUMNS ? ALL_COLUMNS : tableColumns(shown)), [shown]);
  const order = useLiveStore((s) => s.rows.order);
  const byPosition = useLiveStore((s) => s.rows.byPosition);
  const data = useMemo(() => order.map((p) => byPosition.get(p)!), [order, byPosition]);
  const table = useTable({ features, columns, data, getRowId: (row) => String(row.execution.position) }, () => null);
  const [activePosition, setActivePosition] = useState<number | undefined>(undefined);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusPending = useRef(false);
  /** A row of this grid has the keyboard focus, so an evicted row can hand it on. */
  const hasFocus = useRef(false);

  // The tab stop: the chosen execution while it is shown, else the newest.
  const active = activePosition !== undefined && byPosition.has(activePosition) ? activePosition : order[0];

  // The focused row was the oldest and got dropped (the window keeps the newest N): focus moves to the
  // oldest row still shown instead of falling out of the grid. (A removed element gets no blur event.)
  if (activePosition !== undefined && !byPosition.has(activePosition) && hasFocus.current && order.length > 0) {
    focusPending.current = true;
    setActivePosition(order[order.length - 1]);
  }

  useEffect(() => {
    if (!focusPending.current || active === undefined) return;
    focusPending.current = false;
    body.current?.querySelector<HTMLElement>(`tr[data-position="${active}"]`)?.focus();
  }, [active]);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = active === undefined ? -1 : order.indexOf(active);
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
  const onBlur = useCallback((event: FocusEvent<HTMLTableSectionElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false;
  }, []);

  return (
    <div className="grid-scroll">
      <table role="grid" aria-label={label} aria-readonly="true" className="live-grid">
        <colgroup>
          {shown.map((c) => <col key={c.id} style={c.width === null ? undefined : { width: c.width }} />)}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr role="row" key={group.id}>
              {group.headers.map((header, i) => {
                const column = shown[i]!;
                return (
                  <th key={header.id} role="columnheader" scope="col" title={column.description} className={column.align === 'end' ? 'cell-end' : undefined}>
                    <table.FlexRender header={header} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown} onBlur={onBlur}>
          {table.getRowModel().rows.map((row) => (
            <LiveRow key={row.id} row={row.original} columns={shown} active={row.original.execution.position === active} onFocusRow={onFocusRow} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
