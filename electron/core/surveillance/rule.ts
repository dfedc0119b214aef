// rule.ts — the contract between the engine and one rule. A rule is built from its block of the rules
// document, keeps its own bounded state, and is told each input once, in journal order, with the
// facts the engine already computed (positions, P&L, local time). It raises drafts; the engine adds
// the alert id, the rule id, the rules version and the allow-list verdict. A rule never reads the
// journal, the clock or another rule.
import type { AlertEvidence, RuleId, SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { DayState, SettlementFacts, TradeFacts } from './account-state.ts';
import type { LocalTime } from './local-clock.ts';
import type { ExecutionInput, FeedInput, SettlementInput } from './surveillance-input.ts';

/**
 * What a rule raises: the alert without what the engine adds (its id, the rule id, the rules version
 * and the allow-list verdict). `episodeKey` must be unique per episode (Episodes.begin gives one).
 */
export type AlertDraft = Omit<SurveillanceAlert, 'id' | 'ruleId' | 'rulesVersion' | 'suppressedBy'>;

export interface RaiseAlert {
  (draft: AlertDraft): void;
}

/** Valid during the call only: the engine refills one object per input (rules copy what they keep). */
export interface ExecutionFacts {
  /** eventAt in the document's time zone. */
  readonly local: LocalTime;
  /** Set when the execution is a Trade the ledger booked. */
  readonly trade: TradeFacts | null;
  /** The account's state for the execution's day, after it. */
  readonly day: DayState;
}

export interface Rule {
  readonly id: RuleId;
  /** API key ids the rule watches; undefined = every account. */
  readonly accounts: ReadonlySet<string> | undefined;
  execution?(input: ExecutionInput, facts: ExecutionFacts, raise: RaiseAlert): void;
  settlement?(input: SettlementInput, facts: SettlementFacts | null, raise: RaiseAlert): void;
  feed?(input: FeedInput, raise: RaiseAlert): void;
}

/** The evidence of one execution. */
export function cite(input: ExecutionInput): AlertEvidence {
  return { executions: [{ accountId: input.accountId, execId: input.record.execId }], orderIds: [input.record.orderId] };
}

export function accountSet(accounts: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return accounts === undefined ? undefined : new Set(accounts);
}
