// The small pure helpers under the ledger: fee estimate, TransactTime parsing, day keys, event tickers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromMicros, parse, toMicros, toString } from '../../../shared/decimal.ts';
import { estimateTakerFee } from '../../../shared/positions/fees.ts';
import { DayKeyer, parseUtcTime } from '../../../shared/positions/day-key.ts';
import { eventTickerOf } from '../../../shared/positions/event-ticker.ts';
import { PositionError } from '../../../shared/positions/fill.ts';
import { q, qMul, qRoundToMicros } from '../rational.ts';

describe('estimateTakerFee', () => {
  test('0.07 · C · P · (1 − P), rounded up to $0.0001', () => {
    // 0.07 × 100 × 0.50 × 0.50 = 1.75 exactly
    assert.equal(toString(estimateTakerFee(parse('100'), parse('0.50'))), '1.75');
    // 0.07 × 1 × 0.42 × 0.58 = 0.017052 → 0.0171 (up, not to the nearest)
    assert.equal(toString(estimateTakerFee(parse('1'), parse('0.42'))), '0.0171');
    // 0.07 × 10 × 0.01 × 0.99 = 0.00693 → 0.0070
    assert.equal(toString(estimateTakerFee(parse('10'), parse('0.01'))), '0.007');
    // symmetric in P: the No price gives the same fee
    assert.equal(estimateTakerFee(parse('3.33'), parse('0.1234')), estimateTakerFee(parse('3.33'), parse('0.8766')));
    assert.equal(toString(estimateTakerFee(parse('5'), parse('1'))), '0');
  });

  test('property: matches the exact rational fee rounded up', () => {
    const arbQty = fc.integer({ min: 1, max: 1_000_000 }); // hundredths of a contract
    const arbPx = fc.integer({ min: 0, max: 10_000 }); // ten-thousandths of a dollar
    fc.assert(
      fc.property(arbQty, arbPx, (c, p) => {
        const exact = qMul(qMul(q(7n, 100n), q(BigInt(c), 100n)), qMul(q(BigInt(p), 10_000n), q(BigInt(10_000 - p), 10_000n)));
        const fee = estimateTakerFee(fromMicros(BigInt(c) * 10_000n), fromMicros(BigInt(p) * 100n));
        assert.equal(toMicros(fee), qRoundToMicros(exact, 4, 'ceil'));
      }),
    );
  });
});

describe('parseUtcTime', () => {
  test('reads FIX UTCTimestamps and ISO-8601 UTC times', () => {
    const iso = (text: string): string => new Date(parseUtcTime(text)).toISOString();
    assert.equal(iso('20261124-14:06:00.008'), '2026-11-24T14:06:00.008Z');
    assert.equal(iso('20261124-14:06:00'), '2026-11-24T14:06:00.000Z');
    assert.equal(iso('20261124-14:06:00.5'), '2026-11-24T14:06:00.500Z');
    assert.equal(iso('20261124-14:06:00.123456789'), '2026-11-24T14:06:00.123Z'); // ns truncated to ms
    assert.equal(iso('2026-11-24T14:06:00.25Z'), '2026-11-24T14:06:00.250Z');
    assert.equal(iso('2024-02-29T00:00:00Z'), '2024-02-29T00:00:00.000Z');
  });

  test('refuses anything else', () => {
    for (const text of [
      '',
      '20261124',
      '20261124-14:06',
      '20261124-14:06:00.',
      '20261124-14:06:00.1234567890',
      '20261124-24:00:00',
      '20261131-00:00:00',
      '20230229-00:00:00',
      '20261124 14:06:00',
      '2026-11-24T14:06:00', // no Z: not known to be UTC
      '2026-11-24T14:06:00+01:00',
      '20261124-14:06:00Z',
    ]) {
      assert.throws(() => parseUtcTime(text), (e) => e instanceof PositionError && e.kind === 'bad-time', text);
    }
  });
});

describe('DayKeyer', () => {
  test('New York days follow EST and EDT', () => {
    const ny = new DayKeyer('America/New_York');
    const day = (text: string): string => ny.dayOf(parseUtcTime(text));
    assert.equal(day('20261125-04:59:59.999'), '2026-11-24'); // EST, UTC−5
    assert.equal(day('20261125-05:00:00'), '2026-11-25');
    assert.equal(day('20260701-03:59:59'), '2026-06-30'); // EDT, UTC−4
    assert.equal(day('20260701-04:00:00'), '2026-07-01');
    // 2026-03-08 is the switch to EDT: 04:30 UTC on the 9th is 00:30 EDT (it would be 23:30 in EST)
    assert.equal(day('20260309-04:30:00'), '2026-03-09');
  });

  test('property: the quarter-hour cache never changes the answer', () => {
    const zones = ['America/New_York', 'UTC', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns'];
    const keyers = new Map(zones.map((z) => [z, new DayKeyer(z)]));
    // Instants within a minute of a quarter hour, where local midnights (and a too-coarse cache's errors) lie.
    const arbMs = fc
      .tuple(fc.integer({ min: 0, max: 15 * 366 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -60_000, max: 60_000 }))
      .map(([day, hour, quarter, jitter]) => Date.UTC(2020, 0, 1 + day, hour, 15 * quarter) + jitter);
    fc.assert(
      fc.property(fc.constantFrom(...zones), arbMs, (zone, ms) => {
        const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
        const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '?';
        assert.equal(keyers.get(zone)?.dayOf(ms), `${get('year')}-${get('month')}-${get('day')}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('eventTickerOf', () => {
  test('drops the last dash-separated part', () => {
    assert.equal(eventTickerOf('KXHIGHNY-26NOV24-B52.5'), 'KXHIGHNY-26NOV24');
    assert.equal(eventTickerOf('KXRAIN-26NOV-T1'), 'KXRAIN-26NOV');
    assert.equal(eventTickerOf('HIGHNY-23DEC31'), 'HIGHNY'); // the documented limit of the heuristic
    assert.equal(eventTickerOf('SOLO'), 'SOLO');
    assert.equal(eventTickerOf('-X'), '-X');
  });
});
