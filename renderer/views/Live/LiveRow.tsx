// LiveRow.tsx — one execution on one line. Memoised: a row re-renders only when its place changes (its
// aria-rowindex, as rows arrive above it) or its arrival highlight does (the grid says which,
// arrival-highlight.ts), and its cells only when the execution or its account's label or price unit does.
import { memo } from 'react';
import type { CellContext, ExecutionColumn } from '../../columns/execution-columns.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { useNotificationStore } from '../../state/notification-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import type { LiveRow as LiveRowData } from '../../state/live-rows.ts';
import type { LiveExecutionWire } from '../../../shared/ipc/contract.ts';
import type { ArrivalStage } from './arrival-highlight.ts';

export interface LiveRowProps {
  readonly row: LiveRowData;
  /** The grid's columns (a constant list, so it never breaks the memo). */
  readonly columns: readonly ExecutionColumn[];
  /** aria-rowindex: the grid renders only the rows near the view, so each says where it is (header = 1). */
  readonly rowIndex: number;
  /** Space for rows left out just above this one (px), when it is the tab stop far from the view. */
  readonly gapBefore: number;
  readonly active: boolean;
  readonly highlight: ArrivalStage;
  readonly onFocusRow: (position: number) => void;
}

// The row re-renders when rows arrive above it (its aria-rowindex changes); its cells do not.
export const LiveRow = memo(function LiveRow({ row, columns, rowIndex, gapBefore, active, highlight, onFocusRow }: LiveRowProps) {
  const { execution } = row;
  const notified = useNotificationStore((s) => s.notifiedExecId === execution.record.execId);
  return (
    <tr
      role="row"
      aria-rowindex={rowIndex}
      data-position={execution.position}
      data-exec-id={execution.record.execId}
      tabIndex={active ? 0 : -1}
      className={['live-row', highlight === 'none' ? '' : `is-${highlight}`, notified ? 'is-notified' : ''].filter(Boolean).join(' ')}
      style={gapBefore === 0 ? undefined : { marginTop: gapBefore }}
      onFocus={() => onFocusRow(execution.position)}
    >
      <LiveCells execution={execution} columns={columns} />
    </tr>
  );
});

const LiveCells = memo(function LiveCells({ execution, columns }: { readonly execution: LiveExecutionWire; readonly columns: readonly ExecutionColumn[] }) {
  // Selected as plain strings, so a status change of the account does not re-render its rows.
  const accountLabel = useLiveStore((s) => s.accounts.get(execution.accountId)?.account.label ?? execution.accountId);
  const priceUnit = useLiveStore((s) => s.accounts.get(execution.accountId)?.account.priceUnit ?? 'dollars');
  const timeZone = usePreferences((s) => effectiveTimeZone(s.timeZone));
  const context: CellContext = { execution, accountLabel, priceUnit, timeZone };
  return columns.map((column) => (
    <td
      key={column.id}
      role="gridcell"
      className={[`cell-${column.id}`, column.align === 'end' ? 'cell-end' : '', column.numeric ? 'cell-num' : '', column.tone?.(context) ?? ''].filter(Boolean).join(' ')}
      title={column.title?.(context)}
    >
      {column.text(context)}
    </td>
  ));
});
