// The acceptor's decisions as pure functions, with the clock and the session passed in: heartbeat
// timing, the inbound gate, and Logon admission against session state.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { heartbeatActions } from '../../electron/simulator/heartbeat-monitor.ts';
import { gateInbound } from '../../electron/simulator/inbound-gate.ts';
import { admitLogon } from '../../electron/simulator/logon-admission.ts';
import { SessionRecords } from '../../electron/simulator/message-store.ts';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../electron/core/fix/encode.ts';
import { formatUtcTimestamp } from '../../electron/core/fix/time.ts';
import { signLogon } from '../../electron/core/signing/logon-signature.ts';
import { accountA } from './support/fixtures.ts';

describe('heartbeatActions', () => {
  const base = { heartbeatMs: 1000, graceMs: 500, lastRxMs: 0, lastTxMs: 0, testRequest: undefined };
  const kinds = (s: Parameters<typeof heartbeatActions>[0], now: number) => heartbeatActions(s, now).map((a) => a.kind);

  test('nothing before HeartBtInt; a Heartbeat once we have been quiet that long', () => {
    assert.deepEqual(kinds(base, 999), []);
    assert.deepEqual(kinds({ ...base, lastRxMs: 900 }, 1000), ['send-heartbeat']);
  });

  test('a TestRequest after HeartBtInt + grace of client silence, a time-out as long after it', () => {
    assert.deepEqual(kinds({ ...base, lastTxMs: 1400 }, 1499), []);
    assert.deepEqual(kinds({ ...base, lastTxMs: 1400 }, 1500), ['send-test-request']);
    const waiting = { ...base, lastTxMs: 2500, testRequest: { id: 'T1', sentAt: 1500 } };
    assert.deepEqual(kinds(waiting, 2999), []);
    assert.deepEqual(heartbeatActions({ ...waiting, lastTxMs: 2900 }, 3000), [{ kind: 'time-out', testReqId: 'T1' }]);
  });
});

describe('gateInbound', () => {
  const session = { apiKeyId: 'k', target: 'KalshiRT', nextInSeq: 5, retains: true };
  const msg = (msgType: string, msgSeqNum: number, extra: Partial<{ possDup: boolean; senderCompId: string; targetCompId: string }> = {}) => ({
    msgType, msgSeqNum, possDup: false, senderCompId: 'k', targetCompId: 'KalshiRT', ...extra,
  });

  test('application messages are refused before anything else is looked at', () => {
    assert.deepEqual(gateInbound(msg('D', 1, { senderCompId: 'x' }), session), { kind: 'refuse-application', text: 'Listener session cannot send NewOrderSingle (35=D)' });
  });

  test('CompIDs, then sequence numbers', () => {
    assert.equal(gateInbound(msg('0', 5, { targetCompId: 'KalshiNR' }), session).kind, 'refuse-comp-id');
    assert.deepEqual(gateInbound(msg('0', 5), session), { kind: 'accept', resendFrom: undefined });
    assert.deepEqual(gateInbound(msg('0', 9), session), { kind: 'accept', resendFrom: 5 });
    assert.deepEqual(gateInbound(msg('0', 9), { ...session, retains: false }), { kind: 'accept', resendFrom: undefined });
    assert.deepEqual(gateInbound(msg('0', 3), session), { kind: 'seq-too-low', text: 'MsgSeqNum too low, expecting 5 but received 3' });
    assert.deepEqual(gateInbound(msg('0', 3, { possDup: true }), session), { kind: 'ignore-duplicate' });
    assert.deepEqual(gateInbound(msg('4', 2), session), { kind: 'sequence-reset' });
  });
});

describe('admitLogon', () => {
  const account = accountA();
  function logonMsg(msgSeqNum: number, reset: boolean, target = 'KalshiRT'): FixMessage {
    const sendingTime = formatUtcTimestamp(Date.now());
    const signature = signLogon(account.key, { sendingTime, msgSeqNum, senderCompId: account.apiKeyId, targetCompId: target });
    const body: Array<[number, string]> = [[98, '0'], [108, '30'], ...(reset ? [[141, 'Y'] as [number, string]] : []), [1137, '9'], [20126, 'Y'], [21011, 'Y'], [96, signature]];
    return FixMessage.parse(encodeMessage({ msgType: 'A', msgSeqNum, senderCompId: account.apiKeyId, targetCompId: target, sendingTime }, body));
  }
  const context = (records: SessionRecords, free = true) => ({
    publicKeys: new Map([[account.apiKeyId, account.publicKeyPem]]), records, nowMs: Date.now(), claim: () => free,
  });

  test('141=Y resets the session; a later Logon without it must not go below the expected seq', () => {
    const records = new SessionRecords();
    const first = admitLogon(logonMsg(1, true), context(records));
    assert.ok(first.ok);
    assert.equal(records.get(account.apiKeyId, 'KalshiRT').nextInSeq, 2);
    records.get(account.apiKeyId, 'KalshiRT').nextInSeq = 6;
    const low = admitLogon(logonMsg(4, false), context(records));
    assert.ok(!low.ok);
    assert.deepEqual(low.refusal, { kind: 'seq-too-low', expected: 6, received: 4 });
    assert.ok(low.claimed !== undefined, 'the slot was taken and must be held until close');
    assert.equal(records.get(account.apiKeyId, 'KalshiRT').nextInSeq, 6, 'a refusal leaves the session untouched');
    const high = admitLogon(logonMsg(9, false), context(records));
    assert.ok(high.ok);
    assert.equal(high.resendFrom, 6);
    assert.equal(records.get(account.apiKeyId, 'KalshiRT').nextInSeq, 10);
  });

  test('a taken slot and a pending maintenance reset are refused', () => {
    const records = new SessionRecords();
    const busy = admitLogon(logonMsg(1, true), context(records, false));
    assert.ok(!busy.ok && busy.refusal.kind === 'already-connected' && busy.claimed === undefined);
    records.get(account.apiKeyId, 'KalshiRT').resetRequired = true;
    const carryOn = admitLogon(logonMsg(1, false), context(records));
    assert.ok(!carryOn.ok && carryOn.refusal.kind === 'reset-required-after-maintenance');
    const reset = admitLogon(logonMsg(1, true), context(records));
    assert.ok(reset.ok);
    assert.equal(records.get(account.apiKeyId, 'KalshiRT').resetRequired, false);
  });
});
