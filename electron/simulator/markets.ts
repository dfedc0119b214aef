// markets.ts — the simulated exchange's market list: Kalshi-shaped tickers (series-date-strike, e.g.
// KXHIGHNY-26NOV24-B52.5), each with a price level structure (tick size) and a drifting Yes price.
// Owns market identity and legal prices only; never knows about orders, positions or FIX.
import type { SeededRandom } from './prng.ts';
import { PIPS_PER_DOLLAR } from './scaled-decimal.ts';

/** kalshi-fix.md §6: linear_cent 0.01; deci_cent 0.001; tapered_deci_cent 0.001 below 0.10 and above 0.90. */
export type PriceLevelStructure = 'linear_cent' | 'deci_cent' | 'tapered_deci_cent';

export interface Market {
  readonly ticker: string;
  readonly structure: PriceLevelStructure;
  /** Current Yes "fair" price in pips; orders cluster around it. Mutated as the market drifts. */
  fairPips: number;
}

interface Series {
  readonly prefix: string;
  strike(rng: SeededRandom): string;
}

// Strike styles follow real series: B = a bracket's midpoint, T = threshold.
const SERIES: readonly Series[] = [
  { prefix: 'KXHIGHNY', strike: (r) => `B${r.int(30, 80)}.5` },
  { prefix: 'KXHIGHCHI', strike: (r) => `B${r.int(20, 75)}.5` },
  { prefix: 'KXHIGHMIA', strike: (r) => `T${r.int(70, 92)}` },
  { prefix: 'KXHIGHAUS', strike: (r) => `B${r.int(45, 95)}.5` },
  { prefix: 'KXHIGHLAX', strike: (r) => `T${r.int(55, 85)}` },
  { prefix: 'KXINXU', strike: (r) => `B${r.int(5800, 6200)}` },
  { prefix: 'KXBTCD', strike: (r) => `T${r.int(90, 110)}499.99` },
  { prefix: 'KXETHD', strike: (r) => `T${r.int(30, 40)}99.99` },
  { prefix: 'KXFEDDECISION', strike: (r) => r.pick(['H0', 'C25', 'C26', 'H25']) },
  { prefix: 'KXCPIYOY', strike: (r) => `T${r.int(2, 3)}.${r.int(0, 9)}` },
];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** '26NOV24' for 2026-11-24 (UTC date of the instant). */
export function tickerDate(epochMs: number): string {
  const d = new Date(epochMs);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${yy}${MONTHS[d.getUTCMonth()]!}${dd}`;
}

/** `count` distinct markets, drawn from `rng`; the same rng state always yields the same list. */
export function createMarkets(rng: SeededRandom, count: number, epochMs: number): Market[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`Market count must be a positive integer, got ${String(count)}.`);
  const date = tickerDate(epochMs);
  const seen = new Set<string>();
  const markets: Market[] = [];
  let attempts = 0;
  while (markets.length < count) {
    const series = rng.pick(SERIES);
    let ticker = `${series.prefix}-${date}-${series.strike(rng)}`;
    // Strike spaces are finite; past a few collisions, tell markets apart by a later date.
    if (seen.has(ticker) && ++attempts > 20) ticker = `${series.prefix}-${tickerDate(epochMs + markets.length * 86_400_000)}-${series.strike(rng)}`;
    if (seen.has(ticker)) continue;
    seen.add(ticker);
    const structure = rng.weighted<PriceLevelStructure>({ linear_cent: 6, deci_cent: 2, tapered_deci_cent: 2 });
    markets.push({ ticker, structure, fairPips: roundToTick(rng.int(500, 9500), structure) });
  }
  return markets;
}

/** Tick size in pips at a given price. */
export function tickAt(pips: number, structure: PriceLevelStructure): number {
  switch (structure) {
    case 'linear_cent':
      return 100;
    case 'deci_cent':
      return 10;
    case 'tapered_deci_cent':
      return pips < 1000 || pips > 9000 ? 10 : 100;
  }
}

/** Nearest legal price, kept inside [one tick, $1 − one tick]. */
export function roundToTick(pips: number, structure: PriceLevelStructure): number {
  const clamped = Math.min(PIPS_PER_DOLLAR - 10, Math.max(10, pips));
  const tick = tickAt(clamped, structure);
  const rounded = Math.round(clamped / tick) * tick;
  return Math.min(PIPS_PER_DOLLAR - tick, Math.max(tick, rounded));
}

/** Moves the fair price by a few ticks: enough movement for varied fills, never outside (0, 1). */
export function drift(rng: SeededRandom, market: Market): void {
  const tick = tickAt(market.fairPips, market.structure);
  market.fairPips = roundToTick(market.fairPips + rng.int(-3, 3) * tick, market.structure);
}

/** A limit price a few ticks from fair: below it for buys, above for sells (resting orders). */
export function limitPriceNear(rng: SeededRandom, market: Market, side: 'buy' | 'sell'): number {
  const tick = tickAt(market.fairPips, market.structure);
  const offset = rng.int(0, 4) * tick;
  return roundToTick(side === 'buy' ? market.fairPips - offset : market.fairPips + offset, market.structure);
}
