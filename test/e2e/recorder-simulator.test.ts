// End-to-end over real TLS: the Recorder (session + codec + signing) against the Kalshi simulator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readMsgType } from '../../electron/core/session/outbound-guard.ts';
import { connectTls, type TlsEndpoint } from '../../electron/core/transport/tls-connection.ts';
import { generateKeyPair, importPrivateKeyPem } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startRecorder, startSimulator, waitFor } from '../support/simulator-fixture.ts';

function assertExactlyOnce(recorded: readonly { execId: string }[], expected: readonly string[]) {
  const ids = recorded.map((r) => r.execId);
  assert.equal(new Set(ids).size, ids.length, 'an ExecID was recorded twice');
  assert.deepEqual([...ids].sort(), [...expected].sort());
}

describe('recorder against the simulator', () => {
  test('logon accepted, every ExecutionReport recorded once with exact decimals, clean logout', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 300 });
    const logouts: string[] = [];
    simulator.on('logout', (e) => logouts.push(e.initiator));
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.sink.records.length === 300, '300 executions');
      assertExactlyOnce(r.sink.records, simulator.execIdsFor(API_KEY_ID));
      for (const rec of r.sink.records) {
        assert.match(rec.cumQty, /^\d+\.\d{2}$/);
        if (rec.lastPx !== null) assert.match(rec.lastPx, /^0\.\d{1,4}$|^1(\.0+)?$/);
      }
      assert.ok(r.events.some((e) => e.kind === 'logon-accepted'));
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
    assert.deepEqual(logouts, ['client']);
    assert.equal(simulator.refusedApplicationMessages.length, 0);
  });

  test('a Logon signed with an unregistered key is refused with a readable reason, and not retried', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 10 });
    const stranger = importPrivateKeyPem(generateKeyPair().privateKeyPem);
    const r = startRecorder(port, caPem, { signingKey: stranger });
    try {
      await r.done; // resolves: a non-retryable rejection stops the session
      const reason = r.fatal.reason as { kind: string; text: string };
      assert.equal(reason.kind, 'logon-rejected');
      assert.match(reason.text, /signature/i);
      assert.equal(r.sink.records.length, 0);
    } finally {
      await simulator.stop();
    }
  });

  test('drops every 150 messages on RT: reconnect, resend, every ExecID exactly once', async () => {
    const { simulator, port, caPem } = await startSimulator({
      totalReports: 1000,
      ratePerSecond: 2000,
      streamWhileDisconnected: true,
      faults: [{ every: 150, fault: { kind: 'drop-after', messages: 0 } }],
    });
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.sink.records.length === 1000, '1000 executions through drops', 30_000);
      assertExactlyOnce(r.sink.records, simulator.execIdsFor(API_KEY_ID));
      const drops = r.events.filter((e) => e.kind === 'disconnected').length;
      assert.ok(drops >= 2, `expected several drops, saw ${drops}`);
      assert.ok(r.events.some((e) => e.kind === 'resend-requested'));
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('garbage bytes and a bad checksum are survived; the lost message is resent', async () => {
    const { simulator, port, caPem } = await startSimulator({
      totalReports: 400,
      faults: [{ every: 50, fault: { kind: 'garbage' } }, { every: 120, fault: { kind: 'bad-checksum' } }],
    });
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.sink.records.length === 400, '400 executions through garbage', 20_000);
      assertExactlyOnce(r.sink.records, simulator.execIdsFor(API_KEY_ID));
      const frameErrors = r.events.filter((e) => e.kind === 'frame-error').map((e) => (e as { errorKind: string }).errorKind);
      assert.ok(frameErrors.includes('bad-checksum'), `frame errors: ${frameErrors.join(',')}`);
      assert.ok(frameErrors.includes('garbled'));
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('a sequence gap on RT is recovered by ResendRequest', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 200, faults: [{ every: 60, fault: { kind: 'seq-gap', skip: 3 } }] });
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.sink.records.length === 200, '200 executions through gaps');
      assertExactlyOnce(r.sink.records, simulator.execIdsFor(API_KEY_ID));
      assert.ok(r.events.some((e) => e.kind === 'seq-gap' && e.recoverable));
      assert.ok(r.events.some((e) => e.kind === 'resend-complete'));
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('a sequence gap on NR is reported as possible missed fills', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 100, faults: [{ kind: 'seq-gap', skip: 3 }] });
    const r = startRecorder(port, caPem, { target: 'KalshiNR' });
    try {
      await waitFor(() => r.events.some((e) => e.kind === 'possible-missed-messages'), 'a possible-loss report');
      const gap = r.events.find((e) => e.kind === 'seq-gap');
      assert.ok(gap?.kind === 'seq-gap' && !gap.recoverable && gap.received - gap.expected === 3);
      await waitFor(() => r.sink.records.length === 97, 'the 97 executions NR did send');
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('an exchange Logout with a reason is surfaced, then the session reconnects', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 100, faults: [{ kind: 'logout', text: 'Trading paused for maintenance' }] });
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.events.some((e) => e.kind === 'exchange-logout'), 'the exchange logout');
      const logout = r.events.find((e) => e.kind === 'exchange-logout');
      assert.equal(logout?.kind === 'exchange-logout' ? logout.text : '', 'Trading paused for maintenance');
      await waitFor(() => r.events.filter((e) => e.kind === 'logon-accepted').length >= 2, 'a second logon');
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('weekly maintenance reset: the session comes back and keeps recording', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 300, ratePerSecond: 1000 });
    const r = startRecorder(port, caPem);
    try {
      await waitFor(() => r.sink.records.length >= 20, 'the first executions');
      simulator.injectFault({ kind: 'maintenance-reset' });
      await waitFor(() => r.events.some((e) => e.kind === 'exchange-logout'), 'the maintenance logout');
      await waitFor(() => r.events.filter((e) => e.kind === 'logon-accepted').length >= 2, 'a logon after maintenance');
      await waitFor(() => r.sink.records.length >= 250, 'recording after maintenance', 20_000);
      const logons = r.events.filter((e) => e.kind === 'logon-sent');
      assert.equal(logons.at(-1)?.kind === 'logon-sent' && logons.at(-1)?.resetSeqNum, true, 'the Logon after maintenance resets');
      assert.ok(r.events.some((e) => e.kind === 'possible-missed-messages'), 'the reset is reported as a possible loss window');
      const ids = r.sink.records.map((x) => x.execId);
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('a silent exchange: TestRequest, heartbeat timeout, reconnect', { timeout: 40_000 }, async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 5, faults: [{ kind: 'silent-heartbeat' }] });
    const r = startRecorder(port, caPem, { config: { heartBtIntSec: 4, testRequestGraceMs: 200 } });
    try {
      await waitFor(() => r.events.some((e) => e.kind === 'test-request-sent'), 'our TestRequest', 15_000);
      await waitFor(() => r.events.some((e) => e.kind === 'disconnected' && e.reason.kind === 'heartbeat-timeout'), 'the heartbeat timeout', 15_000);
      await waitFor(() => r.events.filter((e) => e.kind === 'logon-accepted').length >= 2, 'a new logon', 10_000);
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
  });

  test('read-only at runtime: every byte the client writes goes through the outbound guard, and is admin', async () => {
    const clientWrites: Array<{ stack: string; msgType: string | undefined }> = [];
    const watchedConnect = async (endpoint: TlsEndpoint) => {
      const socket = await connectTls(endpoint);
      const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
      socket.write = ((...args: unknown[]) => {
        const chunk = args[0];
        const msgType = Buffer.isBuffer(chunk) ? readMsgType(chunk) : undefined;
        clientWrites.push({ stack: new Error().stack ?? '', msgType });
        return write(...args);
      }) as typeof socket.write;
      return socket;
    };
    const { simulator, port, caPem } = await startSimulator({ totalReports: 200, faults: [{ every: 70, fault: { kind: 'seq-gap', skip: 2 } }] });
    const r = startRecorder(port, caPem, { connect: watchedConnect });
    try {
      await waitFor(() => r.sink.records.length === 200, '200 executions');
    } finally {
      await r.recorder.stop();
      await r.done;
      await simulator.stop();
    }
    const types = clientWrites.map((w) => w.msgType);
    assert.ok(types.includes('A') && types.includes('2') && types.includes('5'), `client wrote ${types.join(',')}`);
    for (const w of clientWrites) {
      assert.match(w.stack, /session\/outbound-guard\.ts/);
      assert.ok(w.msgType !== undefined && ['A', '0', '1', '2', '3', '4', '5'].includes(w.msgType), `client sent MsgType ${w.msgType}`);
    }
    assert.equal(simulator.refusedApplicationMessages.length, 0);
  });
});
