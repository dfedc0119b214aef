// PnlToolbar.tsx — the P&L view's title, which account it shows (one at a time: each account has its
// own book), the time zone its days are cut in (the same setting as Settings → Display), and when the
// figures were read.
import { useId } from 'react';
import { useLiveStore } from '../../state/live-store.ts';
import { usePnlStore } from '../../state/pnl/pnl-store.ts';
import { effectiveTimeZone, usePreferences } from '../../state/preferences-store.ts';
import { formatClock } from '../../format/session-format.ts';

const ZONES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'America/New_York', label: 'America/New_York (Kalshi\'s day)' }, { value: 'UTC', label: 'UTC' }, { value: 'local', label: 'This computer\'s' },
];

export function PnlToolbar() {
  const accounts = useLiveStore((s) => s.accounts);
  const accountId = usePnlStore((s) => s.accountId);
  const readAt = usePnlStore((s) => s.readAt);
  const set = usePnlStore((s) => s.set);
  const zone = usePreferences((s) => s.timeZone);
  const setPreferences = usePreferences((s) => s.set);
  const id = useId();
  const zones = ZONES.some((z) => z.value === zone) ? ZONES : [{ value: zone, label: zone }, ...ZONES];
  return (
    <div className="view-toolbar pnl-toolbar">
      <h1 id="pnl-title" className="view-title">P&L</h1>
      <span className="pnl-control">
        <label htmlFor={`${id}-account`}>Account</label>
        <select id={`${id}-account`} value={accountId ?? ''} onChange={(e) => set({ accountId: e.target.value })} disabled={accounts.size === 0}>
          {[...accounts.values()].map((a) => <option key={a.account.id} value={a.account.id}>{a.account.label}{a.account.demo ? ' (demo)' : ''}</option>)}
        </select>
      </span>
      <span className="pnl-control" title="Days of the by-day totals and the chart's times; the same setting as Settings → Display">
        <label htmlFor={`${id}-zone`}>Days in</label>
        <select id={`${id}-zone`} value={zone} onChange={(e) => setPreferences({ timeZone: e.target.value })}>
          {zones.map((z) => <option key={z.value} value={z.value}>{z.value === 'local' ? `${z.label} (${effectiveTimeZone('local')})` : z.label}</option>)}
        </select>
      </span>
      <p className="view-meta">
        Exact figures of the recorder's book, as <code>fillwatch pnl</code> computes them; amounts shown to the cent, fees to $0.0001
        {readAt === null ? '' : ` · read ${formatClock(readAt, effectiveTimeZone(zone)).slice(11)}`}
      </p>
    </div>
  );
}
