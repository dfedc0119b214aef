// `fillwatch verify | export | pnl` over a journal recorded from the simulator.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { add, parse, sub, toString, ZERO } from '../../shared/decimal.ts';
import { flipMessageByte } from '../core/journal/journal-tamper.ts';
import { openJournalReader, type StoredExecution } from '../../electron/core/journal/index.ts';
import { startRecorder, startSimulator, waitFor } from '../support/simulator-fixture.ts';

const fillwatch = (args: string[]) => spawnSync(process.execPath, ['bin/fillwatch.mjs', ...args], { encoding: 'utf8' });
const TOTAL = 1500;
let db = '';
let stored: StoredExecution[] = [];

before(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'fillwatch-journal-cli-')), 'journal.db');
  const { simulator, port, caPem } = await startSimulator({ totalReports: TOTAL, seed: 11 });
  const r = startRecorder(port, caPem, { journalPath: db, backoff: { initialMs: 20, maxMs: 100, minMs: 0 } });
  await waitFor(() => r.sink.records.length === TOTAL, `${TOTAL} committed executions`);
  await r.recorder.stop();
  await r.done;
  await simulator.stop();
  const reader = openJournalReader(db);
  stored = [...reader.executions()];
  reader.close();
});

describe('journal commands', () => {
  test('verify: an intact journal passes; one flipped byte is named by row', () => {
    const ok = fillwatch(['verify', '--db', db]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /journal intact: \d+ message row/);

    const copy = db.replace(/journal\.db$/, 'tampered.db');
    const writer = new Database(db, { readonly: true });
    writer.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    writer.close();
    const t = new Database(copy);
    const victim = { id: 41 };
    flipMessageByte(t, victim.id, -12);
    t.close();
    const broken = fillwatch(['verify', '--db', copy]);
    assert.equal(broken.status, 5);
    assert.match(broken.stderr, new RegExp(`^fillwatch: journal BROKEN at row ${victim.id}\\b`));
  });

  test('export jsonl holds every execution once, in event order', () => {
    const run = fillwatch(['export', '--db', db, '--format', 'jsonl']);
    assert.equal(run.status, 0, run.stderr);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { execId: string });
    assert.equal(rows.length, TOTAL);
    assert.deepEqual(rows.map((r) => r.execId), stored.map((s) => s.execId));
  });

  test('export csv honours market and side filters and quotes properly', () => {
    const market = stored.find((s) => s.execType === 'F')?.symbol ?? '';
    const run = fillwatch(['export', '--db', db, '--format', 'csv', '--market', market, '--side', 'buy']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    const symbolAt = header.indexOf('symbol');
    const sideAt = header.indexOf('side');
    const expected = stored.filter((s) => s.symbol === market && s.side === '1');
    assert.equal(lines.length - 1, expected.length);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      assert.equal(cells[symbolAt], market);
      assert.equal(cells[sideAt], '1');
    }
  });

  test('export refuses a bad time with one line', () => {
    const run = fillwatch(['export', '--db', db, '--from', 'yesterday']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^fillwatch: --from must be a time/);
  });

  test("pnl: each market's position equals the exchange's own LongQty − ShortQty after its last trade", () => {
    const run = fillwatch(['pnl', '--db', db, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { markets: Array<{ symbol: string; position: string; realized: string; fees: string }>; totals: { all: { realized: string } } };
    const lastTrade = new Map<string, StoredExecution>();
    for (const s of stored) if (s.execType === 'F') lastTrade.set(s.symbol, s);
    assert.ok(lastTrade.size > 0);
    const reader = openJournalReader(db);
    for (const [symbol, trade] of lastTrade) {
      const market = report.markets.find((m) => m.symbol === symbol);
      const { longQty, shortQty } = reader.executionReport(trade.rawId)!.report;
      assert.equal(toString(parse(market?.position ?? 'NaN')), toString(sub(parse(longQty ?? '0'), parse(shortQty ?? '0'))), symbol);
    }
    reader.close();
    const realizedSum = report.markets.reduce((sum, m) => add(sum, parse(m.realized)), ZERO);
    assert.equal(toString(realizedSum), toString(parse(report.totals.all.realized)));
  });

  test('pnl table prints markets, a total, events and days', () => {
    const run = fillwatch(['pnl', '--db', db]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^market\s+position/m);
    assert.match(run.stdout, /^TOTAL\s/m);
    assert.match(run.stdout, /^event\s+markets/m);
    assert.match(run.stdout, /^day\s+fills/m);
  });
});
