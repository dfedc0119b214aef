// The drop-copy messages of kalshi-fix.md §5 on the wire: the U1 Fillwatch sends, and how U2, U3 (each
// reason code with its own sentence) and Rejects of a U1 are read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { makeSessionConfig } from '../../../electron/core/session/session-config.ts';
import {
  describeRejectReason,
  encodeDropCopyRequest,
  isRetryableReject,
  readDropCopyReply,
  rejectReasonOf,
  type EventResendRejectKind,
} from '../../../electron/core/dropcopy/index.ts';
import { API_KEY_ID, inbound } from '../../support/fix-builders.ts';

const dcConfig = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC' });
const T = Date.UTC(2026, 10, 24, 14, 5, 9, 123);
const dc = { sender: 'KalshiDC' };

describe('EventResendRequest (U1) encoding', () => {
  test('BeginExecID only: asks to the latest, addressed to KalshiDC', () => {
    const frame = encodeDropCopyRequest({ type: 'EventResendRequest', range: { exchangeIndex: 0, beginExecId: '4;7', endExecId: undefined } }, 3, dcConfig, T);
    const msg = FixMessage.parse(frame);
    assert.equal(msg.msgType, 'U1');
    assert.equal(msg.msgSeqNum, 3);
    assert.equal(msg.senderCompId, API_KEY_ID);
    assert.equal(msg.targetCompId, 'KalshiDC');
    assert.equal(msg.sendingTime, '20261124-14:05:09.123');
    assert.equal(msg.get(21001), '4;7');
    assert.equal(msg.has(21002), false);
    // Nothing order-like rides along.
    for (const tag of [11, 38, 40, 44, 54, 55]) assert.equal(msg.has(tag), false, `tag ${tag}`);
  });

  test('with EndExecID on another exchange index form', () => {
    const frame = encodeDropCopyRequest({ type: 'EventResendRequest', range: { exchangeIndex: 1, beginExecId: '4;7;1', endExecId: '9;2;1' } }, 2, dcConfig, T);
    const body = FixMessage.parse(frame).toDisplayString().split('|').filter((f) => f.startsWith('2100'));
    assert.deepEqual(body, ['21001=4;7;1', '21002=9;2;1']);
  });
});

describe('replies', () => {
  test('U2: RefSeqNum and ResendEventCount', () => {
    assert.deepEqual(readDropCopyReply(inbound('U2', 9, [[45, 2], [21003, 17]], dc)), { kind: 'complete', refSeqNum: 2, count: 17 });
  });

  test('U2 with a malformed count still ends the request (count unknown)', () => {
    assert.deepEqual(readDropCopyReply(inbound('U2', 9, [[45, 2], [21003, 'x7']], dc)), { kind: 'complete', refSeqNum: 2, count: undefined });
  });

  const codes: Array<[string, EventResendRejectKind, RegExp]> = [
    ['1', 'too-many-requests', /too many requests/],
    ['2', 'server-error', /server error/],
    ['3', 'begin-too-old', /older than the 3-hour/],
    ['4', 'end-too-large', /beyond the latest/],
    ['5', 'not-enabled', /not enabled.*allowlist/],
  ];
  for (const [code, kind, sentence] of codes) {
    test(`U3 reason ${code} is ${kind} with its own sentence`, () => {
      const reply = readDropCopyReply(inbound('U3', 4, [[45, 2], [21004, code], [58, 'server text']], dc));
      assert.ok(reply?.kind === 'rejected');
      assert.equal(reply.refSeqNum, 2);
      assert.deepEqual(reply.reason, { kind, code });
      const text = describeRejectReason(reply.reason);
      assert.match(text, sentence);
      assert.match(text, new RegExp(`reason ${code}\\)\\.$`));
    });
  }

  test('the five sentences are distinct, and an undocumented code says so', () => {
    const sentences = new Set(['1', '2', '3', '4', '5'].map((c) => describeRejectReason(rejectReasonOf(c))));
    assert.equal(sentences.size, 5);
    assert.deepEqual(rejectReasonOf('9'), { kind: 'undocumented', code: '9' });
    assert.match(describeRejectReason(rejectReasonOf('9')), /"9".*does not document/);
    assert.deepEqual(rejectReasonOf(undefined), { kind: 'undocumented', code: '' });
  });

  test('only "too many requests" and "server error" are worth asking again', () => {
    const retryable = ['1', '2', '3', '4', '5', '9'].filter((c) => isRetryableReject(rejectReasonOf(c)));
    assert.deepEqual(retryable, ['1', '2']);
  });

  test('a session Reject or BusinessMessageReject of a U1 refuses it; one of something else is not a reply', () => {
    assert.deepEqual(readDropCopyReply(inbound('3', 5, [[45, 2], [58, 'bad range'], [372, 'U1'], [373, 5]], dc)), { kind: 'refused', refSeqNum: 2, text: 'bad range; reason 5' });
    assert.deepEqual(readDropCopyReply(inbound('j', 5, [[45, 2], [372, 'U1'], [380, 6]], dc)), { kind: 'refused', refSeqNum: 2, text: 'reason 6' });
    assert.equal(readDropCopyReply(inbound('3', 5, [[45, 1], [372, '0'], [373, 1]], dc)), undefined);
    assert.equal(readDropCopyReply(inbound('8', 5, [[17, '4;7']], dc)), undefined);
    assert.equal(readDropCopyReply(inbound('0', 5, [], dc)), undefined);
  });
});
