// pnl-series.ts — cumulative net P&L over time, for the P&L view's chart, exact and order-independent.
//
// Every fill or settlement changes its market's net (realized + unrealized − fees, marked at the last
// fill) by some delta; the series sums those deltas into time buckets, and a point is the running sum
// after its bucket. Markets are independent ledgers booked in the same order live and in a replay, so
// each market yields the same deltas either way, and a bucket's sum does not depend on how markets
// interleave: the live book's series equals a replay's. The last point is the book's total net (an
// outside mark set with setMark moves net without a delta, and is not in the series).
//
// Buckets start at one second and double in width whenever there are more than MAX_BUCKETS of them
// (exact: sums are merged, never rounded). The width reached depends only on the set of event times —
// it is the narrowest in the ladder that fits — so it too is the same live and replayed.
import { type Decimal, ZERO, add } from '../decimal.ts';

const BASE_WIDTH_MS = 1_000;
export const MAX_BUCKETS = 1_024;

export interface PnlPoint {
  /** End of the bucket, epoch ms: the net is what was booked before this instant. */
  readonly at: number;
  /** Cumulative net P&L after this bucket, dollars. */
  readonly net: Decimal;
}

export interface PnlSeriesSnapshot {
  readonly bucketMs: number;
  /** Net booked by records without a time (before every point). */
  readonly undated: Decimal;
  /** In time order. */
  readonly points: readonly PnlPoint[];
}

export class PnlSeries {
  #widthMs = BASE_WIDTH_MS;
  #buckets = new Map<number, Decimal>();
  #undated: Decimal = ZERO;

  /** Books a change of net at an instant (null: the record had no time). */
  add(epochMs: number | null, delta: Decimal): void {
    if (epochMs === null) {
      this.#undated = add(this.#undated, delta);
      return;
    }
    const index = Math.floor(epochMs / this.#widthMs);
    const sum = this.#buckets.get(index);
    this.#buckets.set(index, sum === undefined ? delta : add(sum, delta));
    if (this.#buckets.size > MAX_BUCKETS) this.#widen();
  }

  snapshot(): PnlSeriesSnapshot {
    const indexes = [...this.#buckets.keys()].sort((a, b) => a - b);
    let net = this.#undated;
    const points = indexes.map((index) => {
      net = add(net, this.#buckets.get(index) as Decimal);
      return { at: (index + 1) * this.#widthMs, net };
    });
    return { bucketMs: this.#widthMs, undated: this.#undated, points };
  }

  clone(): PnlSeries {
    const copy = new PnlSeries();
    copy.#widthMs = this.#widthMs;
    copy.#buckets = new Map(this.#buckets);
    copy.#undated = this.#undated;
    return copy;
  }

  /** Doubles the width until the buckets fit (one doubling merges neighbours pairwise). */
  #widen(): void {
    while (this.#buckets.size > MAX_BUCKETS) {
      this.#widthMs *= 2;
      const merged = new Map<number, Decimal>();
      for (const [index, sum] of this.#buckets) {
        const wide = Math.floor(index / 2);
        const known = merged.get(wide);
        merged.set(wide, known === undefined ? sum : add(known, sum));
      }
      this.#buckets = merged;
    }
  }
}
