// allow-list.ts — the officer's exceptions: an alert that matches an entry (rule, account, market or
// pair of accounts, before its expiry) is marked suppressed by the entry's id. It is still raised,
// stored and exported; it is just not shown as open. Expiry is judged on the alert's own time
// (raisedAt), never the wall clock, so a replay marks exactly what live marked.
import type { RuleId } from '../../../shared/surveillance/alert.ts';
import type { AllowEntry } from '../../../shared/surveillance/rules-document.ts';
import type { LocalClock } from './local-clock.ts';

interface Candidate {
  readonly ruleId: RuleId;
  readonly accountIds: readonly string[];
  readonly market: string | null;
  readonly raisedAt: number;
}

export class AllowList {
  readonly #entries: readonly AllowEntry[];
  readonly #clock: LocalClock;

  constructor(entries: readonly AllowEntry[], clock: LocalClock) {
    this.#entries = entries;
    this.#clock = clock;
  }

  /** The id of the first entry that covers the alert, or null. */
  suppressedBy(alert: Candidate): string | null {
    for (const entry of this.#entries) {
      if (covers(entry, alert, this.#clock)) return entry.id;
    }
    return null;
  }
}

function covers(e: AllowEntry, a: Candidate, clock: LocalClock): boolean {
  if (e.rule !== '*' && e.rule !== a.ruleId) return false;
  if (e.account !== undefined && !a.accountIds.includes(e.account)) return false;
  if (e.accounts !== undefined && !(a.accountIds.length === 2 && a.accountIds.includes(e.accounts[0]) && a.accountIds.includes(e.accounts[1]))) return false;
  if (e.market !== undefined && !marketMatches(e.market, a.market)) return false;
  return e.expires.includes('T') ? a.raisedAt < Date.parse(e.expires) : clock.day(a.raisedAt) <= e.expires;
}

/** 'KXFED-*' matches every ticker starting 'KXFED-'; anything else must be the ticker itself. */
function marketMatches(pattern: string, market: string | null): boolean {
  if (market === null) return false;
  return pattern.endsWith('*') ? market.startsWith(pattern.slice(0, -1)) : market === pattern;
}
