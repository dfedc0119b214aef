// session-format.ts — how the Session view words a connection: its state, its round trip, times in
// the chosen zone, "3 s ago". Display only; pure.
import type { ConnectionStatsWire } from '../../shared/ipc/contract.ts';

const STATE_LABELS: Readonly<Record<ConnectionStatsWire['state'], string>> = {
  stopped: 'Stopped', connecting: 'Connecting', 'logging-on': 'Logging on', active: 'Logged on', 'logging-out': 'Logging out',
  'reconnect-wait': 'Waiting to reconnect', failed: 'Failed', idle: 'Idle (connects to backfill)',
};

export function stateLabel(state: ConnectionStatsWire['state']): string {
  return STATE_LABELS[state];
}

/** 'ok' | 'warn' | 'bad' | 'idle': the state's colour (the words always say it too). */
export function stateTone(state: ConnectionStatsWire['state']): 'ok' | 'warn' | 'bad' | 'idle' {
  switch (state) {
    case 'active': return 'ok';
    case 'connecting': case 'logging-on': case 'logging-out': case 'reconnect-wait': return 'warn';
    case 'failed': return 'bad';
    case 'stopped': case 'idle': return 'idle';
  }
}

/** '12 ms', '1.4 s'. */
export function formatRoundTrip(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** '4 s ago', '3 min ago', '2 h ago' (never negative: a clock a little ahead reads 'just now'). */
export function formatAgo(at: number, now: number): string {
  const s = Math.floor((now - at) / 1_000);
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3_600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3_600)} h ago`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** '2026-11-24 14:00:05' in `timeZone`. */
export function formatClock(at: number, timeZone: string): string {
  let format = clocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
