// recent-list.ts — the newest N items of a stream, oldest dropped first: what a reloaded window gets
// back (executions, log lines, alerts) without asking the journal. Fixed memory whatever the flow.
export class RecentList<T> {
  readonly #capacity: number;
  readonly #items: (T | undefined)[];
  #next = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}.`);
    this.#capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    this.#items[this.#next] = item;
    this.#next = (this.#next + 1) % this.#capacity;
    if (this.#size < this.#capacity) this.#size++;
  }

  /** The newest `limit` items, newest first. */
  newest(limit = this.#size): T[] {
    const count = Math.min(limit, this.#size);
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.#items[(this.#next - 1 - i + this.#capacity) % this.#capacity] as T;
    return out;
  }
}
