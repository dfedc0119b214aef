// prng.ts — the simulator's only source of randomness: a seeded mulberry32 generator plus the few
// draws the order generator needs. Never touches Math.random or the clock, so one seed always
// yields one sequence (tests and bug reports can replay a stream exactly).

export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed must be a safe integer, got ${String(seed)}.`);
    // Fold the high bits in so seeds above 2^32 do not collide with their low half.
    this.#state = (seed ^ Math.floor(seed / 0x1_0000_0000)) >>> 0;
  }

  /** Next 32 unsigned random bits (mulberry32). */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`Bad integer range [${min}, ${max}].`);
    }
    const span = max - min + 1;
    // Two draws cover spans beyond 2^32 (none in practice, but it keeps the function honest).
    const r = span <= 0x1_0000_0000 ? this.nextUint32() : this.nextUint32() * 0x1_0000_0000 + this.nextUint32();
    return min + (r % span);
  }

  /** True with probability `percent`/100; integer percentages keep the draws free of float drift. */
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks a key by integer weight, e.g. { fill: 5, cancel: 1 }. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (total <= 0) throw new RangeError('Weights must add up to a positive number.');
    let r = this.int(0, total - 1);
    for (const [key, w] of entries) {
      if (r < w) return key;
      r -= w;
    }
    return entries[entries.length - 1]![0];
  }

  /** An RFC 4122 version-4 shaped UUID made from this stream (not cryptographically random). */
  uuid(): string {
    const hex = (n: number): string => n.toString(16).padStart(8, '0');
    const a = hex(this.nextUint32());
    const b = hex(this.nextUint32());
    const c = hex(this.nextUint32());
    const d = hex(this.nextUint32());
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
