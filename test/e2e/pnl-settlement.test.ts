// `fillwatch pnl` applies a stored settlement report (UMS): what is left settles at $1 / $0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../electron/core/journal/index.ts';
import { API_KEY_ID, inbound } from '../support/fix-builders.ts';

test('pnl: buy 10 Yes @ 0.42 (fee 0.02), market settles Yes → realized 5.80, net 5.78', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'fillwatch-settle-')), 'journal.db');
  const journal = Journal.open(db, { session: { senderCompId: API_KEY_ID, targetCompId: 'KalshiRT' } });
  const symbol = 'KXHIGHNY-26NOV24-B52.5';
  const trade = inbound('8', 1, [
    [37, 'o-1'], [11, 'cl-1'], [17, '1042;95'], [150, 'F'], [39, '2'], [54, '1'], [55, symbol], [38, '10.00'], [44, '0.4200'],
    [32, '10.00'], [31, '0.4200'], [14, '10.00'], [151, '0.00'], [6, '0.4200'], [60, '20261124-14:08:30.000'],
    [136, 1], [137, '0.02'], [138, 'USD'], [139, 4], [891, 0], [1703, 1], [1704, '-4.22'], [1705, 'BALANCE'],
  ]);
  const settlement = inbound('UMS', 2, [
    [20105, 'st-9f31'], [55, symbol], [715, '20261125'], [20106, 1], [20107, 'yes'], [893, 'Y'], [730, '100.00'],
    [20108, 1], [20109, 'party-1'], [20110, 24], [704, '10.00'], [705, '0.00'], [1703, 1], [1704, '10.00'], [1705, 'PAYOUT'],
    [136, 1], [137, '0.00'], [138, 'USD'], [139, 4], [891, 0],
  ]);
  journal.load();
  journal.accept(trade, 2, Date.UTC(2026, 10, 24, 14, 8, 30));
  journal.accept(settlement, 3, Date.UTC(2026, 10, 25, 15, 0, 0));
  journal.close();

  const run = spawnSync(process.execPath, ['bin/fillwatch.mjs', 'pnl', '--db', db, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { markets: Array<{ symbol: string; position: string; realized: string; unrealized: string; net: string; settlement: unknown }> };
  const market = report.markets.find((m) => m.symbol === symbol);
  assert.ok(market?.settlement, 'the settlement was applied');
  assert.deepEqual([market.realized, market.unrealized, market.net], ['5.8', '0', '5.78']);
});
