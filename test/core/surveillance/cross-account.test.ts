// Rule 4, cross-account: exact alerts when two watched accounts are on both sides of one trade: the
// same TrdMatchID(880) on both fills, or opposite fills at the same price within the window; one alert
// per pair and market per episode (ended by quietSeconds without a match); fills of one account
// against itself, or too far apart, raise nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, B, at, expected, fill, only } from './stream.ts';

const M = 'KXFED-26DEC-T4.25';
const M2 = 'KXFED-26DEC-T4.50';

describe('cross-account', () => {
  test('same TrdMatchID, then opposite fills at one price within 5 s once the episode went quiet', () => {
    const alerts = new SurveillanceEngine(only({ crossAccount: { oppositeWithinSeconds: 5, quietSeconds: 300 } })).processAll([
      // Both sides of one trade carry the same ExecID at Kalshi; each account stores its own.
      fill({ execId: '5;1', order: 'a-1', qty: '10', px: '0.40', at: 1, trdMatchId: 'tm-1' }),
      fill({ account: B, execId: '5;1', order: 'b-1', side: '2', qty: '10', px: '0.40', at: 1, trdMatchId: 'tm-1' }),
      fill({ execId: '5;2', order: 'a-2', qty: '5', px: '0.55', at: 100 }),
      fill({ account: B, execId: '5;3', order: 'b-3', side: '2', qty: '5', px: '0.55', at: 103 }), // a match, same episode
      fill({ execId: '5;4', order: 'a-4', symbol: M2, side: '2', qty: '3', px: '0.20', at: 200 }),
      fill({ account: B, execId: '5;5', order: 'b-5', symbol: M2, qty: '3', px: '0.20', at: 210 }), // 10 s apart: no
      fill({ execId: '5;7', order: 'a-7', qty: '7', px: '0.30', at: 500 }),
      fill({ account: B, execId: '5;8', order: 'b-8', side: '2', qty: '7', px: '0.30', at: 502 }), // 399 s after the last match: new episode
      fill({ execId: '5;9', order: 'a-9', side: '2', qty: '7', px: '0.30', at: 503 }), // A against itself: no
    ]);
    assert.deepEqual(alerts, [
      expected('cross-account', `${A}+${B}/${M}@5;1`, {
        severity: 'high', accountIds: [A, B], market: M, raisedAt: at(1), title: 'Cross-account trade',
        text: `${A} bought 10 Yes at $0.40 and ${B} sold 10 Yes at $0.40 in ${M}, one trade (TrdMatchID tm-1): a possible wash trade.`,
        evidence: { executions: [{ accountId: A, execId: '5;1' }, { accountId: B, execId: '5;1' }], orderIds: ['a-1', 'b-1'] },
      }),
      expected('cross-account', `${A}+${B}/${M}@5;8`, {
        severity: 'high', accountIds: [A, B], market: M, raisedAt: at(502), title: 'Cross-account trade',
        text: `${A} bought 7 Yes at $0.30 and ${B} sold 7 Yes at $0.30 in ${M}, at the same price within 2 s: a possible wash trade.`,
        evidence: { executions: [{ accountId: A, execId: '5;7' }, { accountId: B, execId: '5;8' }], orderIds: ['a-7', 'b-8'] },
      }),
    ]);
  });

  test('only watched accounts: a pair with an unwatched account raises nothing', () => {
    const alerts = new SurveillanceEngine(only({ crossAccount: { accounts: [A] } })).processAll([
      fill({ execId: '6;1', qty: '10', px: '0.40', at: 1, trdMatchId: 'tm-2' }),
      fill({ account: B, execId: '6;1', side: '2', qty: '10', px: '0.40', at: 1, trdMatchId: 'tm-2' }),
    ]);
    assert.deepEqual(alerts, []);
  });
});
