// position-limit.ts — rule 1: an account's open position in a market (|net contracts|, or dollars at
// cost) or in an event (Σ over its markets of |contracts| and of dollars at cost: Yes in one strike
// and No in another are both exposure, never netted) above a limit; a warning first at warnPercent.
// Episodes, per account, limit and market/event, one per level: the breach episode opens when the
// position goes above the limit and ends when it is back at or below it; the warning episode opens at
// warnPercent and ends below it (a fill that jumps straight past the limit raises the breach only).
// Settlement closes the market's position, so it ends its episodes too.
import { type Decimal, ZERO, abs, cmp, parse } from '../../../../shared/decimal.ts';
import type { PositionLimitParams } from '../../../../shared/surveillance/rules-document.ts';
import { contracts, percentOf, share, usd } from '../format.ts';
import { accountSet, cite, type RaiseAlert, type Rule } from '../rule.ts';
import type { ExecutionInput } from '../surveillance-input.ts';

interface Limit {
  readonly index: number;
  readonly scope: 'market' | 'event';
  readonly prefix: string;
  readonly contracts: { readonly limit: Decimal; readonly warn: Decimal } | null;
  readonly dollars: { readonly limit: Decimal; readonly warn: Decimal } | null;
}

type Level = 'clear' | 'warn' | 'breach';

const NOTHING = { contracts: ZERO, dollars: ZERO };

interface Exposure {
  readonly contracts: Decimal;
  readonly dollars: Decimal;
}

export function positionLimitRule(p: PositionLimitParams): Rule {
  const limits: Limit[] = p.limits.map((l, index) => ({
    index,
    scope: l.scope,
    prefix: l.prefix,
    contracts: l.contracts === undefined ? null : threshold(l.contracts, p.warnPercent),
    dollars: l.dollars === undefined ? null : threshold(l.dollars, p.warnPercent),
  }));
  // Per account, the open episodes by market/event and limit: a warning's key, a breach's key.
  const open = new Map<string, Map<string, { warn: string | undefined; breach: string | undefined }>>();

  function check(account: string, limit: Limit, key: string, exposure: Exposure, trigger: ExecutionInput | null, raise: RaiseAlert): void {
    const level = levelOf(limit, exposure);
    let mine = open.get(account);
    if (level === 'clear' && mine === undefined) return; // the common case: nothing to raise, nothing to end
    const base = `${key}/limit-${limit.index}`;
    let episode = mine?.get(base);
    if (level === 'clear' || (trigger === null && episode === undefined)) {
      if (episode !== undefined) forget(account, mine!, base);
      return;
    }
    if (level !== 'breach' && episode !== undefined) episode.breach = undefined;
    if (trigger === null) return; // a settlement only ends episodes
    if (mine === undefined) open.set(account, mine = new Map());
    if (episode === undefined) mine.set(base, episode = { warn: undefined, breach: undefined });
    const startedBy = `${account}/${base}`;
    let episodeKey: string | undefined;
    if (level === 'breach' && episode.breach === undefined) {
      episodeKey = episode.breach = `${startedBy}/breach@${trigger.record.execId}`;
      episode.warn ??= `${startedBy}/warn@${trigger.record.execId}`; // opened silently under a breach
    } else if (level === 'warn' && episode.warn === undefined) {
      episodeKey = episode.warn = `${startedBy}/warn@${trigger.record.execId}`;
    }
    if (episodeKey === undefined) return;
    const what = describe(limit, exposure, level);
    raise({
      severity: level === 'breach' ? p.severity : p.warnSeverity,
      accountIds: [account],
      market: limit.scope === 'market' ? key : trigger.record.symbol,
      raisedAt: trigger.eventAt,
      episodeKey,
      title: level === 'breach' ? 'Position limit exceeded' : `Position limit ${p.warnPercent}% reached`,
      text: `${account} holds ${what} in ${limit.scope === 'market' ? 'market' : 'event'} ${key}.`,
      evidence: cite(trigger),
    });
  }

  function forget(account: string, mine: Map<string, unknown>, base: string): void {
    mine.delete(base);
    if (mine.size === 0) open.delete(account);
  }

  return {
    id: 'position-limit',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      const t = facts.trade;
      if (t === null) return;
      for (const limit of limits) {
        const key = limit.scope === 'market' ? t.symbol : t.event;
        if (!key.startsWith(limit.prefix)) continue;
        const exposure = limit.scope === 'market' ? { contracts: abs(t.positionAfter), dollars: t.costAfter } : { contracts: t.eventContracts, dollars: t.eventCost };
        check(input.accountId, limit, key, exposure, input, raise);
      }
    },
    settlement(input, facts, raise) {
      if (facts === null) return;
      for (const limit of limits) {
        const key = limit.scope === 'market' ? facts.symbol : facts.event;
        if (!key.startsWith(limit.prefix)) continue;
        // A settled market holds nothing: only an episode's end can follow (no trigger, no alert).
        check(input.accountId, limit, key, limit.scope === 'market' ? NOTHING : { contracts: facts.eventContracts, dollars: facts.eventCost }, null, raise);
      }
    },
  };
}

function threshold(text: string, warnPercent: number): { limit: Decimal; warn: Decimal } {
  const limit = parse(text);
  return { limit, warn: share(limit, warnPercent) };
}

function levelOf(limit: Limit, e: Exposure): Level {
  const c = limit.contracts;
  const d = limit.dollars;
  if ((c !== null && cmp(e.contracts, c.limit) > 0) || (d !== null && cmp(e.dollars, d.limit) > 0)) return 'breach';
  if ((c !== null && cmp(e.contracts, c.warn) >= 0) || (d !== null && cmp(e.dollars, d.warn) >= 0)) return 'warn';
  return 'clear';
}

/** '1,200 contracts (120% of its 1,000-contract limit)' and/or the dollars, naming each measure past its level. */
function describe(limit: Limit, e: Exposure, level: Level): string {
  const parts: string[] = [];
  const past = (value: Decimal, t: { limit: Decimal; warn: Decimal }) => (level === 'breach' ? cmp(value, t.limit) > 0 : cmp(value, t.warn) >= 0);
  if (limit.contracts !== null && past(e.contracts, limit.contracts)) {
    parts.push(`${contracts(e.contracts)} contracts (${percentOf(e.contracts, limit.contracts.limit)} of its ${contracts(limit.contracts.limit)}-contract limit)`);
  }
  if (limit.dollars !== null && past(e.dollars, limit.dollars)) {
    parts.push(`${usd(e.dollars)} at cost (${percentOf(e.dollars, limit.dollars.limit)} of its ${usd(limit.dollars.limit)} limit)`);
  }
  return parts.join(' and ');
}
