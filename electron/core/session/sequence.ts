// sequence.ts — the single owner of MsgSeqNum state: the next inbound number we expect, the next
// outbound number we send, and the out-of-order messages held while a gap is being filled.
// It decides nothing about the wire; session-machine.ts asks it to classify and advance.
// Durability: the inbound number is persisted by the SequenceStore together with the message
// that advanced it (one transaction), so a crash can never separate the two.

export type InboundClass = 'in-order' | 'gap' | 'duplicate' | 'too-low';

export interface SequenceSnapshot {
  readonly nextInbound: number;
  readonly nextOutbound: number;
}

export class SequenceNumbers<M> {
  #nextInbound: number;
  #nextOutbound: number;
  readonly #ahead = new Map<number, M>();
  readonly #maxAhead: number;

  constructor(initial: SequenceSnapshot, maxAhead: number) {
    this.#nextInbound = initial.nextInbound;
    this.#nextOutbound = initial.nextOutbound;
    this.#maxAhead = maxAhead;
  }

  get nextInbound(): number {
    return this.#nextInbound;
  }

  get nextOutbound(): number {
    return this.#nextOutbound;
  }

  /**
   * The expected inbound number after a message was accepted (MsgSeqNum + 1, a GapFill's NewSeqNo), or
   * after a gap that cannot be recovered (NR) or a SequenceReset-Reset moved it. Never backwards:
   * moving back is a reset (reset()).
   */
  advanceInbound(next: number): void {
    if (next < this.#nextInbound) throw new RangeError(`The expected inbound number cannot move back from ${this.#nextInbound} to ${next}; reset instead.`);
    this.#nextInbound = next;
  }

  classify(msgSeqNum: number, possDup: boolean): InboundClass {
    if (msgSeqNum === this.#nextInbound) return 'in-order';
    if (msgSeqNum > this.#nextInbound) return 'gap';
    return possDup ? 'duplicate' : 'too-low';
  }

  /** Claims the next outbound number. */
  takeOutbound(): number {
    return this.#nextOutbound++;
  }

  reset(next: SequenceSnapshot): void {
    this.#nextInbound = next.nextInbound;
    this.#nextOutbound = next.nextOutbound;
    this.#ahead.clear();
  }

  /**
   * Holds a message that arrived ahead of a gap. Returns how many were dropped to stay within the
   * bound: the highest ones go, since a resend to "infinity" brings them again.
   */
  holdAhead(msgSeqNum: number, message: M): number {
    this.#ahead.set(msgSeqNum, message);
    if (this.#ahead.size <= this.#maxAhead) return 0;
    let highest = -1;
    for (const seq of this.#ahead.keys()) if (seq > highest) highest = seq;
    this.#ahead.delete(highest);
    return 1;
  }

  /** The held message that is now next in order, if any (removed from the hold). */
  takeNextHeld(): M | undefined {
    const held = this.#ahead.get(this.#nextInbound);
    if (held !== undefined) this.#ahead.delete(this.#nextInbound);
    return held;
  }

  /** Forgets held messages below the expected number (after a SequenceReset jumped past them). */
  discardHeldBelowNext(): void {
    for (const seq of this.#ahead.keys()) if (seq < this.#nextInbound) this.#ahead.delete(seq);
  }

  get heldCount(): number {
    return this.#ahead.size;
  }

  clearHeld(): void {
    this.#ahead.clear();
  }

  snapshot(): SequenceSnapshot {
    return { nextInbound: this.#nextInbound, nextOutbound: this.#nextOutbound };
  }
}
