// PositionBook behaviour around the arithmetic: refusals leave the book untouched, ExecID
// de-duplication, totals by event and by day, clone independence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import { type Fill, type PositionErrorKind, PositionError } from '../../../shared/positions/fill.ts';
import { buy, sell, t } from './support.ts';

const A = 'KXHIGHNY-26NOV24-B52.5';
const B = 'KXHIGHNY-26NOV24-B54.5';
const C = 'KXRAIN-26NOV-T1';

function refusal(f: () => unknown): PositionErrorKind | 'no error' {
  try {
    f();
  } catch (e) {
    if (e instanceof PositionError) return e.kind;
    throw e;
  }
  return 'no error';
}

describe('refusals', () => {
  test('each bad input is refused with its kind and leaves the book exactly as it was', () => {
    const book = new PositionBook();
    book.apply(buy(A, '10', '0.42', { transactTime: '20261124-15:00:00' }));
    book.apply(buy(B, '0.5', '0.5'));
    const bad: [Fill, PositionErrorKind][] = [
      [buy(A, '1', '0.42', { side: '3' as Fill['side'] }), 'bad-side'],
      [buy(A, '0', '0.42'), 'bad-quantity'],
      [buy(A, '-1', '0.42'), 'bad-quantity'],
      [buy(A, '1e5', '0.42'), 'bad-quantity'],
      [buy(A, '1', '1.01'), 'bad-price'],
      [buy(A, '1', '-0.01'), 'bad-price'],
      [buy(A, '1', '120', { priceUnit: 'cents' }), 'bad-price'],
      [buy(A, '1', 'NaN'), 'bad-price'],
      [buy(A, '1', '0.42', { priceUnit: 'pips' as Fill['priceUnit'] }), 'bad-price'],
      [buy(A, '1', '0.42', { fee: '0.0000001' }), 'bad-amount'],
      [buy(A, '1', '0.42', { balanceDelta: '' }), 'bad-amount'],
      [buy(A, '1', '0.42', { longQty: 'x' }), 'bad-amount'],
      [buy(A, '1', '0.42', { transactTime: '2026-11-24 15:00' }), 'bad-time'],
      [buy(A, '1', '0.42', { transactTime: Number.NaN }), 'bad-time'],
      [buy(A, '0.001', '0.0001'), 'inexact-amount'], // 0.0000001 needs 7 places
      // A flip whose whole fill is exact (1 × $0.000001) but whose opened part is not (0.5 × $0.000001):
      // refused by the ledger itself, which must not have changed anything yet.
      [sell(B, '1', '0.0001', { priceUnit: 'cents' }), 'inexact-amount'],
    ];
    const before = { markets: book.markets(), totals: book.totals(), count: book.fillCount };
    for (const [fill, kind] of bad) {
      assert.equal(refusal(() => book.apply(fill)), kind, JSON.stringify(fill));
      assert.deepEqual({ markets: book.markets(), totals: book.totals(), count: book.fillCount }, before);
    }
  });

  test('settlement inputs are checked', () => {
    const book = new PositionBook();
    assert.equal(refusal(() => book.settle({ symbol: A, result: 'scalar', at: '20261125-00:00:00' })), 'scalar-without-price');
    assert.equal(
      refusal(() => book.settle({ symbol: A, result: 'yes', settlementPriceCents: '0', at: '20261125-00:00:00' })),
      'settlement-price-mismatch',
    );
    assert.equal(refusal(() => book.settle({ symbol: A, result: 'scalar', settlementPriceCents: '101', at: '20261125-00:00:00' })), 'bad-price');
    assert.equal(refusal(() => book.settle({ symbol: A, result: 'yes', at: 'tomorrow' })), 'bad-time');
    assert.equal(book.markets().length, 0);
  });

  test('a fill for a settled market is refused', () => {
    const book = new PositionBook();
    book.apply(buy(A, '1', '0.50'));
    book.settle({ symbol: A, result: 'yes', at: '20261125-00:00:00' });
    const before = book.totals();
    assert.equal(refusal(() => book.apply(buy(A, '1', '0.50'))), 'fill-after-settlement');
    assert.deepEqual(book.totals(), before);
  });

  test('an unknown time zone is refused when the book is made', () => {
    assert.equal(refusal(() => new PositionBook({ timeZone: 'Mars/Olympus' })), 'bad-time-zone');
  });

  test('errors carry one plain sentence', () => {
    const e = new PositionError('fill-after-settlement', 'X');
    assert.match(e.message, /^A fill arrived for a market that has already settled\. \(X\)$/);
  });
});

describe('ExecID de-duplication', () => {
  test('a repeated ExecID is ignored by default', () => {
    const book = new PositionBook();
    const f = buy(A, '10', '0.42');
    assert.equal(book.apply(f), 'applied');
    assert.equal(book.apply({ ...f }), 'duplicate');
    assert.equal(t(book.market(A)?.position ?? null), '10');
    assert.equal(book.fillCount, 1);
  });

  test("with dedupe 'none' the caller's uniqueness is trusted", () => {
    const book = new PositionBook({ dedupe: 'none' });
    const f = buy(A, '10', '0.42');
    book.apply(f);
    book.apply(f);
    assert.equal(t(book.market(A)?.position ?? null), '20');
    assert.equal(book.fillCount, 2);
  });
});

describe('totals', () => {
  function tradedBook(timeZone?: string): PositionBook {
    const book = timeZone === undefined ? new PositionBook() : new PositionBook({ timeZone });
    book.apply(buy(A, '10', '0.40', { transactTime: '20261124-15:00:00', fee: '0.10' }));
    // 04:59:59 UTC on the 25th is 23:59:59 on the 24th in New York (EST, UTC−5).
    book.apply(sell(A, '10', '0.50', { transactTime: '20261125-04:59:59.999', fee: '0.10' })); // +1.00
    book.apply(buy(B, '2', '0.30', { transactTime: '20261125-05:00:00' }));
    book.apply(buy(C, '5', '0.20', { transactTime: Date.UTC(2026, 10, 25, 12) })); // epoch ms
    book.apply(sell(C, '1', '0.30')); // no TransactTime: +0.10, undated
    // 00:00 UTC on the 26th is 19:00 on the 25th in New York.
    book.settle({ symbol: B, result: 'yes', at: '20261126-00:00:00' }); // 2 − 0.60 = +1.40
    book.setMark(C, '0.25', 'dollars'); // C: 4 left at 0.20 → unrealized 4 × 0.05 = 0.20
    return book;
  }

  test('by event: markets grouped on the ticker without its last part', () => {
    const { all, byEvent } = tradedBook().totals();
    assert.deepEqual([...byEvent.keys()], ['KXHIGHNY-26NOV24', 'KXRAIN-26NOV']);
    const ny = byEvent.get('KXHIGHNY-26NOV24');
    assert.equal(ny?.markets, 2);
    assert.equal(t(ny?.realized ?? null), '2.4'); // 1.00 + 1.40
    assert.equal(t(ny?.fees ?? null), '0.2');
    assert.equal(t(ny?.net ?? null), '2.2');
    const rain = byEvent.get('KXRAIN-26NOV');
    assert.equal(t(rain?.realized ?? null), '0.1');
    assert.equal(t(rain?.unrealized ?? null), '0.2');
    assert.equal(all.markets, 3);
    assert.equal(t(all.net), '2.5'); // 2.2 + 0.1 + 0.2
  });

  test('by day in New York time by default', () => {
    const { byDay } = tradedBook().totals();
    assert.deepEqual([...byDay.keys()], ['2026-11-24', '2026-11-25', 'undated']);
    const d24 = byDay.get('2026-11-24');
    assert.equal(d24?.fills, 2);
    assert.equal(t(d24?.contracts ?? null), '20');
    assert.equal(t(d24?.notional ?? null), '9'); // 4.00 + 5.00
    assert.equal(t(d24?.realized ?? null), '1');
    assert.equal(t(d24?.net ?? null), '0.8');
    const d25 = byDay.get('2026-11-25');
    assert.equal(d25?.fills, 2);
    assert.equal(t(d25?.realized ?? null), '1.4'); // the settlement, at 19:00 New York time
    assert.equal(t(byDay.get('undated')?.realized ?? null), '0.1');
  });

  test('by day in UTC when asked', () => {
    const { byDay } = tradedBook('UTC').totals();
    assert.deepEqual([...byDay.keys()], ['2026-11-24', '2026-11-25', '2026-11-26', 'undated']);
    assert.equal(t(byDay.get('2026-11-24')?.realized ?? null), '0');
    assert.equal(t(byDay.get('2026-11-25')?.realized ?? null), '1');
    assert.equal(t(byDay.get('2026-11-26')?.realized ?? null), '1.4');
  });

  test('an eventOf override replaces the ticker heuristic', () => {
    const book = new PositionBook({ eventOf: () => 'ALL' });
    book.apply(buy(A, '1', '0.5'));
    book.apply(buy(C, '1', '0.5'));
    assert.deepEqual([...book.totals().byEvent.keys()], ['ALL']);
    assert.equal(book.market(C)?.event, 'ALL');
  });
});

describe('clone', () => {
  test('the copy and the original evolve independently', () => {
    const book = new PositionBook();
    book.apply(buy(A, '10', '0.42', { transactTime: '20261124-15:00:00' }));
    const copy = book.clone();
    const f = sell(A, '10', '0.50', { transactTime: '20261124-16:00:00' });
    copy.apply(f);
    assert.equal(t(book.market(A)?.position ?? null), '10');
    assert.equal(t(copy.market(A)?.realized ?? null), '0.8');
    assert.equal(book.totals().byDay.get('2026-11-24')?.fills, 1);
    assert.equal(copy.totals().byDay.get('2026-11-24')?.fills, 2);
    assert.equal(book.apply(f), 'applied'); // the copy's ExecID set is its own
    assert.deepEqual(book.totals(), copy.totals());
  });
});
