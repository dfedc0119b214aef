// history-warm-worker.ts — a worker for history-text-corpus.test.ts: opens History over the journal it
// is given, warms it, and then only waits for its parent's messages (no timers of its own, like the
// recorder worker), answering each with how far the text corpus got.
import { parentPort, workerData } from 'node:worker_threads';
import { openHistoryStore } from '../../../electron/core/journal/history-queries.ts';

const store = openHistoryStore((workerData as { path: string }).path, { textScan: { sliceRows: 5 } });
store.warm();
parentPort!.on('message', (message: string) => {
  if (message === 'close') {
    void store.close().then(() => parentPort!.close());
    return;
  }
  parentPort!.postMessage(store.textCorpus.upTo);
});
parentPort!.postMessage('ready');
