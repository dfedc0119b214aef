// SyncBanner.tsx — says so when the window lost its link to the recorder (and that it is retrying), or
// when the engine raised an alert a person must see, with the newest alert's sentence (and a button to
// the Alerts view where there is one: the compact window has none).
import { useLiveStore } from '../../state/live-store.ts';
import './SyncBanner.css';

export function SyncBanner({ onShowAlerts }: { readonly onShowAlerts?: () => void }) {
  const sync = useLiveStore((s) => s.sync);
  const unseen = useLiveStore((s) => s.alerts.length - s.alertsSeen);
  const newest = useLiveStore((s) => s.alerts[0]);
  if (sync.kind === 'failed') {
    return (
      <div className="banner banner-danger" role="alert">
        Lost contact with the recorder ({sync.error.message}). Retrying every {Math.round(sync.retryInMs / 1000)} s; what is shown may be out of date.
      </div>
    );
  }
  if (unseen > 0 && newest !== undefined) {
    return (
      <div className="banner banner-warn" role="status">
        <span>{newest.text}</span>
        {onShowAlerts === undefined ? null : (
          <button type="button" className="banner-action" onClick={onShowAlerts}>
            {unseen === 1 ? 'Show alert' : `Show ${unseen} alerts`}
          </button>
        )}
      </div>
    );
  }
  return null;
}
