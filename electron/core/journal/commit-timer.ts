// commit-timer.ts — decides WHEN the journal commits what flush() leaves queued (the commit policy in
// journal.ts): at once, or within the batch's deadline of its oldest message through one timer. The
// deadline is `delayMs`, stretched to `burstDelayMs` once socket reads show a backlog being drained
// (burst()). Remembers that a deferred commit failed, so the next flush() commits synchronously and
// its error reaches the caller. Owns the timer and the clock; never touches the database, and commits
// only through the callback it is given.

export class CommitTimer {
  readonly #delayMs: number;
  readonly #burstDelayMs: number;
  readonly #fire: () => void;
  /** performance.now() when the oldest queued message was accepted. */
  #since = 0;
  /** How long the oldest queued message may wait: delayMs, or burstDelayMs during a burst. */
  #deadlineMs: number;
  #timer: NodeJS.Timeout | undefined;
  #failed = false;

  /** `fire` runs the deferred commit; it reports its own failure through failed(). */
  constructor(delayMs: number, fire: () => void, burstDelayMs = delayMs) {
    this.#delayMs = Math.max(0, delayMs);
    this.#burstDelayMs = Math.max(this.#delayMs, burstDelayMs);
    this.#deadlineMs = this.#delayMs;
    this.#fire = fire;
  }

  /** The first message of a new batch was queued. */
  started(): void {
    this.#since = performance.now();
    this.#deadlineMs = this.#delayMs;
  }

  /**
   * A read brought a backlog (many messages at once): this batch may wait up to burstDelayMs, so a
   * catch-up commits in few large transactions. Never with delayMs 0 (every flush commits).
   */
  burst(): void {
    if (this.#delayMs > 0) this.#deadlineMs = this.#burstDelayMs;
  }

  /**
   * The end of a socket chunk with `queued` messages waiting: true when the caller must commit now
   * (no delay configured, nothing but numbers to write, the oldest message waited until the deadline,
   * or a deferred commit failed); otherwise the timer will call commit by the deadline.
   */
  commitNow(queued: number): boolean {
    const waited = performance.now() - this.#since;
    if (this.#delayMs === 0 || this.#failed || queued === 0 || waited >= this.#deadlineMs) return true;
    this.#arm(this.#deadlineMs - waited);
    return false;
  }

  /** A commit succeeded (or nothing is queued any more): no timer, no failure to report. */
  settled(): void {
    this.cancel();
    this.#failed = false;
    this.#deadlineMs = this.#delayMs;
  }

  /** The deferred commit failed: commit synchronously from now on, until one succeeds. */
  failed(): void {
    this.#failed = true;
  }

  /** A commit of an earlier batch succeeded (the current batch keeps its timer and deadline). */
  succeeded(): void {
    this.#failed = false;
  }

  get hasFailed(): boolean {
    return this.#failed;
  }

  cancel(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(inMs: number): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      // burst() may have moved the deadline since the timer was set: wait for the rest of it.
      const left = this.#deadlineMs - (performance.now() - this.#since);
      if (left >= 1) this.#arm(left);
      else this.#fire();
    }, Math.ceil(inMs));
  }
}
