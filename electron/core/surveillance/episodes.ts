// episodes.ts — "one alert per rule per episode": per condition key (an account's market, a pair of
// accounts, …) whether an episode is open, and the episode's key once it began. A rule calls begin()
// each time its condition holds (only the first call of an episode returns a key, so only it raises
// an alert) and end() when the condition clears. The episode key names the key and what started it
// (an ExecID or a journal position), so live and replay give the same alert ids.

export class Episodes {
  readonly #open = new Map<string, string>();

  /** The new episode's key when none was open for `key`; undefined while one is. */
  begin(key: string, startedBy: string): string | undefined {
    if (this.#open.has(key)) return undefined;
    const episode = `${key}@${startedBy}`;
    this.#open.set(key, episode);
    return episode;
  }

  end(key: string): void {
    this.#open.delete(key);
  }

  isOpen(key: string): boolean {
    return this.#open.has(key);
  }

  /** Open episodes (memory is bounded by the conditions currently holding). */
  get size(): number {
    return this.#open.size;
  }
}
