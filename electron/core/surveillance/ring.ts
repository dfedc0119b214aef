// ring.ts — a bounded first-in-first-out buffer for sliding windows: push at the back, drop from the
// front, amortized O(1) each, never more than `capacity` items (the oldest is dropped to make room).
// Grows with use rather than preallocating, so a large capacity costs nothing until it is needed.
// What keeps every window rule's memory and work per event bounded.

export class Ring<T> {
  readonly capacity: number;
  #items: (T | undefined)[] = [];
  #head = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Appends; returns the item dropped from the front to make room, if any. */
  push(item: T): T | undefined {
    const dropped = this.size === this.capacity ? this.shift() : undefined;
    this.#items.push(item);
    return dropped;
  }

  /** The oldest item, or undefined. */
  peek(): T | undefined {
    return this.size === 0 ? undefined : this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    // Compact once the dead front outweighs the live part: each item is moved O(1) times on average.
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** The newest item that passes `test`, looking back from the newest (no array is made). */
  findNewest(test: (item: T) => boolean): T | undefined {
    for (let i = this.#items.length - 1; i >= this.#head; i--) {
      const item = this.#items[i] as T;
      if (test(item)) return item;
    }
    return undefined;
  }

  /** Newest first, up to `n` items. */
  newest(n: number): T[] {
    const out: T[] = [];
    for (let i = this.#items.length - 1; i >= this.#head && out.length < n; i--) out.push(this.#items[i] as T);
    return out;
  }
}
