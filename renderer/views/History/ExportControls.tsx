// ExportControls.tsx — Export CSV / JSON of exactly what History shows (main asks where to save and
// writes the file page by page), its progress with a Cancel button while it runs, and how it ended.
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { cancelExport, startExport } from '../../state/history/export-actions.ts';
import { useHistoryStore } from '../../state/history/history-store.ts';

const number = new Intl.NumberFormat('en-US');

export function ExportControls({ api }: { readonly api: FillwatchApi }) {
  const job = useHistoryStore((s) => s.exportJob);
  const error = useHistoryStore((s) => s.exportError);
  const running = job?.state === 'running';
  return (
    <div className="history-export">
      <button type="button" className="history-button" disabled={running} onClick={() => void startExport(api, 'csv')}>Export CSV…</button>
      <button type="button" className="history-button" disabled={running} onClick={() => void startExport(api, 'json')}>Export JSON…</button>
      {job === null ? null : running ? (
        <span className="export-progress" role="status">
          <progress
            aria-label="Export progress" max={job.total ?? undefined} value={job.total === null ? undefined : Math.min(job.rows, job.total)}
          />
          <span className="tabular">{number.format(job.rows)}{job.total === null ? '' : ` of ${job.totalExact ? '' : 'at least '}${number.format(job.total)}`} rows</span>
          <button type="button" className="history-button" onClick={() => void cancelExport(api)}>Cancel</button>
        </span>
      ) : (
        <span className={`export-result${job.state === 'failed' ? ' is-failed' : ''}`} role={job.state === 'failed' ? 'alert' : 'status'} data-state={job.state}>
          {job.state === 'done' ? `Saved ${number.format(job.rows)} rows to ${job.path}`
            : job.state === 'cancelled' ? 'Export cancelled; nothing was saved.' : job.message}
        </span>
      )}
      {error === null ? null : <span className="export-result is-failed" role="alert">{error}</span>}
    </div>
  );
}
