// export-job.ts — writes one History export: the same query as the view (filter and sort), read page
// by page as of one snapshot (rows committed meanwhile are not half-included), encoded by
// export-format.ts and appended to `<path>.part`, which is renamed over `path` only once complete.
// Reports progress after each page and stops between pages when cancelled (the part file is removed),
// so a million-row export never holds more than one page in memory.
import { open, rename, rm } from 'node:fs/promises';
import type { ExportColumn } from '../../../shared/history/export-columns.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import type { ExportFormat } from '../../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import { encoderFor } from './export-format.ts';

export interface ExportJob {
  readonly recorder: Pick<RecorderApi, 'history'>;
  readonly path: string;
  readonly format: ExportFormat;
  readonly columns: readonly ExportColumn[];
  readonly filter: HistoryFilter;
  readonly sort: HistorySort;
  readonly signal: AbortSignal;
  /** Rows per page read from the journal (default 1000, the service's largest). */
  readonly pageRows?: number;
  onProgress(rows: number, total: { readonly value: number; readonly exact: boolean } | null): void;
}

export type ExportOutcome = { readonly state: 'done'; readonly rows: number } | { readonly state: 'cancelled'; readonly rows: number };

export async function runExport(job: ExportJob): Promise<ExportOutcome> {
  const limit = job.pageRows ?? 1_000;
  const part = `${job.path}.part`;
  const encoder = encoderFor(job.format, job.columns);
  const file = await open(part, 'w');
  let rows = 0;
  let finished = false;
  try {
    const { page: first, position } = await job.recorder.history('snapshot', { filter: job.filter, sort: job.sort, limit });
    // The total is for the progress bar only: an inexact count ("at least") is fine.
    const total = await job.recorder.history('count', job.filter, { asOf: position }).catch(() => null);
    await file.write(encoder.start());
    let page = first;
    for (;;) {
      if (page.rows.length > 0) await file.write(encoder.rows(page.rows, rows === 0));
      rows += page.rows.length;
      job.onProgress(rows, total);
      if (page.next === null) break;
      if (job.signal.aborted) return { state: 'cancelled', rows };
      page = await job.recorder.history('page', { filter: job.filter, sort: job.sort, limit, after: page.next, asOf: position });
    }
    await file.write(encoder.end());
    await file.sync();
    finished = true;
  } finally {
    await file.close();
    if (!finished) await rm(part, { force: true });
  }
  await rename(part, job.path);
  return { state: 'done', rows };
}
