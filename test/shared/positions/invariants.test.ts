// Property tests: invariants of the ledger for any sequence of fills, checked against an independent
// model kept in integer units (hundredths of a contract, micro-dollars) and a Kalshi-style
// collateral simulation (Yes and No held separately, pairs redeemed for $1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ZERO, add, fromMicros, sub, sum, toMicros } from '../../../shared/decimal.ts';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import type { Fill, Settlement, SettlementResult } from '../../../shared/positions/fill.ts';
import { estimateTakerFee } from '../../../shared/positions/fees.ts';
import { assertCashIdentity, t } from './support.ts';

const SYMBOLS = ['KXA-26NOV24-X1', 'KXA-26NOV24-X2', 'KXB-26NOV-T3'] as const;

interface Trade {
  readonly symbol: string;
  readonly buy: boolean;
  readonly hundredths: number; // contracts × 100
  readonly pips: number; // Yes price × 10 000
  readonly feeMicros: number | null; // null → the book estimates it
  readonly minute: number;
}

const arbTrade: fc.Arbitrary<Trade> = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  buy: fc.boolean(),
  hundredths: fc.integer({ min: 1, max: 5_000 }),
  pips: fc.integer({ min: 1, max: 9_999 }),
  feeMicros: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
  minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
});

const qtyText = (hundredths: number): string => t(fromMicros(BigInt(hundredths) * 10_000n)) ?? '';
const pxText = (pips: number): string => t(fromMicros(BigInt(pips) * 100n)) ?? '';

function toFills(trades: readonly Trade[]): Fill[] {
  return trades.map((tr, i) => ({
    execId: `1;${i}`,
    symbol: tr.symbol,
    side: tr.buy ? '1' : '2',
    lastQty: qtyText(tr.hundredths),
    lastPx: pxText(tr.pips),
    priceUnit: 'dollars',
    fee: tr.feeMicros === null ? undefined : t(fromMicros(BigInt(tr.feeMicros))) ?? undefined,
    transactTime: new Date(Date.UTC(2026, 10, 24) + tr.minute * 60_000).toISOString(),
  }));
}

/** Per market: net hundredths, Yes-equivalent cash in micros, fees in micros, Kalshi Yes/No holdings and balance. */
interface Model {
  q: bigint;
  flow: bigint;
  fees: bigint;
  yes: bigint;
  no: bigint;
  balance: bigint;
  lastPips: bigint;
}

function model(trades: readonly Trade[]): Map<string, Model> {
  const out = new Map<string, Model>();
  for (const tr of trades) {
    const m = out.get(tr.symbol) ?? { q: 0n, flow: 0n, fees: 0n, yes: 0n, no: 0n, balance: 0n, lastPips: 0n };
    const x = BigInt(tr.hundredths);
    const p = BigInt(tr.pips);
    const notional = x * p; // hundredths × pips = micro-dollars
    const fee =
      tr.feeMicros === null
        ? toMicros(estimateTakerFee(fromMicros(x * 10_000n), fromMicros(p * 100n)))
        : BigInt(tr.feeMicros);
    m.q += tr.buy ? x : -x;
    m.flow += tr.buy ? -notional : notional;
    m.fees += fee;
    // Kalshi: a buy pays p per Yes, a sell buys No at 1 − p; a Yes+No pair is redeemed for $1.
    if (tr.buy) {
      m.balance -= notional;
      m.yes += x;
    } else {
      m.balance -= x * (10_000n - p);
      m.no += x;
    }
    const pairs = m.yes < m.no ? m.yes : m.no;
    m.yes -= pairs;
    m.no -= pairs;
    m.balance += pairs * 10_000n;
    m.balance -= fee;
    m.lastPips = p;
    out.set(tr.symbol, m);
  }
  return out;
}

const micros = (hundredths: bigint): bigint => hundredths * 10_000n;

describe('ledger invariants', () => {
  test('property: position, cash, mark and Kalshi balance agree with the model; the cash identity holds', () => {
    fc.assert(
      fc.property(fc.array(arbTrade, { maxLength: 40 }), (trades) => {
        const book = PositionBook.from(toFills(trades));
        const expected = model(trades);
        for (const [symbol, m] of expected) {
          const got = book.market(symbol);
          assert.ok(got);
          assertCashIdentity(got);
          assert.equal(toMicros(got.position), micros(m.q));
          assert.equal(toMicros(got.cash), m.flow - m.fees);
          assert.equal(toMicros(got.fees), m.fees);
          assert.equal(toMicros(got.mark ?? ZERO), m.lastPips * 100n);
          assert.equal(toMicros(got.balanceModel), m.balance);
          assert.equal(toMicros(got.position), micros(m.yes - m.no));
        }
        const { all, byDay, byEvent } = book.totals();
        assert.equal(all.net, sub(add(all.realized, all.unrealized), all.fees));
        assert.equal(sum([...byDay.values()].map((d) => d.realized)), all.realized);
        assert.equal(sum([...byDay.values()].map((d) => d.fees)), all.fees);
        assert.equal([...byDay.values()].reduce((n, d) => n + d.fills, 0), trades.length);
        assert.equal(sum([...byEvent.values()].map((e) => e.net)), all.net);
      }),
      { numRuns: 200 },
    );
  });

  test('property: any order of a sequence that ends flat gives the same P&L, equal to its cash flow', () => {
    const arbFlat = fc.array(arbTrade, { maxLength: 30 }).chain((trades) => {
      const closing: Trade[] = [];
      for (const [symbol, m] of model(trades)) {
        if (m.q !== 0n) closing.push({ symbol, buy: m.q < 0n, hundredths: Number(m.q < 0n ? -m.q : m.q), pips: 5_000, feeMicros: 0, minute: 0 });
      }
      const all = [...trades, ...closing];
      return fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));
    });
    fc.assert(
      fc.property(arbFlat, ([ordered, shuffled]) => {
        const a = PositionBook.from(toFills(ordered)).totals().all;
        const b = PositionBook.from(toFills(shuffled)).totals().all;
        assert.equal(t(a.realized), t(b.realized));
        assert.equal(t(a.net), t(b.net));
        assert.equal(a.unrealized, ZERO);
        const flow = [...model(ordered).values()].reduce((s, m) => s + m.flow, 0n);
        assert.equal(toMicros(a.realized), flow); // average cost leaves no residue once flat
      }),
      { numRuns: 200 },
    );
  });

  test('property: settling realizes q·v − basis, ends flat, and pays what Kalshi would', () => {
    const arbResult = fc.oneof(
      fc.constantFrom<[SettlementResult, number]>(['yes', 10_000], ['no', 0]),
      fc.integer({ min: 0, max: 10_000 }).map((c): [SettlementResult, number] => ['scalar', c]), // cents × 100
    );
    fc.assert(
      fc.property(fc.array(arbTrade, { maxLength: 30 }), arbResult, (trades, [result, centsX100]) => {
        const book = PositionBook.from(toFills(trades));
        const expected = model(trades);
        for (const symbol of expected.keys()) {
          const s: Settlement = {
            symbol,
            result,
            settlementPriceCents: t(fromMicros(BigInt(centsX100) * 10_000n)) ?? '0', // e.g. 3060 → '30.6'
            at: '20261130-12:00:00',
          };
          book.settle(s);
        }
        for (const [symbol, m] of expected) {
          const got = book.market(symbol);
          assert.ok(got?.settlement);
          assertCashIdentity(got);
          // v per Yes in micros = centsX100 (i.e. cents × 100 = dollars × 10 000) × 100
          const yesLeg = (micros(m.q) * BigInt(centsX100) * 100n) / 1_000_000n;
          assert.equal(toMicros(got.realized), m.flow + yesLeg);
          assert.equal(got.position, ZERO);
          assert.equal(got.unrealized, ZERO);
          // Kalshi pays each Yes held v and each No held 1 − v.
          const payout = (micros(m.yes) * BigInt(centsX100) + micros(m.no) * BigInt(10_000 - centsX100)) / 10_000n;
          assert.equal(toMicros(got.settlement.grossPayout), payout);
          assert.equal(toMicros(got.balanceModel), m.balance + payout);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('property: replaying the same fills changes nothing, and a clone continues like the original', () => {
    fc.assert(
      fc.property(fc.array(arbTrade, { maxLength: 30 }), fc.nat(), (trades, cut) => {
        const fills = toFills(trades);
        const once = PositionBook.from(fills);
        const twice = PositionBook.from([...fills, ...fills]);
        assert.deepEqual(twice.totals(), once.totals());
        const split = cut % (fills.length + 1);
        const head = PositionBook.from(fills.slice(0, split));
        const copy = head.clone();
        for (const f of fills.slice(split)) copy.apply(f);
        assert.deepEqual(copy.totals(), once.totals());
        assert.deepEqual(copy.markets(), once.markets());
        assert.equal(head.fillCount, split);
      }),
      { numRuns: 150 },
    );
  });
});
