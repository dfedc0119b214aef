// resend.ts — the one outstanding ResendRequest of a session: where it began, the furthest MsgSeqNum
// it must reach, when the exchange last made progress and how often we asked. It decides when the
// gap is closed and when a stalled request is asked again or given up; session-machine.ts sends.
const MAX_RESEND_ATTEMPTS = 3;
/** EndSeqNo 0 = "everything after BeginSeqNo" (FIX 4.2+). */
export const INFINITY_SEQ = 0;

export class ResendRecovery {
  #range: { begin: number; target: number; lastProgressAt: number; attempts: number } | undefined;

  get outstanding(): boolean {
    return this.#range !== undefined;
  }

  /** The first request for a gap: everything from `begin`, until `target` has arrived. */
  start(begin: number, target: number, now: number): void {
    this.#range = { begin, target, lastProgressAt: now, attempts: 1 };
  }

  /** Another gap while one request is outstanding: the same request must also reach this far. */
  extendTo(received: number): void {
    if (this.#range !== undefined && received > this.#range.target) this.#range.target = received;
  }

  /**
   * Messages were taken in order. Returns the range recovered once nothing up to the target is missing
   * any more (and nothing is held), which ends the request.
   */
  progressed(now: number, nextInbound: number, heldCount: number): { begin: number; end: number } | undefined {
    const range = this.#range;
    if (range === undefined) return undefined;
    range.lastProgressAt = now;
    if (nextInbound <= range.target || heldCount !== 0) return undefined;
    this.#range = undefined;
    return { begin: range.begin, end: nextInbound - 1 };
  }

  /** No progress for `stallMs`: ask again (from where we are, for the same target), or give up. */
  stalled(now: number, stallMs: number): 'ask-again' | 'give-up' | undefined {
    const range = this.#range;
    if (range === undefined || now - range.lastProgressAt < stallMs) return undefined;
    return range.attempts >= MAX_RESEND_ATTEMPTS ? 'give-up' : 'ask-again';
  }

  /** The request asked again, from `begin`. */
  askedAgain(begin: number, now: number): void {
    if (this.#range === undefined) return;
    this.#range = { begin, target: this.#range.target, lastProgressAt: now, attempts: this.#range.attempts + 1 };
  }

  clear(): void {
    this.#range = undefined;
  }
}
