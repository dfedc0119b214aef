// LiveRow.tsx — one execution on one line. Memoised on its (immutable) row object, so rows already on
// screen do not re-render when new ones arrive. A row that arrived live is highlighted, dimmer after
// a moment, then plain: two class changes, not a CSS animation — a running animation anywhere in the
// table made Chromium repaint it every frame (100–300 ms long tasks at 25 executions/s without a GPU).
import { memo, useEffect, useState } from 'react';
import type { CellContext, ExecutionColumn } from '../../columns/execution-columns.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { useNotificationStore } from '../../state/notification-store.ts';
import type { LiveRow as LiveRowData } from '../../state/live-rows.ts';

export interface LiveRowProps {
  readonly row: LiveRowData;
  /** The grid's columns (a constant list, so it never breaks the memo). */
  readonly columns: readonly ExecutionColumn[];
  readonly active: boolean;
  readonly onFocusRow: (position: number) => void;
}

// No aria-rowindex: every row is in the DOM, so the browser knows each row's place; an index prop would
// change for every row whenever one arrives on top and re-render them all.
export const LiveRow = memo(function LiveRow({ row, columns, active, onFocusRow }: LiveRowProps) {
  const { execution } = row;
  // Selected as plain strings, so a status change of the account does not re-render its rows.
  const accountLabel = useLiveStore((s) => s.accounts.get(execution.accountId)?.account.label ?? execution.accountId);
  const priceUnit = useLiveStore((s) => s.accounts.get(execution.accountId)?.account.priceUnit ?? 'dollars');
  const context: CellContext = { execution, accountLabel, priceUnit };
  const highlight = useArrivalHighlight(row.arrivedLive);
  const notified = useNotificationStore((s) => s.notifiedExecId === execution.record.execId);
  return (
    <tr
      role="row"
      data-position={execution.position}
      data-exec-id={execution.record.execId}
      tabIndex={active ? 0 : -1}
      className={['live-row', highlight === 'none' ? '' : `is-${highlight}`, notified ? 'is-notified' : ''].filter(Boolean).join(' ')}
      onFocus={() => onFocusRow(execution.position)}
    >
      {columns.map((column) => (
        <td
          key={column.id}
          role="gridcell"
          className={[`cell-${column.id}`, column.align === 'end' ? 'cell-end' : '', column.numeric ? 'cell-num' : '', column.tone?.(context) ?? ''].filter(Boolean).join(' ')}
          title={column.title?.(context)}
        >
          {column.text(context)}
        </td>
      ))}
    </tr>
  );
});

const NEW_MS = 700;
const FADING_MS = 1_500;

/** 'new' → 'fading' → 'none' for a row that arrived live; 'none' from the start for snapshot rows. */
function useArrivalHighlight(arrivedLive: boolean): 'new' | 'fading' | 'none' {
  const [stage, setStage] = useState<'new' | 'fading' | 'none'>(arrivedLive ? 'new' : 'none');
  useEffect(() => {
    if (!arrivedLive) return;
    const fading = setTimeout(() => setStage('fading'), NEW_MS);
    const done = setTimeout(() => setStage('none'), FADING_MS);
    return () => { clearTimeout(fading); clearTimeout(done); };
  }, [arrivedLive]);
  return stage;
}
