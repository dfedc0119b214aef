// restricted-list.ts — rule 3: any order or fill in a market on the officer's restricted list: an
// exact ticker, or a prefix (an event 'KXFED-26DEC-', a series 'KXFED'), effective from/until a day
// (inclusive, in the document's time zone). Every execution counts (acks, amends, fills, cancels,
// rejects: an attempted order is still an order). Episode: the order in that entry's market; its first
// execution inside the dates raises one alert, and the episode ends when the order is done.
// The entries matching a ticker are worked out once per ticker (cached), so each event costs O(1).
import type { RestrictedListParams } from '../../../../shared/surveillance/rules-document.ts';
import { Episodes } from '../episodes.ts';
import { accountSet, cite, type Rule } from '../rule.ts';
import type { ExecutionInput } from '../surveillance-input.ts';

type Entry = RestrictedListParams['entries'][number] & { readonly index: number };

const TERMINAL = new Set(['2', '4', '8', 'C']);
/** Tickers remembered; a desk trades far fewer markets than this in one run. */
const CACHE_LIMIT = 50_000;

export function restrictedListRule(p: RestrictedListParams): Rule {
  const entries: Entry[] = p.entries.map((e, index) => ({ ...e, index }));
  const matching = new Map<string, readonly Entry[]>();
  const episodes = new Episodes();

  function entriesFor(symbol: string): readonly Entry[] {
    let found = matching.get(symbol);
    if (found === undefined) {
      if (matching.size >= CACHE_LIMIT) matching.clear();
      found = entries.filter((e) => (e.ticker !== undefined ? symbol === e.ticker : symbol.startsWith(e.prefix!)));
      matching.set(symbol, found);
    }
    return found;
  }

  return {
    id: 'restricted-list',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      const r = input.record;
      for (const entry of entriesFor(r.symbol)) {
        const day = facts.local.day;
        if ((entry.from !== undefined && day < entry.from) || (entry.until !== undefined && day > entry.until)) continue;
        const key = `${input.accountId}/${r.orderId}/entry-${entry.index}`;
        // An order's last message still raises when it is also its first (an IOC fill, a reject).
        const episodeKey = episodes.begin(key, r.execId);
        if (TERMINAL.has(r.ordStatus)) episodes.end(key);
        if (episodeKey === undefined) continue;
        raise({
          severity: p.severity, accountIds: [input.accountId], market: r.symbol, raisedAt: input.eventAt, episodeKey,
          title: 'Restricted market traded',
          text: `${input.accountId} ${action(input)} ${r.symbol}, which is on the restricted list (${describe(entry)}): order ${r.orderId}.`,
          evidence: cite(input),
        });
      }
    },
  };
}

function action(input: ExecutionInput): string {
  const r = input.record;
  switch (r.execType) {
    case 'F': return `${r.side === '1' ? 'bought' : 'sold'} ${r.lastQty ?? ''} Yes of`;
    case '0': case 'A': return 'placed an order in';
    case '5': case 'E': return 'amended an order in';
    case '8': return 'tried to place an order (rejected) in';
    default: return 'had an order in';
  }
}

function describe(e: Entry): string {
  const what = e.ticker ?? `${e.prefix}*`;
  const dates = e.from !== undefined && e.until !== undefined ? `, ${e.from} to ${e.until}`
    : e.from !== undefined ? `, from ${e.from}` : e.until !== undefined ? `, until ${e.until}` : '';
  return `${what}: ${e.reason}${dates}`;
}
