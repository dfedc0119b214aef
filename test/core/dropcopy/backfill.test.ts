// The backfill coordinator without an exchange: the ExecID snapshot is taken when the loss is reported,
// windows reported while a backfill runs are merged (older ExecID, wider window), and every window that
// cannot be covered — no DC, a failed connection, a shutdown — ends as the missed-fills alert.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Journal } from '../../../electron/core/journal/index.ts';
import { ConnectError } from '../../../electron/core/transport/tls-connection.ts';
import { makeSessionConfig } from '../../../electron/core/session/session-config.ts';
import type { SessionEvent } from '../../../shared/events/session-events.ts';
import { BackfillCoordinator, type BackfillEvent } from '../../../electron/core/dropcopy/index.ts';
import { API_KEY_ID, executionReport } from '../../support/fix-builders.ts';

const T = Date.UTC(2026, 10, 24, 14, 0, 0);
const loss = (sinceMs: number | undefined, untilMs: number): SessionEvent => ({ kind: 'possible-missed-messages', sinceMs, untilMs, why: 'KalshiNR skipped MsgSeqNum 5 to 7' });

/** A connect() the test settles by hand, one call at a time. */
function manualConnect() {
  const calls: Array<{ reject: (e: Error) => void }> = [];
  const connect = () => new Promise<TLSSocket>((_resolve, reject) => { calls.push({ reject }); });
  return { calls, connect };
}

function setup(dropCopy: boolean, connect?: () => Promise<TLSSocket>) {
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-backfill-'));
  const path = join(dir, 'journal.db');
  const listener = Journal.open(path, { session: { senderCompId: API_KEY_ID, targetCompId: 'KalshiNR' } });
  let seq = 1;
  /** Stores ERs and waits past the journal's short group-commit delay, so they are committed. */
  const store = async (...execIds: string[]) => {
    for (const execId of execIds) listener.accept(executionReport(seq, { sender: 'KalshiNR', execId }), ++seq, T);
    listener.flush();
    await new Promise((r) => setTimeout(r, 30));
  };
  const events: BackfillEvent[] = [];
  const coordinator = new BackfillCoordinator({
    journalPath: path,
    dropCopy: dropCopy
      ? { config: makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC' }), endpoint: { host: 'localhost', port: 1 }, signLogon: () => 'c2ln', ...(connect === undefined ? {} : { connect }) }
      : undefined,
    onEvent: (e) => events.push(e),
    maxAttempts: 1,
  });
  return {
    coordinator, events, store,
    async cleanup() {
      await coordinator.close();
      listener.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const kinds = (events: BackfillEvent[]) => events.filter((e) => e.kind !== 'drop-copy').map((e) => e.kind);

describe('backfill coordinator', () => {
  test('without drop copy every loss is an alert at once, with its own window', async () => {
    const s = setup(false);
    try {
      s.coordinator.onSessionEvent(loss(T, T + 5_000));
      s.coordinator.onSessionEvent({ kind: 'seq-gap', expected: 5, received: 8, recoverable: false });
      s.coordinator.onSessionEvent(loss(undefined, T + 9_000));
      assert.deepEqual(s.events, [
        { kind: 'missed-fills-alert', window: { sinceMs: T, untilMs: T + 5_000 }, cause: { kind: 'no-drop-copy' } },
        { kind: 'missed-fills-alert', window: { sinceMs: undefined, untilMs: T + 9_000 }, cause: { kind: 'no-drop-copy' } },
      ]);
      assert.equal(s.coordinator.busy, false);
    } finally {
      await s.cleanup();
    }
  });

  test('the snapshot is taken at the report; later reports merge into one next backfill (older ExecID, wider window)', async () => {
    const c = manualConnect();
    const s = setup(true, c.connect);
    try {
      await s.store('10;5', '10;9');
      s.coordinator.onSessionEvent(loss(T + 1_000, T + 2_000));
      await s.store('11;2'); // arrives after the first report: not part of its snapshot
      s.coordinator.onSessionEvent(loss(T + 3_000, T + 4_000));
      await s.store('12;1');
      s.coordinator.onSessionEvent(loss(T + 500, T + 6_000));
      assert.equal(s.coordinator.busy, true);
      const first = s.events.find((e) => e.kind === 'backfill-started');
      assert.ok(first?.kind === 'backfill-started');
      assert.deepEqual(first.ranges, [{ exchangeIndex: 0, beginExecId: '10;9', endExecId: undefined }]);
      await new Promise((r) => setImmediate(r));
      c.calls[0]!.reject(new ConnectError('unreachable', 'Cannot reach localhost:1'));
      while (c.calls.length < 2) await new Promise((r) => setImmediate(r));
      const second = s.events.filter((e) => e.kind === 'backfill-started')[1];
      assert.ok(second?.kind === 'backfill-started');
      assert.deepEqual(second.window, { sinceMs: T + 500, untilMs: T + 6_000 });
      assert.deepEqual(second.ranges, [{ exchangeIndex: 0, beginExecId: '11;2', endExecId: undefined }]);
      c.calls[1]!.reject(new ConnectError('unreachable', 'Cannot reach localhost:1'));
      await s.coordinator.idle();
      assert.deepEqual(kinds(s.events), ['backfill-started', 'backfill-progress', 'missed-fills-alert', 'backfill-complete', 'backfill-started', 'backfill-progress', 'missed-fills-alert', 'backfill-complete']);
      const alert = s.events.find((e) => e.kind === 'missed-fills-alert');
      assert.ok(alert?.kind === 'missed-fills-alert' && alert.cause.kind === 'failed' && alert.cause.failure.kind === 'connect-failed');
      assert.deepEqual(alert.window, { sinceMs: T + 1_000, untilMs: T + 2_000 });
    } finally {
      await s.cleanup();
    }
  });

  test('close() during a backfill stops it promptly; its window and a queued one become alerts', async () => {
    const c = manualConnect();
    const s = setup(true, c.connect);
    await s.store('4;7');
    s.coordinator.onSessionEvent(loss(T, T + 1_000));
    s.coordinator.onSessionEvent(loss(T + 2_000, T + 3_000));
    await new Promise((r) => setImmediate(r));
    const started = Date.now();
    await s.cleanup();
    assert.ok(Date.now() - started < 1_000, 'close waited for the connect');
    const alerts = s.events.filter((e) => e.kind === 'missed-fills-alert');
    assert.deepEqual(alerts.map((a) => a.kind === 'missed-fills-alert' && [a.window.sinceMs, a.cause.kind === 'failed' && a.cause.failure.kind]), [[T, 'stopped'], [T + 2_000, 'stopped']]);
    s.coordinator.onSessionEvent(loss(T + 4_000, T + 5_000));
    assert.equal(s.events.filter((e) => e.kind === 'missed-fills-alert').length, 2, 'a closed coordinator takes no more reports');
  });
});
