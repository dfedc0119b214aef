// commit-fixtures.ts — what the commit-policy tests share whichever thread commits (commit-policy.test.ts
// inline, writer-thread.test.ts on a worker): the random programs of accepts, flushes, commits and waits
// the property tests run, and the disk-full round (a commit fails, the batch is kept, space returns).
import assert from 'node:assert/strict';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { JournalError } from '../../../electron/core/journal/errors.ts';
import type { Journal } from '../../../electron/core/journal/journal.ts';
import { heartbeat, storedSeqs } from './journal-fixtures.ts';

export const T0 = 1_790_000_000_000;

export type JournalOp = { kind: 'accept'; count: number } | { kind: 'flush' } | { kind: 'commit' } | { kind: 'wait'; ms: number } | { kind: 'yield' };

/** One step of a program: accept up to `maxAccept` heartbeats, flush, commit, wait up to 8 ms or (withYield) yield to the loop. */
export function journalOp(maxAccept: number, withYield: boolean): fc.Arbitrary<JournalOp> {
  const yieldOp = withYield ? [fc.constant({ kind: 'yield' as const })] : [];
  return fc.oneof(
    fc.record({ kind: fc.constant('accept' as const), count: fc.integer({ min: 1, max: maxAccept }) }),
    fc.constant({ kind: 'flush' as const }),
    fc.constant({ kind: 'commit' as const }),
    ...yieldOp,
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 8 }) }),
  );
}

/** Runs one step; `seq` is the next MsgSeqNum to accept, and the one after the step is returned. */
export async function runOp(journal: Journal, op: JournalOp, seq: number): Promise<number> {
  switch (op.kind) {
    case 'accept':
      for (let i = 0; i < op.count; i++, seq++) journal.accept(heartbeat(seq), seq + 1, T0);
      return seq;
    case 'flush': journal.flush(); return seq;
    case 'commit': journal.commit(); return seq;
    case 'yield': await yieldToLoop(); return seq;
    case 'wait': await sleep(op.ms); return seq;
  }
}

/** The stored MsgSeqNums are 1, 2, 3…: none lost or doubled, in order. */
export function assertStoredInOrder(seqs: readonly (number | null)[]): void {
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'stored in order, none lost or doubled');
}

/** Caps the file at its current size (it cannot grow) and accepts 200 fills: more than its free pages hold. */
export function overfill(journal: Journal, fill: (seq: number) => FixMessage): void {
  journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
  journal.setMaxPageCount(1); // never below the current size: the file cannot grow any more
  for (let seq = 1; seq <= 200; seq++) journal.accept(fill(seq), seq + 1, T0);
}

/**
 * After overfill() and a commit that failed in the background: it was reported once as disk-full, the
 * batch is kept, the next chunk's flush() throws it to the session, and once space returns the first
 * flush() commits everything synchronously, in order, reporting each execution.
 */
export function assertFailedCommitKeptThenStored(journal: Journal, path: string, fill: (seq: number) => FixMessage, errors: readonly unknown[], reported: readonly string[]): void {
  assert.equal(errors.length, 1, 'the failure was reported');
  assert.ok(errors[0] instanceof JournalError && errors[0].kind === 'disk-full');
  assert.equal(journal.pendingCount, 200, 'the batch is kept');
  journal.accept(fill(201), 202, T0);
  assert.throws(() => journal.flush(), (e) => e instanceof JournalError && e.kind === 'disk-full', 'the next chunk reaches the session with the error');
  assert.deepEqual(storedSeqs(path), []);

  journal.setMaxPageCount(1_000_000);
  journal.flush();
  assert.deepEqual(storedSeqs(path), Array.from({ length: 201 }, (_, i) => i + 1), 'committed synchronously by the first flush after the failure, in order');
  assert.equal(reported.length, 201);
}
