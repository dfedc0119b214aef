// HistoryStatus.tsx — "Displaying X of Y" (both counted by the journal; "at least" while a count
// stopped at its time budget), and what History says when it has nothing to show or could not read:
// an empty journal, a filter that matches nothing (with a way out), an error with what to do.
import type { HistoryCountWire } from '../../../shared/ipc/contract.ts';
import type { HistoryController } from '../../state/history/history-controller.ts';
import { useHistoryStore } from '../../state/history/history-store.ts';

const number = new Intl.NumberFormat('en-US');
const amount = (c: HistoryCountWire) => `${c.exact ? '' : 'at least '}${number.format(c.value)}`;

export function RowCount() {
  const matching = useHistoryStore((s) => s.matching);
  const total = useHistoryStore((s) => s.total);
  const text = matching === null || total === null ? 'Counting…' : `Displaying ${amount(matching)} of ${amount(total)} executions`;
  return <p className="view-meta history-count tabular" data-testid="history-count">{text}</p>;
}

export function HistoryStatus({ controller, onClearFilters }: { readonly controller: HistoryController; readonly onClearFilters: () => void }) {
  const load = useHistoryStore((s) => s.load);
  const error = useHistoryStore((s) => s.error);
  const empty = useHistoryStore((s) => s.window.rows.length === 0);
  const total = useHistoryStore((s) => s.total);
  if (load === 'failed' && error !== null) {
    const advice = error.kind === 'bad-query' ? 'Change the filter, or reload to start from the first page.'
      : error.kind === 'failed' ? 'The recorder may be restarting; try again in a moment.' : 'Try again.';
    return (
      <div className="history-banner" role="alert">
        <span>History could not be read: {error.message} {advice}</span>
        <button type="button" className="history-button" onClick={() => void controller.reload()}>Try again</button>
      </div>
    );
  }
  if (load !== 'ready' || !empty) return null;
  if (total !== null && total.value === 0) {
    return <p className="empty-state" role="status">The journal has no execution yet. Every ack, fill, cancel, replace and reject of every account appears here once it is committed; add an account in Settings (Ctrl+6) if none is configured.</p>;
  }
  return (
    <p className="empty-state history-empty" role="status">
      No execution matches these filters.{' '}
      <button type="button" className="history-button" onClick={onClearFilters}>Clear filters</button>
    </p>
  );
}
