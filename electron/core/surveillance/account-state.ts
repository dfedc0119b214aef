// account-state.ts — what the engine keeps per account so no rule ever rescans history: each market's
// exact ledger (shared/positions/market-ledger.ts: average cost, exact decimals), each event's exposure
// (Σ |contracts| and Σ dollars at cost over its markets, kept by differences), and the last few days'
// net P&L and counts. Updated once per input, in journal order, before the rules see the facts.
// Fills are booked as they were committed (journal order), not re-sorted by TransactTime as the P&L
// view's replay is: the same numbers unless fills arrived out of time order (a late backfill).
import { type Decimal, ZERO, abs, add, neg, sign, sub } from '../../../shared/decimal.ts';
import { eventTickerOf } from '../../../shared/positions/event-ticker.ts';
import { PositionError, type Fill } from '../../../shared/positions/fill.ts';
import { MarketLedger } from '../../../shared/positions/market-ledger.ts';
import { parseFill, parseSettlement } from '../../../shared/positions/parse-input.ts';
import type { LocalTime } from './local-clock.ts';
import type { ExecutionInput, SettlementInput } from './surveillance-input.ts';

export interface TradeFacts {
  readonly symbol: string;
  readonly event: string;
  readonly qty: Decimal;
  /** LastPx as a Yes price in dollars. */
  readonly price: Decimal;
  /** What the fill cost the side it bought: qty × p for a buy, qty × (1 − p) for a sell (a No buy). */
  readonly cost: Decimal;
  readonly realized: Decimal;
  readonly fee: Decimal;
  readonly positionBefore: Decimal;
  readonly positionAfter: Decimal;
  /** Dollars at cost of the market's open position after the fill (≥ 0). */
  readonly costAfter: Decimal;
  /** LongQty(704) − ShortQty(705) when the report carried either. */
  readonly serverPosition: Decimal | null;
  readonly eventContracts: Decimal;
  readonly eventCost: Decimal;
}

export interface SettlementFacts {
  readonly symbol: string;
  readonly event: string;
  readonly positionBefore: Decimal;
  /** Whether any fill of this account in the market was booked before. */
  readonly hadFills: boolean;
  /** 704 − 705 of our party entry, when sent. */
  readonly reportedPosition: Decimal | null;
  readonly realized: Decimal;
  readonly fee: Decimal;
  /** The event's exposure once this market settled (it holds nothing in it any more). */
  readonly eventContracts: Decimal;
  readonly eventCost: Decimal;
  /** The settlement's day ('YYYY-MM-DD' in the rules' zone) and that day's state after it. */
  readonly dayKey: string;
  readonly day: DayState;
}

export interface DayState {
  /** Realized − fees booked on this day (fills and settlements): the P&L view's by-day net. */
  net: Decimal;
  fills: number;
  orders: number;
}

interface Market {
  readonly ledger: MarketLedger;
  fills: number;
}

/** Days kept per account: a late fill for an older day starts that day afresh. */
const DAYS_KEPT = 8;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class AccountState {
  /** Handed to the rules for one input and filled again for the next (no rule keeps it): no allocation per fill. */
  readonly #trade: Mutable<TradeFacts> = {
    symbol: '', event: '', qty: ZERO, price: ZERO, cost: ZERO, realized: ZERO, fee: ZERO, positionBefore: ZERO, positionAfter: ZERO,
    costAfter: ZERO, serverPosition: null, eventContracts: ZERO, eventCost: ZERO,
  };
  readonly #markets = new Map<string, Market>();
  readonly #events = new Map<string, { contracts: Decimal; cost: Decimal }>();
  readonly #days = new Map<string, DayState>();

  /**
   * Books a Trade; null when it is not one or the ledger refuses it (then no position moved). The facts
   * are valid until the next call (they are reused).
   */
  bookTrade(input: ExecutionInput, local: LocalTime): TradeFacts | null {
    const r = input.record;
    if (r.execType !== 'F' || r.lastQty === null || r.lastPx === null) return null;
    const fill: Fill = {
      execId: r.execId, symbol: r.symbol, side: r.side, lastQty: r.lastQty, lastPx: r.lastPx, priceUnit: input.priceUnit,
      fee: r.fee ?? undefined, transactTime: input.eventAt, longQty: input.longQty ?? undefined, shortQty: input.shortQty ?? undefined,
    };
    const market = this.#market(r.symbol);
    if (market.ledger.isSettled) return null;
    try {
      const parsed = parseFill(fill);
      const before = market.ledger.position;
      const costBefore = costOf(market.ledger);
      const realized = market.ledger.applyFill(parsed); // throws before mutating, or books everything
      market.fills++;
      const after = market.ledger.position;
      const costAfter = costOf(market.ledger);
      const exposure = this.#exposure(market.ledger.event, sub(abs(after), abs(before)), sub(costAfter, costBefore));
      const day = this.day(local.day);
      day.net = add(day.net, sub(realized, parsed.fee));
      day.fills++;
      const t = this.#trade;
      t.symbol = r.symbol;
      t.event = market.ledger.event;
      t.qty = parsed.qty;
      t.price = parsed.price;
      t.cost = r.side === '1' ? parsed.notional : sub(parsed.qty, parsed.notional);
      t.realized = realized;
      t.fee = parsed.fee;
      t.positionBefore = before;
      t.positionAfter = after;
      t.costAfter = costAfter;
      t.serverPosition = parsed.serverPosition;
      t.eventContracts = exposure.contracts;
      t.eventCost = exposure.cost;
      return t;
    } catch (error) {
      if (error instanceof PositionError) return null;
      throw error;
    }
  }

  /** Books a settlement report once per market; null when it has no result or the market settled already. */
  bookSettlement(input: SettlementInput, local: LocalTime): SettlementFacts | null {
    const s = input.settlement;
    if (s === null) return null;
    const market = this.#market(s.symbol);
    if (market.ledger.isSettled) return null;
    try {
      const parsed = parseSettlement(s);
      const before = market.ledger.position;
      const costBefore = costOf(market.ledger);
      const realized = market.ledger.settle(parsed);
      const exposure = this.#exposure(market.ledger.event, neg(abs(before)), neg(costBefore));
      const day = this.day(local.day);
      day.net = add(day.net, sub(realized, parsed.fee));
      return {
        symbol: s.symbol, event: market.ledger.event, positionBefore: before, hadFills: market.fills > 0, reportedPosition: parsed.reportedPosition,
        realized, fee: parsed.fee, eventContracts: exposure.contracts, eventCost: exposure.cost, dayKey: local.day, day,
      };
    } catch (error) {
      if (error instanceof PositionError) return null;
      throw error;
    }
  }

  /** The day's state ('YYYY-MM-DD' in the rules' zone), created on first use. */
  day(key: string): DayState {
    let day = this.#days.get(key);
    if (day === undefined) {
      if (this.#days.size >= DAYS_KEPT) this.#days.delete(this.#days.keys().next().value!);
      day = { net: ZERO, fills: 0, orders: 0 };
      this.#days.set(key, day);
    }
    return day;
  }

  #market(symbol: string): Market {
    let market = this.#markets.get(symbol);
    if (market === undefined) {
      market = { ledger: new MarketLedger(symbol, eventTickerOf(symbol)), fills: 0 };
      this.#markets.set(symbol, market);
    }
    return market;
  }

  #exposure(event: string, contracts: Decimal, cost: Decimal): { contracts: Decimal; cost: Decimal } {
    let e = this.#events.get(event);
    if (e === undefined) {
      e = { contracts: ZERO, cost: ZERO };
      this.#events.set(event, e);
    }
    e.contracts = add(e.contracts, contracts);
    e.cost = add(e.cost, cost);
    return e;
  }
}

/** Dollars paid for the open position: the basis of Yes held; |q| − |basis| of No held (1 − p each). */
function costOf(ledger: MarketLedger): Decimal {
  const q = ledger.position;
  if (sign(q) === 0) return ZERO;
  return sign(q) > 0 ? ledger.costBasis : add(abs(q), ledger.costBasis);
}
