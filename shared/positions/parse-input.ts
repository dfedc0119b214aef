// parse-input.ts: Fill / Settlement strings → exact Decimals, validated.
//
// Owns every check on the ledger's input, so the ledger itself never throws halfway through an
// update: PositionBook parses first, then mutates. Never touches any state.
import {
  type Decimal,
  DecimalError,
  ONE,
  ZERO,
  fromCents,
  mulExact,
  neg,
  parse,
  sign,
  sub,
  toString,
} from '../decimal.ts';
import { isUnitPrice, parsePrice } from '../money.ts';
import { type Fill, type PositionErrorKind, type Settlement, type SettlementResult, PositionError } from './fill.ts';
import { estimateTakerFee } from './fees.ts';
import { toEpochMs } from './day-key.ts';

export interface ParsedFill {
  /** LastQty, > 0. */
  readonly qty: Decimal;
  /** + for buy Yes, − for sell Yes. */
  readonly signedQty: Decimal;
  /** The Yes price in dollars. */
  readonly price: Decimal;
  /** |qty| × price, exact. */
  readonly notional: Decimal;
  readonly fee: Decimal;
  readonly feeEstimated: boolean;
  readonly balanceDelta: Decimal | null;
  /** 704 − 705 when either was sent (a missing one counts as 0). */
  readonly serverPosition: Decimal | null;
  readonly epochMs: number | null;
}

export interface ParsedSettlement {
  readonly result: SettlementResult;
  /** What one Yes contract is worth at settlement, dollars: 1, 0 or 730/100. */
  readonly yesValue: Decimal;
  readonly payout: Decimal | null;
  readonly fee: Decimal;
  /** 704 − 705 when either was sent. */
  readonly reportedPosition: Decimal | null;
  readonly epochMs: number;
}

export function parseFill(fill: Fill): ParsedFill {
  if (fill.side !== '1' && fill.side !== '2') throw new PositionError('bad-side', JSON.stringify(fill.side));
  const qty = decimal(fill.lastQty, 'bad-quantity', 'LastQty');
  if (sign(qty) <= 0) throw new PositionError('bad-quantity', `LastQty ${fill.lastQty}`);
  if (fill.priceUnit !== 'dollars' && fill.priceUnit !== 'cents') {
    throw new PositionError('bad-price', `unit ${JSON.stringify(fill.priceUnit)}`);
  }
  let price: Decimal;
  try {
    price = parsePrice(fill.lastPx, fill.priceUnit);
  } catch (e) {
    throw rethrow(e, 'bad-price', `LastPx ${fill.lastPx} ${fill.priceUnit}`);
  }
  if (!isUnitPrice(price)) throw new PositionError('bad-price', `LastPx ${fill.lastPx} ${fill.priceUnit}`);
  const notional = exactProduct(qty, price);
  const reportedFee = optional(fill.fee, 'MiscFeeAmt');
  return {
    qty,
    signedQty: fill.side === '1' ? qty : neg(qty),
    price,
    notional,
    fee: reportedFee ?? estimateTakerFee(qty, price),
    feeEstimated: reportedFee === null,
    balanceDelta: optional(fill.balanceDelta, 'CollateralAmountChange'),
    serverPosition: netPosition(fill.longQty, fill.shortQty),
    epochMs: fill.transactTime === undefined ? null : toEpochMs(fill.transactTime),
  };
}

export function parseSettlement(s: Settlement): ParsedSettlement {
  const cents = s.settlementPriceCents;
  let stated: Decimal | null = null;
  if (cents !== undefined) {
    try {
      stated = fromCents(cents);
    } catch (e) {
      throw rethrow(e, 'bad-price', `SettlementPrice ${cents}`);
    }
    if (!isUnitPrice(stated)) throw new PositionError('bad-price', `SettlementPrice ${cents}`);
  }
  let yesValue: Decimal;
  if (s.result === 'scalar') {
    if (stated === null) throw new PositionError('scalar-without-price', s.symbol);
    yesValue = stated;
  } else {
    yesValue = s.result === 'yes' ? ONE : ZERO;
    if (stated !== null && stated !== yesValue) {
      throw new PositionError('settlement-price-mismatch', `${s.symbol} ${s.result} at ${cents} cents`);
    }
  }
  return {
    result: s.result,
    yesValue,
    payout: optional(s.payout, 'PAYOUT'),
    fee: optional(s.fee, 'MiscFeeAmt') ?? ZERO,
    reportedPosition: netPosition(s.longQty, s.shortQty),
    epochMs: toEpochMs(s.at),
  };
}

/** Signed Yes position × a Yes value, exact or refused. */
export function exactProduct(a: Decimal, b: Decimal): Decimal {
  try {
    return mulExact(a, b);
  } catch (e) {
    throw rethrow(e, 'inexact-amount', `${toString(a)} × ${toString(b)}`);
  }
}

/** LongQty (704) − ShortQty (705), a missing one counting as 0; null when neither was sent. */
function netPosition(longQty: string | undefined, shortQty: string | undefined): Decimal | null {
  if (longQty === undefined && shortQty === undefined) return null;
  return sub(optional(longQty, 'LongQty') ?? ZERO, optional(shortQty, 'ShortQty') ?? ZERO);
}

function optional(text: string | undefined, tag: string): Decimal | null {
  return text === undefined ? null : decimal(text, 'bad-amount', tag);
}

function decimal(text: string, kind: PositionErrorKind, tag: string): Decimal {
  try {
    return parse(text);
  } catch (e) {
    throw rethrow(e, kind, `${tag} ${JSON.stringify(text)}`);
  }
}

function rethrow(e: unknown, kind: PositionErrorKind, detail: string): Error {
  if (e instanceof DecimalError) return new PositionError(kind, `${detail}: ${e.kind}`);
  return e instanceof Error ? e : new Error(String(e));
}
