// The ER generator must be deterministic (same seed → same stream, byte for byte) and realistic:
// every rule a consumer relies on (support/er-invariants.ts) holds for any seed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExecutionReportGenerator, compareExecIds, plannedExecIds } from '../../electron/simulator/er-generator.ts';
import { renderExecutionReport } from '../../electron/simulator/er-render.ts';
import type { RenderOptions } from '../../electron/simulator/er-render.ts';
import { Tag } from '../../shared/fix/tags.ts';
import { checkStream, fromBody, scaled } from './support/er-invariants.ts';

const DOLLARS: RenderOptions = { units: 'dollars', preserveOriginalOrderQty: false };
const CENTS: RenderOptions = { units: 'cents', preserveOriginalOrderQty: false };
const START = Date.UTC(2026, 10, 24, 14, 0, 0);

function bodies(seed: number, n: number, render = DOLLARS, markets = 8) {
  return new ExecutionReportGenerator({ seed, markets, startTimeMs: START }).take(n).map((r) => renderExecutionReport(r, render));
}

const wire = (body: ReadonlyArray<readonly [number, string | number]>): string => body.map(([t, v]) => `${t}=${v}`).join('|');

describe('ER generator', () => {
  test('the same seed yields the same bodies; another seed does not', () => {
    const a = bodies(42, 500).map(wire);
    const b = bodies(42, 500).map(wire);
    const c = bodies(43, 500).map(wire);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test('a 3000-report stream keeps every consumer invariant and covers every lifecycle step', () => {
    const summary = checkStream(bodies(1, 3000).map(fromBody), 'dollars');
    for (const kind of ['0', 'partial-fill', 'fill', '4', '5', '8']) assert.ok((summary.kinds.get(kind) ?? 0) > 20, `too few ${kind}: ${summary.kinds.get(kind)}`);
    assert.ok(summary.fractionalQty > 50, 'fractional quantities such as 2.50 appear');
    assert.ok(summary.subpennyPrices > 50, 'subpenny prices such as 0.4150 appear');
    assert.ok(summary.rejectTexts.size >= 5, 'rejects carry varied Kalshi texts');
    for (const text of summary.rejectTexts) assert.match(text, /^[A-Z_]+$/);
  });

  test('the invariant checker itself catches a broken stream', () => {
    const good = bodies(11, 400);
    const mutate = (pick: (b: ReadonlyArray<readonly [number, string | number]>) => boolean, tag: number, value: string) => {
      const i = good.findIndex(pick);
      assert.ok(i >= 0);
      return good.map((b, j) => (j === i ? b.map(([t, v]) => (t === tag ? ([t, value] as const) : ([t, v] as const))) : b)).map(fromBody);
    };
    const isFill = (b: ReadonlyArray<readonly [number, string | number]>) => b.some(([t, v]) => t === Tag.ExecType && v === 'F');
    assert.throws(() => checkStream(mutate(isFill, Tag.LongQty, '999.00'), 'dollars'), /LongQty/);
    assert.throws(() => checkStream(mutate(isFill, Tag.CumQty, '0.01'), 'dollars'));
    assert.throws(() => checkStream(mutate(isFill, Tag.CollateralAmountChange, '5.00'), 'dollars'), /1704/);
    assert.throws(() => checkStream(mutate((b) => b !== good[0], Tag.ExecID, '1;1'), 'dollars'), /ExecID/);
  });

  test('invariants hold for arbitrary seeds and market counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 30 }), (seed, markets) => {
        checkStream(bodies(seed, 300, DOLLARS, markets).map(fromBody), 'dollars');
      }),
      { numRuns: 60 },
    );
  });

  test('cents mode writes the same prices in cents: whole cents unless the price is subpenny', () => {
    const d = bodies(5, 800).map(fromBody);
    const c = bodies(5, 800, CENTS).map(fromBody);
    checkStream(c, 'cents');
    let whole = 0;
    for (let i = 0; i < d.length; i++) {
      const dollars = d[i]!.get(Tag.Price)!;
      const cents = c[i]!.get(Tag.Price)!;
      assert.equal(scaled(cents, 2), scaled(dollars, 4), `${cents}¢ vs $${dollars}`);
      if (/^\d+$/.test(cents)) whole++;
      else assert.notEqual(scaled(dollars, 4) % 100, 0, 'a non-integer cent price must be subpenny');
    }
    assert.ok(whole > d.length / 2);
  });

  test('PreserveOriginalOrderQty=Y keeps the original OrderQty on a cancel', () => {
    const reports = new ExecutionReportGenerator({ seed: 9, startTimeMs: START }).take(2000);
    const cancel = reports.find((r) => r.kind === 'cancel' && r.order.cumQty > 0 && r.order.cumQty < r.order.orderQty);
    assert.ok(cancel !== undefined);
    const plain = fromBody(renderExecutionReport(cancel, DOLLARS));
    const preserved = fromBody(renderExecutionReport(cancel, { units: 'dollars', preserveOriginalOrderQty: true }));
    assert.equal(plain.get(Tag.OrderQty), plain.get(Tag.CumQty));
    assert.ok(scaled(preserved.get(Tag.OrderQty), 2) > scaled(preserved.get(Tag.CumQty), 2));
  });

  test('ExecIDs are clock;event, strictly increasing as integer tuples, and plannedExecIds predicts them', () => {
    const gen = new ExecutionReportGenerator({ seed: 77, total: 1000 });
    const ids = gen.take(5000).map((r) => r.execId);
    assert.equal(ids.length, 1000, 'total caps the stream');
    assert.equal(gen.next(), undefined);
    assert.ok(gen.done);
    for (let i = 1; i < ids.length; i++) assert.ok(compareExecIds(ids[i - 1]!, ids[i]!) < 0, `${ids[i - 1]} < ${ids[i]}`);
    assert.ok(new Set(ids.map((id) => id.split(';')[0])).size > 10, 'the clock part advances');
    assert.deepEqual(plannedExecIds({ seed: 77, total: 1000 }), ids);
    // Tuple order differs from string order once the event counter passes a digit boundary.
    assert.ok(compareExecIds('4;10', '4;9') > 0 && '4;10' < '4;9');
  });

  test('TransactTime advances and tickers look like Kalshi markets', () => {
    const gen = new ExecutionReportGenerator({ seed: 3, markets: 20, startTimeMs: START });
    for (const t of gen.tickers) assert.match(t, /^KX[A-Z]+-26NOV24-[A-Z]\d+(\.\d+)?$|^KX[A-Z]+-26NOV24-[HC]\d+$/);
    assert.equal(new Set(gen.tickers).size, 20);
    const times = gen.take(200).map((r) => r.transactTimeMs);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! > times[i - 1]!);
    assert.ok(times[0]! > START);
  });
});
