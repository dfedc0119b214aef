// commit-timer.ts — decides WHEN the journal commits what flush() leaves queued (the commit policy in
// journal.ts): at once, or within `delayMs` of the oldest queued message through one timer. Remembers
// that a deferred commit failed, so the next flush() commits synchronously and its error reaches the
// caller. Owns the timer and the clock; never touches the database, and commits only through the
// callback it is given.

export class CommitTimer {
  readonly #delayMs: number;
  readonly #fire: () => void;
  /** performance.now() when the oldest queued message was accepted. */
  #since = 0;
  #timer: NodeJS.Timeout | undefined;
  #failed = false;

  /** `fire` runs the deferred commit; it reports its own failure through failed(). */
  constructor(delayMs: number, fire: () => void) {
    this.#delayMs = Math.max(0, delayMs);
    this.#fire = fire;
  }

  /** The first message of a new batch was queued. */
  started(): void {
    this.#since = performance.now();
  }

  /**
   * The end of a socket chunk with `queued` messages waiting: true when the caller must commit now
   * (no delay configured, nothing but numbers to write, the oldest message waited long enough, or a
   * deferred commit failed); otherwise the timer will call commit within the delay.
   */
  commitNow(queued: number): boolean {
    const waited = performance.now() - this.#since;
    if (this.#delayMs === 0 || this.#failed || queued === 0 || waited >= this.#delayMs) return true;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#fire();
    }, Math.ceil(this.#delayMs - waited));
    return false;
  }

  /** A commit succeeded (or nothing is queued any more): no timer, no failure to report. */
  settled(): void {
    this.cancel();
    this.#failed = false;
  }

  /** The deferred commit failed: commit synchronously from now on, until one succeeds. */
  failed(): void {
    this.#failed = true;
  }

  cancel(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
