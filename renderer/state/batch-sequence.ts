// batch-sequence.ts — notices a live batch that never arrived: main numbers its batches without gaps
// (electron/main/ipc/event-batcher.ts), so a number that skips one means something may be missing and
// the reader reads its snapshot again.
export class BatchSequence {
  #last: number | null = null;

  /** Takes batch `seq`; true when one before it was missed. */
  missedBefore(seq: number): boolean {
    const missed = this.#last !== null && seq > this.#last + 1;
    this.#last = Math.max(this.#last ?? 0, seq);
    return missed;
  }
}
