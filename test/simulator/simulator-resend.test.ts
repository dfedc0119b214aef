// Sequence numbers and recovery: KalshiRT keeps every application message and serves ResendRequest
// with PossDup copies (admin seqs gap-filled), continues the sequence across reconnects, and keeps the
// ER stream position on 141=Y; KalshiNR resends nothing and loses what was sent while away.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { plannedExecIds } from '../../electron/simulator/er-generator.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import type { FixMessage } from '../../electron/core/fix/decode.ts';
import { accountA } from './support/fixtures.ts';
import { eventually, startHarness } from './support/harness.ts';

const START = Date.UTC(2026, 10, 24, 14, 0, 0);
const body = (m: FixMessage): string => [...m.fields()].filter(([t]) => ![8, 9, 10, 34, 43, 52, 122].includes(t)).map(([t, v]) => `${t}=${v}`).join('|');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KalshiRT recovery', () => {
  test('ResendRequest 1..0 returns a GapFill for the Logon and PossDup copies of every ER', async () => {
    const h = await startHarness({ totalReports: 10 });
    try {
      const client = await h.logon(accountA());
      const originals = await client.waitForReports(10);
      const mark = client.received.length;
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 1], [Tag.EndSeqNo, 0]]);
      await client.until(() => client.received.length >= mark + 11, '11 resent messages');
      const resent = client.received.slice(mark);
      const fill = resent[0]!;
      assert.equal(fill.msgType, MsgType.SequenceReset);
      assert.deepEqual([fill.msgSeqNum, fill.get(Tag.GapFillFlag), fill.get(Tag.NewSeqNo), fill.possDup], [1, 'Y', '2', true]);
      const copies = resent.slice(1);
      copies.forEach((copy, i) => {
        const original = originals[i]!;
        assert.equal(copy.msgType, MsgType.ExecutionReport);
        assert.equal(copy.msgSeqNum, original.msgSeqNum);
        assert.equal(copy.possDup, true);
        assert.equal(copy.get(Tag.OrigSendingTime), original.sendingTime);
        assert.equal(body(copy), body(original));
      });
      // A sub-range is inclusive at both ends.
      const mark2 = client.received.length;
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 4], [Tag.EndSeqNo, 6]]);
      await client.until(() => client.received.length >= mark2 + 3, '3 resent ERs');
      await sleep(30);
      assert.deepEqual(client.received.slice(mark2).map((m) => m.msgSeqNum), [4, 5, 6]);
      // Asking beyond what was sent is a session Reject, not a disconnect.
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 500], [Tag.EndSeqNo, 0]]);
      const reject = await client.waitForType(MsgType.Reject);
      assert.match(reject.get(Tag.Text)!, /beyond the last message sent \(11\)/);
      assert.ok(!client.isClosed);
    } finally {
      await h.stop();
    }
  });

  test('a large resend streams in chunks, in order, and reports made meanwhile wait behind it', async () => {
    const h = await startHarness({ totalReports: 4000, ratePerSecond: 4000 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(1500, 10_000);
      const mark = client.received.length;
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 1], [Tag.EndSeqNo, 0]]);
      await client.until(() => h.log.some((line) => line.startsWith('resent ')), 'the resend to end', 10_000);
      await client.until(() => client.executionReports.filter((m) => !m.possDup).length >= 4000, 'every report live', 10_000);
      // Reports already on their way when the request went out arrive first; then the resend.
      const after = client.received.slice(client.received.findIndex((m, i) => i >= mark && m.possDup));
      const firstLive = after.findIndex((m) => !m.possDup);
      const resent = after.slice(0, firstLive);
      // The resend is the range 1..(last sent when asked), in order, before anything sent after it.
      assert.equal(resent[0]!.msgSeqNum, 1);
      resent.forEach((m, i) => assert.ok(i === 0 || m.msgSeqNum > resent[i - 1]!.msgSeqNum, 'resent in order'));
      assert.ok(resent.length > 1500, `a resend of ${resent.length} messages spans many chunks`);
      assert.ok(after.slice(firstLive).every((m) => !m.possDup), 'no resent message after a new one');
      assert.equal(after[firstLive]!.msgSeqNum, resent.at(-1)!.msgSeqNum + 1, 'the stream carries on right after the resent range');
      const line = h.log.find((l) => l.startsWith('resent '))!;
      assert.match(line, new RegExp(`^resent ${resent.length} step\\(s\\) for 1\\.\\.0$`));
    } finally {
      await h.stop();
    }
  });

  test('a reconnect without 141=Y continues both sequences; ERs queued while away come back by resend', async () => {
    const h = await startHarness({ totalReports: 40, ratePerSecond: 400, streamWhileDisconnected: true });
    try {
      const first = await h.logon(accountA());
      await first.waitForReports(8);
      first.close();
      await first.closed;
      // The stream keeps going with nobody connected: these ERs are queued in the RT store.
      const received = first.executionReports.length;
      await eventually(() => !h.simulator.isLoggedOn(accountA().apiKeyId) && h.simulator.execIdsFor(accountA().apiKeyId).length > received + 5, 'ERs queued offline');
      const queued = h.simulator.execIdsFor(accountA().apiKeyId).length;
      const lastSeen = first.received.at(-1)!.msgSeqNum;

      const second = await h.connect();
      second.nextSeq = first.nextSeq;
      second.logon(accountA(), { reset: false });
      const response = await second.waitForType(MsgType.Logon);
      assert.equal(response.get(Tag.ResetSeqNumFlag), undefined);
      assert.ok(response.msgSeqNum > lastSeen + 1, `Logon response seq ${response.msgSeqNum} shows the gap after ${lastSeen}`);
      assert.ok(queued > first.executionReports.length, 'ERs were produced while nobody was connected');
      second.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, lastSeen + 1], [Tag.EndSeqNo, 0]]);
      const allIds = () => new Set([...first.executionReports, ...second.executionReports].map((m) => m.get(Tag.ExecID)));
      await second.until(() => allIds().size >= 40, 'all 40 ExecIDs');
      await sleep(30);
      const ids = allIds();
      assert.deepEqual([...ids].sort(), plannedExecIds({ seed: 7, startTimeMs: START, total: 40 }).sort(), 'nothing lost, nothing invented');
      assert.ok(second.executionReports.some((m) => m.possDup), 'the queued ones arrived as PossDup');
    } finally {
      await h.stop();
    }
  });

  test('141=Y on reconnect restarts sequence numbers at 1 but the ER stream continues where it was', async () => {
    const h = await startHarness({ totalReports: 12, ratePerSecond: 0, faults: [{ kind: 'drop-after', messages: 5 }] });
    try {
      const first = await h.logon(accountA());
      await first.waitForClose();
      const seen = first.executionReports.map((m) => m.get(Tag.ExecID));
      assert.equal(seen.length, 5);
      const second = await h.logon(accountA(), { reset: true });
      assert.equal(second.received[0]!.msgSeqNum, 1);
      const rest = await second.waitForReports(7);
      assert.equal(rest[0]!.msgSeqNum, 2);
      assert.deepEqual([...seen, ...rest.map((m) => m.get(Tag.ExecID))], plannedExecIds({ seed: 7, startTimeMs: START, total: 12 }));
    } finally {
      await h.stop();
    }
  });

  test('a Logon whose MsgSeqNum is lower than expected is refused with both numbers', async () => {
    const h = await startHarness({ totalReports: 2 });
    try {
      const first = await h.logon(accountA());
      first.send(MsgType.Heartbeat, []);
      first.send(MsgType.Heartbeat, []); // client seq now 4
      await eventually(() => h.simulator.session(accountA().apiKeyId, 'KalshiRT')?.nextInSeq === 4, 'the heartbeats to be counted');
      first.close();
      await eventually(() => !h.simulator.isLoggedOn(accountA().apiKeyId), 'the key to be released');
      const second = await h.connect();
      second.logon(accountA(), { reset: false, msgSeqNum: 2 });
      const logout = await second.waitForType(MsgType.Logout);
      assert.equal(logout.get(Tag.Text), 'MsgSeqNum too low, expecting 4 but received 2');
      await second.waitForClose();
    } finally {
      await h.stop();
    }
  });

  test('a gap in the client sequence makes the server ask for a resend; a GapFill closes it', async () => {
    const h = await startHarness({ totalReports: 1 });
    try {
      const client = await h.logon(accountA());
      client.send(MsgType.Heartbeat, [], { msgSeqNum: 5 }); // expected 2
      const request = await client.waitForType(MsgType.ResendRequest);
      assert.deepEqual([request.get(Tag.BeginSeqNo), request.get(Tag.EndSeqNo)], ['2', '0']);
      client.send(MsgType.SequenceReset, [[Tag.GapFillFlag, 'Y'], [Tag.NewSeqNo, 6]], { msgSeqNum: 2, possDup: true });
      client.nextSeq = 6;
      client.send(MsgType.TestRequest, [[Tag.TestReqID, 'after-gap']]);
      await client.waitFor((m) => m.get(Tag.TestReqID) === 'after-gap', 'Heartbeat(after-gap)');
      assert.deepEqual(h.simulator.session(accountA().apiKeyId, 'KalshiRT')?.nextInSeq, 7);
      assert.ok(!client.isClosed);
    } finally {
      await h.stop();
    }
  });
});

describe('KalshiNR', () => {
  test('ResendRequest is refused as unsupported and the session stays up', async () => {
    const h = await startHarness({ totalReports: 3 });
    try {
      const client = await h.logon(accountA(), { target: 'KalshiNR' });
      await client.waitForReports(3);
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, 1], [Tag.EndSeqNo, 0]]);
      const reject = await client.waitForType(MsgType.Reject);
      assert.equal(reject.get(Tag.Text), 'ResendRequest is not supported on KalshiNR');
      assert.equal(reject.get(Tag.RefMsgType), MsgType.ResendRequest);
      client.send(MsgType.TestRequest, [[Tag.TestReqID, 'still-here']]);
      await client.waitFor((m) => m.get(Tag.TestReqID) === 'still-here', 'Heartbeat');
      assert.ok(!client.received.some((m) => m.possDup));
    } finally {
      await h.stop();
    }
  });

  test('ERs produced while the client was away are lost to it', async () => {
    const h = await startHarness({ totalReports: 30, ratePerSecond: 400, streamWhileDisconnected: true });
    const lost: string[] = [];
    const live: string[] = [];
    h.simulator.on('er-sent', (e) => (e.delivery === 'lost' ? lost : live).push(e.execId));
    try {
      const first = await h.logon(accountA(), { target: 'KalshiNR' });
      await first.waitForReports(5);
      first.close();
      await first.closed;
      const received5 = first.executionReports.length;
      await eventually(() => h.simulator.execIdsFor(accountA().apiKeyId).length > received5 + 5, 'ERs produced offline');
      const second = await h.logon(accountA(), { target: 'KalshiNR' });
      await second.until(() => h.simulator.execIdsFor(accountA().apiKeyId).length === 30, 'the whole stream');
      await sleep(50);
      const received = [...first.executionReports, ...second.executionReports].map((m) => m.get(Tag.ExecID)!);
      assert.ok(lost.length > 0);
      assert.deepEqual([...live, ...lost].sort(), plannedExecIds({ seed: 7, startTimeMs: START, total: 30 }).sort());
      // What was written to the dead socket before the server noticed is lost too; nothing comes twice.
      assert.ok(received.every((id) => live.includes(id)));
      assert.equal(new Set(received).size, received.length);
      assert.ok(!second.received.some((m) => m.possDup));
    } finally {
      await h.stop();
    }
  });
});
