// EventLog.tsx — what the engine said, newest first (the window keeps the last 300 lines): each line's
// time, account, connection, severity (as a word, not only a colour) and sentence, filterable by
// severity, account and connection. The filter is kept while the app runs.
import { useId, useMemo } from 'react';
import type { LogLine } from '../../../shared/ipc/contract.ts';
import { formatClock } from '../../format/session-format.ts';
import { useLiveStore } from '../../state/live-store.ts';
import { SEVERITIES, countBySeverity, filterLogs, toggleSeverity } from '../../state/session/event-log.ts';
import { useSessionStore } from '../../state/session/session-store.ts';

const SEVERITY_LABELS = { info: 'Info', warning: 'Warning', error: 'Error', critical: 'Critical' } as const;

export function EventLog({ labels, timeZone }: { readonly labels: ReadonlyMap<string, string>; readonly timeZone: string }) {
  const logs = useLiveStore((s) => s.logs);
  const filter = useSessionStore((s) => s.logFilter);
  const set = useSessionStore((s) => s.set);
  const id = useId();
  const forAccount = useMemo(() => filterLogs(logs, { ...filter, severities: new Set(SEVERITIES) }), [logs, filter]);
  const counts = useMemo(() => countBySeverity(forAccount), [forAccount]);
  const shown = useMemo(() => filterLogs(logs, filter), [logs, filter]);
  return (
    <section className="session-panel session-log" aria-labelledby={`${id}-title`}>
      <div className="session-log-bar">
        <h2 id={`${id}-title`} className="session-panel-title">Event log</h2>
        <div className="session-filter" role="group" aria-label="Severities shown">
          {SEVERITIES.map((s) => (
            <button key={s} type="button" className={`session-chip sev-${s}`} aria-pressed={filter.severities.has(s)} onClick={() => set({ logFilter: toggleSeverity(filter, s) })}>
              {SEVERITY_LABELS[s]} <span className="cell-num">{counts[s]}</span>
            </button>
          ))}
        </div>
        <span className="session-control">
          <label htmlFor={`${id}-account`}>Account</label>
          <select id={`${id}-account`} value={filter.accountId ?? ''} onChange={(e) => set({ logFilter: { ...filter, accountId: e.target.value === '' ? null : e.target.value } })}>
            <option value="">All</option>
            {[...labels].map(([accountId, label]) => <option key={accountId} value={accountId}>{label}</option>)}
          </select>
        </span>
        <span className="session-control">
          <label htmlFor={`${id}-source`}>Connection</label>
          <select id={`${id}-source`} value={filter.source ?? ''} onChange={(e) => set({ logFilter: { ...filter, source: e.target.value === '' ? null : e.target.value as LogLine['source'] } })}>
            <option value="">Both</option><option value="listener">Listener</option><option value="drop-copy">Drop copy</option>
          </select>
        </span>
        <span className="session-dim cell-num" aria-live="off">{shown.length} of {logs.length}</span>
      </div>
      <div className="session-log-scroll" tabIndex={0} role="region" aria-label="Event log lines">
        {shown.length === 0 ? (
          <p className="session-empty">{logs.length === 0 ? 'Nothing logged since this window opened.' : 'No line matches these filters.'}</p>
        ) : (
          <table className="session-log-table">
            <thead><tr><th scope="col">Time</th><th scope="col">Account</th><th scope="col">Connection</th><th scope="col">Severity</th><th scope="col">Event</th></tr></thead>
            <tbody>
              {shown.map((l, i) => (
                <tr key={`${l.at}-${i}`} className={`log-${l.severity}`} data-severity={l.severity}>
                  <td className="cell-num">{formatClock(l.at, timeZone).slice(11)}</td>
                  <td>{labels.get(l.accountId) ?? l.accountId}</td>
                  <td>{l.source === 'listener' ? 'Listener' : 'Drop copy'}</td>
                  <td><span className={`sev sev-${l.severity}`}>{SEVERITY_LABELS[l.severity]}</span></td>
                  <td className="session-log-text">{l.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
