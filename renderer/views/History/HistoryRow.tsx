// HistoryRow.tsx — one execution on one line of the History grid, positioned by the virtualizer.
// Two parts: the row (position, state classes) and its cells, memoised apart on the (immutable) row
// object, the column list and the account's unit. When a page leaves the top of the window every row on
// screen moves (its `top` changes with the scroll position, so nothing moves on screen): only the outer
// div's transform is written then, never the ~15 cells with their decimal formatting.
import { memo } from 'react';
import type { HistoryRowWire } from '../../../shared/ipc/contract.ts';
import type { PriceUnit } from '../../format/execution-format.ts';
import type { HistoryColumn } from './history-columns.ts';
import { useRowAccount } from './use-row-account.ts';

export interface HistoryRowProps {
  readonly row: HistoryRowWire;
  readonly columns: readonly HistoryColumn[];
  readonly widths: readonly number[];
  readonly top: number;
  readonly active: boolean;
  readonly notified: boolean;
  /** One of the executions another view asked to see (an alert's evidence). */
  readonly evidence: boolean;
  readonly onPick: (rowId: number, open: boolean) => void;
}

export const HistoryRow = memo(function HistoryRow({ row, columns, widths, top, active, notified, evidence, onPick }: HistoryRowProps) {
  const account = useRowAccount(row.account);
  return (
    <div
      role="row"
      id={`hrow-${row.rowId}`}
      aria-selected={active}
      data-row-id={row.rowId}
      data-exec-id={row.execId}
      className={`hgrid-row${active ? ' is-active' : ''}${notified ? ' is-notified' : ''}${evidence ? ' is-evidence' : ''}`}
      data-evidence={evidence ? 'true' : undefined}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onPick(row.rowId, true)}
    >
      <RowCells row={row} columns={columns} widths={widths} accountLabel={account.label} priceUnit={account.priceUnit} evidence={evidence} />
    </div>
  );
});

interface RowCellsProps {
  readonly row: HistoryRowWire;
  readonly columns: readonly HistoryColumn[];
  readonly widths: readonly number[];
  readonly accountLabel: string;
  readonly priceUnit: PriceUnit;
  readonly evidence: boolean;
}

const RowCells = memo(function RowCells({ row, columns, widths, accountLabel, priceUnit, evidence }: RowCellsProps) {
  const context = { row, accountLabel, priceUnit } as const;
  return columns.map((column, i) => (
    <div
      key={column.id}
      role="gridcell"
      className={['hgrid-cell', `cell-${column.id}`, column.align === 'end' ? 'cell-end' : '', column.numeric ? 'cell-num' : '', column.tone?.(context) ?? ''].filter(Boolean).join(' ')}
      style={{ width: widths[i] }}
      title={column.id === 'account' ? (row.account ?? undefined) : undefined}
    >
      {evidence && i === 0 ? <span className="visually-hidden">Evidence: </span> : null}
      {column.text(context)}
    </div>
  ));
});
