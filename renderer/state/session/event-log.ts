// event-log.ts — the Session view's event log as a pure filter over the log lines the window keeps
// (newest first): by severity, by account, by connection. Tested without a browser.
import type { LogLine } from '../../../shared/ipc/contract.ts';

export type Severity = LogLine['severity'];
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

export interface LogFilter {
  readonly severities: ReadonlySet<Severity>;
  /** null: every account. */
  readonly accountId: string | null;
  /** null: both connections. */
  readonly source: LogLine['source'] | null;
}

export const ALL_LOGS: LogFilter = { severities: new Set(SEVERITIES), accountId: null, source: null };

export function filterLogs(logs: readonly LogLine[], filter: LogFilter): LogLine[] {
  return logs.filter((l) => filter.severities.has(l.severity)
    && (filter.accountId === null || l.accountId === filter.accountId)
    && (filter.source === null || l.source === filter.source));
}

/** Lines per severity, for the filter's counts. */
export function countBySeverity(logs: readonly LogLine[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { info: 0, warning: 0, error: 0, critical: 0 };
  for (const l of logs) counts[l.severity]++;
  return counts;
}

/** Toggles one severity; the last one left cannot be turned off (an empty filter shows nothing useful). */
export function toggleSeverity(filter: LogFilter, severity: Severity): LogFilter {
  const next = new Set(filter.severities);
  if (next.has(severity)) {
    if (next.size === 1) return filter;
    next.delete(severity);
  } else {
    next.add(severity);
  }
  return { ...filter, severities: next };
}
