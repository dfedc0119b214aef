// Golden examples of the average-cost ledger, arithmetic worked out by hand in the comments.
// Fees are 0 unless a test is about fees, so the P&L numbers stay readable.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PositionBook } from '../../../shared/positions/position-book.ts';
import type { MarketPnl } from '../../../shared/positions/market-ledger.ts';
import { assertCashIdentity, buy, sell, t } from './support.ts';

const M = 'KXHIGHNY-26NOV24-B52.5';

function marketOf(book: PositionBook, symbol = M): MarketPnl {
  const m = book.market(symbol);
  assert.ok(m, `market ${symbol}`);
  assertCashIdentity(m);
  return m;
}

describe('average cost', () => {
  test('buy 10 @0.42, sell 4 @0.50: realizes 0.32 and keeps 6 at 0.42', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42', { fee: '0.02' }));
    book.apply(sell(M, '4', '0.50', { fee: '0.02' }));
    const m = marketOf(book);
    assert.equal(t(m.position), '6');
    assert.equal(m.heldSide, 'yes');
    assert.equal(t(m.costBasis), '2.52'); // 4.20 − 4 × 0.42
    assert.equal(t(m.avgEntryPrice), '0.42');
    assert.equal(t(m.realized), '0.32'); // 4 × (0.50 − 0.42)
    assert.equal(t(m.mark), '0.5'); // last fill
    assert.equal(m.markSource, 'last-fill');
    assert.equal(t(m.unrealized), '0.48'); // 6 × 0.50 − 2.52
    assert.equal(t(m.fees), '0.04');
    assert.equal(t(m.net), '0.76'); // 0.32 + 0.48 − 0.04
    assert.equal(t(m.cash), '-2.24'); // −4.20 + 2.00 − 0.04
    assert.equal(t(m.boughtQty), '10');
    assert.equal(t(m.soldQty), '4');
    assert.equal(m.fills, 2);
  });

  test('two buys average, then a partial and a full close', () => {
    const book = new PositionBook();
    book.apply(buy(M, '3', '0.40')); // 1.20
    book.apply(buy(M, '1', '0.45')); // 0.45 → basis 1.65 for 4, avg 0.4125
    assert.equal(t(marketOf(book).avgEntryPrice), '0.4125');
    book.apply(sell(M, '1', '0.50')); // removes 1.65/4 = 0.4125 → realized 0.0875
    let m = marketOf(book);
    assert.equal(t(m.realized), '0.0875');
    assert.equal(t(m.costBasis), '1.2375');
    assert.equal(t(m.avgEntryPrice), '0.4125'); // average cost does not move on a sale
    book.apply(sell(M, '3', '0.30')); // removes all 1.2375 → realized 0.90 − 1.2375 = −0.3375
    m = marketOf(book);
    assert.equal(t(m.realized), '-0.25'); // = the round trip's cash: −1.20 − 0.45 + 0.50 + 0.90
    assert.equal(t(m.position), '0');
    assert.equal(t(m.costBasis), '0');
    assert.equal(m.avgEntryPrice, null);
    assert.equal(m.heldSide, null);
    assert.equal(t(m.unrealized), '0');
  });

  test('a basis share that needs rounding keeps the residue until the position closes', () => {
    const book = new PositionBook();
    book.apply(buy(M, '1', '0.01'));
    book.apply(buy(M, '2', '0.02')); // basis 0.05 for 3
    book.apply(sell(M, '1', '0.02')); // removes 0.05/3 = 0.01666… → 0.016667 (half-even)
    let m = marketOf(book);
    assert.equal(t(m.realized), '0.003333'); // 0.02 − 0.016667
    assert.equal(t(m.costBasis), '0.033333');
    assert.equal(t(m.avgEntryPrice), '0.016666'); // 0.0166665, a tie, to even
    book.apply(sell(M, '2', '0.02')); // removes the whole 0.033333 → realized 0.04 − 0.033333
    m = marketOf(book);
    assert.equal(t(m.realized), '0.01'); // exactly the cash: −0.05 + 0.06, no residue left over
    assert.equal(t(m.costBasis), '0');
  });

  test('flip from long Yes to long No realizes the closed part and opens the rest at the fill price', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '0.42')); // basis 4.20
    book.apply(sell(M, '15', '0.60')); // close 10: 6.00 − 4.20 = 1.80; open 5 No ≡ −5 Yes at 0.60
    let m = marketOf(book);
    assert.equal(t(m.realized), '1.8');
    assert.equal(t(m.position), '-5');
    assert.equal(m.heldSide, 'no');
    assert.equal(t(m.costBasis), '-3'); // received 5 × 0.60 for the Yes sold
    assert.equal(t(m.avgEntryPrice), '0.4'); // a No bought at 1 − 0.60
    assert.equal(t(m.unrealized), '0'); // marked at its own price
    assert.equal(t(m.cash), '4.8'); // −4.20 + 15 × 0.60
    // Kalshi's balance: −4.20 + 10 × 0.60 − 5 × 0.40 (No bought as collateral) = −0.20
    assert.equal(t(m.balanceModel), '-0.2');

    book.setMark(M, '0.70', 'dollars'); // Yes up 0.10: the No holder is down 5 × 0.10
    m = marketOf(book);
    assert.equal(t(m.unrealized), '-0.5');
    assert.equal(m.markSource, 'external');

    book.apply(buy(M, '5', '0.70')); // closes the No: −3.50 − (−3.00) = −0.50
    m = marketOf(book);
    assert.equal(t(m.realized), '1.3');
    assert.equal(t(m.position), '0');
    assert.equal(t(m.unrealized), '0');
    assert.equal(t(m.balanceModel), t(m.cash)); // no No held, no collateral difference
  });

  test('flip from long No to long Yes', () => {
    const book = new PositionBook();
    book.apply(sell(M, '4', '0.30')); // 4 No at 0.70, basis −1.20
    book.apply(buy(M, '10', '0.35')); // close 4 No: −1.40 + 1.20 = −0.20 (No bought 0.70, sold 0.65)
    const m = marketOf(book);
    assert.equal(t(m.realized), '-0.2');
    assert.equal(t(m.position), '6');
    assert.equal(t(m.costBasis), '2.1'); // 6 × 0.35
    assert.equal(t(m.avgEntryPrice), '0.35');
  });

  test('fractional contracts at a sub-cent price, with the estimated taker fee', () => {
    const book = new PositionBook();
    book.apply(buy(M, '2.5', '0.4150', { fee: undefined })); // notional 1.0375
    let m = marketOf(book);
    // 0.07 × 2.5 × 0.415 × 0.585 = 0.042485625 → rounded up to $0.0001 = 0.0425
    assert.equal(t(m.fees), '0.0425');
    assert.equal(t(m.estimatedFees), '0.0425');
    assert.equal(t(m.cash), '-1.08'); // −1.0375 − 0.0425
    book.apply(sell(M, '1.25', '0.4200', { fee: '0.01' })); // reported fee: used as is
    m = marketOf(book);
    assert.equal(t(m.realized), '0.00625'); // 0.525 − 1.0375 × 1.25/2.5 (= 0.51875)
    assert.equal(t(m.fees), '0.0525');
    assert.equal(t(m.estimatedFees), '0.0425');
    assert.equal(t(m.position), '1.25');
  });

  test('a reported fee of zero is zero, not an estimate', () => {
    const book = new PositionBook();
    book.apply(buy(M, '100', '0.50', { fee: '0.00' }));
    const m = marketOf(book);
    assert.equal(t(m.fees), '0');
    assert.equal(t(m.estimatedFees), '0');
  });

  test('prices in whole or fractional cents', () => {
    const book = new PositionBook();
    book.apply(buy(M, '10', '42', { priceUnit: 'cents' })); // 4.20
    book.apply(buy(M, '2', '72.5', { priceUnit: 'cents' })); // 1.45 → basis 5.65 for 12
    book.apply(sell(M, '12', '55', { priceUnit: 'cents' })); // 6.60 − 5.65
    const m = marketOf(book);
    assert.equal(t(m.realized), '0.95');
    assert.equal(t(m.mark), '0.55');
  });

  test('checks its running position against 704/705 and sums the 1704 balance deltas', () => {
    const book = new PositionBook();
    book.apply(buy(M, '4', '0.42', { longQty: '4.00', shortQty: '0.00', balanceDelta: '-1.70' }));
    book.apply(sell(M, '6', '0.40', { longQty: '0.00', shortQty: '2.00', balanceDelta: '1.18' }));
    book.apply(buy(M, '1', '0.40', { longQty: '5.00', shortQty: '0' })); // we say −1: mismatch
    const m = marketOf(book);
    assert.equal(t(m.serverPosition), '5');
    assert.equal(m.positionMismatches, 1);
    assert.equal(t(m.reportedBalance), '-0.52'); // −1.70 + 1.18
    assert.equal(m.fillsWithoutBalance, 1);
  });
});
