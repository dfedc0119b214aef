// The cumulative P&L series and days in any time zone: the series ends at the book's net, is the same
// however markets interleave (what keeps the live book equal to a replay), and stays exact when its
// buckets widen; days asked in another zone equal those of a book kept in that zone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromInteger, parse } from '../../../shared/decimal.ts';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import { MAX_BUCKETS, PnlSeries } from '../../../shared/positions/pnl-series.ts';
import { positionsSnapshot } from '../../../shared/positions/positions-snapshot.ts';
import type { Fill } from '../../../shared/positions/fill.ts';
import { t } from './support.ts';

const SYMBOLS = ['KXA-26NOV24-X1', 'KXA-26NOV24-X2', 'KXB-26NOV-T3'] as const;
const T0 = Date.UTC(2026, 10, 24, 3, 0, 0);

const arbFill = fc.record({
  market: fc.integer({ min: 0, max: SYMBOLS.length - 1 }),
  buy: fc.boolean(),
  qty: fc.integer({ min: 1, max: 500 }),
  cents: fc.integer({ min: 1, max: 99 }),
  fee: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
});
type Raw = typeof arbFill extends fc.Arbitrary<infer T> ? T : never;

function toFill(r: Raw, i: number): Fill {
  return {
    execId: `1;${i}`, symbol: SYMBOLS[r.market]!, side: r.buy ? '1' : '2', lastQty: String(r.qty), lastPx: (r.cents / 100).toFixed(2),
    priceUnit: 'dollars', fee: r.fee === null ? undefined : (r.fee / 10_000).toFixed(4), transactTime: T0 + r.minutes * 60_000,
  };
}

/** Per market in time order (the order both live and replay book a market in), markets interleaved by `picks`. */
function interleave(fills: readonly Fill[], picks: readonly number[]): Fill[] {
  const queues = SYMBOLS.map((s) => fills.filter((f) => f.symbol === s).sort((a, b) => Number(a.transactTime) - Number(b.transactTime)));
  const out: Fill[] = [];
  let k = 0;
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(open[(picks[k++ % Math.max(1, picks.length)] ?? 0) % open.length]!.shift()!);
  }
  return out;
}

describe('cumulative P&L series', () => {
  test('property: its last point is the net, and it does not depend on how markets interleave', () => {
    fc.assert(fc.property(fc.array(arbFill, { minLength: 1, maxLength: 80 }), fc.array(fc.nat(5)), fc.array(fc.nat(5)), (raw, a, b) => {
      const fills = raw.map(toFill);
      const one = PositionBook.from(interleave(fills, a));
      const two = PositionBook.from(interleave(fills, b));
      const series = one.pnlSeries();
      assert.equal(t(series.points.at(-1)!.net), t(one.totals().all.net));
      assert.deepEqual(series, two.pnlSeries());
      for (let i = 1; i < series.points.length; i++) assert.ok(series.points[i - 1]!.at < series.points[i]!.at, 'points in time order');
    }));
  });

  test('a settlement moves the series by what it realized beyond the last mark', () => {
    const book = new PositionBook();
    book.apply({ execId: '1', symbol: SYMBOLS[0], side: '1', lastQty: '10', lastPx: '0.40', priceUnit: 'dollars', fee: '0.02', transactTime: T0 });
    book.settle({ symbol: SYMBOLS[0], result: 'yes', at: T0 + 60_000 });
    const points = book.pnlSeries().points.map((p) => [p.at, t(p.net)]);
    // After the buy: marked at its own price, net = −fee. Settled Yes: 10 × (1 − 0.40) − 0.02.
    assert.deepEqual(points, [[T0 + 1_000, '-0.02'], [T0 + 61_000, '5.98']]);
  });

  test('buckets widen by doubling when there are too many, sums kept exactly', () => {
    const series = new PnlSeries();
    for (let i = 0; i <= MAX_BUCKETS; i++) series.add(T0 + i * 1_000, parse('0.000001'));
    series.add(null, fromInteger(1));
    const snapshot = series.snapshot();
    assert.equal(snapshot.bucketMs, 2_000);
    assert.ok(snapshot.points.length <= MAX_BUCKETS);
    assert.equal(t(snapshot.points.at(-1)!.net), '1.001025');
    assert.equal(t(snapshot.undated), '1');
  });
});

describe('days in a chosen time zone', () => {
  test('property: totals(zone) equals a book kept in that zone, and the snapshot names the zone', () => {
    fc.assert(fc.property(fc.array(arbFill, { minLength: 1, maxLength: 60 }), fc.constantFrom('UTC', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Los_Angeles'), (raw, zone) => {
      const fills = raw.map(toFill);
      const ny = PositionBook.from(fills);
      const there = PositionBook.from(fills, { timeZone: zone });
      assert.deepEqual(ny.totals(zone), there.totals());
      const snapshot = positionsSnapshot(ny, { timeZone: zone });
      assert.equal(snapshot.timeZone, zone);
      assert.deepEqual(snapshot.totals.byDay, [...there.totals().byDay]);
    }));
  });

  test('an unknown zone is refused as bad-time-zone', () => {
    assert.throws(() => new PositionBook().totals('Mars/Olympus'), (e: Error & { kind?: string }) => e.kind === 'bad-time-zone');
  });
});
