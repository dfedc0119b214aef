// Every fault does what it says, injected at runtime (injectFault) or staged at start (options.faults).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { accountA } from './support/fixtures.ts';
import { eventually, startHarness } from './support/harness.ts';
import type { RawFixClient } from './support/raw-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seqs = (c: RawFixClient) => c.received.filter((m) => !m.possDup).map((m) => m.msgSeqNum);

/** Seqs missing between the first and the last live message received. */
function gaps(c: RawFixClient): number[] {
  const seen = seqs(c);
  const missing: number[] = [];
  for (let s = seen[0]!; s <= seen.at(-1)!; s++) if (!seen.includes(s)) missing.push(s);
  return missing;
}

describe('simulator faults', () => {
  test('drop-after n: exactly n more ERs, then the socket dies without a Logout', async () => {
    const h = await startHarness({ totalReports: 400, ratePerSecond: 300 });
    try {
      const disconnected = once(h.simulator, 'disconnect');
      const client = await h.logon(accountA());
      await client.waitForReports(3);
      const before = h.simulator.execIdsFor(accountA().apiKeyId).length;
      h.simulator.injectFault({ kind: 'drop-after', messages: 4 });
      await client.waitForClose();
      assert.equal(client.executionReports.length, before + 4);
      assert.ok(!client.received.some((m) => m.msgType === MsgType.Logout));
      const [event] = await disconnected;
      assert.equal(event.reason, 'fault drop-after');
    } finally {
      await h.stop();
    }
  });

  test('garbage: the client sees junk between messages, and the stream goes on unbroken', async () => {
    const h = await startHarness({ totalReports: 30, ratePerSecond: 300 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(5);
      h.simulator.injectFault({ kind: 'garbage', bytes: Buffer.from('\x00\x01 not FIX at all \xff', 'latin1') });
      await client.waitForReports(30);
      assert.deepEqual(client.frameErrors.map((e) => e.kind), ['garbled']);
      assert.deepEqual(gaps(client), []);
    } finally {
      await h.stop();
    }
  });

  test('bad-checksum: one message fails its checksum; on RT a resend brings it back', async () => {
    const h = await startHarness({ totalReports: 30, ratePerSecond: 300 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(5);
      h.simulator.injectFault({ kind: 'bad-checksum' });
      await client.until(() => client.executionReports.length >= 29, '29 good ERs');
      assert.deepEqual(client.frameErrors.map((e) => e.kind), ['bad-checksum']);
      const missing = gaps(client);
      assert.equal(missing.length, 1);
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, missing[0]!], [Tag.EndSeqNo, missing[0]!]]);
      const copy = await client.waitFor((m) => m.possDup, 'the resent copy');
      assert.equal(copy.msgSeqNum, missing[0]);
      assert.equal(client.executionReports.length, 30);
    } finally {
      await h.stop();
    }
  });

  test('seq-gap n on RT: n seqs skipped live, and the resend fills them with the held-back ERs', async () => {
    const h = await startHarness({ totalReports: 20, ratePerSecond: 300 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(4);
      h.simulator.injectFault({ kind: 'seq-gap', skip: 3 });
      await client.until(() => client.executionReports.length >= 17, '17 live ERs');
      await sleep(30);
      const missing = gaps(client);
      assert.equal(missing.length, 3);
      assert.deepEqual(missing, [missing[0]!, missing[0]! + 1, missing[0]! + 2]);
      client.send(MsgType.ResendRequest, [[Tag.BeginSeqNo, missing[0]!], [Tag.EndSeqNo, missing[2]!]]);
      await client.until(() => client.executionReports.length === 20, 'all 20 ERs');
      const ids = client.executionReports.map((m) => m.get(Tag.ExecID));
      assert.deepEqual(new Set(ids), new Set(h.simulator.execIdsFor(accountA().apiKeyId)));
    } finally {
      await h.stop();
    }
  });

  test('seq-gap n on NR: the skipped ERs are lost for good', async () => {
    const h = await startHarness({ totalReports: 20, ratePerSecond: 300 });
    try {
      const lost: string[] = [];
      h.simulator.on('er-sent', (e) => e.delivery === 'lost' && lost.push(e.execId));
      const client = await h.logon(accountA(), { target: 'KalshiNR' });
      await client.waitForReports(4);
      h.simulator.injectFault({ kind: 'seq-gap', skip: 2 });
      await client.until(() => client.executionReports.length >= 18, '18 ERs');
      await sleep(30);
      assert.equal(lost.length, 2);
      assert.equal(gaps(client).length, 2);
      assert.ok(client.executionReports.every((m) => !lost.includes(m.get(Tag.ExecID)!)));
    } finally {
      await h.stop();
    }
  });

  test('silent-heartbeat: no Heartbeats and no TestRequest answers any more', async () => {
    const h = await startHarness({ totalReports: 0, heartbeatUnitMs: 25, heartbeatGraceMs: 50 });
    try {
      const client = await h.logon(accountA(), { heartBtInt: 4 });
      client.send(MsgType.TestRequest, [[Tag.TestReqID, 'before']]);
      await client.waitFor((m) => m.get(Tag.TestReqID) === 'before', 'answer before the fault');
      h.simulator.injectFault({ kind: 'silent-heartbeat' });
      const mark = client.received.length;
      client.send(MsgType.TestRequest, [[Tag.TestReqID, 'after']]);
      await sleep(400);
      assert.deepEqual(client.received.slice(mark).map((m) => m.msgType), [], 'the server says nothing at all');
      assert.ok(!client.isClosed, 'and does not hang up either: the client must notice');
    } finally {
      await h.stop();
    }
  });

  test('logout: Logout with the given reason, then close', async () => {
    const h = await startHarness({ totalReports: 5 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(5);
      h.simulator.injectFault({ kind: 'logout', text: 'Session ended by operator' });
      const logout = await client.waitForType(MsgType.Logout);
      assert.equal(logout.get(Tag.Text), 'Session ended by operator');
      await client.waitForClose();
    } finally {
      await h.stop();
    }
  });

  test('maintenance-reset: Logout "Scheduled maintenance"; the next Logon must reset, and then starts at 1', async () => {
    const h = await startHarness({ totalReports: 6 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(6);
      h.simulator.injectFault({ kind: 'maintenance-reset' });
      const logout = await client.waitForType(MsgType.Logout);
      assert.equal(logout.get(Tag.Text), 'Scheduled maintenance');
      await client.waitForClose();
      await eventually(() => !h.simulator.isLoggedOn(accountA().apiKeyId), 'the key to be released');
      assert.equal(h.simulator.session(accountA().apiKeyId, 'KalshiRT')?.resetRequired, true);

      const carryOn = await h.connect();
      carryOn.nextSeq = client.nextSeq;
      carryOn.logon(accountA(), { reset: false });
      const refused = await carryOn.waitForType(MsgType.Logout);
      assert.equal(refused.get(Tag.Text), 'Sequence numbers were reset by scheduled maintenance; log on with ResetSeqNumFlag(141)=Y');
      await carryOn.waitForClose();

      const fresh = await h.logon(accountA(), { reset: true });
      assert.equal(fresh.received[0]!.msgSeqNum, 1);
      assert.equal(h.simulator.session(accountA().apiKeyId, 'KalshiRT')?.resetRequired, false);
    } finally {
      await h.stop();
    }
  });

  test('maintenance-reset with nobody connected resets the session at once', async () => {
    const h = await startHarness({ totalReports: 2 });
    try {
      const client = await h.logon(accountA());
      await client.waitForReports(2);
      client.close();
      await eventually(() => !h.simulator.isLoggedOn(accountA().apiKeyId), 'the key to be released');
      h.simulator.injectFault({ kind: 'maintenance-reset' });
      assert.deepEqual(h.simulator.session(accountA().apiKeyId, 'KalshiRT'), { nextOutSeq: 1, nextInSeq: 1, resetRequired: true });
      const carryOn = await h.connect();
      carryOn.nextSeq = client.nextSeq;
      carryOn.logon(accountA(), { reset: false });
      assert.match((await carryOn.waitForType(MsgType.Logout)).get(Tag.Text)!, /reset by scheduled maintenance/);
    } finally {
      await h.stop();
    }
  });

  test('a schedule repeats its fault every n application messages', async () => {
    const h = await startHarness({ totalReports: 20, faults: [{ every: 5, fault: { kind: 'seq-gap', skip: 1 } }] });
    try {
      const withheld: number[] = [];
      h.simulator.on('er-sent', (e) => e.delivery === 'withheld' && withheld.push(e.msgSeqNum));
      const client = await h.logon(accountA());
      await client.until(() => client.executionReports.length >= 17, '17 ERs', 2000);
      await sleep(30);
      // After ERs 5, 10, 15 and 20 the next one is held back (the 4th has no successor).
      assert.equal(withheld.length, 3);
      assert.deepEqual(gaps(client), withheld);
    } finally {
      await h.stop();
    }
  });

  test('a fault injected with nobody connected waits for the next Logon', async () => {
    const h = await startHarness({ totalReports: 10 });
    try {
      h.simulator.injectFault({ kind: 'logout', text: 'Not today' }, accountA().apiKeyId);
      const client = await h.connect();
      client.logon(accountA());
      const logout = await client.waitForType(MsgType.Logout);
      assert.equal(logout.get(Tag.Text), 'Not today');
      assert.equal(client.received[0]!.msgType, MsgType.Logon, 'it logged on first');
      assert.equal(client.executionReports.length, 0, 'the stream never started');
      await client.waitForClose();
    } finally {
      await h.stop();
    }
  });
});
