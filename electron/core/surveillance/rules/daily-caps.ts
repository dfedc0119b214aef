// daily-caps.ts — rule 8: an account's day, in the document's time zone. Loss: the day's net P&L
// (realized − fees booked that day by fills and settlements, from the exact ledger; unrealized P&L
// belongs to no day) at or below −lossLimit raises a breach, at or below −warnPercent% of it a warning
// first. Activity: fills or New orders of the day reaching maxFills / maxOrders (a runaway-bot
// indicator). Episodes per account, day and level: a loss episode ends when the day's net recovers
// above its level; the activity ones last the day.
import { cmp, neg, parse } from '../../../../shared/decimal.ts';
import type { DailyCapsParams } from '../../../../shared/surveillance/rules-document.ts';
import type { AlertEvidence } from '../../../../shared/surveillance/alert.ts';
import type { DayState } from '../account-state.ts';
import { Episodes } from '../episodes.ts';
import { contracts, percentOf, share, usd } from '../format.ts';
import { accountSet, cite, type RaiseAlert, type Rule } from '../rule.ts';
import type { ExecutionInput } from '../surveillance-input.ts';

interface Trigger {
  readonly accountId: string;
  readonly dayKey: string;
  readonly day: DayState;
  readonly at: number;
  readonly startedBy: string;
  /** The execution that moved the day, or (a settlement) a note naming its report. */
  readonly input: ExecutionInput | null;
  readonly note: string;
}

function evidenceOf(t: Trigger): AlertEvidence {
  return t.input === null ? { executions: [], orderIds: [], note: t.note } : cite(t.input);
}

export function dailyCapsRule(p: DailyCapsParams): Rule {
  const loss = p.lossLimit === null ? null : parse(p.lossLimit);
  const warnAt = loss === null ? null : neg(share(loss, p.warnPercent));
  const breachAt = loss === null ? null : neg(loss);
  const episodes = new Episodes(); // loss episodes
  const caps = new Episodes(); // fill and order caps, one per day
  const daysOf = new Map<string, string[]>(); // account → days with episodes, oldest first

  function track(accountId: string, dayKey: string): void {
    const days = daysOf.get(accountId) ?? [];
    if (days.includes(dayKey)) return;
    days.push(dayKey);
    // Forget the episodes of days long gone (their keys would otherwise pile up for ever).
    if (days.length > 8) {
      const gone = days.shift();
      for (const key of ['loss-warn', 'loss-breach']) episodes.end(`${accountId}/${gone}/${key}`);
      for (const key of ['fills', 'orders']) caps.end(`${accountId}/${gone}/${key}`);
    }
    daysOf.set(accountId, days);
  }

  function checkLoss(t: Trigger, raise: RaiseAlert): void {
    if (breachAt === null || warnAt === null || loss === null) return;
    const net = t.day.net;
    const breached = cmp(net, breachAt) <= 0;
    const warned = cmp(net, warnAt) <= 0;
    if (!warned && episodes.size === 0) return; // nothing to raise, nothing to end
    const base = `${t.accountId}/${t.dayKey}`;
    if (!breached) episodes.end(`${base}/loss-breach`);
    if (!warned) {
      episodes.end(`${base}/loss-warn`);
      return;
    }
    track(t.accountId, t.dayKey);
    const breach = breached ? episodes.begin(`${base}/loss-breach`, t.startedBy) : undefined;
    const warn = episodes.begin(`${base}/loss-warn`, t.startedBy); // opened silently under a breach
    const episodeKey = breach ?? (breached ? undefined : warn);
    if (episodeKey === undefined) return;
    raise({
      severity: breached ? p.severity : p.warnSeverity, accountIds: [t.accountId], market: null, raisedAt: t.at, episodeKey,
      title: breached ? 'Daily loss limit exceeded' : `Daily loss ${p.warnPercent}% of limit`,
      text: `${t.accountId}'s net P&L on ${t.dayKey} is ${usd(net)} (realized − fees), ${percentOf(neg(net), loss)} of its ${usd(loss)} daily loss limit.`,
      evidence: evidenceOf(t),
    });
  }

  function checkCount(t: Trigger, what: 'fills' | 'orders', count: number, cap: number | null, raise: RaiseAlert): void {
    if (cap === null || count < cap) return;
    track(t.accountId, t.dayKey);
    const episodeKey = caps.begin(`${t.accountId}/${t.dayKey}/${what}`, t.startedBy);
    if (episodeKey === undefined) return;
    raise({
      severity: p.severity, accountIds: [t.accountId], market: null, raisedAt: t.at, episodeKey,
      title: what === 'fills' ? 'Daily fill cap reached' : 'Daily order cap reached',
      text: `${t.accountId} reached ${contracts(parse(String(count)))} ${what === 'fills' ? 'fills' : 'new orders'} on ${t.dayKey}, its daily cap: a runaway-bot indicator.`,
      evidence: evidenceOf(t),
    });
  }

  return {
    id: 'daily-caps',
    accounts: accountSet(p.accounts),
    execution(input, facts, raise) {
      const r = input.record;
      const day = facts.day;
      // Most executions neither warn nor reach a cap and no loss episode is open: nothing to build.
      const lossDue = warnAt !== null && (episodes.size > 0 || cmp(day.net, warnAt) <= 0);
      // A cap reached stays reached all day: only its first time raises (an exact count, so ===).
      const fillsDue = facts.trade !== null && p.maxFills !== null && day.fills === p.maxFills;
      const ordersDue = facts.trade === null && r.execType === '0' && p.maxOrders !== null && day.orders === p.maxOrders;
      if (!(facts.trade !== null && lossDue) && !fillsDue && !ordersDue) return;
      const trigger: Trigger = { accountId: input.accountId, dayKey: facts.local.day, day, at: input.eventAt, startedBy: r.execId, input, note: '' };
      if (facts.trade !== null) {
        checkLoss(trigger, raise);
        checkCount(trigger, 'fills', day.fills, p.maxFills, raise);
      } else if (r.execType === '0') {
        checkCount(trigger, 'orders', day.orders, p.maxOrders, raise);
      }
    },
    settlement(input, facts, raise) {
      if (facts === null) return;
      const at = typeof input.settlement?.at === 'number' ? input.settlement.at : 0;
      checkLoss({
        accountId: input.accountId, dayKey: facts.dayKey, day: facts.day, at, startedBy: String(input.rawId),
        input: null, note: `Settlement of ${facts.symbol}: journal message ${input.rawId}.`,
      }, raise);
    },
  };
}


