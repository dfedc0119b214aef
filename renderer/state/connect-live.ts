// connect-live.ts — starts the window's live sync (live-sync.ts) against the preload API, feeding the
// store. Called once at startup; a reload of the window simply runs it again. When main says what it
// serves changed (demo mode ended), the sync starts over from a fresh snapshot.
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { LIVE_ROWS_KEPT } from './live-rows.ts';
import { LiveSync } from './live-sync.ts';
import { useLiveStore } from './live-store.ts';

export function connectLive(api: FillwatchApi): LiveSync {
  const store = useLiveStore.getState();
  const sync = new LiveSync(
    { snapshot: () => api.app.snapshot({ limit: LIVE_ROWS_KEPT }), onBatch: (listener) => api.on.liveBatch(listener) },
    { snapshot: store.applySnapshot, batch: store.applyBatch, failed: store.syncFailed },
  );
  sync.start();
  api.on.resync(() => sync.restart());
  return sync;
}
