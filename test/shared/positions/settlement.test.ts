// Golden settlement examples (kalshi-fix.md §4.2, §6): Yes pays $1, No pays $1 per No, scalar pays
// 730/100 per Yes; the PAYOUT (1704) is net of the settlement fee (137).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import type { Settlement } from '../../../shared/positions/fill.ts';
import type { MarketPnl } from '../../../shared/positions/market-ledger.ts';
import { add } from '../../../shared/decimal.ts';
import { assertCashIdentity, buy, sell, t } from './support.ts';

const M = 'KXHIGHNY-26NOV24-B52.5';
const AT = '20261125-15:00:00';

function settled(book: PositionBook, s: Partial<Settlement> & Pick<Settlement, 'result'>): MarketPnl {
  assert.equal(book.settle({ symbol: M, at: AT, ...s }), 'applied');
  const m = book.market(s.symbol ?? M);
  assert.ok(m);
  assertCashIdentity(m);
  return m;
}

describe('settlement', () => {
  test('Yes result: each Yes pays $1', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42', { fee: '0.02', balanceDelta: '-4.22' }));
    const m = settled(book, { result: 'yes', settlementPriceCents: '100.00', payout: '10.00', fee: '0.00', longQty: '10.00', shortQty: '0.00' });
    assert.equal(t(m.realized), '5.8'); // 10 × 1 − 4.20
    assert.equal(t(m.net), '5.78'); // − the 0.02 trade fee
    assert.equal(t(m.position), '0');
    assert.equal(t(m.mark), '1');
    assert.equal(m.markSource, 'settlement');
    assert.equal(t(m.cash), '5.78'); // −4.20 − 0.02 + 10
    assert.equal(t(m.reportedBalance), '5.78'); // −4.22 + 10.00
    assert.equal(t(m.balanceModel), '5.78');
    assert.equal(t(m.settlement?.grossPayout ?? null), '10');
    assert.equal(t(m.settlement?.position ?? null), '10');
    assert.equal(t(m.settlement?.reportedPosition ?? null), '10');
  });

  test('No result with No held (sold Yes): each No pays $1', () => {
    const book = new PositionBook();
    book.apply(sell(M, '10', '0.42')); // 10 No bought at 0.58 = 5.80
    assert.equal(t(book.market(M)?.balanceModel ?? null), '-5.8'); // 4.20 − 10 collateral
    const m = settled(book, { result: 'no', payout: '10.00' });
    assert.equal(t(m.realized), '4.2'); // 10 × 1 − 5.80 in No terms; 0 − (−4.20) in Yes terms
    assert.equal(t(m.settlement?.grossPayout ?? null), '10');
    assert.equal(t(m.balanceModel), '4.2'); // −5.80 + 10.00
  });

  test('No result with Yes held: the Yes expire worthless', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42'));
    const m = settled(book, { result: 'no', settlementPriceCents: '0' });
    assert.equal(t(m.realized), '-4.2');
    assert.equal(t(m.settlement?.grossPayout ?? null), '0');
    assert.equal(m.settlement?.reportedPayout, null);
    assert.equal(m.settlement?.reportedPosition, null);
  });

  test('scalar: 100.01 Yes at 30.60¢ pay $30.60306 before the fee', () => {
    const book = new PositionBook();
    book.apply(buy(M, '100.01', '0.25')); // basis 25.0025
    const m = settled(book, { result: 'scalar', settlementPriceCents: '30.60', payout: '30.6030', fee: '0.00006' });
    const s = m.settlement;
    assert.ok(s);
    assert.equal(t(s.yesValue), '0.306');
    assert.equal(t(s.grossPayout), '30.60306'); // 100.01 × 0.3060, kalshi-fix.md §6
    assert.equal(t(add(s.reportedPayout ?? s.grossPayout, s.fee)), t(s.grossPayout)); // 1704 + 137 = pre-fee value
    assert.equal(t(m.realized), '5.60056'); // 30.60306 − 25.0025
    assert.equal(t(m.fees), '0.00006');
    assert.equal(t(m.net), '5.6005');
  });

  test('scalar with No held pays (100 − 730)/100 per No (presumed, §6)', () => {
    const book = new PositionBook();
    book.apply(sell(M, '10', '0.40')); // 10 No at 0.60, basis −4.00
    const m = settled(book, { result: 'scalar', settlementPriceCents: '30.60' });
    assert.equal(t(m.settlement?.grossPayout ?? null), '6.94'); // 10 × (1 − 0.306)
    assert.equal(t(m.realized), '0.94'); // 6.94 − 6.00 in No terms; −3.06 + 4.00 in Yes terms
  });

  test('a market settled without fills here is booked flat, keeping the reported payout', () => {
    const book = new PositionBook();
    const m = settled(book, { symbol: 'KXRAIN-26NOV-T1', result: 'yes', payout: '3.00', longQty: '3' });
    assert.equal(t(m.realized), '0');
    assert.equal(t(m.settlement?.grossPayout ?? null), '0');
    assert.equal(t(m.settlement?.reportedPayout ?? null), '3'); // visible as a reconciliation gap
    assert.equal(t(m.settlement?.reportedPosition ?? null), '3');
    assert.equal(t(m.settlement?.position ?? null), '0');
  });

  test('a second report for the same market is a duplicate and changes nothing', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42'));
    settled(book, { result: 'yes' });
    const before = book.totals();
    assert.equal(book.settle({ symbol: M, result: 'no', at: AT }), 'duplicate');
    assert.deepEqual(book.totals(), before);
  });

  test('marks are ignored once settled', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42'));
    settled(book, { result: 'yes' });
    book.setMark(M, '0.10', 'dollars');
    assert.equal(t(book.market(M)?.mark ?? null), '1');
  });
});
