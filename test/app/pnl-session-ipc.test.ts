// positions.get and session.get through the IpcDoor over the real main-side services (demo simulator,
// recorder worker): the P&L answer is `fillwatch pnl --api-key-id` for the same journal, exactly, in the
// asked time zone, with a series ending at the net; an unknown zone is refused with what to do; the
// Session answer carries each demo account's listener with the recorder's own sequence numbers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPnl } from '../../electron/cli/pnl-command.ts';
import { startAppServices } from '../../electron/main/app-services.ts';
import { IpcDoor, trustOrigins } from '../../electron/main/ipc/ipc-door.ts';
import { requestChannel, requests, type ResponseOf } from '../../shared/ipc/contract.ts';
import { waitFor } from '../support/simulator-fixture.ts';
import { unusedHistoryHandlers, unusedSettingsHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };

describe('positions.get and session.get', () => {
  test('P&L equals fillwatch pnl for the account; Session reports the recorder\'s numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-pnl-ipc-'));
    const journalPath = join(dir, 'journal.db');
    const services = await startAppServices({ journalPath, demo: { accounts: 2, reportsPerSecond: 40, seed: 5 }, statusPollMs: 100 });
    const door = new IpcDoor({ ...services.handlers, ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers() }, trustOrigins(['app://fillwatch']));
    const call = async <N extends 'positions.get' | 'session.get'>(name: N, payload: unknown): Promise<ResponseOf<N>> => {
      const answer = await door.handle(requestChannel(name), ours, payload);
      assert.ok(answer.ok, JSON.stringify(answer));
      return requests[name].response.parse(answer.value) as ResponseOf<N>;
    };
    try {
      await waitFor(() => services.feed.snapshot(50).executions.length >= 40, '40 demo executions', 20_000);
      let live = await call('session.get', {});
      for (let i = 0; i < 50 && live.some((s) => s.connections[0]!.roundTrip === null); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        live = await call('session.get', {});
      }
      assert.deepEqual(live.map((s) => [s.accountId, s.connections[0]!.state, s.connections[0]!.logons]), [['demo-1', 'active', 1], ['demo-2', 'active', 1]]);
      assert.ok(live.every((s) => s.connections[0]!.roundTrip !== null), 'the round trip was measured after Logon');
      // Stop the flow, so the journal the CLI reads is the one the book saw.
      const configs = await services.recorder.configs();
      for (const c of configs) await services.recorder.stopAccount(c.id);
      for (const config of configs) {
        const view = await call('positions.get', { accountId: config.id, timeZone: 'UTC' });
        const lines: string[] = [];
        runPnl(['--db', journalPath, '--format', 'json', '--time-zone', 'UTC', '--api-key-id', config.apiKeyId], (l) => lines.push(l), () => {});
        const cli = JSON.parse(lines.join('\n')) as { markets: Record<string, unknown>[]; totals: { all: Record<string, unknown>; byDay: Record<string, Record<string, unknown>> } };
        assert.ok(view.markets.length > 0);
        assert.deepEqual(view.markets.map((m) => [m.symbol, m.position, m.avgEntryPrice, m.realized, m.unrealized, m.fees, m.estimatedFees, m.net]),
          cli.markets.map((m) => [m['symbol'], m['position'], m['avgEntryPrice'], m['realized'], m['unrealized'], m['fees'], m['estimatedFees'], m['net']]));
        for (const key of ['realized', 'unrealized', 'fees', 'estimatedFees', 'net'] as const) assert.equal(view.totals[key], cli.totals.all[key]);
        assert.deepEqual(view.byDay.map((d) => [d.day, d.realized, d.fees, d.net]), Object.entries(cli.totals.byDay).map(([day, t]) => [day, t['realized'], t['fees'], t['net']]));
        assert.equal(view.timeZone, 'UTC');
        assert.equal(view.series.points.at(-1)?.net, view.totals.net);
      }
      const bad = await door.handle(requestChannel('positions.get'), ours, { accountId: 'demo-1', timeZone: 'Mars/Olympus' });
      assert.equal(bad.ok ? 'ok' : bad.error.kind, 'rejected');

      const sessions = await call('session.get', {});
      const statuses = await services.recorder.accounts();
      assert.deepEqual(sessions.map((s) => s.accountId), ['demo-1', 'demo-2']);
      for (const s of sessions) {
        const listener = s.connections[0]!;
        const status = statuses.find((x) => x.accountId === s.accountId)!;
        assert.equal(listener.role, 'listener');
        assert.equal(listener.state, 'stopped');
        assert.equal(listener.nextInbound, status.nextInbound);
        assert.equal(listener.nextOutbound, status.nextOutbound);
        assert.ok(listener.nextInbound! > 40 / 2, 'resumed from the journal\'s numbers');
      }
    } finally {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
