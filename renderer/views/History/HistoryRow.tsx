// HistoryRow.tsx — one execution on one line of the History grid, positioned by the virtualizer.
// Memoised on its (immutable) row object and the column list, so scrolling and live rows re-render
// only the rows that enter the screen.
import { memo } from 'react';
import type { HistoryRowWire } from '../../../shared/ipc/contract.ts';
import { useLiveStore } from '../../state/live-store.ts';
import type { HistoryColumn } from './history-columns.ts';

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
  // The account's label and price unit by its API key id (the journal knows the SenderCompID only).
  const account = useLiveStore((s) => [...s.accounts.values()].find((a) => a.account.apiKeyId === row.account)?.account);
  const context = { row, accountLabel: account?.label ?? row.account ?? '', priceUnit: account?.priceUnit ?? 'dollars' } as const;
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
      {columns.map((column, i) => (
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
      ))}
    </div>
  );
});
