// StatusStrip.tsx — one chip per account: a coloured dot and the word (connected / quiet /
// reconnecting / down — never colour alone) and how long ago the exchange last spoke. Only this strip
// ticks every second; nothing else re-renders for the clock.
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/ipc/contract.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { HEALTH_LABELS, accountHealth, ageText } from './account-health.ts';
import './StatusStrip.css';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function StatusStrip() {
  const accounts = useLiveStore((s) => s.accounts);
  const now = useNow(1_000);
  if (accounts.size === 0) return <p className="status-strip status-strip-empty">No account is configured</p>;
  return (
    <ul className="status-strip" aria-label="Accounts">
      {[...accounts.values()].map((view) => <AccountChip key={view.account.id} view={view} now={now} />)}
    </ul>
  );
}

function AccountChip({ view, now }: { readonly view: AccountView; readonly now: number }) {
  const { account, status } = view;
  const health = accountHealth(status.phase, status.lastMessageAt, now);
  const detail = status.reason !== null && health !== 'connected' ? ` — ${status.reason}` : '';
  return (
    <li className={`account-chip health-${health}`} title={`${account.label}: ${account.listener.target} at ${account.listener.host}:${account.listener.port}${detail}`}>
      <span className="account-dot" aria-hidden="true" />
      <span className="account-name">{account.label}</span>
      <span className="account-health">{HEALTH_LABELS[health]}</span>
      <span className="account-age">{status.lastMessageAt === null ? 'no message yet' : `last message ${ageText(status.lastMessageAt, now)}`}</span>
    </li>
  );
}
