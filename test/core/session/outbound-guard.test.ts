import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import { OutboundGuard, readMsgType, type OutboundRefusedError } from '../../../electron/core/session/outbound-guard.ts';
import { ADMIN_MSG_TYPES, type AdminMessage } from '../../../electron/core/session/admin-messages.ts';
import { encodeAdminMessageNow } from '../../../electron/core/session/admin-encoder.ts';
import { makeSessionConfig } from '../../../electron/core/session/session-config.ts';
import { API_KEY_ID } from '../../support/fix-builders.ts';

function frame(msgType: string, body: Array<[number, string]> = []): Buffer {
  return encodeMessage({ msgType, senderCompId: API_KEY_ID, targetCompId: 'KalshiRT', msgSeqNum: 7, sendingTime: '20261124-14:05:09.123' }, body);
}

function harness() {
  const written: Buffer[] = [];
  const refused: OutboundRefusedError[] = [];
  const guard = new OutboundGuard({ write: (b) => written.push(b) }, (e) => refused.push(e));
  return { guard, written, refused };
}

describe('outbound guard: Fillwatch is read-only by construction', () => {
  test('every admin message the session can build goes through', () => {
    const config = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiRT' });
    const all: AdminMessage[] = [
      { type: 'Logon', resetSeqNum: true }, { type: 'Heartbeat' }, { type: 'Heartbeat', testReqId: 'x' },
      { type: 'TestRequest', testReqId: 'y' }, { type: 'ResendRequest', beginSeqNo: 3, endSeqNo: 0 },
      { type: 'SequenceReset', gapFill: true, newSeqNo: 9, msgSeqNum: 2 },
      { type: 'Reject', refSeqNum: 4, reason: 5, text: 'bad' }, { type: 'Logout', text: 'bye' },
    ];
    const { guard, written, refused } = harness();
    for (const m of all) assert.equal(guard.send(encodeAdminMessageNow(m, 1, false, config, Date.now(), () => 'c2ln')), true);
    assert.equal(written.length, all.length);
    assert.equal(refused.length, 0);
  });

  for (const msgType of ['D', 'F', 'G', 'q', 'R', 'AB', 'AC', 's', 'S', 'U1', 'UMS', '8', 'j', 'AE']) {
    test(`MsgType ${msgType} cannot leave`, () => {
      const { guard, written, refused } = harness();
      assert.equal(guard.send(frame(msgType, [[11, 'cl-1'], [55, 'KXHIGHNY-26NOV24-B52.5'], [54, '1'], [38, '10'], [40, '2'], [44, '0.42']])), false);
      assert.equal(written.length, 0);
      assert.equal(refused[0]?.msgType, msgType);
      assert.match(refused[0]?.message ?? '', /read-only/);
    });
  }

  test('an admin header that smuggles an order after it is refused', () => {
    const { guard, written } = harness();
    const smuggled = Buffer.concat([frame('0'), frame('D', [[11, 'cl-9']])]);
    assert.equal(guard.send(smuggled), false);
    assert.equal(written.length, 0);
  });

  test('bytes that are not a FIX frame are refused', () => {
    const { guard, written } = harness();
    for (const junk of [Buffer.from(''), Buffer.from('hello'), Buffer.from('8=FIXT.1.1\x019=5\x0135')]) assert.equal(guard.send(junk), false);
    assert.equal(written.length, 0);
  });

  test('readMsgType finds the third field only', () => {
    assert.equal(readMsgType(frame('A')), 'A');
    assert.equal(readMsgType(Buffer.from('8=FIXT.1.1\x0135=D\x019=5\x01')), undefined);
  });

  test('the allowed set is exactly the admin messages', () => {
    assert.deepEqual([...ADMIN_MSG_TYPES].sort(), ['0', '1', '2', '3', '4', '5', 'A']);
  });

  test('AdminMessage has no order type (compile-time: tsc checks this expect-error)', () => {
    // @ts-expect-error — an order is not an AdminMessage, so the session cannot even ask to send one.
    const order: AdminMessage = { type: 'NewOrderSingle', clOrdId: 'x' };
    assert.ok(order);
  });
});
