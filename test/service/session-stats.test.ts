// The Session view's figures as the recorder service reports them (AccountStatus.session), against the
// simulator over real TLS with staged faults: the heartbeat round trip is measured after Logon; a gap
// counts one gap, one ResendRequest and one completed resend; a dropped connection counts a reconnect
// and a second logon; an unreadable ExecutionReport is counted and listed with its journal id, and is
// still listed after a restart (read back from the journal). Sequence numbers equal the simulator's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { ConnectionStats } from '../../shared/service/connection-stats.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

function service(journalPath: string) {
  return new RecorderService({
    journalPath,
    signerFor: () => (fields) => signLogon(testKeys().key, fields),
    backoff: { initialMs: 20, maxMs: 200, minMs: 0 },
    tickMs: 20,
  });
}

describe('session stats in AccountStatus', () => {
  test('round trip, gaps and resends, reconnects, unreadable messages; seq numbers equal the exchange\'s', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 60, ratePerSecond: 60 });
    const dir = mkdtempSync(join(tmpdir(), 'fw-session-stats-'));
    const journalPath = join(dir, 'journal.db');
    const account: AccountConfig = { id: 'a', label: 'A', apiKeyId: API_KEY_ID, environment: 'custom', listener: { host: 'localhost', port, target: 'KalshiRT' }, tls: { caPem } };
    let s = service(journalPath);
    const listener = (): ConnectionStats => s.accounts()[0]!.session!.connections[0]!;
    try {
      s.addAccount(account);
      await waitFor(() => listener().roundTrip !== null, 'a measured round trip');
      assert.equal(listener().state, 'active');
      assert.equal(listener().logons, 1);
      assert.ok(listener().roundTrip!.ms >= 0 && listener().roundTrip!.ms < 5_000);
      assert.equal(listener().backfills, null);

      simulator.injectFault({ kind: 'seq-gap', skip: 3 });
      await waitFor(() => listener().resendsCompleted === 1, 'the resend completed');
      assert.equal(listener().gaps, 1);
      assert.equal(listener().resendRequests, 1);

      simulator.injectFault({ kind: 'malformed', defect: 'empty-value' });
      await waitFor(() => listener().malformed === 1, 'the unreadable report counted');
      const { undecodable } = s.accounts()[0]!.session!;
      assert.equal(undecodable.count, 1);
      assert.equal(undecodable.newest[0]?.msgType, '8');

      simulator.injectFault({ kind: 'drop-after', messages: 0 });
      await waitFor(() => listener().logons === 2 && listener().state === 'active', 'logged on again');
      assert.ok(listener().reconnects >= 1);
      assert.match(listener().lastDisconnect?.text ?? '', /connection closed/);

      await waitFor(() => simulator.execIdsFor(API_KEY_ID).length === 60, 'the simulator sent everything');
      // Quiet now but for heartbeats: our numbers equal the simulator's view of the session.
      await waitFor(() => {
        const exchange = simulator.session(API_KEY_ID, 'KalshiRT');
        return exchange !== undefined && listener().nextInbound === exchange.nextOutSeq && listener().nextOutbound === exchange.nextInSeq;
      }, 'sequence numbers equal to the exchange\'s');

      const rawId = undecodable.newest[0]!.rawId;
      await s.close();
      s = service(journalPath);
      s.addAccount(account, { start: false });
      const reloaded = s.accounts()[0]!.session!;
      assert.equal(reloaded.undecodable.count, 1, 'read back from the journal after a restart');
      assert.equal(reloaded.undecodable.newest[0]?.rawId, rawId);
      assert.equal(reloaded.connections[0]!.logons, 0, 'counts start again with the engine');
    } finally {
      await s.close();
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('session stats of a drop copy', () => {
  test('NR gaps backfilled from KalshiDC: the listener counts gaps and losses, the drop copy its backfills', async () => {
    const { simulator, port, caPem } = await startSimulator({ totalReports: 240, ratePerSecond: 2000, faults: [{ every: 60, fault: { kind: 'seq-gap', skip: 3 } }] });
    const dir = mkdtempSync(join(tmpdir(), 'fw-session-stats-dc-'));
    const s = service(join(dir, 'journal.db'));
    const stats = () => s.accounts()[0]!.session!;
    try {
      s.addAccount({
        id: 'nr', label: 'NR', apiKeyId: API_KEY_ID, environment: 'custom',
        listener: { host: 'localhost', port, target: 'KalshiNR' }, dropCopy: { host: 'localhost', port }, tls: { caPem },
      });
      await waitFor(() => {
        const b = stats().connections[1]?.backfills;
        return simulator.execIdsFor(API_KEY_ID).length === 240 && b !== null && b !== undefined && b.covered >= 1 && b.started === b.covered + b.incomplete
          && stats().connections[1]!.state === 'idle';
      }, 'backfills done', 30_000);
      const [listener, dropCopy] = stats().connections;
      assert.equal(listener!.target, 'KalshiNR');
      assert.ok(listener!.gaps >= 1 && listener!.possibleLosses >= 1, `the listener counted its gaps (${listener!.gaps}) and loss windows (${listener!.possibleLosses})`);
      assert.equal(dropCopy!.role, 'drop-copy');
      assert.equal(dropCopy!.target, 'KalshiDC');
      assert.ok(dropCopy!.logons >= 1 && dropCopy!.backfills!.requests >= 1);
      assert.ok(dropCopy!.backfills!.recovered >= 1, 'the backfill recovered what the listener missed');
      assert.equal(dropCopy!.backfills!.last?.covered, true);
      assert.match(dropCopy!.backfills!.last?.text ?? '', /complete/);
      assert.equal(dropCopy!.nextInbound, null);
    } finally {
      await s.close();
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
