// history-exports.ts — the exports main is writing: each starts after main's save dialog, runs on its
// own (export-job.ts) and tells its progress through one event stream that every window hears, so the
// page that asked can show a progress bar and a Cancel button. Progress is sent at most every 100 ms
// (plus the final state), not per page, to keep IPC quiet during a million-row export.
import { randomUUID } from 'node:crypto';
import { Emitter, type Event } from '../../../shared/events/emitter.ts';
import type { ExportColumn } from '../../../shared/history/export-columns.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import type { ExportFormat, ExportProgressWire } from '../../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import { runExport } from './export-job.ts';

const PROGRESS_EVERY_MS = 100;

export interface ExportStart {
  readonly path: string;
  readonly format: ExportFormat;
  readonly columns: readonly ExportColumn[];
  readonly filter: HistoryFilter;
  readonly sort: HistorySort;
}

export class HistoryExports {
  readonly #recorder: () => Pick<RecorderApi, 'history'>;
  readonly #progress = new Emitter<ExportProgressWire>();
  readonly #running = new Map<string, { readonly abort: AbortController; readonly done: Promise<void> }>();
  readonly #log: (line: string) => void;

  constructor(recorder: () => Pick<RecorderApi, 'history'>, log: (line: string) => void = () => {}) {
    this.#recorder = recorder;
    this.#log = log;
  }

  readonly onProgress: Event<ExportProgressWire> = this.#progress.event;

  start(request: ExportStart): string {
    const exportId = randomUUID();
    const abort = new AbortController();
    let total: { value: number; exact: boolean } | null = null;
    let lastSent = 0;
    const send = (state: ExportProgressWire['state'], rows: number, message: string | null) => this.#progress.fire({
      exportId, state, rows, total: total?.value ?? null, totalExact: total?.exact ?? false, path: request.path, message,
    });
    send('running', 0, null);
    const done = runExport({
      ...request, recorder: this.#recorder(), signal: abort.signal,
      onProgress: (rows, counted) => {
        total = counted;
        const now = performance.now();
        if (now - lastSent < PROGRESS_EVERY_MS) return;
        lastSent = now;
        send('running', rows, null);
      },
    }).then(
      (outcome) => send(outcome.state, outcome.rows, null),
      (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.#log(`export to ${request.path} failed: ${why}`);
        send('failed', 0, `The export could not be written (${why}). Nothing was saved: check the folder and the free space, then export again.`);
      },
    ).finally(() => this.#running.delete(exportId));
    this.#running.set(exportId, { abort, done });
    return exportId;
  }

  /** False when no such export is running (it ended already). */
  cancel(exportId: string): boolean {
    const job = this.#running.get(exportId);
    job?.abort.abort();
    return job !== undefined;
  }

  /** Cancels every running export and waits for their files to be cleaned up. */
  async close(): Promise<void> {
    const jobs = [...this.#running.values()];
    for (const job of jobs) job.abort.abort();
    await Promise.all(jobs.map((j) => j.done));
  }
}
