// session-store.ts — where the session keeps its sequence numbers between connections (and, with the
// durable journal, between runs). The session calls `accept` for every in-sequence inbound message with
// the expected number that follows it; a durable store must persist both in one transaction.
import type { FixMessage } from '../fix/decode.ts';
import type { SequenceSnapshot } from './sequence.ts';

export interface SequenceStore {
  /** The numbers to resume from, or undefined for a fresh session (the first Logon then resets). */
  load(): SequenceSnapshot | undefined;
  /** An in-sequence inbound message and the next expected inbound number after it. May throw: the session then disconnects. */
  accept(message: FixMessage, nextInbound: number, receivedAt: number): void;
  /**
   * Called after each chunk of socket data is processed, so a durable store can commit a burst in one
   * transaction (the journal commits at once or within a few ms). Whatever it commits, the stored
   * inbound number never runs ahead of the stored messages. May throw: the session then stops.
   */
  flush?(): void;
  setNextOutbound(nextOutbound: number): void;
  resetSequences(next: SequenceSnapshot): void;
}

/** Keeps sequence numbers for the life of the process: a restart begins a fresh session. */
export class MemorySequenceStore implements SequenceStore {
  #state: { nextInbound: number; nextOutbound: number } | undefined;

  constructor(initial?: SequenceSnapshot) {
    this.#state = initial === undefined ? undefined : { ...initial };
  }

  load(): SequenceSnapshot | undefined {
    return this.#state === undefined ? undefined : { ...this.#state };
  }

  accept(_message: FixMessage, nextInbound: number): void {
    this.#ensure().nextInbound = nextInbound;
  }

  setNextOutbound(nextOutbound: number): void {
    this.#ensure().nextOutbound = nextOutbound;
  }

  resetSequences(next: SequenceSnapshot): void {
    this.#state = { ...next };
  }

  #ensure(): { nextInbound: number; nextOutbound: number } {
    this.#state ??= { nextInbound: 1, nextOutbound: 1 };
    return this.#state;
  }
}
