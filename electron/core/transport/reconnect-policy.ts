// reconnect-policy.ts — how long to wait before the next connection attempt. Kalshi rate-limits Logon
// (kalshi-fix.md §1 and §8 item 24), so:
//  - the base delay grows exponentially (capped) and never starts below 1 s;
//  - jitter is added ON TOP of the base (up to +50%), never below it, so a fleet of desktops that lost
//    the exchange together spreads out without anyone logging on again within a second;
//  - a disconnect whose words say "rate limit" or "maintenance" waits much longer (30 s by default):
//    logging on again at once would only be refused again and count against the limit.
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** No attempt ever comes sooner than this. 1000 in production; tests of reconnect loops may lower it. */
  readonly minMs: number;
  /** Jitter added on top of the base delay, as a fraction of it. */
  readonly jitter: number;
  /** Base delay after the exchange said to slow down (rate limit, maintenance). */
  readonly slowDownMs: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
}

export const defaultBackoff: BackoffOptions = {
  initialMs: 1_000, maxMs: 60_000, factor: 2, minMs: 1_000, jitter: 0.5, slowDownMs: 30_000, random: Math.random,
};

export class ReconnectPolicy {
  readonly #options: BackoffOptions;
  #attempt = 0;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.#options = { ...defaultBackoff, ...options };
  }

  /**
   * Delay before the next attempt; each call counts one attempt. `slowDown`: the exchange said to wait
   * (see session/slow-down.ts).
   */
  nextDelayMs(slowDown = false): number {
    const { initialMs, maxMs, factor, minMs, jitter, slowDownMs, random } = this.#options;
    const exponential = Math.min(maxMs, initialMs * factor ** this.#attempt);
    const base = Math.max(minMs, slowDown ? Math.max(slowDownMs, exponential) : exponential);
    this.#attempt++;
    return Math.round(base + random() * jitter * base);
  }

  get attempts(): number {
    return this.#attempt;
  }

  /** After a session that logged on: the next drop starts from the shortest delay again. */
  reset(): void {
    this.#attempt = 0;
  }
}
