// Heartbeat rules with a shrunken clock (heartbeatUnitMs = 25, so HeartBtInt 4 = 100 ms): idle
// Heartbeats, TestRequest answered with its 112, and a silent client first tested, then dropped.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { accountA } from './support/fixtures.ts';
import { startHarness } from './support/harness.ts';

const FAST = { totalReports: 0, heartbeatUnitMs: 25, heartbeatGraceMs: 50 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('simulator heartbeats', () => {
  test('sends Heartbeats when idle and answers TestRequest echoing TestReqID(112)', async () => {
    // A long grace keeps the server from testing us even if the machine is busy.
    const h = await startHarness({ ...FAST, heartbeatGraceMs: 400 });
    try {
      const client = await h.logon(accountA(), { heartBtInt: 4 });
      // And a heartbeat of our own every 60 ms.
      const keepAlive = setInterval(() => client.send(MsgType.Heartbeat, []), 60);
      await sleep(450);
      clearInterval(keepAlive);
      const beats = client.received.filter((m) => m.msgType === MsgType.Heartbeat);
      assert.ok(beats.length >= 2 && beats.length <= 6, `${beats.length} idle heartbeats in 450 ms at 100 ms`);
      assert.ok(beats.every((m) => m.get(Tag.TestReqID) === undefined));
      assert.ok(!client.received.some((m) => m.msgType === MsgType.TestRequest));
      client.send(MsgType.TestRequest, [[Tag.TestReqID, 'T-42']]);
      const answer = await client.waitFor((m) => m.get(Tag.TestReqID) === 'T-42', 'Heartbeat(112=T-42)');
      assert.equal(answer.msgType, MsgType.Heartbeat);
    } finally {
      await h.stop();
    }
  });

  test('a silent client gets a TestRequest after HeartBtInt + grace, and is logged out if it stays silent', async () => {
    const h = await startHarness(FAST);
    try {
      // Measured from before the Logon was sent: the server's silence clock starts when it arrives.
      const started = Date.now();
      const client = await h.logon(accountA(), { heartBtInt: 4 });
      const testRequest = await client.waitForType(MsgType.TestRequest, 1000);
      assert.ok(Date.now() - started >= 140, 'not before HeartBtInt + grace');
      assert.match(testRequest.get(Tag.TestReqID)!, /^TEST-\d+$/);
      const logout = await client.waitForType(MsgType.Logout, 1000);
      assert.equal(logout.get(Tag.Text), `Heartbeat timeout: no answer to TestRequest ${testRequest.get(Tag.TestReqID)}`);
      await client.waitForClose();
    } finally {
      await h.stop();
    }
  });

  test('answering the TestRequest keeps the session up', async () => {
    const h = await startHarness(FAST);
    try {
      const client = await h.logon(accountA(), { heartBtInt: 4 });
      const testRequest = await client.waitForType(MsgType.TestRequest, 1000);
      client.send(MsgType.Heartbeat, [[Tag.TestReqID, testRequest.get(Tag.TestReqID)!]]);
      await sleep(180);
      assert.ok(!client.received.some((m) => m.msgType === MsgType.Logout));
      assert.ok(!client.isClosed);
    } finally {
      await h.stop();
    }
  });
});
