// The ER stream over the wire: deterministic per seed, consistent, in the units the Logon asked for,
// paced at the chosen rate, and capped at the chosen total.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { plannedExecIds } from '../../electron/simulator/er-generator.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import type { FixMessage } from '../../electron/core/fix/decode.ts';
import { accountA, accountB } from './support/fixtures.ts';
import { startHarness } from './support/harness.ts';
import { checkStream, scaled } from './support/er-invariants.ts';

const HEADER_TAGS = new Set([8, 9, 10, 34, 52]);
const START = Date.UTC(2026, 10, 24, 14, 0, 0);

/** The message minus the fields that depend on when it was sent. */
function content(m: FixMessage): string {
  return [...m.fields()].filter(([t]) => !HEADER_TAGS.has(t)).map(([t, v]) => `${t}=${v}`).join('|');
}

async function receiveAll(seed: number, total: number): Promise<string[]> {
  const h = await startHarness({ seed, totalReports: total });
  try {
    const client = await h.logon(accountA());
    return (await client.waitForReports(total)).map(content);
  } finally {
    await h.stop();
  }
}

describe('simulator ER stream', () => {
  test('two simulators with the same seed send the same reports; another seed differs', async () => {
    const [a, b, c] = await Promise.all([receiveAll(21, 60), receiveAll(21, 60), receiveAll(22, 60)]);
    assert.equal(a.length, 60);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test('ExecIDs on the wire are the planned ones, sentExecIds knows them, and the stream is consistent', async () => {
    const h = await startHarness({ seed: 5, totalReports: 150, markets: 4 });
    try {
      let completed = 0;
      h.simulator.on('stream-complete', () => completed++);
      const client = await h.logon(accountA());
      const reports = await client.waitForReports(150);
      const ids = reports.map((m) => m.get(Tag.ExecID)!);
      assert.deepEqual(ids, plannedExecIds({ seed: 5, markets: 4, startTimeMs: START, total: 150 }));
      assert.deepEqual([...h.simulator.sentExecIds], ids);
      assert.deepEqual(h.simulator.execIdsFor(accountA().apiKeyId), ids);
      assert.deepEqual(h.simulator.execIdsFor(accountB().apiKeyId), [], 'account B never logged on');
      checkStream(reports, 'dollars');
      // Seq numbers are contiguous after the Logon response.
      reports.forEach((m, i) => assert.equal(m.msgSeqNum, i + 2));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(client.executionReports.length, 150, 'nothing past the total');
      assert.equal(completed, 1);
    } finally {
      await h.stop();
    }
  });

  test('without 21005=Y prices arrive in cents, and each account has its own stream', async () => {
    const h = await startHarness({ seed: 5, totalReports: 40 });
    try {
      const dollars = await h.logon(accountA());
      const cents = await h.logon(accountB(), { fields: [[Tag.UseDollars, null]] });
      const [d, c] = await Promise.all([dollars.waitForReports(40), cents.waitForReports(40)]);
      checkStream(c, 'cents');
      // Same seed for both accounts, so the same orders, written in different units.
      assert.deepEqual(d.map((m) => m.get(Tag.ExecID)), c.map((m) => m.get(Tag.ExecID)));
      for (let i = 0; i < d.length; i++) {
        assert.match(d[i]!.get(Tag.Price)!, /^0\.\d{4}$/);
        assert.match(c[i]!.get(Tag.Price)!, /^\d{1,2}(\.\d{1,2})?$/);
        assert.equal(scaled(c[i]!.get(Tag.Price), 2), scaled(d[i]!.get(Tag.Price), 4));
      }
    } finally {
      await h.stop();
    }
  });

  test('ratePerSecond paces the stream; 0 sends as fast as the socket drains', async () => {
    const paced = await startHarness({ ratePerSecond: 100, totalReports: 15 });
    try {
      const client = await paced.logon(accountA());
      const started = Date.now();
      await client.waitForReports(15);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 100, `15 reports at 100/s took only ${elapsed} ms`);
      assert.ok(elapsed < 1500, `15 reports at 100/s took ${elapsed} ms`);
    } finally {
      await paced.stop();
    }
    const fast = await startHarness({ ratePerSecond: 0, totalReports: 3000 });
    try {
      const client = await fast.logon(accountA());
      const started = Date.now();
      await client.waitForReports(3000, 5000);
      assert.ok(Date.now() - started < 2000);
      assert.ok(client.received.every((m) => m.msgType === MsgType.ExecutionReport || m.msgType === MsgType.Logon));
    } finally {
      await fast.stop();
    }
  });
});
