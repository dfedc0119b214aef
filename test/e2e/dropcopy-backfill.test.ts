// End to end over real TLS: a KalshiNR listener recording into the journal loses ERs (sequence gaps,
// reconnects with a reset); the backfill coordinator asks the simulator's KalshiDC for them by ExecID
// range and stores them in the same journal file. Afterwards the journal holds every ExecID the account
// generated exactly once. Without DC, or when DC refuses, the loss window becomes a clear alert.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMsgType } from '../../electron/core/session/outbound-guard.ts';
import { connectTls, type TlsEndpoint } from '../../electron/core/transport/tls-connection.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { makeSessionConfig } from '../../electron/core/session/session-config.ts';
import type { SessionEvent } from '../../shared/events/session-events.ts';
import { Journal } from '../../electron/core/journal/index.ts';
import { Recorder } from '../../electron/core/recorder/recorder.ts';
import type { ExecutionRecord } from '../../shared/records/execution-record.ts';
import { BackfillCoordinator, describeBackfillEvent, type BackfillEvent } from '../../electron/core/dropcopy/index.ts';
import type { ErSentEvent, FaultRequest } from '../../electron/simulator/simulator.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { CollectingSink, startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

interface Rig {
  readonly simulator: Awaited<ReturnType<typeof startSimulator>>['simulator'];
  readonly sessionEvents: SessionEvent[];
  readonly backfillEvents: BackfillEvent[];
  readonly live: CollectingSink;
  readonly recovered: ExecutionRecord[];
  readonly sent: ErSentEvent[];
  /** MsgTypes the drop-copy client wrote, and whether each write came through the outbound guard. */
  readonly dcWrites: Array<{ msgType: string | undefined; viaGuard: boolean }>;
  readonly journalExecIds: () => string[];
  /** Resolves once no backfill runs or waits. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

async function rig(options: { totalReports: number; faults: FaultRequest[]; dropCopy: boolean; streamWhileDisconnected?: boolean; ratePerSecond?: number }): Promise<Rig> {
  const { simulator, port, caPem } = await startSimulator({
    totalReports: options.totalReports,
    ratePerSecond: options.ratePerSecond ?? 2000,
    faults: options.faults,
    ...(options.streamWhileDisconnected === true ? { streamWhileDisconnected: true } : {}),
  });
  const sent: ErSentEvent[] = [];
  simulator.on('er-sent', (e) => sent.push(e));
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-dc-'));
  const dbPath = join(dir, 'journal.db');
  const key = testKeys().key;
  const endpoint = { host: 'localhost', port, caPem };
  const sessionEvents: SessionEvent[] = [];
  const backfillEvents: BackfillEvent[] = [];
  const recovered: ExecutionRecord[] = [];
  const dcWrites: Rig['dcWrites'] = [];
  const live = new CollectingSink();
  // The listener's side as the service wires it (account-recorder.ts), with the coordinator exposed.
  // Events flow only after start(), by which time the coordinator below exists.
  const journal = Journal.open(dbPath, {
    session: { senderCompId: API_KEY_ID, targetCompId: 'KalshiNR' },
    onCommitted: (records) => recorder.deliverCommitted(records),
  });
  const recorder: Recorder = new Recorder(
    {
      config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiNR', heartBtIntSec: 30 }),
      endpoint,
      signLogon: (fields) => signLogon(key, fields),
      backoff: { initialMs: 20, maxMs: 200, minMs: 0 },
      tickMs: 50,
      store: journal,
    },
    live,
    { onEvent: (event) => { sessionEvents.push(event); coordinator.onSessionEvent(event); } },
    'store-commits',
  );
  const watchedConnect = async (e: TlsEndpoint) => {
    const socket = await connectTls(e);
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => {
      const chunk = args[0];
      dcWrites.push({ msgType: Buffer.isBuffer(chunk) ? readMsgType(chunk) : undefined, viaGuard: /session\/outbound-guard\.ts/.test(new Error().stack ?? '') });
      return write(...args);
    }) as typeof socket.write;
    return socket;
  };
  const coordinator: BackfillCoordinator = new BackfillCoordinator({
    journalPath: dbPath,
    dropCopy: options.dropCopy
      ? { config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC', heartBtIntSec: 30 }), endpoint, signLogon: (fields) => signLogon(key, fields), connect: watchedConnect, tickMs: 50 }
      : undefined,
    onEvent: (event) => backfillEvents.push(event),
    onRecovered: (records) => recovered.push(...records),
    retryDelayMs: 50,
  });
  const done = recorder.start();
  return {
    simulator, sessionEvents, backfillEvents, live, recovered, sent, dcWrites,
    journalExecIds: () => [...journal.executions()].map((e) => e.execId),
    idle: () => coordinator.idle(),
    async stop() {
      await recorder.stop();
      await done;
      await coordinator.close();
      journal.close();
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What drop copy can give back: everything generated, except rejects NR lost (DC never replays rejects, §5). */
function recoverable(r: Rig): string[] {
  const lostRejects = new Set(r.sent.filter((e) => e.delivery === 'lost' && e.report.kind === 'reject').map((e) => e.execId));
  return r.simulator.execIdsFor(API_KEY_ID).filter((id) => !lostRejects.has(id));
}

const sorted = (ids: Iterable<string>) => [...ids].sort();
const alerts = (r: Rig) => r.backfillEvents.filter((e) => e.kind === 'missed-fills-alert');

function assertBackfilledExactlyOnce(r: Rig): void {
  const expected = recoverable(r);
  const held = r.journalExecIds();
  assert.equal(new Set(held).size, held.length, 'an ExecID is stored twice');
  assert.deepEqual(sorted(held), sorted(expected));
  // Each execution reached the application exactly once: live from the listener or recovered by DC.
  const delivered = [...r.live.records, ...r.recovered].map((x) => x.execId);
  assert.equal(new Set(delivered).size, delivered.length, 'an execution was delivered twice');
  assert.deepEqual(sorted(delivered), sorted(expected));
  const lost = r.sent.filter((e) => e.delivery === 'lost' && e.report.kind !== 'reject').map((e) => e.execId);
  assert.ok(lost.length > 0, 'the scenario lost nothing');
  const recovered = new Set(r.recovered.map((x) => x.execId));
  for (const id of lost) assert.ok(recovered.has(id), `lost ${id} was not recovered`);
  assert.deepEqual(alerts(r), []);
  assert.ok(r.backfillEvents.some((e) => e.kind === 'backfill-complete' && e.covered && e.recovered > 0));
  // Read-only on DC too: every byte went through the guard, and only admin messages and U1 left.
  assert.ok(r.dcWrites.some((w) => w.msgType === 'U1'));
  for (const w of r.dcWrites) {
    assert.ok(w.viaGuard, 'a drop-copy write bypassed the outbound guard');
    assert.ok(w.msgType !== undefined && ['A', '0', '1', '5', 'U1'].includes(w.msgType), `drop copy sent MsgType ${w.msgType}`);
  }
}

describe('drop-copy backfill for an NR listener', () => {
  test('sequence gaps: after backfill the journal holds every ExecID exactly once', async () => {
    const r = await rig({ totalReports: 600, faults: [{ every: 50, fault: { kind: 'seq-gap', skip: 3 } }], dropCopy: true });
    try {
      await waitFor(() => r.simulator.execIdsFor(API_KEY_ID).length === 600 && r.journalExecIds().length >= recoverable(r).length, 'the journal to hold every ExecID', 30_000);
      await r.idle();
      assert.ok(r.sessionEvents.some((e) => e.kind === 'seq-gap' && !e.recoverable));
      assertBackfilledExactlyOnce(r);
    } finally {
      await r.stop();
    }
  });

  test('reconnects with a reset (drops while the stream runs): the offline ERs come back from DC', async () => {
    const r = await rig({
      totalReports: 500,
      faults: [{ every: 120, fault: { kind: 'drop-after', messages: 0 } }],
      streamWhileDisconnected: true,
      dropCopy: true,
    });
    try {
      await waitFor(() => r.simulator.execIdsFor(API_KEY_ID).length === 500 && r.journalExecIds().length >= recoverable(r).length, 'the journal to hold every ExecID', 30_000);
      await r.idle();
      assert.ok(r.sessionEvents.filter((e) => e.kind === 'logon-accepted').length >= 2, 'the listener reconnected');
      assert.ok(r.sessionEvents.some((e) => e.kind === 'possible-missed-messages' && /cannot resend/.test(e.why)));
      assertBackfilledExactlyOnce(r);
    } finally {
      await r.stop();
    }
  });

  test('without drop copy: the alert carries the listener\'s T1 and T2', async () => {
    const r = await rig({ totalReports: 100, faults: [{ every: 40, fault: { kind: 'seq-gap', skip: 2 } }], dropCopy: false });
    try {
      await waitFor(() => r.live.records.length === 100 - r.sent.filter((e) => e.delivery === 'lost').length && r.simulator.execIdsFor(API_KEY_ID).length === 100, 'the live ERs');
      const losses = r.sessionEvents.filter((e) => e.kind === 'possible-missed-messages');
      assert.ok(losses.length >= 2);
      const got = alerts(r);
      assert.equal(got.length, losses.length);
      for (const [i, loss] of losses.entries()) {
        const alert = got[i]!;
        assert.ok(alert.kind === 'missed-fills-alert' && loss.kind === 'possible-missed-messages');
        assert.deepEqual(alert.window, { sinceMs: loss.sinceMs, untilMs: loss.untilMs });
        assert.equal(alert.cause.kind, 'no-drop-copy');
        assert.ok(loss.sinceMs !== undefined);
        const { severity, text } = describeBackfillEvent(alert);
        assert.equal(severity, 'error');
        assert.equal(text.startsWith(`Possible missed fills between ${new Date(loss.sinceMs).toISOString()} and ${new Date(loss.untilMs).toISOString()}: no drop-copy`), true, text);
      }
      assert.equal(r.dcWrites.length, 0);
    } finally {
      await r.stop();
    }
  });

  test('drop copy not enabled (U3 5): a clear alert, no retry, nothing invented', async () => {
    const r = await rig({ totalReports: 120, faults: [{ every: 50, fault: { kind: 'seq-gap', skip: 3 } }], dropCopy: true, ratePerSecond: 400 });
    r.simulator.dropCopy.rejectRequestsWith(5);
    try {
      const lostCount = () => r.sent.filter((e) => e.delivery === 'lost').length;
      await waitFor(() => r.simulator.execIdsFor(API_KEY_ID).length === 120 && r.live.records.length === 120 - lostCount(), 'the live ERs', 20_000);
      await r.idle();
      assert.ok(alerts(r).length >= 1);
      for (const alert of alerts(r)) {
        assert.ok(alert.kind === 'missed-fills-alert' && alert.cause.kind === 'rejected');
        assert.equal(alert.cause.reason.kind, 'not-enabled');
        assert.match(describeBackfillEvent(alert).text, /^Possible missed fills between .+ and .+: Drop copy replay is not enabled for this account: Kalshi must allowlist it/);
      }
      assert.equal(r.backfillEvents.filter((e) => e.kind === 'backfill-retry-scheduled').length, 0);
      assert.ok(r.backfillEvents.filter((e) => e.kind === 'backfill-complete').every((e) => e.kind === 'backfill-complete' && !e.covered && e.recovered === 0));
      assert.equal(r.recovered.length, 0);
      assert.ok(r.simulator.dropCopy.requests.every((q) => q.answer.kind === 'reject'));
      const lost = new Set(r.sent.filter((e) => e.delivery === 'lost').map((e) => e.execId));
      assert.ok(r.journalExecIds().every((id) => !lost.has(id)));
    } finally {
      await r.stop();
    }
  });

  test('too many requests (U3 1) is asked again after a pause, then served', async () => {
    const r = await rig({ totalReports: 150, faults: [{ kind: 'seq-gap', skip: 4 }], dropCopy: true, ratePerSecond: 300 });
    r.simulator.dropCopy.rejectRequestsWith(1, 1);
    try {
      await waitFor(() => r.simulator.execIdsFor(API_KEY_ID).length === 150 && r.journalExecIds().length >= recoverable(r).length, 'every ExecID', 20_000);
      await r.idle();
      const progress = r.backfillEvents.filter((e) => e.kind === 'backfill-progress');
      assert.equal(progress[0]?.kind === 'backfill-progress' && progress[0].outcome.kind, 'rejected');
      assert.match(describeBackfillEvent(progress[0]!).text, /too many requests/);
      assert.equal(r.backfillEvents.filter((e) => e.kind === 'backfill-retry-scheduled').length, 1);
      assertBackfilledExactlyOnce(r);
    } finally {
      await r.stop();
    }
  });
});
