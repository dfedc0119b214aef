// An order's summary (shared/orders/order-summary.ts) counts the journal's fills exactly, averages them
// by quantity, reads the order's state from its newest report, and says when the fills fall short of
// (or exceed) the exchange's CumQty or their average is not its AvgPx. Checked by cases and against
// an independent model in rationals over random orders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readOrder, summarizeOrder, type OrderStep } from '../../shared/orders/order-summary.ts';

let nextRow = 1;
const step = (fields: Partial<OrderStep> & Pick<OrderStep, 'execType' | 'ordStatus' | 'cumQty' | 'leavesQty'>): OrderStep =>
  ({ rowId: nextRow++, eventAt: 1_000 + nextRow, lastQty: null, lastPx: null, avgPx: '0', ...fields });

test('ack, two partials and a fill: fills, quantity, the weighted average and the newest state', () => {
  const summary = summarizeOrder([
    step({ execType: '0', ordStatus: '0', cumQty: '0.00', leavesQty: '10.00' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '3.00', lastPx: '0.4200', cumQty: '3.00', leavesQty: '7.00', avgPx: '0.4200' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '2.50', lastPx: '0.4400', cumQty: '5.50', leavesQty: '4.50', avgPx: '0.4291' }),
    step({ execType: 'F', ordStatus: '2', lastQty: '4.50', lastPx: '0.4100', cumQty: '10.00', leavesQty: '0.00', avgPx: '0.4205' }),
  ]);
  // (3 × 0.42 + 2.5 × 0.44 + 4.5 × 0.41) / 10 = 4.205 / 10
  assert.deepEqual(summary, {
    fills: 3, filledQty: '10', averagePx: '0.4205', reportedCumQty: '10.00', openQty: '0.00', ordStatus: '2', reportedAvgPx: '0.4205',
    missingQty: null, excessQty: null, averageAgrees: true,
  });
});

test('an average that does not terminate rounds half-even at 6 places and agrees with AvgPx to its own places', () => {
  const summary = summarizeOrder([
    step({ execType: 'F', ordStatus: '1', lastQty: '1.00', lastPx: '0.4200', cumQty: '1.00', leavesQty: '2.00', avgPx: '0.4200' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '2.00', lastPx: '0.4300', cumQty: '3.00', leavesQty: '0.00', avgPx: '0.4267' }),
  ])!;
  assert.equal(summary.averagePx, '0.426667');
  assert.equal(summary.averageAgrees, true, 'truncated or rounded to 4 places, the exchange\'s 0.4267 is the same average');
  const off = summarizeOrder([
    step({ execType: 'F', ordStatus: '2', lastQty: '2.00', lastPx: '0.4300', cumQty: '2.00', leavesQty: '0.00', avgPx: '0.4400' }),
  ])!;
  assert.equal(off.averageAgrees, false);
});

test('fills the journal lacks (the order began before it) or has beyond CumQty are said, and the average is then not compared', () => {
  const late = summarizeOrder([
    step({ execType: 'F', ordStatus: '1', lastQty: '2.00', lastPx: '0.5000', cumQty: '6.00', leavesQty: '4.00', avgPx: '0.4800' }),
  ])!;
  assert.equal(late.missingQty, '4');
  assert.equal(late.excessQty, null);
  assert.equal(late.averageAgrees, null);
  const doubled = summarizeOrder([
    step({ execType: 'F', ordStatus: '1', lastQty: '2.00', lastPx: '0.5000', cumQty: '2.00', leavesQty: '1.00', avgPx: '0.5000' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '2.00', lastPx: '0.5000', cumQty: '2.00', leavesQty: '1.00', avgPx: '0.5000' }),
  ])!;
  assert.equal(doubled.excessQty, '2');
  assert.equal(doubled.missingQty, null);
});

test('state from the newest report by TransactTime, a later arrival winning a tie; no fills: no average', () => {
  const summary = summarizeOrder([
    { rowId: 2, eventAt: 5_000, execType: '4', ordStatus: '4', lastQty: null, lastPx: null, cumQty: '0', leavesQty: '0', avgPx: '0' },
    { rowId: 3, eventAt: 4_000, execType: '0', ordStatus: '0', lastQty: null, lastPx: null, cumQty: '0', leavesQty: '5', avgPx: '0' },
    { rowId: 1, eventAt: 5_000, execType: '0', ordStatus: '0', lastQty: null, lastPx: null, cumQty: '0', leavesQty: '5', avgPx: '0' },
  ])!;
  assert.equal(summary.ordStatus, '4', 'the cancel: same time as the ack, arrived later; the row after it is older');
  assert.equal(summary.fills, 0);
  assert.equal(summary.averagePx, null);
  assert.equal(summary.reportedAvgPx, null);
  assert.equal(summarizeOrder([]), null);
});

test('cents prices stay in cents; a zero-quantity trade report is not a fill', () => {
  const summary = summarizeOrder([
    step({ execType: 'F', ordStatus: '1', lastQty: '0', lastPx: '40', cumQty: '0', leavesQty: '5', avgPx: '0' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '1', lastPx: '41', cumQty: '1', leavesQty: '4', avgPx: '41' }),
    step({ execType: 'F', ordStatus: '1', lastQty: '1', lastPx: '44', cumQty: '2', leavesQty: '3', avgPx: '42.5' }),
  ])!;
  assert.equal(summary.fills, 2);
  assert.equal(summary.averagePx, '42.5');
  assert.equal(summary.averageAgrees, true);
});

test('random orders: quantity and average equal a model in exact rationals', () => {
  const qty = fc.integer({ min: 1, max: 100_000 }); // hundredths of a contract
  const px = fc.integer({ min: 1, max: 9_999 }); // ten-thousandths of a dollar
  fc.assert(fc.property(fc.array(fc.tuple(qty, px), { minLength: 1, maxLength: 30 }), (fills) => {
    let cum = 0;
    const steps = fills.map(([q, p]) => {
      cum += q;
      return step({ execType: 'F', ordStatus: '1', lastQty: (q / 100).toFixed(2), lastPx: (p / 10_000).toFixed(4), cumQty: (cum / 100).toFixed(2), leavesQty: '1.00', avgPx: '0.5000' });
    });
    const summary = summarizeOrder(steps)!;
    // Model: Σq·p / Σq in units of 10^-6, rounded half-even, with bigints.
    const totalQ = BigInt(cum);
    const notional = fills.reduce((n, [q, p]) => n + BigInt(q) * BigInt(p), 0n); // 10^-6 dollars·contracts
    const scaled = notional * 100n; // so that ÷ totalQ (10^-2) lands on 10^-6
    let average = scaled / totalQ;
    const rest = scaled % totalQ;
    if (rest * 2n > totalQ || (rest * 2n === totalQ && average % 2n === 1n)) average += 1n;
    const text = (Number(average) / 1e6).toFixed(6).replace(/\.?0+$/, '');
    assert.equal(summary.fills, fills.length);
    assert.equal(summary.filledQty, (cum / 100).toFixed(2).replace(/\.?0+$/, ''));
    assert.equal(summary.averagePx, text);
    assert.equal(summary.missingQty, null);
  }), { numRuns: 300 });
});

test('a stored decimal that does not read: the view is told why, nothing is added up wrongly', () => {
  const steps = [step({ execType: 'F', ordStatus: '1', lastQty: '2.0.0', lastPx: '0.5000', cumQty: '2.00', leavesQty: '1.00', avgPx: '0.5000' })];
  assert.throws(() => summarizeOrder(steps));
  const read = readOrder(steps);
  assert.ok(read !== null && 'unreadable' in read && /2\.0\.0/.test(read.unreadable), JSON.stringify(read));
  assert.equal(readOrder([]), null);
  assert.equal((readOrder([step({ execType: '0', ordStatus: '0', cumQty: '0', leavesQty: '1' })]) as { fills: number }).fills, 0);
});
