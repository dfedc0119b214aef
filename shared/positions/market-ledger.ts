// market-ledger.ts: one market's position and P&L under average cost, O(1) per fill.
//
// Model, in dollars and Yes-equivalent terms (kalshi-fix.md §6):
//   q        net Yes contracts. A No position is q < 0: a sell Yes at p is a buy No at 1 − p, and
//            Kalshi nets Yes against No, so one signed number is the whole position.
//   basis    signed cost of the contracts still open: > 0 what was paid for Yes, < 0 minus what was
//            received for the Yes sold (holding |q| No bought at 1 − p ≡ basis −p·|q|).
//   cash     Yes-equivalent cash flow: −p·qty for a buy, +p·qty for a sell, + q·v at settlement,
//            minus every fee.
//   realized gross of fees; fees are kept apart so estimated ones can be shown as such.
// Exact identity after every step (tested): cash + q·mark = realized + unrealized − fees, with
// unrealized = q·mark − basis; equivalently realized = (cash + fees) + basis.
//
// Why average cost, not FIFO: Kalshi prescribes neither and reports only the netted position
// (704/705), with no lots; average cost needs O(1) state per market where FIFO needs a lot queue;
// and over a round trip that ends flat both give the same realized total (cash flow alone),
// they differ only in how an open position splits between realized and unrealized.
// Reducing by k of |q| contracts removes basis·k/|q|, rounded half-even to $0.000001; the rounding
// residue stays in the basis and is realized exactly when the position closes, because a full close
// removes the whole basis. A flip realizes the closed part and opens the rest at the fill price.
//
// Never parses input or throws on bad data (parse-input.ts does that first), never rounds a cash
// amount: quantity × price is exact or the fill was refused.
import {
  type Decimal,
  ONE,
  ZERO,
  abs,
  add,
  div,
  fromMicros,
  mul,
  mulDiv,
  neg,
  sign,
  sub,
} from '../decimal.ts';
import type { SettlementResult } from './fill.ts';
import { type ParsedFill, type ParsedSettlement, exactProduct } from './parse-input.ts';

export type MarkSource = 'last-fill' | 'external' | 'settlement';

export interface SettlementRecord {
  readonly result: SettlementResult;
  /** Value of one Yes contract, dollars. */
  readonly yesValue: Decimal;
  readonly epochMs: number;
  /** Our position when it settled (net Yes). */
  readonly position: Decimal;
  /** Kalshi's (704 − 705 of the UMS party entry), when sent; differs from `position` if fills are missing. */
  readonly reportedPosition: Decimal | null;
  /** What our position should pay before the fee: q·v for Yes, |q|·(1 − v) for No (presumed for scalar No, §6). */
  readonly grossPayout: Decimal;
  /** 1704 PAYOUT as reported (net of `fee`); compare `reportedPayout + fee` with `grossPayout`. */
  readonly reportedPayout: Decimal | null;
  readonly fee: Decimal;
}

/** The P&L figures of one market, or of several summed (totals.ts). Amounts in dollars. */
export interface PnlFigures {
  readonly realized: Decimal;
  readonly unrealized: Decimal;
  readonly fees: Decimal;
  /** The part of `fees` estimated because 137 was absent. */
  readonly estimatedFees: Decimal;
  /** realized + unrealized − fees. */
  readonly net: Decimal;
  readonly cash: Decimal;
}

/** A read-only view of one market. Amounts in dollars. */
export interface MarketPnl extends PnlFigures {
  readonly symbol: string;
  readonly event: string;
  /** Net Yes contracts; negative = No held. */
  readonly position: Decimal;
  readonly heldSide: 'yes' | 'no' | null;
  /** Signed Yes-equivalent cost of the open position (see the module header). */
  readonly costBasis: Decimal;
  /** Average price paid per contract of the held side, in that side's price (No price for No). */
  readonly avgEntryPrice: Decimal | null;
  readonly mark: Decimal | null;
  readonly markSource: MarkSource | null;
  /**
   * Our model of Kalshi's balance change: cash − |q| while No is held, because Kalshi takes
   * 1 − p per No bought rather than paying p per Yes sold. Compare with `reportedBalance`; the
   * difference is rounding fees/rebates or fills recorded without 1704.
   */
  readonly balanceModel: Decimal;
  /** Σ 1704 BALANCE of the fills, + the PAYOUT at settlement. */
  readonly reportedBalance: Decimal;
  readonly fillsWithoutBalance: number;
  readonly fills: number;
  readonly boughtQty: Decimal;
  readonly soldQty: Decimal;
  /** Kalshi's position after the last fill that carried 704/705 (LongQty − ShortQty). */
  readonly serverPosition: Decimal | null;
  /** Fills after which our running position differed from 704 − 705 (e.g. fills before recording began). */
  readonly positionMismatches: number;
  readonly settlement: SettlementRecord | null;
}

export class MarketLedger {
  readonly symbol: string;
  readonly event: string;
  private q: Decimal = ZERO;
  private basis: Decimal = ZERO;
  private realized: Decimal = ZERO;
  private fees: Decimal = ZERO;
  private estimatedFees: Decimal = ZERO;
  private cash: Decimal = ZERO;
  private mark: Decimal | null = null;
  private markSource: MarkSource | null = null;
  private reportedBalance: Decimal = ZERO;
  private fillsWithoutBalance = 0;
  private fills = 0;
  private boughtQty: Decimal = ZERO;
  private soldQty: Decimal = ZERO;
  private serverPosition: Decimal | null = null;
  private positionMismatches = 0;
  private settlement: SettlementRecord | null = null;
  /** realized + unrealized − fees after the last change (the P&L series books the differences). */
  private netNow: Decimal = ZERO;

  constructor(symbol: string, event: string) {
    this.symbol = symbol;
    this.event = event;
  }

  get isSettled(): boolean {
    return this.settlement !== null;
  }

  /** Net Yes contracts now (what snapshot().position says, without building a snapshot). */
  get position(): Decimal {
    return this.q;
  }

  /** Signed Yes-equivalent cost of the open position now (snapshot().costBasis). */
  get costBasis(): Decimal {
    return this.basis;
  }

  /** realized + unrealized − fees now. */
  get net(): Decimal {
    return this.netNow;
  }

  /** Books one fill; returns the realized P&L it produced. The caller has refused settled markets. */
  applyFill(f: ParsedFill): Decimal {
    const d = f.signedQty;
    const q = this.q;
    const buying = sign(d) > 0;
    // Cash flow of the whole fill, before fees.
    const flow = buying ? neg(f.notional) : f.notional;
    const nextQ = add(q, d);
    let nextBasis: Decimal;
    let realized: Decimal = ZERO;
    if (sign(q) === 0 || sign(q) === sign(d)) {
      nextBasis = sub(this.basis, flow); // opening or adding: basis grows by what this fill cost
    } else {
      const held = abs(q);
      const qty = f.qty;
      if (qty <= held) {
        // basis × qty ÷ held, one rounding; a full close takes the whole basis, residue included.
        const removed = qty === held ? this.basis : mulDiv(this.basis, qty, held, 6, 'half-even');
        realized = sub(flow, removed);
        nextBasis = sub(this.basis, removed);
      } else {
        // Flip: close all `held`, open the remainder at this price.
        const openNotional = exactProduct(sub(qty, held), f.price); // may throw: before any mutation
        const openFlow = buying ? neg(openNotional) : openNotional;
        realized = sub(sub(flow, openFlow), this.basis);
        nextBasis = neg(openFlow);
      }
    }
    this.q = nextQ;
    this.basis = nextBasis;
    this.realized = add(this.realized, realized);
    this.cash = sub(add(this.cash, flow), f.fee);
    this.fees = add(this.fees, f.fee);
    if (f.feeEstimated) this.estimatedFees = add(this.estimatedFees, f.fee);
    this.mark = f.price;
    this.markSource = 'last-fill';
    this.fills++;
    if (buying) this.boughtQty = add(this.boughtQty, f.qty);
    else this.soldQty = add(this.soldQty, f.qty);
    if (f.balanceDelta === null) this.fillsWithoutBalance++;
    else this.reportedBalance = add(this.reportedBalance, f.balanceDelta);
    if (f.serverPosition !== null) {
      this.serverPosition = f.serverPosition;
      if (f.serverPosition !== nextQ) this.positionMismatches++;
    }
    this.netNow = this.computeNet();
    return realized;
  }

  /** Realizes the whole position at the settlement value; returns the realized P&L it produced. */
  settle(s: ParsedSettlement): Decimal {
    const q = this.q;
    const yesLeg = exactProduct(q, s.yesValue); // q·v, signed; may throw: before any mutation
    const grossPayout = sign(q) >= 0 ? yesLeg : sub(yesLeg, q); // |q|·(1 − v) = −q + q·v when q < 0
    const realized = sub(yesLeg, this.basis);
    this.realized = add(this.realized, realized);
    this.cash = sub(add(this.cash, yesLeg), s.fee);
    this.fees = add(this.fees, s.fee);
    if (s.payout !== null) this.reportedBalance = add(this.reportedBalance, s.payout);
    this.q = ZERO;
    this.basis = ZERO;
    this.mark = s.yesValue;
    this.markSource = 'settlement';
    this.settlement = {
      result: s.result,
      yesValue: s.yesValue,
      epochMs: s.epochMs,
      position: q,
      reportedPosition: s.reportedPosition,
      grossPayout,
      reportedPayout: s.payout,
      fee: s.fee,
    };
    this.netNow = this.computeNet();
    return realized;
  }

  /** An outside mark (e.g. a market-data mid); ignored once settled. */
  setMark(yesPrice: Decimal): void {
    if (this.settlement !== null) return;
    this.mark = yesPrice;
    this.markSource = 'external';
    this.netNow = this.computeNet();
  }

  snapshot(): MarketPnl {
    const q = this.q;
    const unrealized = this.unrealized();
    const yesAvg = sign(q) === 0 ? null : div(this.basis, q, 6, 'half-even');
    const noHeld = sign(q) < 0 ? neg(q) : ZERO;
    return {
      symbol: this.symbol,
      event: this.event,
      position: q,
      heldSide: sign(q) > 0 ? 'yes' : sign(q) < 0 ? 'no' : null,
      costBasis: this.basis,
      avgEntryPrice: yesAvg === null ? null : sign(q) > 0 ? yesAvg : sub(ONE, yesAvg),
      mark: this.mark,
      markSource: this.markSource,
      realized: this.realized,
      unrealized,
      fees: this.fees,
      estimatedFees: this.estimatedFees,
      net: this.netNow,
      cash: this.cash,
      balanceModel: sub(this.cash, noHeld),
      reportedBalance: this.reportedBalance,
      fillsWithoutBalance: this.fillsWithoutBalance,
      fills: this.fills,
      boughtQty: this.boughtQty,
      soldQty: this.soldQty,
      serverPosition: this.serverPosition,
      positionMismatches: this.positionMismatches,
      settlement: this.settlement,
    };
  }

  private unrealized(): Decimal {
    return this.mark === null ? neg(this.basis) : sub(markValue(this.q, this.mark), this.basis);
  }

  private computeNet(): Decimal {
    return sub(add(this.realized, this.unrealized()), this.fees);
  }

  clone(): MarketLedger {
    const copy = new MarketLedger(this.symbol, this.event);
    Object.assign(copy, this); // every field is an immutable value (bigint, number, frozen-shape record)
    return copy;
  }
}

const MICRO = 1_000_000n;

/**
 * q·mark, run after every fill (the net behind the P&L series). Exact for Kalshi-valid input (≤ 2-dp
 * quantities, ≤ 4-dp prices), so one division settles it; half-even only guards stranger input (an
 * outside mark) from throwing, as the snapshot always did.
 */
function markValue(q: Decimal, mark: Decimal): Decimal {
  const product = q * mark;
  const micros = product / MICRO;
  return micros * MICRO === product ? fromMicros(micros) : mul(q, mark, 6, 'half-even');
}
