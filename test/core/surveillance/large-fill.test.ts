// Rule 2, large fill / large order: exact alerts for a hand-built stream: an order ack at or above
// the order thresholds (contracts, or dollars at its limit price, a sell costing 1 − p), a fill at or
// above the fill thresholds, one alert per order (its later large fills add none), a new episode for
// a new order, and thresholds switched off with null.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, ack, at, cites, expected, fill, only } from './stream.ts';

const M = 'KXFED-26DEC-T4.25';
const params = { fillContracts: '500', fillNotional: '300', orderContracts: '1000', orderNotional: '450' };

describe('large-fill', () => {
  test('large orders and fills, one alert per order', () => {
    const alerts = new SurveillanceEngine(only({ largeFill: params })).processAll([
      ack({ execId: '2;1', order: 'o-big', qty: '1000', price: '0.30', at: 1 }), // 1,000 contracts: large order
      fill({ execId: '2;2', order: 'o-big', qty: '600', px: '0.30', at: 2, ordStatus: '1', leaves: '400', cum: '600' }), // large, same order: no alert
      fill({ execId: '2;3', order: 'o-big', qty: '400', px: '0.30', at: 3, ordStatus: '2', cum: '1000' }), // done: episode ends
      ack({ execId: '2;4', order: 'o-sell', side: '2', qty: '600', price: '0.20', at: 4 }), // sells Yes: 600 × $0.80 = $480 ≥ $450
      ack({ execId: '2;5', order: 'o-small', qty: '100', price: '0.20', at: 5 }),
      fill({ execId: '2;6', order: 'o-small', qty: '100', px: '0.20', at: 6 }), // $20: small
      fill({ execId: '2;7', order: 'o-499', qty: '499', px: '0.61', at: 7 }), // 499 contracts, $304.39 ≥ $300
      fill({ execId: '2;8', order: 'o-500', side: '2', qty: '500', px: '0.99', at: 8 }), // 500 contracts (cost $5)
    ]);
    assert.deepEqual(alerts, [
      expected('large-fill', `${A}/o-big@2;1`, {
        severity: 'medium', accountIds: [A], market: M, raisedAt: at(1), title: 'Large order',
        text: `${A} placed an order to buy 1,000 Yes of ${M} at $0.30 ($300.00 at cost) (order o-big).`, evidence: cites(A, ['2;1'], ['o-big']),
      }),
      expected('large-fill', `${A}/o-sell@2;4`, {
        severity: 'medium', accountIds: [A], market: M, raisedAt: at(4), title: 'Large order',
        text: `${A} placed an order to sell 600 Yes of ${M} at $0.20 ($480.00 at cost) (order o-sell).`, evidence: cites(A, ['2;4'], ['o-sell']),
      }),
      expected('large-fill', `${A}/o-499@2;7`, {
        severity: 'medium', accountIds: [A], market: M, raisedAt: at(7), title: 'Large fill',
        text: `${A} bought 499 Yes of ${M} at $0.61, $304.39 at cost, in one fill (order o-499).`, evidence: cites(A, ['2;7'], ['o-499']),
      }),
      expected('large-fill', `${A}/o-500@2;8`, {
        severity: 'medium', accountIds: [A], market: M, raisedAt: at(8), title: 'Large fill',
        text: `${A} sold 500 Yes (bought No) of ${M} at $0.99, $5.00 at cost, in one fill (order o-500).`, evidence: cites(A, ['2;8'], ['o-500']),
      }),
    ]);
  });

  test('a null threshold is off', () => {
    const alerts = new SurveillanceEngine(only({ largeFill: { fillContracts: null, fillNotional: null, orderContracts: null, orderNotional: null } })).processAll([
      ack({ execId: '3;1', qty: '100000', price: '0.50' }),
      fill({ execId: '3;2', qty: '100000', px: '0.50' }),
    ]);
    assert.deepEqual(alerts, []);
  });
});
