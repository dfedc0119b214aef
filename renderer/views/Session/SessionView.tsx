// SessionView.tsx — session health per connection as the recorder reports it (session.get, read once a
// second while this view is open; counters, not per-message events): the connections grid, the event
// log with its filters, the alerts, the unreadable messages kept in the journal and the drop-copy
// backfills. Times in the chosen zone.
import { useEffect, useMemo, useState } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { formatClock } from '../../format/session-format.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import { connectSession, SESSION_POLL_MS, useSessionStore } from '../../state/session/session-store.ts';
import { ConnectionsGrid } from './ConnectionsGrid.tsx';
import { EventLog } from './EventLog.tsx';
import { AlertsPanel, BackfillsPanel, UnreadablePanel } from './SessionPanels.tsx';
import './SessionView.css';

export function SessionView({ api }: { readonly api: FillwatchApi }) {
  useEffect(() => connectSession(() => api.session.get()), [api]);
  const sessions = useSessionStore((s) => s.sessions);
  const error = useSessionStore((s) => s.error);
  const readAt = useSessionStore((s) => s.readAt);
  const accounts = useLiveStore((s) => s.accounts);
  const timeZone = effectiveTimeZone(usePreferences((s) => s.timeZone));
  const labels = useMemo(() => new Map([...accounts.values()].map((a) => [a.account.id, a.account.label])), [accounts]);
  const now = useNow();
  const since = sessions === null || sessions.length === 0 ? null : Math.min(...sessions.map((s) => s.countingSince));
  return (
    <section className="session" aria-labelledby="session-title">
      <div className="view-toolbar">
        <h1 id="session-title" className="view-title">Session</h1>
        <p className="view-meta">
          Each connection as the recorder reports it, read every {SESSION_POLL_MS / 1000} s
          {since === null ? '' : ` · counts since ${formatClock(since, timeZone)}`}
          {readAt === null ? '' : ` · read ${formatClock(readAt, timeZone).slice(11)}`} · {timeZone}
        </p>
      </div>
      {error === null ? null : (
        <div className="banner banner-danger" role="alert">
          Could not read the connections from the recorder ({error.message}). Retrying every second; the figures below may be out of date. If this stays, restart Fillwatch.
        </div>
      )}
      {sessions === null ? <p className="empty-state" role="status">Reading the connections…</p>
        : sessions.length === 0 ? <p className="empty-state" role="status">No account is configured yet: add the Kalshi account to watch in Settings (Ctrl+6).</p>
          : <ConnectionsGrid sessions={sessions} labels={labels} now={now} timeZone={timeZone} />}
      <div className="session-body">
        <EventLog labels={labels} timeZone={timeZone} />
        <div className="session-side">
          <AlertsPanel labels={labels} timeZone={timeZone} />
          <UnreadablePanel sessions={sessions ?? []} labels={labels} timeZone={timeZone} />
          <BackfillsPanel sessions={sessions ?? []} labels={labels} timeZone={timeZone} />
        </div>
      </div>
    </section>
  );
}

/** The time now, once a second: "last message 3 s ago" counts up between reads. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
