// Rule 8, daily loss and activity caps: exact alerts for one account's day in New York time: the
// loss warning at 50% of the limit (exact: fees count), the breach, the fill cap and the order cap once
// each, and a new day starting afresh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, ack, at, cites, expected, fill, only } from './stream.ts';

describe('daily-caps', () => {
  test('loss warning, breach, fill and order caps; the next day afresh', () => {
    const alerts = new SurveillanceEngine(only({ dailyCaps: { lossLimit: '100', warnPercent: 50, maxFills: 3, maxOrders: 2 } })).processAll([
      fill({ execId: '9;1', qty: '200', px: '0.50', at: 1 }),
      fill({ execId: '9;2', side: '2', qty: '200', px: '0.20', at: 2, fee: '0.07' }), // −60 − 0.07
      fill({ execId: '9;3', qty: '100', px: '0.60', at: 3 }), // third fill: the cap
      fill({ execId: '9;4', side: '2', qty: '100', px: '0.10', at: 4 }), // −50 more: −110.07
      fill({ execId: '9;5', qty: '100', px: '0.10', at: 5 }),
      ack({ execId: '9;6', qty: '1', price: '0.50', at: 6 }),
      ack({ execId: '9;7', qty: '1', price: '0.50', at: 7 }), // second order: the cap
      ack({ execId: '9;8', qty: '1', price: '0.50', at: 8 }),
      fill({ execId: '9;9', qty: '100', px: '0.60', at: 86_400 }), // 2026-11-25: 200 held, basis $70
      fill({ execId: '9;10', side: '2', qty: '200', px: '0.05', at: 86_401 }), // −60: warning again, new day
    ]);
    const day = (execId: string, seconds: number, key: string, rest: { severity: string; title: string; text: string }, date = '2026-11-24') =>
      expected('daily-caps', `${A}/${date}/${key}@${execId}`, { ...rest, accountIds: [A], market: null, raisedAt: at(seconds), evidence: cites(A, [execId]) });
    assert.deepEqual(alerts, [
      day('9;2', 2, 'loss-warn', { severity: 'medium', title: 'Daily loss 50% of limit', text: `${A}'s net P&L on 2026-11-24 is -$60.07 (realized − fees), 60% of its $100.00 daily loss limit.` }),
      day('9;3', 3, 'fills', { severity: 'high', title: 'Daily fill cap reached', text: `${A} reached 3 fills on 2026-11-24, its daily cap: a runaway-bot indicator.` }),
      day('9;4', 4, 'loss-breach', { severity: 'high', title: 'Daily loss limit exceeded', text: `${A}'s net P&L on 2026-11-24 is -$110.07 (realized − fees), 110% of its $100.00 daily loss limit.` }),
      day('9;7', 7, 'orders', { severity: 'high', title: 'Daily order cap reached', text: `${A} reached 2 new orders on 2026-11-24, its daily cap: a runaway-bot indicator.` }),
      day('9;10', 86_401, 'loss-warn', { severity: 'medium', title: 'Daily loss 50% of limit', text: `${A}'s net P&L on 2026-11-25 is -$60.00 (realized − fees), 60% of its $100.00 daily loss limit.` }, '2026-11-25'),
    ]);
  });
});
