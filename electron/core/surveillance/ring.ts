// ring.ts — a bounded first-in-first-out buffer for sliding windows: push at the back, drop from the
// front, O(1) each, never more than `capacity` items (the oldest is dropped to make room). What keeps
// every window rule's memory and work per event bounded.

export class Ring<T> {
  readonly capacity: number;
  readonly #items: (T | undefined)[];
  #head = 0;
  #size = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Appends; returns the item dropped from the front to make room, if any. */
  push(item: T): T | undefined {
    let dropped: T | undefined;
    if (this.#size === this.capacity) dropped = this.shift();
    this.#items[(this.#head + this.#size) % this.capacity] = item;
    this.#size++;
    return dropped;
  }

  /** The oldest item, or undefined. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.capacity;
    this.#size--;
    return item;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) yield this.#items[(this.#head + i) % this.capacity] as T;
  }

  /** The newest `n` items, newest last. */
  newest(n: number): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, this.#size - n); i < this.#size; i++) out.push(this.#items[(this.#head + i) % this.capacity] as T);
    return out;
  }
}
