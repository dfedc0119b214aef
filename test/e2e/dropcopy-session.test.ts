// One drop-copy connection (DropCopySession) against the simulator over real TLS: requests answered in
// order and stored, and each way a run can end early reported with its kind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FixMessage } from '../../electron/core/fix/decode.ts';
import { generateKeyPair, importPrivateKeyPem, signLogon, type SigningKey } from '../../electron/core/signing/index.ts';
import { makeSessionConfig } from '../../electron/core/session/session-config.ts';
import { DropCopySession, describeDropCopyFailure, isRetryableFailure, type DropCopyStore, type ExecIdRange } from '../../electron/core/dropcopy/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startRecorder, startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

class Store implements DropCopyStore {
  readonly messages: FixMessage[] = [];
  resets = 0;
  flushes = 0;
  failAt: number | undefined;
  accept(message: FixMessage): void {
    if (this.failAt !== undefined && this.messages.length + 1 >= this.failAt) throw new Error('disk full');
    this.messages.push(message);
  }
  flush(): void { this.flushes++; }
  setNextOutbound(): void {}
  resetSequences(): void { this.resets++; }
}

/** The account's stream runs only while a listener is logged on: record it once, then log out. */
async function streamedSimulator(totalReports: number) {
  const s = await startSimulator({ totalReports });
  const r = startRecorder(s.port, s.caPem, { target: 'KalshiNR' });
  await waitFor(() => r.sink.records.length === totalReports, 'the stream');
  await r.recorder.stop();
  await r.done;
  return s;
}

function session(port: number, caPem: string, store: DropCopyStore, key: SigningKey = testKeys().key) {
  return new DropCopySession({
    config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC', heartBtIntSec: 30 }),
    endpoint: { host: 'localhost', port, caPem },
    signLogon: (fields) => signLogon(key, fields),
    store,
    tickMs: 50,
  });
}

describe('DropCopySession against the simulator', () => {
  test('two ranges answered in order; every message stored, sequences reset first; clean logout', async () => {
    const { simulator, port, caPem } = await streamedSimulator(60);
    try {
      const ids = simulator.execIdsFor(API_KEY_ID);
      const store = new Store();
      const ranges: ExecIdRange[] = [
        { exchangeIndex: 0, beginExecId: ids[10]!, endExecId: ids[19]! },
        { exchangeIndex: 0, beginExecId: ids[50]!, endExecId: undefined },
      ];
      const run = await session(port, caPem, store).run(ranges);
      assert.equal(run.failure, undefined);
      const received = run.outcomes.map((o) => (o.outcome.kind === 'complete' && o.outcome.count === o.outcome.received ? o.outcome.received : -1));
      assert.deepEqual(run.outcomes.map((o) => o.range), ranges);
      assert.deepEqual(simulator.dropCopy.requests.map((q) => q.answer), received.map((count) => ({ kind: 'replay', count })));
      const positions = store.messages.filter((m) => m.msgType === '8').map((m) => ids.indexOf(m.get(17)!));
      assert.equal(positions.length, received[0]! + received[1]!);
      assert.ok(positions.slice(0, received[0]).every((p) => p >= 10 && p <= 19), 'first range within [10, 19]');
      assert.ok(positions.slice(received[0]).every((p) => p >= 50), 'second range from 50');
      assert.ok(received[0]! >= 5 && received[1]! >= 5, `replayed ${received.join(', ')}`);
      assert.equal(store.resets, 1);
      assert.deepEqual(store.messages.map((m) => m.msgSeqNum), store.messages.map((_, i) => i + 1), 'every inbound message stored in sequence');
      assert.ok(store.flushes >= 2, 'flushed before each request was reported done');
    } finally {
      await simulator.stop();
    }
  });

  test('a store that fails: the run ends with store-failed and the request is not served', async () => {
    const { simulator, port, caPem } = await streamedSimulator(40);
    try {
      const store = new Store();
      store.failAt = 6;
      const run = await session(port, caPem, store).run([{ exchangeIndex: 0, beginExecId: simulator.execIdsFor(API_KEY_ID)[0]!, endExecId: undefined }]);
      assert.equal(run.failure?.kind, 'store-failed');
      assert.match(describeDropCopyFailure(run.failure!), /could not store a replayed message \(disk full\)/);
      assert.equal(run.outcomes[0]?.outcome.kind, 'not-served');
      assert.equal(isRetryableFailure(run.failure!), false);
    } finally {
      await simulator.stop();
    }
  });

  test('a Logon signed with an unknown key is rejected with the exchange text (not retryable)', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 1 });
    try {
      const stranger = importPrivateKeyPem(generateKeyPair().privateKeyPem);
      const run = await session(port, caPem, new Store(), stranger).run([{ exchangeIndex: 0, beginExecId: '1;1', endExecId: undefined }]);
      assert.equal(run.failure?.kind, 'logon-rejected');
      assert.match(describeDropCopyFailure(run.failure!), /Invalid signature/);
      assert.equal(isRetryableFailure(run.failure!), false);
    } finally {
      await simulator.stop();
    }
  });

  test('nothing listening: connect-failed, retryable; no ranges: no connection at all', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 1 });
    await simulator.stop();
    const run = await session(port, caPem, new Store()).run([{ exchangeIndex: 0, beginExecId: '1;1', endExecId: undefined }]);
    assert.equal(run.failure?.kind, 'connect-failed');
    assert.equal(isRetryableFailure(run.failure!), true);
    assert.deepEqual(await session(port, caPem, new Store()).run([]), { outcomes: [], failure: undefined });
    await assert.rejects(session(port, caPem, new Store()).run([{ exchangeIndex: 0, beginExecId: '4;7;1', endExecId: undefined }]), /not on exchange index 0/);
  });
});
