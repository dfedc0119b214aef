// history-live.test.ts — a reloaded History window resyncs: a snapshot (first page + journal position),
// pages read as of that position, then changesSince from it while a recorder keeps appending, pick up
// every execution exactly once — none missed, none doubled — for a filtered view too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openHistoryStore, type SqliteHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import type { Journal } from '../../../electron/core/journal/journal.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistoryCursor, HistoryPageRequest, JournalPosition } from '../../../shared/history/history-page.ts';
import { ACCOUNTS, execSpecs, executionReport, ingest, modelMatches, modelRows, rowKey, T0, type ExecSpec } from './history-fixtures.ts';
import { openJournal, tempDir } from './journal-fixtures.ts';

/** Appends executions through live Journals (one per account) on a file History is reading. */
class Appender {
  readonly #journals: Journal[];
  readonly #seqs: number[];

  constructor(path: string) {
    this.#journals = ACCOUNTS.map((senderCompId) => openJournal(path, { session: { senderCompId, targetCompId: 'KalshiRT' }, commitDelayMs: 0 }));
    this.#seqs = this.#journals.map((j) => j.load()?.nextInbound ?? 1);
  }

  append(specs: readonly ExecSpec[]): void {
    for (const spec of specs) {
      const seq = this.#seqs[spec.account]!++;
      this.#journals[spec.account]!.accept(executionReport(seq, spec), seq + 1, T0 + seq);
    }
    for (const j of this.#journals) j.commit();
  }

  close(): void {
    for (const j of this.#journals) j.close();
  }
}

/** Every row id of a snapshot's listing: its first page, then the pages after it as of its position. */
async function snapshotIds(store: SqliteHistoryStore, request: HistoryPageRequest): Promise<{ ids: number[]; position: JournalPosition }> {
  const snapshot = await store.snapshot(request);
  const ids = snapshot.page.rows.map((r) => r.rowId);
  let next: HistoryCursor | null = snapshot.page.next;
  while (next !== null) {
    const page = await store.page({ ...request, after: next, asOf: snapshot.position });
    ids.push(...page.rows.map((r) => r.rowId));
    next = page.next;
  }
  return { ids, position: snapshot.position };
}

test('snapshot, pages as of its position, then changesSince while rows are appended: every row exactly once', async () => {
  await fc.assert(
    fc.asyncProperty(
      execSpecs(0, 30), fc.array(execSpecs(0, 12), { minLength: 1, maxLength: 6 }), fc.constantFrom<HistoryFilter>({}, { sides: ['2'] }, { execTypes: ['F'] }, { accounts: [ACCOUNTS[1]] }),
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }),
      async (before, bursts, filter, pageSize, changesLimit) => {
        const dir = tempDir();
        // ExecIDs of each burst restart at 0: make them unique over the whole run.
        const all = [before, ...bursts].flatMap((list, b) => list.map((s) => ({ ...s, execId: `${b};${s.execId}` })));
        try {
          const path = dir.file('live.db');
          ingest(path, all.slice(0, before.length));
          const appender = new Appender(path);
          const store = openHistoryStore(path);
          try {
            const request: HistoryPageRequest = { filter, sort: { column: 'time', direction: 'desc' }, limit: pageSize };
            // Rows land between the snapshot's first page and the pages after it: asOf keeps them out.
            const firstBurst = all.slice(before.length, before.length + bursts[0]!.length);
            const snapshot = await store.snapshot(request);
            appender.append(firstBurst);
            let next: HistoryCursor | null = snapshot.page.next;
            const seen = snapshot.page.rows.map((r) => r.rowId);
            while (next !== null) {
              const page = await store.page({ ...request, after: next, asOf: snapshot.position });
              seen.push(...page.rows.map((r) => r.rowId));
              next = page.next;
            }
            // Then live: more bursts arrive between changesSince calls, each call capped at a few rows.
            let position = snapshot.position;
            let offset = before.length + firstBurst.length;
            for (let b = 1; b <= bursts.length; b++) {
              for (;;) {
                const changes = await store.changesSince(position, { filter, limit: changesLimit });
                seen.push(...changes.rows.map((r) => r.rowId));
                assert.ok(changes.rows.length <= changesLimit);
                position = changes.position;
                if (!changes.more) break;
              }
              if (b < bursts.length) {
                appender.append(all.slice(offset, offset + bursts[b]!.length));
                offset += bursts[b]!.length;
              }
            }
            appender.close();
            const expected = modelRows(all, await ingestedIds(store, all)).filter((r) => modelMatches(r, filter)).map((r) => r.rowId);
            assert.deepEqual([...seen].sort((a, b) => a - b), expected.sort((a, b) => a - b), 'each row once');
            assert.equal(new Set(seen).size, seen.length, 'nothing doubled');
            const again = await store.changesSince(position, { filter });
            assert.deepEqual(again.rows, [], 'nothing after the last position');
            assert.equal(again.position, position);
          } finally {
            await store.close();
          }
        } finally {
          dir.remove();
        }
      },
    ),
    { numRuns: 30 },
  );
});

/** rowKey → row id for every spec, through the store's own lookup (each spec was stored once). */
function ingestedIds(store: SqliteHistoryStore, specs: readonly ExecSpec[]): Promise<Map<string, number>> {
  return Promise.all(specs.map(async (s) => {
    const rows = await store.byExecId(s.execId);
    return [rowKey(s), rows.find((r) => r.account === ACCOUNTS[s.account])!.rowId] as const;
  })).then((pairs) => new Map(pairs));
}

test('a snapshot of an empty journal starts at position 0, and changesSince then returns whatever arrives', async () => {
  const dir = tempDir();
  const path = dir.file('empty.db');
  ingest(path, []);
  const store = openHistoryStore(path);
  const appender = new Appender(path);
  try {
    const snapshot = await snapshotIds(store, { filter: {}, sort: { column: 'time', direction: 'asc' }, limit: 5 });
    assert.deepEqual(snapshot.ids, []);
    const spec: ExecSpec = {
      account: 0, execId: 'x;1', orderId: 'o', clOrdId: 'c', symbol: 'S', side: '1', execType: '0', ordStatus: '0', time: T0,
      lastQty: undefined, lastPx: undefined, cumQty: '0', avgPx: '0', fee: undefined, text: undefined,
    };
    appender.append([spec]);
    const changes = await store.changesSince(snapshot.position);
    assert.deepEqual(changes.rows.map((r) => r.execId), ['x;1']);
    assert.equal(changes.more, false);
  } finally {
    appender.close();
    await store.close();
    dir.remove();
  }
});
