// ComingView.tsx — a view that is not built yet says what it will show and when, instead of drawing
// made-up data. The Alerts view also lists the alerts the engine has really raised so far.
import { useEffect } from 'react';
import { useLiveStore } from '../../state/live-store.ts';
import type { ViewEntry } from '../views.ts';
import './ComingView.css';

export function ComingView({ entry }: { readonly entry: ViewEntry }) {
  return (
    <section className="coming" aria-labelledby={`${entry.id}-title`}>
      <div className="view-toolbar">
        <h1 id={`${entry.id}-title`} className="view-title">{entry.label}</h1>
        <span className="coming-badge">Coming</span>
      </div>
      <div className="coming-body">
        <p>{entry.coming?.summary}</p>
        <p className="coming-when">{entry.coming?.arrives}</p>
        {entry.id === 'alerts' ? <EngineAlerts /> : null}
      </div>
    </section>
  );
}

function EngineAlerts() {
  const alerts = useLiveStore((s) => s.alerts);
  const markSeen = useLiveStore((s) => s.markAlertsSeen);
  useEffect(() => markSeen(), [alerts, markSeen]);
  if (alerts.length === 0) return <p className="coming-empty">The engine has raised no alert since this window opened.</p>;
  return (
    <ul className="engine-alerts" aria-label="Alerts raised by the engine">
      {alerts.map((a, i) => (
        <li key={`${a.at}-${i}`}>
          <time className="tabular" dateTime={new Date(a.at).toISOString()}>{new Date(a.at).toISOString().slice(11, 19)} UTC</time>
          <span>{a.text}</span>
        </li>
      ))}
    </ul>
  );
}
