// connect-live.ts — starts the window's live sync (live-sync.ts) against the preload API, feeding the
// store. Called once at startup; a reload of the window simply runs it again. When main says what it
// serves changed (demo mode ended), the sync starts over from a fresh snapshot. Batches reach the store
// through a frame gate (frame-gate.ts): at most one update per animation frame when they come faster.
// After a burst (a catch-up, catch-up.ts) a timer lets the grid draw again once the burst is over.
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import type { LiveBatch } from '../../shared/ipc/contract.ts';
import { FrameGate } from './frame-gate.ts';
import { LIVE_ROWS_KEPT } from './live-rows.ts';
import { LiveSync } from './live-sync.ts';
import { useLiveStore } from './live-store.ts';

export function connectLive(api: FillwatchApi): LiveSync {
  const store = useLiveStore.getState();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  const endCatchUpWhenQuiet = () => {
    if (quietTimer !== undefined) return;
    const wait = store.endCatchUpIfQuiet(performance.now());
    if (wait > 0) quietTimer = setTimeout(() => { quietTimer = undefined; endCatchUpWhenQuiet(); }, wait);
  };
  const gate = new FrameGate<LiveBatch>({
    apply: (batches) => { store.applyBatches(batches); endCatchUpWhenQuiet(); },
    holdWhen: (batch) => batch.executions.length > LIVE_ROWS_KEPT,
  });
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
