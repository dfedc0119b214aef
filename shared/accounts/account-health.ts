// account-health.ts — an account's state in the words the status strip and the tray use (connected,
// quiet, reconnecting, down) and how long ago the exchange last spoke. A session that is up but silent
// for longer than two heartbeats is shown as quiet: stale data must never look current.
import type { AccountPhaseWire } from '../ipc/contract.ts';

export type Health = 'connected' | 'quiet' | 'reconnecting' | 'down';

/** Kalshi's heartbeat is 30 s; two missed ones and some slack. */
export const QUIET_AFTER_MS = 65_000;

export function accountHealth(phase: AccountPhaseWire, lastMessageAt: number | null, now: number): Health {
  switch (phase) {
    case 'active':
      return lastMessageAt !== null && now - lastMessageAt > QUIET_AFTER_MS ? 'quiet' : 'connected';
    case 'connecting':
    case 'logging-on':
    case 'reconnect-wait':
      return 'reconnecting';
    case 'logging-out':
    case 'stopped':
    case 'failed':
      return 'down';
  }
}

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  connected: 'Connected', quiet: 'Quiet', reconnecting: 'Reconnecting', down: 'Down',
};

/** 'just now', '12 s ago', '3 min ago', '2 h ago'. */
export function ageText(lastMessageAt: number | null, now: number): string {
  if (lastMessageAt === null) return 'no message yet';
  const seconds = Math.max(0, Math.floor((now - lastMessageAt) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}
