// off-hours.ts — rule 6: fills outside the desk's hours, in the rule's time zone (or the document's):
// on a day not in `days`, on a listed holiday, or outside [start, end) local time. Daylight saving is
// Intl's business (local-clock.ts), so 08:00 New York is 13:00 UTC in winter and 12:00 in summer.
// Episode: the account's local day: its first off-hours fill that day raises one alert.
import type { OffHoursParams } from '../../../../shared/surveillance/rules-document.ts';
import { WEEKDAYS } from '../../../../shared/surveillance/rules-schema.ts';
import { LocalClock, minuteOf, type LocalTime } from '../local-clock.ts';
import { accountSet, cite, type Rule } from '../rule.ts';

const NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Days remembered per account (a late fill for an older day may raise that day again). */
const DAYS_KEPT = 8;

export function offHoursRule(p: OffHoursParams, documentClock: LocalClock): Rule {
  const clock = p.timeZone === undefined || p.timeZone === documentClock.timeZone ? documentClock : new LocalClock(p.timeZone);
  const days = new Set(p.days.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = new Set(p.holidays);
  const start = minuteOf(p.start);
  const end = minuteOf(p.end);
  const alerted = new Map<string, string[]>(); // account → the last DAYS_KEPT local days it was alerted for
  const hours = `${p.days.map((d) => NAMES[WEEKDAYS.indexOf(d)]).join(', ')} ${p.start}–${p.end}`;

  function outside(t: LocalTime): string | undefined {
    if (holidays.has(t.day)) return 'a holiday';
    if (!days.has(t.weekday)) return 'not a trading day';
    if (t.minute < start || t.minute >= end) return 'outside hours';
    return undefined;
  }

  return {
    id: 'off-hours',
    accounts: accountSet(p.accounts),
    execution(input, _facts, raise) {
      const r = input.record;
      if (r.execType !== 'F') return;
      const t = clock.at(input.eventAt);
      const why = outside(t);
      if (why === undefined) return;
      const days = alerted.get(input.accountId) ?? [];
      if (days.includes(t.day)) return;
      alerted.set(input.accountId, [...days.slice(1 - DAYS_KEPT), t.day]);
      const time = `${String(Math.floor(t.minute / 60)).padStart(2, '0')}:${String(t.minute % 60).padStart(2, '0')}`;
      raise({
        severity: p.severity, accountIds: [input.accountId], market: r.symbol, raisedAt: input.eventAt,
        episodeKey: `${input.accountId}/${t.day}@${r.execId}`,
        title: 'Off-hours fill',
        text: `${input.accountId} ${r.side === '1' ? 'bought' : 'sold'} ${r.lastQty ?? ''} Yes of ${r.symbol} at ${time} on ${NAMES[t.weekday]} ${t.day} (${clock.timeZone}; ${why}): desk hours are ${hours}${holidays.size > 0 ? ', holidays excepted' : ''}.`,
        evidence: cite(input),
      });
    },
  };
}
