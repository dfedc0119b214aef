// The P&L and Session views' pure modules, without a browser: exact formatting (never through a
// float), the chart's geometry and labels, the refresh scheduler's coalescing under a burst of
// "positions changed", the event log's filters, the history intent, and the P&L grid's sort order.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogLine, MarketPosition } from '../../shared/ipc/contract.ts';
import {
  feeEstimate, feeTitle, formatFeeAmount, formatHeld, formatMoney, formatPriceDollars, payoutDiffers, toneOf,
} from '../../renderer/format/pnl-format.ts';
import { formatAgo, formatClock, formatRoundTrip, stateLabel, stateTone } from '../../renderer/format/session-format.ts';
import { useHistoryIntent } from '../../renderer/state/history-intent.ts';
import { RefreshScheduler, type SchedulerClock } from '../../renderer/state/pnl/refresh-scheduler.ts';
import { ALL_LOGS, countBySeverity, filterLogs, toggleSeverity } from '../../renderer/state/session/event-log.ts';
import { chartGeometry } from '../../renderer/views/PnL/chart-geometry.ts';
import { PNL_COLUMNS } from '../../renderer/views/PnL/pnl-columns.ts';

describe('pnl-format', () => {
  test('amounts to the cent half-even, fees to $0.0001, prices as exact as sent; no float on the way', () => {
    assert.equal(formatMoney('0.005'), '$0.00');
    assert.equal(formatMoney('-0.0046'), '-$0.00', 'a loss too small for a cent keeps its sign');
    assert.equal(formatMoney('0.015'), '$0.02');
    assert.equal(formatMoney('-1234.565'), '-$1,234.56');
    assert.equal(formatMoney('90071992547409.93'), '$90,071,992,547,409.93', 'beyond 2^53: still exact');
    assert.equal(formatFeeAmount('0.0175'), '$0.0175');
    assert.equal(formatPriceDollars('0.4'), '$0.40');
    assert.equal(formatPriceDollars('0.894512'), '$0.894512');
    assert.equal(formatPriceDollars(null), '');
    assert.deepEqual(['1', '-0.01', '0'].map(toneOf), ['pos', 'neg', 'zero']);
  });

  test('positions read as the side held; fees say how much was estimated; a payout that disagrees is flagged', () => {
    assert.equal(formatHeld('6', 'yes'), '6 Yes');
    assert.equal(formatHeld('-4.5', 'no'), '4.5 No');
    assert.equal(formatHeld('0', null), 'Flat');
    assert.deepEqual([feeEstimate('0.03', '0'), feeEstimate('0.03', '0.01'), feeEstimate('0.03', '0.03')], ['none', 'part', 'all']);
    assert.match(feeTitle('0.03', '0.01'), /of which \$0\.01 estimated/);
    const settled = { result: 'yes' as const, yesValue: '1', grossPayout: '6', reportedPayout: '5.99', fee: '0.01' };
    assert.equal(payoutDiffers(settled), false);
    assert.equal(payoutDiffers({ ...settled, reportedPayout: '5.90' }), true);
    assert.equal(payoutDiffers({ ...settled, reportedPayout: null }), false);
  });
});

describe('chart geometry', () => {
  const box = { width: 300, height: 100, pad: { left: 50, right: 10, top: 10, bottom: 10 } };

  test('a step line from zero; labels are the exact extremes; zero is always in range', () => {
    const g = chartGeometry([{ at: 1_000, net: '2.5' }, { at: 2_000, net: '-1.25' }, { at: 3_000, net: '0.75' }], box)!;
    assert.equal(g.max.net, '2.5');
    assert.equal(g.min.net, '-1.25');
    assert.equal(g.last.net, '0.75');
    assert.equal(g.max.y, 10);
    assert.equal(g.min.y, 90);
    assert.ok(g.zeroY > g.max.y && g.zeroY < g.min.y);
    assert.match(g.path, /^M50,\d+(\.\d)?H50V10H170V90H290V/);
    const onlyGains = chartGeometry([{ at: 1, net: '3' }], box)!;
    assert.equal(onlyGains.min.net, '0', 'zero is the floor when every value is above it');
  });

  test('no point, no chart', () => {
    assert.equal(chartGeometry([], box), null);
  });
});

describe('RefreshScheduler', () => {
  function fakeClock() {
    let now = 0;
    const timers: { at: number; run: () => void }[] = [];
    const clock: SchedulerClock = {
      now: () => now,
      setTimeout: (run, ms) => { const t = { at: now + ms, run }; timers.push(t); return t; },
      clearTimeout: (h) => { const i = timers.indexOf(h as (typeof timers)[number]); if (i >= 0) timers.splice(i, 1); },
    };
    const advance = async (ms: number) => {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) { timers.splice(timers.indexOf(t), 1); t.run(); }
      await new Promise((r) => setImmediate(r));
    };
    return { clock, advance };
  }

  test('a burst of requests: one read at once, then one more after the gap, never two at a time', async () => {
    const { clock, advance } = fakeClock();
    let running = 0;
    let reads = 0;
    let finish: (() => void) | undefined;
    const scheduler = new RefreshScheduler(() => { running++; reads++; assert.equal(running, 1, 'one read at a time'); return new Promise<void>((r) => { finish = () => { running--; r(); }; }); }, 250, clock);
    for (let i = 0; i < 60; i++) scheduler.request();
    assert.equal(reads, 1);
    await advance(100);
    finish!();
    await advance(0);
    assert.equal(reads, 1, 'the gap is kept');
    await advance(150);
    assert.equal(reads, 2, 'the burst became one more read');
    finish!();
    await advance(1_000);
    assert.equal(reads, 2, 'nothing asked since: no read');
    scheduler.request();
    assert.equal(reads, 3);
    scheduler.dispose();
    finish!();
    scheduler.request();
    await advance(1_000);
    assert.equal(reads, 3, 'disposed: no more reads');
  });
});

describe('event log and session wording', () => {
  const line = (accountId: string, severity: LogLine['severity'], source: LogLine['source'] = 'listener'): LogLine => ({ accountId, source, at: 0, severity, text: `${accountId} ${severity}` });
  const logs = [line('a', 'info'), line('b', 'warning'), line('a', 'error', 'drop-copy'), line('b', 'critical')];

  test('filters by severity, account and connection; the last severity cannot be turned off', () => {
    assert.equal(filterLogs(logs, ALL_LOGS).length, 4);
    const noInfo = toggleSeverity(ALL_LOGS, 'info');
    assert.deepEqual(filterLogs(logs, noInfo).map((l) => l.text), ['b warning', 'a error', 'b critical']);
    assert.deepEqual(filterLogs(logs, { ...ALL_LOGS, accountId: 'a' }).map((l) => l.text), ['a info', 'a error']);
    assert.deepEqual(filterLogs(logs, { ...ALL_LOGS, source: 'drop-copy' }).map((l) => l.text), ['a error']);
    let only = ALL_LOGS;
    for (const s of ['info', 'warning', 'error'] as const) only = toggleSeverity(only, s);
    assert.equal(toggleSeverity(only, 'critical'), only);
    assert.deepEqual(countBySeverity(logs), { info: 1, warning: 1, error: 1, critical: 1 });
  });

  test('states, round trips and ages read plainly', () => {
    assert.equal(stateLabel('active'), 'Logged on');
    assert.equal(stateTone('reconnect-wait'), 'warn');
    assert.equal(stateTone('idle'), 'idle');
    assert.equal(formatRoundTrip(12.4), '12 ms');
    assert.equal(formatRoundTrip(1_430), '1.4 s');
    assert.equal(formatAgo(10_000, 9_000), 'just now');
    assert.equal(formatAgo(0, 125_000), '2 min ago');
    assert.equal(formatClock(Date.UTC(2026, 10, 24, 19, 0, 5), 'America/New_York'), '2026-11-24 14:00:05');
  });
});

describe('history intent', () => {
  test('open sets a new intent each time; take returns it once', () => {
    const { open, take } = useHistoryIntent.getState();
    open({ market: 'KXA-1', accountId: 'demo-1' });
    const first = useHistoryIntent.getState().intent!;
    open({ market: 'KXA-1', accountId: 'demo-1' });
    assert.notEqual(useHistoryIntent.getState().intent!.nonce, first.nonce, 'a second click is a new request');
    assert.equal(take()?.market, 'KXA-1');
    assert.equal(take(), null);
  });
});

describe('P&L grid columns', () => {
  const market = (symbol: string, net: string, position: string): MarketPosition => ({
    symbol, event: symbol.split('-')[0]!, position, heldSide: position.startsWith('-') ? 'no' : position === '0' ? null : 'yes', avgEntryPrice: null, mark: null,
    markSource: null, realized: '0', unrealized: '0', fees: '0', estimatedFees: '0', net, fills: 1, settled: false, costBasis: '0', boughtQty: '0', soldQty: '0',
    serverPosition: null, positionMismatches: 0, settlement: null,
  });

  test('numbers sort as exact decimals (not as text or floats)', () => {
    const net = PNL_COLUMNS.find((c) => c.id === 'net')!;
    const rows = [market('A', '10.5', '1'), market('B', '-2', '1'), market('C', '9.99', '1'), market('D', '100000000000000000.01', '1'), market('E', '100000000000000000', '1')];
    assert.deepEqual([...rows].sort(net.compare).map((m) => m.symbol), ['B', 'C', 'A', 'E', 'D']);
    const position = PNL_COLUMNS.find((c) => c.id === 'position')!;
    assert.equal(position.text(market('A', '0', '-3')), '3 No');
  });

  test('a position that differs from Kalshi\'s own is marked, with both numbers in the title', () => {
    const position = PNL_COLUMNS.find((c) => c.id === 'position')!;
    const m = { ...market('A', '0', '5'), serverPosition: '4', positionMismatches: 2 };
    assert.equal(position.text(m), '5 Yes ≠');
    assert.equal(position.tone?.(m), 'pnl-warn');
    assert.match(position.title?.(m) ?? '', /Kalshi reported 4/);
  });
});
