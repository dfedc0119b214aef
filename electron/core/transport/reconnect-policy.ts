// reconnect-policy.ts — how long to wait before the next connection attempt: capped exponential
// backoff with "equal jitter" (half fixed, half random), so a fleet of desktops that lost the
// exchange together does not log on together (Kalshi rate-limits Logon, kalshi-fix.md §1).
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, factor: 2, random: Math.random };

export class ReconnectPolicy {
  readonly #options: BackoffOptions;
  #attempt = 0;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.#options = { ...defaultBackoff, ...options };
  }

  /** Delay before the next attempt; each call counts one failed attempt. */
  nextDelayMs(): number {
    const { initialMs, maxMs, factor, random } = this.#options;
    const ceiling = Math.min(maxMs, initialMs * factor ** this.#attempt);
    this.#attempt++;
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  }

  get attempts(): number {
    return this.#attempt;
  }

  /** After a session that logged on: the next drop starts from the shortest delay again. */
  reset(): void {
    this.#attempt = 0;
  }
}
