// LiveView.tsx — the newest executions of every account as they are committed, newest on top. Compact
// (the always-on-top window): fewer columns, no caption.
import { COMPACT_COLUMNS, EXECUTION_COLUMNS } from '../../columns/execution-columns.ts';
import { CATCH_UP_REFRESH_MS } from '../../state/catch-up.ts';
import { rowsShown, useLiveStore } from '../../state/live-store.ts';
import { LIVE_ROWS_KEPT } from '../../state/live-rows.ts';
import { LiveGrid } from './LiveGrid.tsx';
import './LiveView.css';

export function LiveView({ compact = false }: { readonly compact?: boolean }) {
  const count = useLiveStore((s) => rowsShown(s).order.length);
  const sync = useLiveStore((s) => s.sync.kind);
  const accounts = useLiveStore((s) => s.accounts.size);
  const catchingUp = useLiveStore((s) => s.catchUp !== null);
  return (
    <section className="live" aria-labelledby="live-title">
      <div className="view-toolbar">
        <h1 id="live-title" className="view-title">Live executions</h1>
        {compact ? null : (
          <p className="view-meta" aria-live="off">
            <span className="tabular">{count}</span> shown · every account · newest first, in the order committed · keeps the newest {LIVE_ROWS_KEPT}
          </p>
        )}
        {catchingUp ? <CatchUpStatus /> : null}
      </div>
      {count === 0 && !catchingUp ? <EmptyLive sync={sync} accounts={accounts} /> : <LiveGrid label="Live executions, newest first" columns={compact ? COMPACT_COLUMNS : EXECUTION_COLUMNS} />}
    </section>
  );
}

/** Made once: toLocaleString builds a formatter on every call (a render per frame while catching up). */
const COUNT = new Intl.NumberFormat('en-US');

/**
 * A burst (a reconnect's resend, a backfill) is being recorded: the grid shows its newest rows every few
 * seconds and when it is over (catch-up.ts). Announced once; the running count is for the eye only.
 */
function CatchUpStatus() {
  const received = useLiveStore((s) => s.catchUp?.received ?? 0);
  return (
    <p className="catch-up-status" role="status">
      Catching up on a burst of executions<span aria-hidden="true">: <span className="tabular">{COUNT.format(received)}</span> so far</span>. The grid shows the newest every {CATCH_UP_REFRESH_MS / 1000} seconds, and when it is over.
    </p>
  );
}

function EmptyLive({ sync, accounts }: { readonly sync: string; readonly accounts: number }) {
  const text = sync === 'connecting' ? 'Connecting to the recorder…'
    : accounts === 0 ? 'No account is configured yet: add the Kalshi account to watch in Settings (Ctrl+6).'
      : 'Waiting for the first execution. Acks, fills, cancels, replaces and rejects appear here the moment they are committed to the journal.';
  return <p className="empty-state" role="status">{text}</p>;
}
