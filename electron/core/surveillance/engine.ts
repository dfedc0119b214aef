// engine.ts — SurveillanceEngine: the rules of one rules document run over the journal's facts
// (surveillance-input.ts), one input at a time, in journal order. Per input it updates the account's
// state once (account-state.ts), hands the facts to each enabled rule that watches the account, and
// turns the rules' drafts into alerts: a deterministic id (`${ruleId}:${episodeKey}`), the rules
// version, and the allow-list's verdict. Constant work per input: rules keep bounded windows and
// running state, never rescan. Pure: no I/O, no clock; the same inputs give the same alerts, which is
// what makes live (recorder-service.ts) equal replay (journal-inputs.ts, `fillwatch surveil`).
import type { RuleId, SurveillanceAlert } from '../../../shared/surveillance/alert.ts';
import type { RulesDocument } from '../../../shared/surveillance/rules-document.ts';
import { AccountState } from './account-state.ts';
import { AllowList } from './allow-list.ts';
import { LocalClock } from './local-clock.ts';
import type { AlertDraft, ExecutionFacts, RaiseAlert, Rule } from './rule.ts';
import { createRules } from './rules/index.ts';
import type { SurveillanceInput } from './surveillance-input.ts';

const NONE: readonly SurveillanceAlert[] = Object.freeze([]);

export class SurveillanceEngine {
  readonly rules: RulesDocument;
  readonly #clock: LocalClock;
  readonly #allow: AllowList;
  readonly #rules: readonly Rule[];
  readonly #accounts = new Map<string, AccountState>();
  /** Alerts raised by the input being processed. */
  #out: SurveillanceAlert[] = [];
  /** Each rule with its raise, per kind of input it reads (worked out once: this runs per input). */
  readonly #onExecution: Handler[] = [];
  readonly #onSettlement: Handler[] = [];
  readonly #onFeed: Handler[] = [];
  readonly #facts: { -readonly [K in keyof ExecutionFacts]: ExecutionFacts[K] } = { local: { day: '', weekday: 0, minute: 0 }, trade: null, day: { net: 0n as ExecutionFacts['day']['net'], fills: 0, orders: 0 } };

  constructor(rules: RulesDocument) {
    this.rules = rules;
    this.#clock = new LocalClock(rules.timeZone);
    this.#allow = new AllowList(rules.allowList, this.#clock);
    this.#rules = createRules(rules, this.#clock);
    for (const rule of this.#rules) {
      const handler: Handler = { rule, accounts: rule.accounts, raise: (draft) => this.#raise(rule.id, draft) };
      if (rule.execution !== undefined) this.#onExecution.push(handler);
      if (rule.settlement !== undefined) this.#onSettlement.push(handler);
      if (rule.feed !== undefined) this.#onFeed.push(handler);
    }
  }

  /** The alerts one input raises (usually none). */
  process(input: SurveillanceInput): readonly SurveillanceAlert[] {
    this.#dispatch(input);
    return this.#take();
  }

  /** The alerts a run of inputs raises, in order. Inputs must come in journal order (byJournalPosition). */
  processAll(inputs: Iterable<SurveillanceInput>): SurveillanceAlert[] {
    const all: SurveillanceAlert[] = [];
    for (const input of inputs) {
      this.#dispatch(input);
      if (this.#out.length > 0) all.push(...this.#take());
    }
    return all;
  }

  #dispatch(input: SurveillanceInput): void {
    const state = this.#account(input.accountId);
    switch (input.kind) {
      case 'execution': {
        const local = this.#clock.at(input.eventAt);
        const trade = state.bookTrade(input, local);
        const day = state.day(local.day);
        if (input.record.execType === '0') day.orders++;
        // One object, refilled per input: no rule keeps the facts past its call.
        const facts = this.#facts;
        facts.local = local;
        facts.trade = trade;
        facts.day = day;
        for (const h of this.#onExecution) {
          if (h.accounts === undefined || h.accounts.has(input.accountId)) h.rule.execution!(input, facts, h.raise);
        }
        return;
      }
      case 'settlement': {
        const at = input.settlement?.at;
        const facts = state.bookSettlement(input, this.#clock.at(typeof at === 'number' ? at : 0));
        for (const h of this.#onSettlement) {
          if (h.accounts === undefined || h.accounts.has(input.accountId)) h.rule.settlement!(input, facts, h.raise);
        }
        return;
      }
      default:
        for (const h of this.#onFeed) {
          if (h.accounts === undefined || h.accounts.has(input.accountId)) h.rule.feed!(input, h.raise);
        }
    }
  }

  #raise(ruleId: RuleId, draft: AlertDraft): void {
    const accountIds = [...draft.accountIds].sort();
    this.#out.push({
      id: `${ruleId}:${draft.episodeKey}`,
      ruleId,
      rulesVersion: this.rules.version,
      severity: draft.severity,
      accountIds,
      market: draft.market,
      raisedAt: draft.raisedAt,
      episodeKey: draft.episodeKey,
      title: draft.title,
      text: draft.text,
      evidence: draft.evidence,
      suppressedBy: this.#allow.suppressedBy({ ruleId, accountIds, market: draft.market, raisedAt: draft.raisedAt }),
    });
  }

  #take(): readonly SurveillanceAlert[] {
    if (this.#out.length === 0) return NONE;
    const alerts = this.#out;
    this.#out = [];
    return alerts;
  }

  #account(id: string): AccountState {
    let state = this.#accounts.get(id);
    if (state === undefined) {
      state = new AccountState();
      this.#accounts.set(id, state);
    }
    return state;
  }
}

interface Handler {
  readonly rule: Rule;
  readonly accounts: ReadonlySet<string> | undefined;
  readonly raise: RaiseAlert;
}
