// connect-live.ts — starts the window's live sync (live-sync.ts) against the preload API, feeding the
// store. Called once at startup; a reload of the window simply runs it again. When main says what it
// serves changed (demo mode ended), the sync starts over from a fresh snapshot. Batches reach the store
// through a frame gate (frame-gate.ts): at most one update per animation frame when they come faster.
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import type { LiveBatch } from '../../shared/ipc/contract.ts';
import { FrameGate } from './frame-gate.ts';
import { LIVE_ROWS_KEPT } from './live-rows.ts';
import { LiveSync } from './live-sync.ts';
import { useLiveStore } from './live-store.ts';

export function connectLive(api: FillwatchApi): LiveSync {
  const store = useLiveStore.getState();
  const gate = new FrameGate<LiveBatch>({ apply: store.applyBatches, holdWhen: (batch) => batch.executions.length > LIVE_ROWS_KEPT });
  const sync = new LiveSync(
    { snapshot: () => api.app.snapshot({ limit: LIVE_ROWS_KEPT }), onBatch: (listener) => api.on.liveBatch(listener) },
    {
      // A snapshot supersedes the batches still held for the next frame (it covers them).
      snapshot: (snapshot) => { gate.clear(); store.applySnapshot(snapshot); },
      batch: (batch) => gate.push(batch),
      failed: store.syncFailed,
    },
  );
  sync.start();
  api.on.resync(() => sync.restart());
  return sync;
}
