// The service's drop-copy path end to end: a KalshiNR account loses ERs in sequence gaps; the service
// backfills them from the simulator's KalshiDC into the same journal, and every ExecID reaches the
// reader exactly once (live or recovered), with no "possible missed fills" alert left standing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import type { ErSentEvent } from '../../electron/simulator/simulator.ts';
import { API_KEY_ID } from '../support/fix-builders.ts';
import { startSimulator, testKeys, waitFor } from '../support/simulator-fixture.ts';

test('NR gaps are backfilled from drop copy by the service: every ExecID delivered once, no alert', async () => {
  const { simulator, port, caPem } = await startSimulator({ totalReports: 400, ratePerSecond: 2000, faults: [{ every: 60, fault: { kind: 'seq-gap', skip: 3 } }] });
  const sent: ErSentEvent[] = [];
  simulator.on('er-sent', (e: ErSentEvent) => sent.push(e));
  const dir = mkdtempSync(join(tmpdir(), 'fw-service-dc-'));
  const service = new RecorderService({
    journalPath: join(dir, 'journal.db'),
    signerFor: () => (fields) => signLogon(testKeys().key, fields),
    backoff: { initialMs: 20, maxMs: 200, minMs: 0 },
    tickMs: 50,
  });
  const events: ServiceEvent[] = [];
  service.onEvent((e) => events.push(e));
  const delivered = () => events.flatMap((e) => (e.type === 'executions' ? e.executions.map((x) => x.record.execId) : []));
  // Drop copy never replays rejects (kalshi-fix.md §5): a reject lost on NR is gone for good.
  const recoverable = () => {
    const lostRejects = new Set(sent.filter((e) => e.delivery === 'lost' && e.report.kind === 'reject').map((e) => e.execId));
    return simulator.execIdsFor(API_KEY_ID).filter((id) => !lostRejects.has(id));
  };
  try {
    service.addAccount({
      id: 'nr', label: 'NR desk', apiKeyId: API_KEY_ID, environment: 'custom',
      listener: { host: 'localhost', port, target: 'KalshiNR' }, dropCopy: { host: 'localhost', port }, tls: { caPem },
    });
    await waitFor(() => simulator.execIdsFor(API_KEY_ID).length === 400 && delivered().length >= recoverable().length, 'every recoverable ExecID', 30_000);
    const ids = delivered();
    assert.equal(new Set(ids).size, ids.length, 'an execution was delivered twice');
    assert.deepEqual([...ids].sort(), [...recoverable()].sort());
    assert.ok(sent.some((e) => e.delivery === 'lost'), 'the scenario lost nothing');
    assert.ok(events.some((e) => e.type === 'log' && e.source === 'drop-copy' && /replayed/i.test(e.text)));
    assert.deepEqual(events.filter((e) => e.type === 'missed-fills'), []);
  } finally {
    await service.close();
    await simulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
