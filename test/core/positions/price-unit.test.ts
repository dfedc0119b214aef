// Each execution keeps the price unit its session's Logon asked for (21005), so no reader guesses: a
// cents account's LastPx 42 and a dollars account's 0.42 are the same price in replay and live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournalReader } from '../../../electron/core/journal/index.ts';
import { LiveBook } from '../../../electron/core/positions/live-book.ts';
import { replayBook } from '../../../electron/core/positions/replay-book.ts';
import { toString } from '../../../shared/decimal.ts';
import { inbound } from '../../support/fix-builders.ts';

const trade = (seq: number, execId: string, px: string, target: string) => inbound('8', seq, [
  [37, `o-${execId}`], [11, 'c'], [17, execId], [150, 'F'], [39, '2'], [54, '1'], [55, 'KXA-26NOV24-B1'], [38, '10'], [44, px],
  [32, '10'], [31, px], [14, '10'], [151, '0'], [6, px], [60, '20261124-14:00:00.000'],
], { target });

test('a cents session and a dollars session price the same fill the same, in replay and live', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-unit-'));
  const path = join(dir, 'journal.db');
  try {
    const books = new Map<string, LiveBook>();
    const open = (key: string, priceUnit: 'dollars' | 'cents') => Journal.open(path, {
      session: { senderCompId: key, targetCompId: 'KalshiRT' }, priceUnit, commitDelayMs: 0,
      onCommittedBatch: (b) => books.get(key)?.applyCommitted(b),
    });
    const cents = open('cents-key', 'cents');
    const dollars = open('dollars-key', 'dollars');
    books.set('cents-key', new LiveBook(() => cents.reader, { senderCompId: 'cents-key' }));
    books.set('dollars-key', new LiveBook(() => dollars.reader, { senderCompId: 'dollars-key' }));
    cents.accept(trade(1, '4;1', '42', 'cents-key'), 2, 0);
    cents.commit();
    dollars.accept(trade(1, '4;1', '0.4200', 'dollars-key'), 2, 0);
    dollars.commit();
    const reader = openJournalReader(path);
    try {
      for (const key of ['cents-key', 'dollars-key']) {
        const [replayed] = replayBook(reader, { senderCompId: key }).book.markets();
        const [live] = books.get(key)!.book.markets();
        assert.equal(toString(replayed!.avgEntryPrice!), '0.42', key);
        assert.equal(toString(live!.avgEntryPrice!), '0.42', key);
        assert.equal(toString(replayed!.costBasis), '4.2');
      }
      assert.deepEqual([...reader.trades()].map((t) => t.priceUnit), ['cents', 'dollars']);
    } finally {
      reader.close();
    }
    cents.close();
    dollars.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
