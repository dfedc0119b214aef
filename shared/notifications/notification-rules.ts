// notification-rules.ts — what the user asked to be told about (Settings → Notifications), and the
// pure test of one execution against it. Sizes are compared exactly (shared/decimal.ts): "fills of at
// least 100 contracts or $250 notional" means exactly that, never a float's idea of it.
import { cmp, mul, parse, type Decimal } from '../decimal.ts';
import { parsePrice, type PriceUnit } from '../money.ts';
import type { ExecutionRecord } from '../records/execution-record.ts';

export interface DailyQuietHours {
  /** 'HH:MM' local time in `timeZone`; a window may wrap midnight (22:00 → 07:00). */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
}

export interface NotificationRules {
  readonly enabled: boolean;
  /** Every fill (ExecType F), whatever its size. */
  readonly allFills: boolean;
  /** Fills of at least this many contracts (decimal text), when allFills is off. */
  readonly minQty?: string;
  /** Fills of at least this notional in dollars (qty × Yes price), when allFills is off. */
  readonly minNotional?: string;
  /** Only these markets or events (a ticker, or an event prefix such as 'KXHIGHNY-26NOV24'); empty = all. */
  readonly markets: readonly string[];
  /** Cancels (4, C) and rejects (8). */
  readonly cancelsAndRejects: boolean;
  /** A session down, a sequence gap, possible missed fills, a message kept unread, a journal failure. */
  readonly sessionAlerts: boolean;
  /** Do not disturb until this instant (epoch ms), e.g. "for one hour". */
  readonly quietUntil?: number;
  readonly quietHours?: DailyQuietHours;
  /** Session alerts still show while quiet (default on: a dead feed is never routine). */
  readonly alertsBypassQuiet: boolean;
  /** High and critical surveillance alerts (absent: on; alert-notifications.ts). */
  readonly surveillanceAlerts?: boolean;
}

export const DEFAULT_NOTIFICATION_RULES: NotificationRules = {
  enabled: true, allFills: true, markets: [], cancelsAndRejects: true, sessionAlerts: true, alertsBypassQuiet: true,
};

export type ExecutionInterest = 'fill' | 'cancel-or-reject' | undefined;

/** Whether (and as what) one execution is worth a notification under `rules`. */
export function interestIn(record: ExecutionRecord, rules: NotificationRules, priceUnit: PriceUnit): ExecutionInterest {
  if (!rules.enabled || !inMarkets(record.symbol, rules.markets)) return undefined;
  if (record.execType === '4' || record.execType === 'C' || record.execType === '8') return rules.cancelsAndRejects ? 'cancel-or-reject' : undefined;
  if (record.execType !== 'F' || record.lastQty === null || record.lastPx === null) return undefined;
  if (rules.allFills) return 'fill';
  const qty = parse(record.lastQty);
  if (rules.minQty !== undefined && cmp(qty, parse(rules.minQty)) >= 0) return 'fill';
  if (rules.minNotional !== undefined && cmp(notional(qty, parsePrice(record.lastPx, priceUnit)), parse(rules.minNotional)) >= 0) return 'fill';
  return undefined;
}

/** qty × price, floored to 6 dp: exact for "at least X" with a threshold of up to 6 dp. */
function notional(qty: Decimal, yesPrice: Decimal): Decimal {
  return mul(qty, yesPrice, 6, 'floor');
}

function inMarkets(symbol: string, markets: readonly string[]): boolean {
  return markets.length === 0 || markets.some((m) => symbol === m || symbol.startsWith(`${m}-`));
}

/** True while the user asked for quiet at `now`. */
export function isQuiet(rules: NotificationRules, now: number): boolean {
  if (rules.quietUntil !== undefined && now < rules.quietUntil) return true;
  const q = rules.quietHours;
  if (q === undefined) return false;
  const minute = minuteOfDay(now, q.timeZone);
  const from = hhmm(q.from);
  const to = hhmm(q.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

function hhmm(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null) throw new RangeError(`Quiet hours must be HH:MM, not "${text}".`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function minuteOfDay(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}
