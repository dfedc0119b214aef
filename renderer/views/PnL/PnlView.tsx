// PnlView.tsx — positions and P&L of one account at a time, exactly as the recorder's book computes
// them (the figures `fillwatch pnl` prints for the same journal): a summary, the markets grid, the
// cumulative P&L chart and totals by event and by day in the chosen time zone. Follows the book as
// fills commit (one read per burst, see pnl-controller.ts); a market opens its fills in History.
import { useCallback, useEffect } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { useHistoryIntent } from '../../state/history-intent.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { connectPnl } from '../../state/pnl/pnl-controller.ts';
import { usePnlStore } from '../../state/pnl/pnl-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import { MarketsGrid } from './MarketsGrid.tsx';
import { PnlChart } from './PnlChart.tsx';
import { PnlSummary } from './PnlSummary.tsx';
import { PnlToolbar } from './PnlToolbar.tsx';
import { ByDayTable, ByEventTable } from './TotalsTables.tsx';
import './PnlView.css';

export function PnlView({ api }: { readonly api: FillwatchApi }) {
  useEffect(() => connectPnl(api), [api]);
  const accounts = useLiveStore((s) => s.accounts);
  const accountId = usePnlStore((s) => s.accountId);
  const set = usePnlStore((s) => s.set);
  // The first account until the user picks one; another if the chosen one was removed.
  useEffect(() => {
    if (accountId !== null && accounts.has(accountId)) return;
    const first = accounts.keys().next();
    set({ accountId: first.done === true ? null : first.value });
  }, [accounts, accountId, set]);
  const open = useHistoryIntent((s) => s.open);
  const onOpen = useCallback((market: string) => open({ market, ...(accountId === null ? {} : { accountId }) }), [open, accountId]);
  return (
    <section className="pnl" aria-labelledby="pnl-title">
      <PnlToolbar />
      <PnlBody onOpen={onOpen} />
    </section>
  );
}

function PnlBody({ onOpen }: { readonly onOpen: (market: string) => void }) {
  const view = usePnlStore((s) => s.view);
  const load = usePnlStore((s) => s.load);
  const error = usePnlStore((s) => s.error);
  const accountId = usePnlStore((s) => s.accountId);
  const sync = useLiveStore((s) => s.sync.kind);
  const timeZone = effectiveTimeZone(usePreferences((s) => s.timeZone));
  const banner = error === null ? null : (
    <div className="banner banner-danger" role="alert">
      Could not read this account's P&L ({error.message}). {error.kind === 'not-found' ? 'The account was removed: choose another above.' : 'It is read again when the next fill arrives; check the status strip and Session view if this stays.'}
    </div>
  );
  if (accountId === null) {
    const text = sync === 'connecting' ? 'Connecting to the recorder…' : 'No account is configured yet: add the Kalshi account to watch in Settings (Ctrl+6).';
    return <p className="empty-state" role="status">{text}</p>;
  }
  if (view === null || view.accountId !== accountId) {
    return <>{banner}<p className="empty-state" role="status">{load === 'failed' ? 'No figures to show.' : 'Reading positions from the recorder…'}</p></>;
  }
  return (
    <>
      {banner}
      <PnlSummary view={view} />
      {view.markets.length === 0
        ? <p className="empty-state" role="status">No fill yet for this account. Positions, P&L and fees appear here as fills are committed to the journal.</p>
        : <MarketsGrid view={view} onOpen={onOpen} />}
      <div className="pnl-panels">
        <section className="pnl-panel" aria-labelledby="pnl-chart-title">
          <h2 id="pnl-chart-title" className="pnl-panel-title">Cumulative net P&L</h2>
          <PnlChart view={view} timeZone={timeZone} />
        </section>
        <section className="pnl-panel" aria-labelledby="pnl-event-title">
          <h2 id="pnl-event-title" className="pnl-panel-title">By event</h2>
          {view.byEvent.length === 0 ? <p className="pnl-panel-empty">No event yet.</p> : <ByEventTable view={view} />}
        </section>
        <section className="pnl-panel" aria-labelledby="pnl-day-title">
          <h2 id="pnl-day-title" className="pnl-panel-title">By day <span className="pnl-panel-note">{view.timeZone} · net = realized − fees</span></h2>
          {view.byDay.length === 0 ? <p className="pnl-panel-empty">No day yet.</p> : <ByDayTable view={view} />}
        </section>
      </div>
    </>
  );
}
