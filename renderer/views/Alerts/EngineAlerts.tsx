// EngineAlerts.tsx — what the recording engine itself raised since this window opened (possible missed
// fills, unreadable messages, a journal that cannot write, an engine restart): not rules' alerts and not
// reviewed, but a person must see them; the banner's "Show alerts" lands here (above the grid while
// there are any; the newest few, the rest in Session). Seen once shown.
import { useEffect } from 'react';
import { formatClock } from '../../format/session-format.ts';
import { useLiveStore } from '../../state/live-store.ts';

const SHOWN = 5;

const KIND_LABELS = { 'missed-fills': 'Possible missed fills', undecodable: 'Unreadable message', 'store-failed': 'Journal cannot write', 'engine-restarted': 'Engine restarted', 'service-error': 'Service error' } as const;

export function EngineAlerts({ labels, timeZone }: { readonly labels: ReadonlyMap<string, string>; readonly timeZone: string }) {
  const alerts = useLiveStore((s) => s.alerts);
  const markSeen = useLiveStore((s) => s.markAlertsSeen);
  useEffect(() => markSeen(), [alerts, markSeen]);
  return (
    <section className="alerts-section" aria-labelledby="engine-alerts-title">
      <h2 id="engine-alerts-title" className="alerts-section-title">From the recording engine <span className="alerts-dim">· since this window opened{alerts.length === 0 ? '' : ` · ${alerts.length}`}</span></h2>
      {alerts.length === 0 ? <p className="alerts-empty">None: no possible missed fills, no unreadable message, the journal writes.</p> : (
        <ul className="engine-alerts" aria-label="Engine alerts, newest first">
          {alerts.slice(0, SHOWN).map((a, i) => (
            <li key={`${a.at}-${i}`} data-alert={a.kind}>
              <span className="cell-num alerts-dim">{formatClock(a.at, timeZone)}</span>{' '}
              <strong>{KIND_LABELS[a.kind]}</strong>{a.accountId === null ? '' : ` · ${labels.get(a.accountId) ?? a.accountId}`}: {a.text}
            </li>
          ))}
          {alerts.length > SHOWN ? <li className="alerts-dim">…and {alerts.length - SHOWN} earlier: the Session view lists them all.</li> : null}
        </ul>
      )}
    </section>
  );
}
