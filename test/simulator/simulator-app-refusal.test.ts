// A listener may send nothing but session messages. Every application message (orders, cancels,
// mass cancels, quotes, or a type nobody knows) is answered with BusinessMessageReject 380=6 and a
// Logout, the connection closes, and the attempt is on the simulator's record.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { accountA } from './support/fixtures.ts';
import { startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ totalReports: 3 });
});
after(() => h.stop());

const attempts: Array<[string, string]> = [
  [MsgType.NewOrderSingle, 'NewOrderSingle (35=D)'],
  [MsgType.OrderCancelRequest, 'OrderCancelRequest (35=F)'],
  [MsgType.OrderCancelReplaceRequest, 'OrderCancelReplaceRequest (35=G)'],
  [MsgType.OrderMassCancelRequest, 'OrderMassCancelRequest (35=q)'],
  [MsgType.QuoteRequest, 'QuoteRequest (35=R)'],
  ['ZZ', '35=ZZ'],
];

describe('application messages from a listener', () => {
  for (const [msgType, label] of attempts) {
    test(`${label} is rejected, logged and the connection closed`, async () => {
      const before = h.simulator.refusedApplicationMessages.length;
      const client = await h.logon(accountA());
      // The account's 3 ERs stream to the first of these connections only: the stream is per account.
      client.send(msgType, [[Tag.ClOrdID, 'cl-evil-1'], [Tag.Symbol, 'KXHIGHNY-26NOV24-B52.5'], [Tag.Side, '1'], [Tag.OrderQty, '1.00']]);
      const reject = await client.waitForType(MsgType.BusinessMessageReject);
      assert.equal(reject.get(Tag.BusinessRejectReason), '6');
      assert.equal(reject.get(Tag.RefMsgType), msgType);
      assert.equal(reject.get(Tag.RefSeqNum), '2');
      assert.equal(reject.get(Tag.BusinessRejectRefID), 'cl-evil-1');
      assert.equal(reject.get(Tag.Text), `Listener session cannot send ${label}`);
      const logout = await client.waitForType(MsgType.Logout);
      assert.equal(logout.get(Tag.Text), `Listener session cannot send ${label}`);
      assert.ok(logout.msgSeqNum > reject.msgSeqNum);
      await client.waitForClose();
      const recorded = h.simulator.refusedApplicationMessages.slice(before);
      assert.equal(recorded.length, 1);
      assert.equal(recorded[0]!.msgType, msgType);
      assert.equal(recorded[0]!.apiKeyId, accountA().apiKeyId);
      assert.match(recorded[0]!.display, /11=cl-evil-1\|/);
    });
  }

  test('session messages are not application messages: nothing is recorded for them', async () => {
    const before = h.simulator.refusedApplicationMessages.length;
    const client = await h.logon(accountA());
    client.send(MsgType.Heartbeat, []);
    client.send(MsgType.TestRequest, [[Tag.TestReqID, 'ping']]);
    await client.waitFor((m) => m.msgType === MsgType.Heartbeat && m.get(Tag.TestReqID) === 'ping', 'Heartbeat(112=ping)');
    assert.equal(h.simulator.refusedApplicationMessages.length, before);
    assert.ok(!client.isClosed);
    client.close();
    await client.closed;
  });
});
