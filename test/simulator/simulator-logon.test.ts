// Over real TLS: the simulator accepts a proper listener Logon, refuses every broken one with a
// Logout whose Text says why and then closes, and allows one connection per API key.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { accountA, accountB, strangerKey } from './support/fixtures.ts';
import { eventually, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';
import type { RawFixClient } from './support/raw-client.ts';
import type { LogonOptions } from './support/raw-client.ts';
import type { TestAccount } from './support/fixtures.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ totalReports: 5 });
});
after(() => h.stop());

async function refusedWith(account: TestAccount, options: LogonOptions): Promise<string> {
  const client = await h.connect();
  client.logon(account, options);
  const logout = await client.waitForType(MsgType.Logout);
  await client.waitForClose();
  assert.ok(!client.received.some((m) => m.msgType === MsgType.Logon), 'no Logon response before the refusal');
  assert.equal(client.executionReports.length, 0);
  return logout.get(Tag.Text) ?? '';
}

describe('simulator logon', () => {
  test('a valid listener Logon gets a Logon back (HeartBtInt echoed, 141=Y echoed) and the ER stream', async () => {
    const client = await h.logon(accountA(), { heartBtInt: 17 });
    const response = client.received[0]!;
    assert.equal(response.msgType, MsgType.Logon);
    assert.equal(response.get(Tag.HeartBtInt), '17');
    assert.equal(response.get(Tag.ResetSeqNumFlag), 'Y');
    assert.equal(response.msgSeqNum, 1);
    assert.equal(response.senderCompId, 'KalshiRT');
    assert.equal(response.targetCompId, accountA().apiKeyId);
    const reports = await client.waitForReports(5);
    assert.deepEqual(reports.map((m) => m.msgSeqNum), [2, 3, 4, 5, 6]);
    client.close();
    await client.closed;
  });

  test('bad signature → Logout "Invalid signature", then close', async () => {
    assert.equal(await refusedWith(accountB(), { signWith: strangerKey() }), 'Invalid signature');
  });

  test('unregistered key → Logout naming the key', async () => {
    assert.match(await refusedWith(strangerKey(), {}), /Unknown API key ID .*00000000-0000-4000-8000-000000000000/);
  });

  test('non-listener logons are refused with the rule they broke', async () => {
    assert.match(await refusedWith(accountB(), { fields: [[Tag.ListenerSession, null]] }), /ListenerSession\(20126\)=Y is required/);
    assert.equal(await refusedWith(accountB(), { fields: [[Tag.SkipPendingExecReports, null]] }), 'Listener session requires SkipPendingExecReports=Y');
    assert.match(await refusedWith(accountB(), { fields: [[Tag.CancelOrdersOnDisconnect, 'Y']] }), /8013/);
    assert.match(await refusedWith(accountB(), { target: 'KalshiDC' }), /KalshiRT or KalshiNR/);
    assert.match(await refusedWith(accountB(), { target: 'KalshiNR', reset: false, msgSeqNum: 1 }), /KalshiNR requires ResetSeqNumFlag\(141\)=Y/);
    assert.match(await refusedWith(accountB(), { sendingTimeMs: Date.now() - 45_000 }), /within 30 s/);
    assert.match(await refusedWith(accountB(), { heartBtInt: 3 }), /greater than 3/);
  });

  test('a message before Logon is refused and, if it is an order, recorded', async () => {
    const client = await h.connect();
    client.apiKeyId = accountB().apiKeyId;
    client.send(MsgType.NewOrderSingle, [[Tag.ClOrdID, 'x1'], [Tag.Symbol, 'KXHIGHNY-26NOV24-B52.5']]);
    const logout = await client.waitForType(MsgType.Logout);
    assert.match(logout.get(Tag.Text)!, /First message must be Logon/);
    await client.waitForClose();
    const last = h.simulator.refusedApplicationMessages.at(-1);
    assert.equal(last?.msgType, 'D');
    assert.equal(last?.apiKeyId, accountB().apiKeyId);
  });

  test('a second connection with the same API key is refused while the first is active', async () => {
    const first = await h.logon(accountB());
    const refusals: string[] = [];
    h.simulator.once('logon-refused', (e) => refusals.push(e.refusal.kind));
    const text = await refusedWith(accountB(), {});
    assert.match(text, /only one connection per API key/);
    assert.deepEqual(refusals, ['already-connected']);
    assert.ok(!first.isClosed, 'the first connection is untouched');
    await first.waitForReports(5);
    // Once it is gone the key may log on again (on NR this time).
    first.close();
    await first.closed;
    const again = await h.logon(accountB(), { target: 'KalshiNR' });
    assert.equal(again.received[0]!.senderCompId, 'KalshiNR');
    again.close();
    await again.closed;
  });

  test('emits logon and disconnect events', async () => {
    const events: string[] = [];
    const mine = accountA().apiKeyId;
    const onLogon = (e: { apiKeyId: string; target: string }) => e.apiKeyId === mine && events.push(`logon ${e.target}`);
    const onDisconnect = (e: { apiKeyId: string | undefined; reason: string }) => e.apiKeyId === mine && events.push(`disconnect ${e.reason}`);
    h.simulator.on('logon', onLogon);
    h.simulator.on('disconnect', onDisconnect);
    const client: RawFixClient = await h.logon(accountA());
    client.send(MsgType.Logout, [[Tag.Text, 'bye']]);
    const reply = await client.waitForType(MsgType.Logout);
    assert.equal(reply.get(Tag.Text), undefined);
    await client.waitForClose();
    await eventually(() => events.length === 2, 'the disconnect event');
    h.simulator.off('logon', onLogon);
    h.simulator.off('disconnect', onDisconnect);
    assert.deepEqual(events, ['logon KalshiRT', 'disconnect client logout']);
  });
});
