// export-actions.ts — the History view's Export buttons: main opens its save dialog and writes exactly
// the rows and columns the view shows (same filter, same sort, the visible columns in their order);
// progress and the end arrive as history.exportProgress events (history-controller.ts applies them).
import type { ExportFormat, ExportProgressWire } from '../../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { filterFromForm } from './filter-form.ts';
import type { HistoryLayout } from './layout.ts';
import { useHistoryStore } from './history-store.ts';

/** The latest progress of recent exports: a small export can end before its start is answered. */
const latest = new Map<string, ExportProgressWire>();

export function noteExportProgress(progress: ExportProgressWire): void {
  latest.set(progress.exportId, progress);
  if (latest.size > 20) latest.delete(latest.keys().next().value!);
  const store = useHistoryStore.getState();
  if (store.exportJob?.exportId === progress.exportId) store.set({ exportJob: progress });
}

/** The columns on screen, left to right (what TanStack's visible leaf columns are for this state). */
export function visibleColumns(layout: HistoryLayout): string[] {
  return layout.columnOrder.filter((id) => layout.columnVisibility[id] !== false);
}

export async function startExport(api: FillwatchApi, format: ExportFormat): Promise<void> {
  const store = useHistoryStore.getState();
  if (store.exportJob?.state === 'running') return;
  const { layout } = store;
  store.set({ exportError: null });
  const answer = await api.history.exportFile({ format, filter: filterFromForm(layout.form).filter, sort: layout.sort, columns: visibleColumns(layout) });
  if (!answer.ok) {
    store.set({ exportError: answer.error.message });
    return;
  }
  if (!answer.value.started) return; // the user closed the save dialog
  const { exportId, path } = answer.value;
  store.set({ exportJob: latest.get(exportId) ?? { exportId, state: 'running', rows: 0, total: null, totalExact: false, path, message: null } });
}

export async function cancelExport(api: FillwatchApi): Promise<void> {
  const job = useHistoryStore.getState().exportJob;
  if (job?.state === 'running') await api.history.cancelExport(job.exportId);
}
