// Read-only holds on drop copy too: the allowed outbound MsgTypes are a property of the session profile.
// Listener = admin only; drop copy = admin + the history request U1. No order-like message can leave
// either, and a listener cannot send U1. The DC Logon carries 141=Y and none of the listener tags.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../../electron/core/fix/encode.ts';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { OutboundGuard, type OutboundRefusedError } from '../../../electron/core/session/outbound-guard.ts';
import { OUTBOUND_MSG_TYPES } from '../../../electron/core/session/admin-messages.ts';
import { encodeAdminMessageNow } from '../../../electron/core/session/admin-encoder.ts';
import { makeSessionConfig, profileOf, SessionConfigError } from '../../../electron/core/session/session-config.ts';
import { ListenerSession } from '../../../electron/core/session/session.ts';
import { MemorySequenceStore } from '../../../electron/core/session/session-store.ts';
import { DropCopySession, encodeDropCopyRequest } from '../../../electron/core/dropcopy/index.ts';
import { API_KEY_ID } from '../../support/fix-builders.ts';

const ORDER_LIKE = ['D', 'F', 'G', 'q', 'R', 'AB', 'AC', 'AE', 's', 'S', 'H', 'E', '8', '9', 'j', 'UMS', 'U2', 'U3', 'Z'];

function frame(msgType: string, target = 'KalshiDC'): Buffer {
  return encodeMessage({ msgType, senderCompId: API_KEY_ID, targetCompId: target, msgSeqNum: 4, sendingTime: '20261124-14:05:09.123' },
    [[11, 'cl-1'], [55, 'KXHIGHNY-26NOV24-B52.5'], [54, '1'], [38, '10'], [40, '2'], [44, '0.42']]);
}

function guard(profile: 'listener' | 'drop-copy') {
  const written: Buffer[] = [];
  const refused: OutboundRefusedError[] = [];
  return { g: new OutboundGuard({ write: (b) => written.push(b) }, (e) => refused.push(e), OUTBOUND_MSG_TYPES[profile]), written, refused };
}

const dcConfig = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC' });
const u1 = () => encodeDropCopyRequest({ type: 'EventResendRequest', range: { exchangeIndex: 0, beginExecId: '4;7', endExecId: undefined } }, 2, dcConfig, Date.now());

describe('outbound profiles', () => {
  test('the drop-copy set is exactly the listener set plus U1', () => {
    assert.deepEqual([...OUTBOUND_MSG_TYPES.listener].sort(), ['0', '1', '2', '3', '4', '5', 'A']);
    assert.deepEqual([...OUTBOUND_MSG_TYPES['drop-copy']].sort(), ['0', '1', '2', '3', '4', '5', 'A', 'U1']);
    assert.equal(profileOf('KalshiDC'), 'drop-copy');
    assert.equal(profileOf('KalshiNR'), 'listener');
    assert.equal(profileOf('KalshiRT'), 'listener');
  });

  test('a drop-copy session sends U1 and admin messages', () => {
    const { g, written, refused } = guard('drop-copy');
    assert.equal(g.send(u1()), true);
    for (const m of [{ type: 'Logon', resetSeqNum: true }, { type: 'Heartbeat' }, { type: 'Logout', text: 'bye' }] as const) {
      assert.equal(g.send(encodeAdminMessageNow(m, 1, false, dcConfig, Date.now(), () => 'c2ln')), true);
    }
    assert.equal(written.length, 4);
    assert.equal(refused.length, 0);
  });

  test('a listener cannot send U1', () => {
    const { g, written, refused } = guard('listener');
    assert.equal(g.send(u1()), false);
    assert.equal(written.length, 0);
    assert.equal(refused[0]?.msgType, 'U1');
    // And the default of the guard is the listener's set.
    const defaulted: string[] = [];
    assert.equal(new OutboundGuard({ write: () => assert.fail('written') }, (e) => defaulted.push(e.msgType)).send(u1()), false);
    assert.deepEqual(defaulted, ['U1']);
  });

  for (const msgType of ORDER_LIKE) {
    test(`MsgType ${msgType} cannot leave a drop-copy session`, () => {
      const { g, written, refused } = guard('drop-copy');
      assert.equal(g.send(frame(msgType)), false);
      assert.equal(written.length, 0);
      assert.equal(refused[0]?.msgType, msgType);
      assert.match(refused[0]?.message ?? '', /read-only/);
    });
  }

  test('the guard keeps its own copy of the allowed set', () => {
    const allowed = new Set(['0']);
    const written: Buffer[] = [];
    const g = new OutboundGuard({ write: (b) => written.push(b) }, () => {}, allowed);
    allowed.add('D');
    assert.equal(g.send(frame('D')), false);
    assert.equal(written.length, 0);
  });
});

describe('drop-copy profile configuration', () => {
  test('the DC Logon always resets and carries no listener tags', () => {
    for (const resetSeqNum of [true, false]) {
      const logon = FixMessage.parse(encodeAdminMessageNow({ type: 'Logon', resetSeqNum }, 1, false, dcConfig, Date.now(), () => 'c2ln'));
      assert.equal(logon.targetCompId, 'KalshiDC');
      assert.equal(logon.get(141), 'Y');
      assert.equal(logon.get(1137), '9');
      assert.equal(logon.get(21005), 'Y', 'replays written in the listener\'s price units');
      for (const tag of [20126, 21011, 21003, 8013, 20127, 20200]) assert.equal(logon.has(tag), false, `tag ${tag}`);
      assert.equal(logon.get(96), 'c2ln');
    }
  });

  test('the listener Logon is unchanged: 20126=Y and skip-pending', () => {
    const nr = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiNR' });
    const logon = FixMessage.parse(encodeAdminMessageNow({ type: 'Logon', resetSeqNum: true }, 1, false, nr, Date.now(), () => 'c2ln'));
    assert.equal(logon.get(20126), 'Y');
    assert.equal(logon.get(21011), 'Y');
  });

  test('each driver refuses the other profile', () => {
    const nr = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiNR' });
    const endpoint = { host: '127.0.0.1', port: 1 };
    assert.throws(() => new ListenerSession({ config: dcConfig, endpoint, signLogon: () => 'x', store: new MemorySequenceStore() }), SessionConfigError);
    assert.throws(() => new DropCopySession({ config: nr, endpoint, signLogon: () => 'x', store: new MemorySequenceStore() }), SessionConfigError);
    assert.throws(() => makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiPT' as 'KalshiDC' }), /KalshiRT or KalshiNR.*KalshiDC/);
  });
});
