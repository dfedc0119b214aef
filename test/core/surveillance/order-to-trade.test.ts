// Rule 5, order-to-trade / cancel rate: exact alerts for a cancel storm in a sliding window: the
// episode opens when cancels reach minCancels and maxCancelPercent of the orders, stays one alert while
// it holds, ends once the window has emptied, and a second storm is a second alert. The evidence cites
// the window's newest orders and cancels.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine, type ExecutionInput } from '../../../electron/core/surveillance/index.ts';
import { A, ack, at, cancel, expected, fill, only } from './stream.ts';

const order = (n: number, execId: string, seconds: number) => ack({ execId, order: `o${n}`, qty: '1', price: '0.50', at: seconds });
const cancelOf = (n: number, execId: string, seconds: number) => cancel({ execId, order: `o${n}`, at: seconds });
const cited = (execIds: string[]) => execIds.map((execId) => ({ accountId: A, execId }));

describe('order-to-trade', () => {
  test('a cancel storm, its end, and a second storm', () => {
    const stream: ExecutionInput[] = [
      order(1, '6;1', 0), order(2, '6;2', 1), order(3, '6;3', 2), order(4, '6;4', 3), order(5, '6;5', 4),
      fill({ execId: '6;6', order: 'o1', qty: '1', px: '0.50', at: 5 }),
      cancelOf(2, '6;7', 6), cancelOf(3, '6;8', 7), cancelOf(4, '6;9', 8), cancelOf(5, '6;10', 9), // 4 cancels of 5 orders: storm
      order(6, '6;11', 12), // still 4 cancels ≥ 75% of 3 orders: the same episode
      order(7, '6;12', 20), // the window (10 s) has no cancel left: the episode ends
      cancelOf(6, '6;13', 21), cancelOf(7, '6;14', 22), order(8, '6;15', 23), cancelOf(8, '6;16', 24), order(9, '6;17', 25),
      cancelOf(9, '6;18', 26), // 4 cancels again: a second storm
    ];
    const alerts = new SurveillanceEngine(only({ orderToTrade: { windowSeconds: 10, minOrders: 50, maxOrdersPerFill: 20, minCancels: 4, maxCancelPercent: 75 } })).processAll(stream);
    assert.deepEqual(alerts, [
      expected('order-to-trade', `${A}@6;10`, {
        severity: 'medium', accountIds: [A], market: null, raisedAt: at(9), title: 'Cancel storm',
        text: `${A} sent 5 orders and 4 cancels against 1 fill within 10 s (5 orders per fill, 80% of the orders cancelled).`,
        evidence: {
          executions: cited(['6;10', '6;9', '6;8', '6;7', '6;5', '6;4', '6;3', '6;2', '6;1']), orderIds: ['o5', 'o4', 'o3', 'o2', 'o1'],
          note: 'The newest 9 orders and cancels of the window are cited.',
        },
      }),
      expected('order-to-trade', `${A}@6;18`, {
        severity: 'medium', accountIds: [A], market: null, raisedAt: at(26), title: 'Cancel storm',
        text: `${A} sent 3 orders and 4 cancels against 0 fills within 10 s (no fill, 133% of the orders cancelled).`,
        evidence: {
          executions: cited(['6;18', '6;17', '6;16', '6;15', '6;14', '6;13', '6;12']), orderIds: ['o9', 'o8', 'o7', 'o6'],
          note: 'The newest 7 orders and cancels of the window are cited.',
        },
      }),
    ]);
  });

  test('many orders and few fills: a high order-to-trade ratio', () => {
    const stream: ExecutionInput[] = [];
    for (let i = 1; i <= 6; i++) stream.push(order(i, `7;${i}`, i));
    const alerts = new SurveillanceEngine(only({ orderToTrade: { minOrders: 6, maxOrdersPerFill: 5 } })).processAll(stream);
    assert.deepEqual(alerts.map((a) => [a.episodeKey, a.title, a.text]), [
      [`${A}@7;6`, 'High order-to-trade ratio', `${A} sent 6 orders and 0 cancels against 0 fills within 60 s (no fill, 0% of the orders cancelled).`],
    ]);
  });
});
