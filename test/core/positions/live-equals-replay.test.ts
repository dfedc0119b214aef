// The live positions book is always what a replay of the journal gives (issue 10 §4): random
// interleavings of live fills, late backfilled fills (older TransactTime, arriving through the
// drop-copy session's own Journal on the same file) and settlements, committed in random batches; after
// every commit the live book (fed only by the commits) must equal a replay from a fresh reader.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Journal, openJournalReader, type CommittedBatch } from '../../../electron/core/journal/index.ts';
import { LiveBook } from '../../../electron/core/positions/live-book.ts';
import { replayBook } from '../../../electron/core/positions/replay-book.ts';
import { positionsSnapshot } from '../../../shared/positions/positions-snapshot.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import { API_KEY_ID, inbound } from '../../support/fix-builders.ts';

const MARKETS = ['KXA-26NOV24-B1', 'KXA-26NOV24-B2', 'KXB-26NOV25-T3'];
const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

type Step =
  | { kind: 'fill'; market: number; side: '1' | '2'; qty: number; pxCents: number; minutes: number; late: boolean; fee: boolean }
  | { kind: 'settle'; market: number; result: 'yes' | 'no' }
  | { kind: 'commit' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    kind: fc.constant('fill' as const), market: fc.integer({ min: 0, max: MARKETS.length - 1 }), side: fc.constantFrom('1' as const, '2' as const),
    qty: fc.integer({ min: 1, max: 2500 }), pxCents: fc.integer({ min: 1, max: 99 }), minutes: fc.integer({ min: 0, max: 600 }),
    late: fc.boolean(), fee: fc.boolean(),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), market: fc.integer({ min: 0, max: MARKETS.length - 1 }), result: fc.constantFrom('yes' as const, 'no' as const) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'commit' as const }) },
);

function tradeMessage(seq: number, execId: string, step: Extract<Step, { kind: 'fill' }>) {
  const qty = (step.qty / 100).toFixed(2);
  const px = (step.pxCents / 100).toFixed(4);
  return inbound('8', seq, [
    [37, `o-${execId}`], [11, `c-${execId}`], [17, execId], [150, 'F'], [39, '2'], [54, step.side], [55, MARKETS[step.market]!],
    [38, qty], [44, px], [32, qty], [31, px], [14, qty], [151, '0.00'], [6, px], [60, formatUtcTimestamp(T0 + step.minutes * 60_000)],
    ...(step.fee ? [[136, 1], [137, '0.01'], [138, 'USD'], [139, 4], [891, 0]] as const : []),
  ], { sender: step.late ? 'KalshiDC' : 'KalshiRT' });
}

function settlementMessage(seq: number, reportId: string, step: Extract<Step, { kind: 'settle' }>) {
  return inbound('UMS', seq, [
    [20105, reportId], [55, MARKETS[step.market]!], [715, '20261125'], [20106, 1], [20107, step.result], [893, 'Y'],
    [730, step.result === 'yes' ? '100.00' : '0.00'], [20108, 1], [20109, 'party-1'], [20110, 24],
  ]);
}

describe('live positions equal a replay of the journal', () => {
  test('property: after every commit, for any interleaving of live fills, late backfills and settlements', () => {
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
      const dir = mkdtempSync(join(tmpdir(), 'fw-live-'));
      const path = join(dir, 'journal.db');
      let book: LiveBook | undefined;
      const onCommittedBatch = (batch: CommittedBatch) => book?.applyCommitted(batch);
      const rt = Journal.open(path, { session: { senderCompId: API_KEY_ID, targetCompId: 'KalshiRT' }, commitDelayMs: 0, onCommittedBatch });
      const dc = Journal.open(path, { session: { senderCompId: API_KEY_ID, targetCompId: 'KalshiDC' }, commitDelayMs: 0, onCommittedBatch });
      try {
        book = new LiveBook(() => rt.reader, { senderCompId: API_KEY_ID });
        let rtSeq = 1;
        let dcSeq = 1;
        let exec = 0;
        const compare = () => {
          const reader = openJournalReader(path);
          try {
            assert.deepEqual(positionsSnapshot(book!.book), positionsSnapshot(replayBook(reader, { senderCompId: API_KEY_ID }).book));
          } finally {
            reader.close();
          }
        };
        for (const step of steps) {
          if (step.kind === 'commit') {
            rt.commit();
            dc.commit();
            compare();
          } else if (step.kind === 'fill' && step.late) {
            dc.accept(tradeMessage(dcSeq, `1042;${++exec}`, step), ++dcSeq, T0);
          } else if (step.kind === 'fill') {
            rt.accept(tradeMessage(rtSeq, `1042;${++exec}`, step), ++rtSeq, T0);
          } else {
            rt.accept(settlementMessage(rtSeq, `st-${rtSeq}`, step), ++rtSeq, T0);
          }
        }
        rt.commit();
        dc.commit();
        compare();
      } finally {
        rt.close();
        dc.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: Number(process.env.FILLWATCH_LIVE_BOOK_RUNS ?? 60) });
  });
});
