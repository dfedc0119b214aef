// The simulator's KalshiDC endpoint (kalshi-fix.md §5) played by hand over real TLS: the Logon rules of
// the drop-copy profile, EventResendRequest answered by replaying the account's ERs (those NR lost too)
// with new DC sequence numbers and an EventResendComplete count, and each EventResendReject reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FixMessage } from '../../electron/core/fix/decode.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import type { ErSentEvent } from '../../electron/simulator/simulator.ts';
import { eventually, startHarness, type Harness } from '../simulator/support/harness.ts';
import { accountA } from '../simulator/support/fixtures.ts';
import type { RawFixClient } from '../simulator/support/raw-client.ts';

/** A drop-copy Logon: 141=Y, none of the listener tags. */
const DC_LOGON = { target: 'KalshiDC', fields: [[Tag.ListenerSession, null], [Tag.SkipPendingExecReports, null]] } as const;

async function streamed(options: Parameters<typeof startHarness>[0] = {}): Promise<{ h: Harness; sent: ErSentEvent[] }> {
  const h = await startHarness({ totalReports: 40, faults: [{ every: 7, fault: { kind: 'seq-gap', skip: 2 } }], ...options });
  const sent: ErSentEvent[] = [];
  h.simulator.on('er-sent', (e) => sent.push(e));
  const done = new Promise<void>((resolve) => h.simulator.once('stream-complete', () => resolve()));
  const listener = await h.logon(accountA(), { target: 'KalshiNR' });
  await done;
  listener.close();
  return { h, sent };
}

async function dcLogon(h: Harness): Promise<RawFixClient> {
  await eventually(() => !h.simulator.dropCopy.isLoggedOn(accountA().apiKeyId), 'the drop-copy slot to be free');
  const client = await h.connect();
  client.logon(accountA(), DC_LOGON);
  const first = await client.waitFor((m) => m.msgType === MsgType.Logon || m.msgType === MsgType.Logout, 'Logon response');
  assert.equal(first.msgType, MsgType.Logon, first.toDisplayString());
  return client;
}

/** Sends U1 and resolves with the ERs and the U2/U3/Reject that answered it. */
async function request(client: RawFixClient, begin: string | undefined, end?: string) {
  const from = client.received.length;
  const seq = client.nextSeq;
  const body: Array<[number, string]> = [];
  if (begin !== undefined) body.push([Tag.BeginExecID, begin]);
  if (end !== undefined) body.push([Tag.EndExecID, end]);
  client.send(MsgType.EventResendRequest, body);
  const reply = await client.waitFor((m) => ['U2', 'U3', '3'].includes(m.msgType) && m.getInt(Tag.RefSeqNum) === seq, 'the reply to U1', 3000, from);
  const ers = client.received.slice(from).filter((m) => m.msgType === MsgType.ExecutionReport);
  return { reply, ers, seq };
}

const execIds = (ers: FixMessage[]) => ers.map((m) => m.get(Tag.ExecID));

describe('simulated KalshiDC: logon', () => {
  test('accepted with 141=Y while the same key holds its listener session', async () => {
    const h = await startHarness();
    try {
      await h.logon(accountA(), { target: 'KalshiNR' });
      const dc = await dcLogon(h);
      const logon = dc.received[0]!;
      assert.equal(logon.senderCompId, 'KalshiDC');
      assert.equal(logon.msgSeqNum, 1);
      assert.equal(logon.get(Tag.ResetSeqNumFlag), 'Y');
      assert.ok(h.simulator.isLoggedOn(accountA().apiKeyId) && h.simulator.dropCopy.isLoggedOn(accountA().apiKeyId));
    } finally {
      await h.stop();
    }
  });

  const refusals: Array<[string, Parameters<RawFixClient['logon']>[1], RegExp]> = [
    ['without 141=Y', { ...DC_LOGON, reset: false, msgSeqNum: 1 }, /KalshiDC requires ResetSeqNumFlag\(141\)=Y/],
    ['with the listener flag 20126=Y', { target: 'KalshiDC' }, /ListenerSession\(20126\)=Y is for KalshiRT or KalshiNR only; a KalshiDC \(drop copy\) Logon must not carry it/],
    ['with CancelOrdersOnDisconnect', { ...DC_LOGON, fields: [...DC_LOGON.fields, [Tag.CancelOrdersOnDisconnect, 'Y']] }, /8013/],
  ];
  for (const [name, options, text] of refusals) {
    test(`refused ${name}`, async () => {
      const h = await startHarness();
      try {
        const client = await h.connect();
        client.logon(accountA(), options);
        const logout = await client.waitForType(MsgType.Logout);
        assert.match(logout.get(Tag.Text) ?? '', text);
        await client.waitForClose();
        assert.equal(h.simulator.dropCopy.isLoggedOn(accountA().apiKeyId), false);
      } finally {
        await h.stop();
      }
    });
  }

  test('one drop-copy connection per key', async () => {
    const h = await startHarness();
    try {
      await dcLogon(h);
      const second = await h.connect();
      second.logon(accountA(), DC_LOGON);
      assert.match((await second.waitForType(MsgType.Logout)).get(Tag.Text) ?? '', /already has an active connection/);
    } finally {
      await h.stop();
    }
  });
});

describe('simulated KalshiDC: EventResendRequest', () => {
  test('replays every non-reject ER from Begin to the latest, NR-lost ones included, with new DC seqs and a count', async () => {
    const { h, sent } = await streamed();
    try {
      const lost = sent.filter((e) => e.delivery === 'lost');
      assert.ok(lost.length >= 4, `the NR stream lost ${lost.length}`);
      const all = h.simulator.execIdsFor(accountA().apiKeyId);
      const rejects = new Set(sent.filter((e) => e.report.kind === 'reject').map((e) => e.execId));
      const dc = await dcLogon(h);
      const { reply, ers, seq } = await request(dc, all[0]);
      assert.equal(seq, 2);
      assert.equal(reply.msgType, 'U2');
      assert.deepEqual(execIds(ers), all.filter((id) => !rejects.has(id)));
      assert.equal(reply.getInt(Tag.ResendEventCount), ers.length);
      assert.deepEqual(ers.map((m) => m.msgSeqNum), ers.map((_, i) => i + 2), 'consecutive DC sequence numbers after the Logon');
      assert.ok(ers.every((m) => m.get(Tag.ExecType) !== '8'), 'no rejects replayed');
      for (const l of lost.filter((e) => e.report.kind !== 'reject')) assert.ok(execIds(ers).includes(l.execId), `lost ${l.execId} replayed`);
      assert.match(ers[0]?.get(Tag.Price) ?? '', /^0\.\d+$/, 'dollars, as the DC Logon asked (21005=Y)');
    } finally {
      await h.stop();
    }
  });

  test('a closed range replays exactly [Begin, End]; an End beyond the latest is reason 4', async () => {
    const { h, sent } = await streamed();
    try {
      const all = h.simulator.execIdsFor(accountA().apiKeyId);
      const rejects = new Set(sent.filter((e) => e.report.kind === 'reject').map((e) => e.execId));
      const dc = await dcLogon(h);
      const { ers } = await request(dc, all[5], all[20]);
      assert.deepEqual(execIds(ers), all.slice(5, 21).filter((id) => !rejects.has(id)));
      const tooFar = await request(dc, all[5], '999999;1');
      assert.equal(tooFar.reply.msgType, 'U3');
      assert.equal(tooFar.reply.get(Tag.EventResendRejectReason), '4');
      assert.equal(tooFar.ers.length, 0);
    } finally {
      await h.stop();
    }
  });

  test('a Begin older than the window is reason 3; inside the window it is served', async () => {
    const h0 = await startHarness({ totalReports: 40 });
    h0.simulator.dropCopy.windowMs = 3_000; // stream time advances 5–900 ms per report
    const done = new Promise<void>((resolve) => h0.simulator.once('stream-complete', () => resolve()));
    await h0.logon(accountA(), { target: 'KalshiNR' });
    await done;
    try {
      const all = h0.simulator.execIdsFor(accountA().apiKeyId);
      const dc = await dcLogon(h0);
      const old = await request(dc, all[0]);
      assert.equal(old.reply.msgType, 'U3');
      assert.equal(old.reply.get(Tag.EventResendRejectReason), '3');
      const recent = await request(dc, all.at(-1));
      assert.equal(recent.reply.msgType, 'U2');
    } finally {
      await h0.stop();
    }
  });

  test('a staged fault answers U3 with the given code until cleared', async () => {
    const { h } = await streamed();
    try {
      const all = h.simulator.execIdsFor(accountA().apiKeyId);
      h.simulator.dropCopy.rejectRequestsWith(5);
      const dc = await dcLogon(h);
      for (let i = 0; i < 2; i++) {
        const { reply, ers } = await request(dc, all[0]);
        assert.equal(reply.msgType, 'U3');
        assert.equal(reply.get(Tag.EventResendRejectReason), '5');
        assert.match(reply.get(Tag.Text) ?? '', /not enabled/);
        assert.equal(ers.length, 0);
      }
      h.simulator.dropCopy.rejectRequestsWith(undefined);
      assert.equal((await request(dc, all[0])).reply.msgType, 'U2');
      assert.deepEqual(h.simulator.dropCopy.requests.map((r) => r.answer.kind), ['reject', 'reject', 'replay']);
    } finally {
      await h.stop();
    }
  });

  test('a U1 without BeginExecID gets a session Reject; the session stays up', async () => {
    const { h } = await streamed();
    try {
      const dc = await dcLogon(h);
      const { reply } = await request(dc, undefined);
      assert.equal(reply.msgType, '3');
      assert.equal(reply.get(Tag.RefMsgType), 'U1');
      assert.match(reply.get(Tag.Text) ?? '', /BeginExecID/);
      const resend = dc.received.length;
      dc.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 1], [Tag.EndSeqNo, 0]]);
      const notSupported = await dc.waitForType(MsgType.Reject, 3000, resend);
      assert.match(notSupported.get(Tag.Text) ?? '', /not supported on KalshiDC/);
      assert.equal(dc.isClosed, false);
    } finally {
      await h.stop();
    }
  });

  test('an order on drop copy is refused and ends the session', async () => {
    const h = await startHarness();
    try {
      const dc = await dcLogon(h);
      dc.send(MsgType.NewOrderSingle, [[Tag.ClOrdID, 'cl-1'], [Tag.Symbol, 'X'], [Tag.Side, '1'], [Tag.OrderQty, '1'], [Tag.OrdType, '2'], [Tag.Price, '0.5']]);
      const reject = await dc.waitForType(MsgType.BusinessMessageReject);
      assert.match(reject.get(Tag.Text) ?? '', /Drop copy session cannot send NewOrderSingle/);
      await dc.waitForClose();
      assert.deepEqual(h.simulator.refusedApplicationMessages.map((r) => r.msgType), ['D']);
    } finally {
      await h.stop();
    }
  });
});
