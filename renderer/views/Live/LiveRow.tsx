// LiveRow.tsx — one execution on one line. Memoised: a row re-renders only when its place changes (its
// aria-rowindex, as rows arrive above it), and its cells only when the execution or its account's label
// or price unit does. A row that arrived live is highlighted, dimmer after
// a moment, then plain: two class changes, not a CSS animation — a running animation anywhere in the
// table made Chromium repaint it every frame (100–300 ms long tasks at 25 executions/s without a GPU).
import { memo, useEffect, useState } from 'react';
import type { CellContext, ExecutionColumn } from '../../columns/execution-columns.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { useNotificationStore } from '../../state/notification-store.ts';
import type { LiveRow as LiveRowData } from '../../state/live-rows.ts';
import type { LiveExecutionWire } from '../../../shared/ipc/contract.ts';

export interface LiveRowProps {
  readonly row: LiveRowData;
  /** The grid's columns (a constant list, so it never breaks the memo). */
  readonly columns: readonly ExecutionColumn[];
  /** aria-rowindex: the grid renders only the rows near the view, so each says where it is (header = 1). */
  readonly rowIndex: number;
  /** Space for rows left out just above this one (px), when it is the tab stop far from the view. */
  readonly gapBefore: number;
  readonly active: boolean;
  readonly onFocusRow: (position: number) => void;
}

// The row re-renders when rows arrive above it (its aria-rowindex changes); its cells do not.
export const LiveRow = memo(function LiveRow({ row, columns, rowIndex, gapBefore, active, onFocusRow }: LiveRowProps) {
  const { execution } = row;
  const highlight = useArrivalHighlight(row.arrivedLive ? (row.arrivedAt ?? Number.NEGATIVE_INFINITY) : undefined);
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
  const context: CellContext = { execution, accountLabel, priceUnit };
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

const NEW_MS = 700;
const FADING_MS = 1_500;

type Stage = 'new' | 'fading' | 'none';

const stageAt = (age: number): Stage => (age < NEW_MS ? 'new' : age < FADING_MS ? 'fading' : 'none');

/**
 * 'new' → 'fading' → 'none' by the row's age (arrival time, performance.now()); 'none' for snapshot rows
 * (undefined). A row drawn late — scrolled back into view — takes the stage its age says.
 */
function useArrivalHighlight(arrivedAt: number | undefined): Stage {
  const [stage, setStage] = useState<Stage>(() => (arrivedAt === undefined ? 'none' : stageAt(performance.now() - arrivedAt)));
  useEffect(() => {
    if (arrivedAt === undefined) return;
    const age = performance.now() - arrivedAt;
    const timers: ReturnType<typeof setTimeout>[] = [];
    if (age < NEW_MS) timers.push(setTimeout(() => setStage('fading'), NEW_MS - age));
    if (age < FADING_MS) timers.push(setTimeout(() => setStage('none'), FADING_MS - age));
    return () => { for (const timer of timers) clearTimeout(timer); };
  }, [arrivedAt]);
  return stage;
}
