// history-journal.ts — a journal of random executions written through the real ingest path, its History
// store, and main's real History handlers behind the real IPC door: what the renderer's History
// controller talks to in tests that run it under Node. `invoke` answers as the preload's transport would.
import { join } from 'node:path';
import fc from 'fast-check';
import { openHistoryStore, type SqliteHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import { historyRequestHandlers } from '../../../electron/main/history/history-handlers.ts';
import { HistoryExports } from '../../../electron/main/history/history-exports.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../../../electron/main/ipc/ipc-door.ts';
import type { RecorderApi } from '../../../shared/service/recorder-api.ts';
import { execSpecs, ingest, modelRows, type ModelRow } from '../../core/journal/history-fixtures.ts';
import { tempDir } from '../../core/journal/journal-fixtures.ts';

export interface HistoryJournal {
  readonly store: SqliteHistoryStore;
  readonly rows: ModelRow[];
  invoke(channel: string, payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** `size` random executions (drawn with `seed`) in a fresh journal, and a door to its History. */
export function historyJournal(prefix: string, size: number, seed: number): HistoryJournal {
  const temp = tempDir(prefix);
  const path = join(temp.path, 'journal.db');
  const specs = fc.sample(execSpecs(size, size), { seed, numRuns: 1 })[0]!;
  const rows = modelRows(specs, ingest(path, specs));
  const store = openHistoryStore(path);
  const recorder = { history: (method: string, ...args: unknown[]) => (store as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args) } as unknown as Pick<RecorderApi, 'history'>;
  const handlers = historyRequestHandlers({ recorder: () => recorder, exports: new HistoryExports(() => recorder), saveFile: undefined });
  const door = new IpcDoor(handlers as unknown as RequestHandlers, trustOrigins(['app://fillwatch']));
  return {
    store,
    rows,
    invoke: (channel, payload) => door.handle(channel, { url: 'app://fillwatch/index.html', isMainFrame: true }, payload),
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
}
