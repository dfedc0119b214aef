// positions.ts — the P&L view's part of the IPC contract: one account's positions per market, totals
// per event and per day, and the cumulative net series; the wire rules of contract.ts apply (plain JSON, absent = null, decimals as text).
import { z } from 'zod';
import { accountId, decimalText } from './wire-basics.ts';

const pnlFields = {
  realized: decimalText,
  unrealized: decimalText,
  fees: decimalText,
  /** The part of `fees` estimated with Kalshi's formula because the exchange sent none. */
  estimatedFees: decimalText,
  net: decimalText,
};

export const marketPositionSchema = z.strictObject({
  symbol: z.string(),
  event: z.string(),
  /** Net Yes contracts; negative = No held. */
  position: decimalText,
  heldSide: z.enum(['yes', 'no']).nullable(),
  avgEntryPrice: decimalText.nullable(),
  mark: decimalText.nullable(),
  markSource: z.enum(['last-fill', 'external', 'settlement']).nullable(),
  ...pnlFields,
  fills: z.int().nonnegative(),
  settled: z.boolean(),
  /** Signed Yes-equivalent cost of the open position. */
  costBasis: decimalText,
  boughtQty: decimalText,
  soldQty: decimalText,
  /** Kalshi's own position after the last fill that carried 704/705, and how often ours differed. */
  serverPosition: decimalText.nullable(),
  positionMismatches: z.int().nonnegative(),
  settlement: z.strictObject({
    result: z.enum(['yes', 'no', 'scalar']),
    /** Value of one Yes contract, dollars. */
    yesValue: decimalText,
    at: z.int(),
    /** Our position when it settled, and what it should pay before the fee. */
    position: decimalText,
    grossPayout: decimalText,
    /** 1704 PAYOUT as reported (net of the fee). */
    reportedPayout: decimalText.nullable(),
    fee: decimalText,
  }).readonly().nullable(),
}).readonly();

const pnlTotalsSchema = z.strictObject({ markets: z.int().nonnegative(), ...pnlFields }).readonly();

/** What was realized and paid on one day (unrealized P&L belongs to no day). */
export const dayTotalsSchema = z.strictObject({
  /** 'YYYY-MM-DD' in the view's time zone, or 'undated'. */
  day: z.string(),
  fills: z.int().nonnegative(),
  contracts: decimalText,
  notional: decimalText,
  realized: decimalText,
  fees: decimalText,
  estimatedFees: decimalText,
  net: decimalText,
}).readonly();

export const positionsViewSchema = z.strictObject({
  accountId,
  markets: z.array(marketPositionSchema).readonly(),
  totals: pnlTotalsSchema,
  byEvent: z.array(z.strictObject({ event: z.string(), totals: pnlTotalsSchema }).readonly()).readonly(),
  /** The IANA zone of the days in `byDay`. */
  timeZone: z.string(),
  byDay: z.array(dayTotalsSchema).readonly(),
  /** Cumulative net P&L (realized + unrealized at the last fill price − fees) after each time bucket. */
  series: z.strictObject({
    bucketMs: z.int().positive(),
    /** Net of records without a time (before every point). */
    undated: decimalText,
    points: z.array(z.strictObject({ at: z.int(), net: decimalText }).readonly()).readonly(),
  }).readonly(),
}).readonly();

export const positionsRequests = {
  /** One account's positions and P&L; `byDay` in `timeZone` (an IANA name; default America/New_York). */
  'positions.get': {
    request: z.strictObject({ accountId, timeZone: z.string().min(1).max(100).optional() }),
    response: positionsViewSchema,
  },
} as const;

export type MarketPosition = z.infer<typeof marketPositionSchema>;
export type PositionsView = z.infer<typeof positionsViewSchema>;
export type DayTotalsWire = z.infer<typeof dayTotalsSchema>;
