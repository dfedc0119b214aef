// stream.ts — hand-built surveillance inputs for golden tests: one account's orders, fills and
// cancels with explicit ExecIDs, times and journal positions, so each test states its stream plainly.
import type { ExecType, OrdStatus, Side } from '../../../shared/records/execution-record.ts';
import type { ExecutionInput, SettlementInput, SurveillanceInput } from '../../../electron/core/surveillance/index.ts';
import { parseRulesDocument, type RulesDocument, type RulesDocumentInput } from '../../../shared/surveillance/rules-document.ts';

export const A = 'acct-A';
export const B = 'acct-B';
/** 2026-11-24 14:00:00 UTC = 09:00 in New York. */
export const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

let position = 0;
export function resetPositions(): void {
  position = 0;
}

export interface ExecSpec {
  readonly account?: string;
  readonly execId: string;
  readonly order?: string;
  readonly symbol?: string;
  readonly side?: Side;
  readonly qty?: string;
  readonly px?: string;
  /** Seconds after T0. */
  readonly at?: number;
  readonly execType?: ExecType;
  readonly ordStatus?: OrdStatus;
  readonly fee?: string;
  readonly leaves?: string;
  readonly cum?: string;
  readonly price?: string;
  readonly trdMatchId?: string;
  readonly longQty?: string;
  readonly shortQty?: string;
  readonly text?: string;
}

const MARKET = 'KXFED-26DEC-T4.25';

export function exec(s: ExecSpec): ExecutionInput {
  const trade = (s.execType ?? 'F') === 'F';
  return {
    kind: 'execution',
    accountId: s.account ?? A,
    rawId: ++position,
    eventAt: T0 + (s.at ?? 0) * 1000,
    priceUnit: 'dollars',
    trdMatchId: s.trdMatchId ?? null,
    longQty: s.longQty ?? null,
    shortQty: s.shortQty ?? null,
    price: s.price ?? s.px ?? null,
    record: {
      execId: s.execId, orderId: s.order ?? `o-${s.execId}`, clOrdId: `c-${s.execId}`, origClOrdId: null, symbol: s.symbol ?? MARKET,
      side: s.side ?? '1', execType: s.execType ?? 'F', ordStatus: s.ordStatus ?? (trade ? '2' : '0'),
      lastQty: trade ? (s.qty ?? '1') : null, lastPx: trade ? (s.px ?? '0.50') : null,
      cumQty: s.cum ?? (trade ? (s.qty ?? '1') : '0'), leavesQty: s.leaves ?? (trade ? '0' : (s.qty ?? '1')), avgPx: s.px ?? '0',
      transactTime: null, msgSeqNum: position, possDup: false, fee: s.fee ?? '0', text: s.text ?? null,
    },
  };
}

/** A fill (ExecType F). */
export const fill = (s: ExecSpec): ExecutionInput => exec({ ...s, execType: 'F' });
/** A New order ack (ExecType 0) for `qty` at `price`. */
export const ack = (s: ExecSpec): ExecutionInput => exec({ ordStatus: '0', ...s, execType: '0' });
/** A cancel (ExecType 4). */
export const cancel = (s: ExecSpec): ExecutionInput => exec({ ordStatus: '4', leaves: '0', ...s, execType: '4' });

export function settle(symbol: string, result: 'yes' | 'no', at: number, options: { account?: string; longQty?: string; shortQty?: string } = {}): SettlementInput {
  return {
    kind: 'settlement', accountId: options.account ?? A, rawId: ++position, symbol,
    settlement: { symbol, result, at: T0 + at * 1000, longQty: options.longQty, shortQty: options.shortQty },
  };
}

/** Next journal position (for feed inputs built by hand). */
export function nextPosition(): number {
  return ++position;
}

/** A rules document with only the named rules enabled (others off), everything else by default. */
export function only(input: Omit<RulesDocumentInput, 'version'> & { version?: number }): RulesDocument {
  const off = { enabled: false };
  return parseRulesDocument({
    version: 7,
    positionLimit: off, largeFill: off, restrictedList: off, crossAccount: off, orderToTrade: off, offHours: off, feedIntegrity: off, dailyCaps: off,
    ...input,
  });
}

export type { SurveillanceInput };

/** An expected alert: the id, rule id and rules version follow from the rule and episode key. */
export function expected(ruleId: string, episodeKey: string, rest: {
  severity: string; accountIds: string[]; market: string | null; raisedAt: number; title: string; text: string;
  evidence: { executions: { accountId: string; execId: string }[]; orderIds: string[]; note?: string }; suppressedBy?: string | null;
}): unknown {
  return { id: `${ruleId}:${episodeKey}`, ruleId, rulesVersion: 7, episodeKey, ...rest, suppressedBy: rest.suppressedBy ?? null };
}

/** Evidence of executions of one account, with their orders (o-<ExecID> unless given). */
export function cites(account: string, execIds: string[], orderIds?: string[]) {
  return { executions: execIds.map((execId) => ({ accountId: account, execId })), orderIds: orderIds ?? execIds.map((e) => `o-${e}`) };
}

export const at = (seconds: number): number => T0 + seconds * 1000;
