// When the store cannot write (disk full, read-only…), the session stops consuming and disconnects
// rather than acknowledge what was not stored; a new session resumes from what was stored and the
// exchange (RT) resends the rest, so nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FixMessage } from '../../electron/core/fix/decode.ts';
import { MemorySequenceStore } from '../../electron/core/session/session-store.ts';
import { Recorder } from '../../electron/core/recorder/recorder.ts';
import { makeSessionConfig } from '../../electron/core/session/session-config.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { CollectingSink, startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

class FillingDisk extends MemorySequenceStore {
  full = false;
  accepted = 0;
  override accept(message: FixMessage, nextInbound: number): void {
    if (this.full) throw new Error('database or disk is full');
    this.accepted++;
    super.accept(message, nextInbound);
  }
}

test('a store that cannot write stops the session; a new session resumes and loses nothing', async () => {
  const { simulator, port, caPem } = await startSimulator({ totalReports: 600, ratePerSecond: 1500, streamWhileDisconnected: true });
  const store = new FillingDisk();
  const sink = new CollectingSink();
  const options = {
    config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiRT' }),
    endpoint: { host: 'localhost', port, caPem },
    signLogon: (fields: Parameters<typeof signLogon>[1]) => signLogon(testKeys().key, fields),
    store,
    backoff: { initialMs: 20, maxMs: 100, minMs: 0 },
  };
  try {
    let fatal: unknown;
    const first = new Recorder(options, sink, { onFatal: (reason) => (fatal = reason) });
    const done = first.start();
    await waitFor(() => sink.records.length >= 100, 'the first executions');
    store.full = true;
    await done; // the session stops by itself
    assert.deepEqual((fatal as { kind: string }).kind, 'store-failed');
    assert.match((fatal as { text: string }).text, /disk is full/);
    const storedBefore = store.load()?.nextInbound ?? 0;
    assert.ok(sink.records.length <= store.accepted, 'nothing unstored reached the sink');

    store.full = false; // space returns
    const second = new Recorder(options, sink);
    const again = second.start();
    await waitFor(() => sink.records.length === 600, 'all 600 executions after the restart');
    await second.stop();
    await again;
    assert.ok((store.load()?.nextInbound ?? 0) > storedBefore);
    const ids = sink.records.map((r) => r.execId);
    assert.equal(new Set(ids).size, 600);
    assert.deepEqual([...ids].sort(), [...simulator.execIdsFor(API_KEY_ID)].sort());
  } finally {
    await simulator.stop();
  }
});
