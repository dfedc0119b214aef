// fill.ts: what the positions ledger accepts, and how it refuses.
//
// A `Fill` is one Trade ExecutionReport (35=8, 150=F) reduced to the tags P&L needs, values
// kept as the wire's decimal strings; a `Settlement` is our party entry of one
// MarketSettlementReport (35=UMS). Field names follow the FIX tags (kalshi-fix.md §4.1, §4.2)
// so they can be checked against the spec. This module never parses or computes anything.
import type { PriceUnit } from '../money.ts';

/** Tag 54: '1' = buy Yes, '2' = sell Yes (≡ buy No at 1 − LastPx). */
export type Side = '1' | '2';

export interface Fill {
  /** 17 ExecID; the ledger ignores a repeat (replays after a gap are expected). */
  readonly execId: string;
  /** 55 Symbol, the market ticker. */
  readonly symbol: string;
  readonly side: Side;
  /** 32 LastQty, decimal contracts (granularity 0.01), > 0. */
  readonly lastQty: string;
  /** 31 LastPx, always the Yes price, in `priceUnit`. */
  readonly lastPx: string;
  readonly priceUnit: PriceUnit;
  /** 137 MiscFeeAmt, dollars. Absent → the taker-formula estimate, flagged as estimated. */
  readonly fee?: string | undefined;
  /**
   * 60 TransactTime: FIX UTCTimestamp `YYYYMMDD-HH:MM:SS[.fff]`, ISO-8601 ending in `Z`, or epoch
   * milliseconds (e.g. the journal's stored instant). Decides the fill's day; absent → 'undated'.
   */
  readonly transactTime?: string | number | undefined;
  /** 1704 with 1705=BALANCE: the exact signed cash delta Kalshi applied, dollars. */
  readonly balanceDelta?: string | undefined;
  /** 704 LongQty / 705 ShortQty: Kalshi's net Yes / No position after this trade. */
  readonly longQty?: string | undefined;
  readonly shortQty?: string | undefined;
}

/** Tag 20107. */
export type SettlementResult = 'yes' | 'no' | 'scalar';

export interface Settlement {
  /** 55 Symbol. */
  readonly symbol: string;
  readonly result: SettlementResult;
  /** 730 SettlementPrice: pre-fee Yes value in cents (≤ 2 dp). Required for 'scalar'. */
  readonly settlementPriceCents?: string | undefined;
  /** 1704 with 1705=PAYOUT, dollars, already net of the settlement fee. */
  readonly payout?: string | undefined;
  /** 137 settlement fee, dollars (zero for plain yes/no results). */
  readonly fee?: string | undefined;
  /** 704 / 705 of our party entry: the Yes / No contracts Kalshi settled, kept for reconciliation. */
  readonly longQty?: string | undefined;
  readonly shortQty?: string | undefined;
  /** When it settled, same forms as Fill.transactTime: e.g. the UMS SendingTime (52) or when it was received. */
  readonly at: string | number;
}

export type PositionErrorKind =
  | 'bad-side'
  | 'bad-quantity'
  | 'bad-price'
  | 'bad-amount'
  | 'bad-time'
  | 'bad-time-zone'
  | 'inexact-amount'
  | 'fill-after-settlement'
  | 'scalar-without-price'
  | 'settlement-price-mismatch';

const SENTENCES: Record<PositionErrorKind, string> = {
  'bad-side': "Side (54) must be '1' (buy Yes) or '2' (sell Yes).",
  'bad-quantity': 'LastQty (32) must be a plain decimal greater than zero.',
  'bad-price': 'The price must be a plain decimal between $0 and $1 in the stated unit.',
  'bad-amount': 'A dollar amount or position tag is not a plain decimal with at most 6 places.',
  'bad-time': 'The time is not a FIX UTCTimestamp (YYYYMMDD-HH:MM:SS), an ISO-8601 UTC time or finite epoch milliseconds.',
  'bad-time-zone': 'The time zone is not one this runtime knows (an IANA name such as America/New_York).',
  'inexact-amount': 'Quantity × price needs more than 6 decimal places, so it cannot be booked exactly.',
  'fill-after-settlement': 'A fill arrived for a market that has already settled.',
  'scalar-without-price': 'A scalar settlement needs its SettlementPrice (730).',
  'settlement-price-mismatch': 'SettlementPrice (730) contradicts the yes/no result (expected 100 or 0 cents).',
};

export class PositionError extends Error {
  readonly kind: PositionErrorKind;
  constructor(kind: PositionErrorKind, detail: string) {
    super(`${SENTENCES[kind]} (${detail})`);
    this.name = 'PositionError';
    this.kind = kind;
  }
}

/** The user-facing sentence for an error kind. */
export function describePositionError(kind: PositionErrorKind): string {
  return SENTENCES[kind];
}
