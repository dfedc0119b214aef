// The listener Logon rules of kalshi-fix.md §2, checked one by one without a socket: each broken rule
// is refused with its own kind and a Text(58) that names the rule.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkLogon, describeLogonRefusal } from '../../electron/simulator/logon-check.ts';
import type { LogonRefusal } from '../../electron/simulator/logon-check.ts';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { encodeMessage } from '../../electron/core/fix/encode.ts';
import { Tag } from '../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../../electron/core/fix/time.ts';
import { signLogon } from '../../electron/core/signing/logon-signature.ts';
import { accountA, strangerKey } from './support/fixtures.ts';
import type { TestAccount } from './support/fixtures.ts';

const NOW = Date.UTC(2026, 10, 24, 14, 5, 9, 123);

interface Build {
  target?: string;
  seq?: number;
  sentAt?: number;
  beginString?: string;
  fields?: Array<[number, string | null]>;
  signer?: TestAccount;
  signature?: string;
}

function logon(b: Build = {}): FixMessage {
  const account = accountA();
  const target = b.target ?? 'KalshiRT';
  const msgSeqNum = b.seq ?? 1;
  const sendingTime = formatUtcTimestamp(b.sentAt ?? NOW);
  const signature = b.signature ?? signLogon((b.signer ?? account).key, { sendingTime, msgSeqNum, senderCompId: account.apiKeyId, targetCompId: target });
  const body = new Map<number, string | null>([
    [Tag.EncryptMethod, '0'], [Tag.HeartBtInt, '30'], [Tag.ResetSeqNumFlag, 'Y'], [Tag.DefaultApplVerID, '9'],
    [Tag.ListenerSession, 'Y'], [Tag.SkipPendingExecReports, 'Y'], [Tag.UseDollars, 'Y'],
  ]);
  for (const [t, v] of b.fields ?? []) body.set(t, v);
  const fields: Array<[number, string]> = [...body].filter((e): e is [number, string] => e[1] !== null);
  fields.push([Tag.RawData, signature]);
  const header = { msgType: 'A', msgSeqNum, senderCompId: account.apiKeyId, targetCompId: target, sendingTime, ...(b.beginString === undefined ? {} : { beginString: b.beginString }) };
  return FixMessage.parse(encodeMessage(header, fields));
}

const keys = () => new Map([[accountA().apiKeyId, accountA().publicKeyPem]]);

function refusal(b: Build): LogonRefusal {
  const result = checkLogon(logon(b), keys(), NOW);
  assert.ok(!result.ok, 'expected a refusal');
  return result.refusal;
}

describe('checkLogon', () => {
  test('accepts the recommended listener Logon and reads its options', () => {
    const result = checkLogon(logon(), keys(), NOW);
    assert.ok(result.ok);
    assert.deepEqual(result.logon, {
      apiKeyId: accountA().apiKeyId, target: 'KalshiRT', msgSeqNum: 1, heartBtIntSec: 30, resetSeqNum: true,
      render: { units: 'dollars', preserveOriginalOrderQty: false },
    });
    const cents = checkLogon(logon({ fields: [[Tag.UseDollars, null], [Tag.PreserveOriginalOrderQty, 'Y']] }), keys(), NOW);
    assert.ok(cents.ok);
    assert.deepEqual(cents.logon.render, { units: 'cents', preserveOriginalOrderQty: true });
  });

  test('accepts the legacy SkipPendingExecReports tag 21003, 8013=N, KalshiNR with 141=Y and an RT Logon without 141', () => {
    assert.ok(checkLogon(logon({ fields: [[Tag.SkipPendingExecReports, null], [Tag.SkipPendingExecReportsLegacy, 'Y']] }), keys(), NOW).ok);
    assert.ok(checkLogon(logon({ fields: [[Tag.CancelOrdersOnDisconnect, 'N']] }), keys(), NOW).ok);
    assert.ok(checkLogon(logon({ target: 'KalshiNR' }), keys(), NOW).ok);
    const rt = checkLogon(logon({ seq: 7, fields: [[Tag.ResetSeqNumFlag, null]] }), keys(), NOW);
    assert.ok(rt.ok && !rt.logon.resetSeqNum && rt.logon.msgSeqNum === 7);
  });

  const cases: Array<[string, Build, LogonRefusal['kind'], RegExp]> = [
    ['wrong BeginString', { beginString: 'FIX.4.4' }, 'bad-begin-string', /FIXT\.1\.1/],
    ['DefaultApplVerID missing', { fields: [[Tag.DefaultApplVerID, null]] }, 'bad-default-appl-ver-id', /1137/],
    ['EncryptMethod 1', { fields: [[Tag.EncryptMethod, '1']] }, 'bad-encrypt-method', /98/],
    ['HeartBtInt 3', { fields: [[Tag.HeartBtInt, '3']] }, 'bad-heartbeat-interval', /greater than 3/],
    ['HeartBtInt not a number', { fields: [[Tag.HeartBtInt, '3x']] }, 'bad-heartbeat-interval', /108/],
    ['drop copy target', { target: 'KalshiDC' }, 'unknown-target', /KalshiRT or KalshiNR/],
    ['SenderSubID present', { fields: [[50, 'trader']] }, 'sender-sub-id-present', /SenderSubID/],
    ['SendingTime 31 s old', { sentAt: NOW - 31_000 }, 'sending-time-out-of-range', /31\.0 s/],
    ['SendingTime 31 s ahead', { sentAt: NOW + 31_000 }, 'sending-time-out-of-range', /within 30 s/],
    ['signed by another key', { signer: strangerKey() }, 'invalid-signature', /^Invalid signature$/],
    ['signature garbage', { signature: 'bm90IGEgc2lnbmF0dXJl' }, 'invalid-signature', /Invalid signature/],
    ['signature not base64', { signature: 'x' }, 'invalid-signature', /Invalid/],
    ['not a listener', { fields: [[Tag.ListenerSession, null]] }, 'not-listener', /20126/],
    ['listener=N', { fields: [[Tag.ListenerSession, 'N']] }, 'not-listener', /ListenerSession/],
    ['no SkipPendingExecReports', { fields: [[Tag.SkipPendingExecReports, null]] }, 'skip-pending-required', /^Listener session requires SkipPendingExecReports=Y$/],
    ['cancel on disconnect', { fields: [[Tag.CancelOrdersOnDisconnect, 'Y']] }, 'cancel-on-disconnect', /8013/],
    ['NR without 141', { target: 'KalshiNR', fields: [[Tag.ResetSeqNumFlag, null]] }, 'reset-required-on-nr', /141/],
    ['141=Y with seq 2', { seq: 2 }, 'reset-with-seq-not-one', /MsgSeqNum\(34\)=1, got 2/],
  ];
  for (const [name, build, kind, text] of cases) {
    test(`refuses: ${name}`, () => {
      const r = refusal(build);
      assert.equal(r.kind, kind);
      assert.match(describeLogonRefusal(r), text);
    });
  }

  test('refuses an unregistered key before looking at its signature', () => {
    const result = checkLogon(logon(), new Map([[strangerKey().apiKeyId, strangerKey().publicKeyPem]]), NOW);
    assert.ok(!result.ok);
    assert.equal(result.refusal.kind, 'unknown-api-key');
    assert.match(describeLogonRefusal(result.refusal), new RegExp(accountA().apiKeyId));
  });

  test('a missing RawData is reported as such', () => {
    // Built by hand: the helper always appends 96.
    const account = accountA();
    const sendingTime = formatUtcTimestamp(NOW);
    const msg = FixMessage.parse(encodeMessage({ msgType: 'A', msgSeqNum: 1, senderCompId: account.apiKeyId, targetCompId: 'KalshiRT', sendingTime }, [
      [98, '0'], [108, '30'], [141, 'Y'], [1137, '9'], [20126, 'Y'], [21011, 'Y'],
    ]));
    const result = checkLogon(msg, keys(), NOW);
    assert.ok(!result.ok);
    assert.equal(describeLogonRefusal(result.refusal), 'Logon has no signature in RawData(96)');
  });
});
