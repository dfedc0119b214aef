// position-book.ts: every market's position and P&L, fed one fill or settlement at a time.
//
// Owns the map of MarketLedgers, ExecID de-duplication, settlement idempotency and day buckets.
// A mutable accumulator, O(1) per fill, so replaying a 1M-fill journal stays well under 2 s; the
// getters return read-only snapshots, and `clone()` gives an independent copy for what-if views.
// `apply`/`settle` either throw a PositionError and leave the book exactly as it was, or book
// everything; the caller logs the error and carries on. Never does I/O, never imports node:, so
// the renderer may use it too.
import type { Decimal } from '../decimal.ts';
import { type PriceUnit, isUnitPrice, parsePrice } from '../money.ts';
import { DEFAULT_TIME_ZONE, DayKeyer, UNDATED } from './day-key.ts';
import { eventTickerOf } from './event-ticker.ts';
import { ExecIdSet } from './exec-id-set.ts';
import { type Fill, type Settlement, PositionError } from './fill.ts';
import { type MarketPnl, MarketLedger } from './market-ledger.ts';
import { parseFill, parseSettlement } from './parse-input.ts';
import { type DayTotals, type PnlTotals, DayFlows, sumMarkets, totalsByEvent } from './totals.ts';

export interface PositionBookOptions {
  /** IANA zone for day totals; default America/New_York (Kalshi's clearing day, see day-key.ts). */
  readonly timeZone?: string;
  /** Market ticker → event ticker; default the last-'-' heuristic of event-ticker.ts. */
  readonly eventOf?: (symbol: string) => string;
  /**
   * 'exec-id' (default): a repeated ExecID is ignored, so a replay or resend never double-counts.
   * 'none': the caller guarantees unique ExecIDs (e.g. a replay from the journal, whose ExecID is
   * unique) and saves the memory of remembering them (16 bytes per in-order ExecID).
   */
  readonly dedupe?: 'exec-id' | 'none';
}

/** 'duplicate': the ExecID (or the market's settlement) was already booked; nothing changed. */
export type BookOutcome = 'applied' | 'duplicate';

export interface BookTotals {
  readonly all: PnlTotals;
  /** By event ticker, sorted. */
  readonly byEvent: ReadonlyMap<string, PnlTotals>;
  /** By local day 'YYYY-MM-DD' (or 'undated' for records without a time), sorted. */
  readonly byDay: ReadonlyMap<string, DayTotals>;
}

export class PositionBook {
  private readonly days: DayKeyer;
  private readonly eventOf: (symbol: string) => string;
  private readonly dedupe: boolean;
  private applied = 0;
  private ledgers = new Map<string, MarketLedger>();
  private execIds = new ExecIdSet();
  private dayFlows = new Map<string, DayFlows>();

  constructor(options: PositionBookOptions = {}) {
    this.days = new DayKeyer(options.timeZone ?? DEFAULT_TIME_ZONE);
    this.eventOf = options.eventOf ?? eventTickerOf;
    this.dedupe = (options.dedupe ?? 'exec-id') === 'exec-id';
  }

  /** A book with `fills` applied in order (duplicates skipped). */
  static from(fills: Iterable<Fill>, options: PositionBookOptions = {}): PositionBook {
    const book = new PositionBook(options);
    for (const fill of fills) book.apply(fill);
    return book;
  }

  get timeZone(): string {
    return this.days.timeZone;
  }

  /** Number of fills booked (duplicates not counted). */
  get fillCount(): number {
    return this.applied;
  }

  apply(fill: Fill): BookOutcome {
    if (this.dedupe && this.execIds.has(fill.execId)) return 'duplicate';
    const parsed = parseFill(fill);
    const existing = this.ledgers.get(fill.symbol);
    if (existing?.isSettled === true) throw new PositionError('fill-after-settlement', `${fill.symbol} ExecID ${fill.execId}`);
    const day = parsed.epochMs === null ? UNDATED : this.days.dayOf(parsed.epochMs);
    const ledger = existing ?? new MarketLedger(fill.symbol, this.eventOf(fill.symbol));
    const realized = ledger.applyFill(parsed); // throws before mutating, or books everything
    if (existing === undefined) this.ledgers.set(fill.symbol, ledger);
    if (this.dedupe) this.execIds.add(fill.execId);
    this.applied++;
    this.flowsOf(day).addFill(parsed.qty, parsed.notional, realized, parsed.fee, parsed.feeEstimated);
    return 'applied';
  }

  /** Books a settlement once per market; a market never traded here is created flat (payout kept for reconciliation). */
  settle(settlement: Settlement): BookOutcome {
    const existing = this.ledgers.get(settlement.symbol);
    if (existing?.isSettled === true) return 'duplicate';
    const parsed = parseSettlement(settlement);
    const ledger = existing ?? new MarketLedger(settlement.symbol, this.eventOf(settlement.symbol));
    const realized = ledger.settle(parsed);
    if (existing === undefined) this.ledgers.set(settlement.symbol, ledger);
    this.flowsOf(this.days.dayOf(parsed.epochMs)).addSettlement(realized, parsed.fee);
    return 'applied';
  }

  /** Marks a traded market at an outside Yes price until its next fill; unknown or settled markets are ignored. */
  setMark(symbol: string, yesPrice: string, unit: PriceUnit): void {
    let price: Decimal;
    try {
      price = parsePrice(yesPrice, unit);
    } catch {
      throw new PositionError('bad-price', `mark ${yesPrice} ${unit}`);
    }
    if (!isUnitPrice(price)) throw new PositionError('bad-price', `mark ${yesPrice} ${unit}`);
    this.ledgers.get(symbol)?.setMark(price);
  }

  market(symbol: string): MarketPnl | undefined {
    return this.ledgers.get(symbol)?.snapshot();
  }

  /** All markets, sorted by ticker. */
  markets(): MarketPnl[] {
    return [...this.ledgers.keys()].sort().map((symbol) => (this.ledgers.get(symbol) as MarketLedger).snapshot());
  }

  totals(): BookTotals {
    const markets = this.markets();
    const byDay = new Map<string, DayTotals>();
    for (const day of [...this.dayFlows.keys()].sort()) byDay.set(day, (this.dayFlows.get(day) as DayFlows).snapshot());
    return { all: sumMarkets(markets), byEvent: totalsByEvent(markets), byDay };
  }

  /** An independent copy: applying to one never changes the other. */
  clone(): PositionBook {
    const copy = new PositionBook({
      timeZone: this.days.timeZone,
      eventOf: this.eventOf,
      dedupe: this.dedupe ? 'exec-id' : 'none',
    });
    copy.applied = this.applied;
    copy.ledgers = new Map([...this.ledgers].map(([symbol, ledger]) => [symbol, ledger.clone()]));
    copy.execIds = this.execIds.clone();
    copy.dayFlows = new Map([...this.dayFlows].map(([day, flows]) => [day, flows.clone()]));
    return copy;
  }

  private flowsOf(day: string): DayFlows {
    let flows = this.dayFlows.get(day);
    if (flows === undefined) {
      flows = new DayFlows();
      this.dayFlows.set(day, flows);
    }
    return flows;
  }
}
