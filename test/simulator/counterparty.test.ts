// The counterparty stream (issue 13's wash-trade scenario): report by report the other account's,
// with the side flipped, the same ExecID, TrdMatchID, price, quantity and time, the maker/taker flag
// reversed and the opposite position; and the cancel-storm mix cancels far more than it trades, while
// the default mix's stream is unchanged by the option existing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExecutionReportGenerator } from '../../electron/simulator/er-generator.ts';
import { CounterpartyGenerator } from '../../electron/simulator/counterparty.ts';

test('a counterparty mirrors every order and trade', () => {
  const mine = new ExecutionReportGenerator({ seed: 5 }).take(300);
  const theirs = new CounterpartyGenerator({ seed: 5 }).take(300);
  assert.equal(theirs.length, 300);
  for (let i = 0; i < 300; i++) {
    const a = mine[i]!;
    const b = theirs[i]!;
    assert.deepEqual([b.execId, b.transactTimeMs, b.kind, b.order.symbol, b.order.pricePips, b.order.cumQty], [a.execId, a.transactTimeMs, a.kind, a.order.symbol, a.order.pricePips, a.order.cumQty]);
    assert.notEqual(b.order.side, a.order.side);
    assert.notEqual(b.order.orderId, a.order.orderId);
    if (a.trade !== undefined) {
      assert.equal(b.trade!.trdMatchId, a.trade.trdMatchId);
      assert.equal(b.trade!.aggressor, !a.trade.aggressor);
      assert.deepEqual(b.trade!.position, { long: a.trade.position.short, short: a.trade.position.long });
    }
  }
});

test('the cancel-storm mix cancels far more than it fills; the default mix is the stream it always was', () => {
  const storm = new ExecutionReportGenerator({ seed: 9, mix: 'cancel-storm' }).take(500);
  const count = (kind: string) => storm.filter((r) => r.kind === kind).length;
  assert.ok(count('cancel') > 5 * count('trade'), `${count('cancel')} cancels, ${count('trade')} trades`);
  assert.deepEqual(new ExecutionReportGenerator({ seed: 9, mix: 'default' }).take(50), new ExecutionReportGenerator({ seed: 9 }).take(50));
});
