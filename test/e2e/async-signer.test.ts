// The engine may run away from the key (a worker thread while the key stays on Electron's main
// thread), so the Logon signer may answer later. Real TLS against the simulator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startRecorder, startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

describe('a Logon signer that answers later', () => {
  test('a signature that arrives 50 ms later still logs on, and every execution is recorded', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 50 });
    const key = testKeys().key;
    const r = startRecorder(port, caPem, { signLogon: async (fields) => { await sleep(50); return signLogon(key, fields); } });
    try {
      await waitFor(() => r.sink.records.length === 50, '50 executions');
      assert.deepEqual(r.sink.records.map((x) => x.execId).sort(), [...simulator.execIdsFor(API_KEY_ID)].sort());
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('a signer that fails closes that connection with a clear event and tries again later (not fatal)', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 5 });
    const key = testKeys().key;
    let calls = 0;
    const r = startRecorder(port, caPem, {
      signLogon: async (fields) => {
        if (++calls === 1) throw new Error('the keychain is locked');
        return signLogon(key, fields);
      },
    });
    try {
      await waitFor(() => r.sink.records.length === 5, 'the executions after the retry');
      const failed = r.events.find((e) => e.kind === 'signing-failed');
      assert.ok(failed?.kind === 'signing-failed' && failed.text === 'the keychain is locked');
      assert.equal(r.fatal.reason, undefined);
      assert.equal(simulator.refusedApplicationMessages.length, 0);
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });
});
