// SessionPanels.tsx — beside the log: the alerts a person must act on (possible missed fills between
// T1 and T2, unreadable messages, a journal that cannot write), the unreadable messages each account's
// sessions kept in the journal (counted over the whole journal), and the drop-copy backfills.
import type { AccountSessionWire } from '../../../shared/ipc/contract.ts';
import { formatClock } from '../../format/session-format.ts';
import { useLiveStore } from '../../state/live-store.ts';

const ALERT_LABELS = { 'missed-fills': 'Possible missed fills', undecodable: 'Unreadable message', 'store-failed': 'Journal cannot write', 'engine-restarted': 'Engine restarted', 'service-error': 'Service error' } as const;

export function AlertsPanel({ labels, timeZone }: { readonly labels: ReadonlyMap<string, string>; readonly timeZone: string }) {
  const alerts = useLiveStore((s) => s.alerts);
  return (
    <section className="session-panel" aria-labelledby="session-alerts-title">
      <h2 id="session-alerts-title" className="session-panel-title">Alerts <span className="session-dim">{alerts.length === 0 ? '' : `· ${alerts.length}`}</span></h2>
      {alerts.length === 0 ? <p className="session-empty">No alert since this window opened: no possible missed fills, no unreadable message.</p> : (
        <ul className="session-list" aria-label="Alerts, newest first">
          {alerts.map((a, i) => (
            <li key={`${a.at}-${i}`} data-alert={a.kind}>
              <span className="session-list-head"><span className="cell-num">{formatClock(a.at, timeZone).slice(11)}</span> <strong className={a.kind === 'engine-restarted' ? 'session-warn' : 'session-bad'}>{ALERT_LABELS[a.kind]}</strong>{a.accountId === null ? '' : ` · ${labels.get(a.accountId) ?? a.accountId}`}</span>
              <span>{a.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function UnreadablePanel({ sessions, labels, timeZone }: { readonly sessions: readonly AccountSessionWire[]; readonly labels: ReadonlyMap<string, string>; readonly timeZone: string }) {
  const total = sessions.reduce((n, s) => n + s.undecodable.count, 0);
  return (
    <section className="session-panel" aria-labelledby="session-unreadable-title">
      <h2 id="session-unreadable-title" className="session-panel-title">Unreadable messages in the journal <span className="session-dim">· {total}</span></h2>
      {total === 0 ? <p className="session-empty">Every message received so far could be read.</p> : (
        <ul className="session-list" aria-label="Unreadable messages, newest first">
          {sessions.flatMap((s) => s.undecodable.newest.map((n) => (
            <li key={`${s.accountId}-${n.rawId}`} data-raw-id={n.rawId}>
              <span className="session-list-head">
                <span className="cell-num">{formatClock(n.receivedAt, timeZone)}</span> · {labels.get(s.accountId) ?? s.accountId} · {n.msgType === '8' ? 'ExecutionReport' : `MsgType ${n.msgType}`} 34={n.msgSeqNum}{n.possDup ? ' (resent)' : ''} · message {n.rawId}
              </span>
              <span>{n.reason}{n.msgType === '8' ? ' A fill may be hidden in it: check it against the exchange\'s records.' : ''}</span>
            </li>
          )))}
        </ul>
      )}
    </section>
  );
}

export function BackfillsPanel({ sessions, labels, timeZone }: { readonly sessions: readonly AccountSessionWire[]; readonly labels: ReadonlyMap<string, string>; readonly timeZone: string }) {
  const withDropCopy = sessions.flatMap((s) => s.connections.filter((c) => c.backfills !== null).map((c) => ({ s, b: c.backfills! })));
  return (
    <section className="session-panel" aria-labelledby="session-backfills-title">
      <h2 id="session-backfills-title" className="session-panel-title">Drop-copy backfills</h2>
      {withDropCopy.length === 0 ? (
        <p className="session-empty">No account has a drop copy (KalshiDC): a possible loss is reported as an alert and cannot be backfilled. Turn it on for an account in Settings.</p>
      ) : (
        <ul className="session-list">
          {withDropCopy.map(({ s, b }) => (
            <li key={s.accountId} data-account={s.accountId}>
              <span className="session-list-head">{labels.get(s.accountId) ?? s.accountId}: <span className="cell-num">{b.started}</span> started, <span className="cell-num">{b.covered}</span> covered, <span className={`cell-num${b.incomplete > 0 ? ' session-bad' : ''}`}>{b.incomplete}</span> incomplete · <span className="cell-num">{b.recovered}</span> of <span className="cell-num">{b.replayed}</span> replayed were new</span>
              {b.last === null ? <span className="session-dim">No backfill yet.</span> : <span><span className="cell-num">{formatClock(b.last.at, timeZone).slice(11)}</span> {b.last.text}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
