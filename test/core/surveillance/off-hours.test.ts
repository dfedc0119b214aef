// Rule 6, off-hours: exact alerts for fills outside desk hours in New York time: after hours, after
// midnight (a new local day), on a holiday, on a Saturday, per account, one alert per account and local
// day; orders are not fills; and the same UTC time of day is in hours in summer (EDT) but not in winter
// (EST).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, B, T0, ack, cites, expected, fill, only } from './stream.ts';

const M = 'KXFED-26DEC-T4.25';
const s = (iso: string) => (Date.parse(iso) - T0) / 1000;
const hours = 'desk hours are Mon, Tue, Wed, Thu, Fri 08:00–18:00, holidays excepted.';

describe('off-hours', () => {
  test('one alert per account and local day with off-hours fills, time-zone aware', () => {
    const alerts = new SurveillanceEngine(only({ offHours: { holidays: ['2026-11-26'] } })).processAll([
      fill({ execId: '7;1', at: s('2026-11-24T14:00:00Z') }), // Tue 09:00 EST
      fill({ execId: '7;2', at: s('2026-11-24T23:30:00Z') }), // Tue 18:30: after hours
      fill({ execId: '7;3', at: s('2026-11-24T23:45:00Z') }), // same day: no second alert
      fill({ execId: '7;4', at: s('2026-11-25T04:00:00Z') }), // still Tue 23:00 in New York
      fill({ execId: '7;5', at: s('2026-11-25T05:30:00Z') }), // Wed 00:30: a new day
      fill({ execId: '7;6', at: s('2026-11-26T15:00:00Z') }), // Thanksgiving, 10:00
      fill({ execId: '7;7', at: s('2026-11-28T15:00:00Z') }), // Saturday
      fill({ account: B, execId: '7;8', at: s('2026-11-28T15:01:00Z') }),
      ack({ execId: '7;9', at: s('2026-11-29T15:02:00Z') }), // an order, not a fill
      fill({ execId: '7;10', at: s('2026-07-06T12:30:00Z') }), // Mon 08:30 EDT: in hours
      fill({ execId: '7;11', at: s('2026-11-30T12:30:00Z') }), // Mon 07:30 EST: before hours
    ]);
    const alert = (account: string, day: string, execId: string, iso: string, when: string, why: string) =>
      expected('off-hours', `${account}/${day}@${execId}`, {
        severity: 'low', accountIds: [account], market: M, raisedAt: Date.parse(iso), title: 'Off-hours fill',
        text: `${account} bought 1 Yes of ${M} at ${when} (America/New_York; ${why}): ${hours}`, evidence: cites(account, [execId]),
      });
    assert.deepEqual(alerts, [
      alert(A, '2026-11-24', '7;2', '2026-11-24T23:30:00Z', '18:30 on Tue 2026-11-24', 'outside hours'),
      alert(A, '2026-11-25', '7;5', '2026-11-25T05:30:00Z', '00:30 on Wed 2026-11-25', 'outside hours'),
      alert(A, '2026-11-26', '7;6', '2026-11-26T15:00:00Z', '10:00 on Thu 2026-11-26', 'a holiday'),
      alert(A, '2026-11-28', '7;7', '2026-11-28T15:00:00Z', '10:00 on Sat 2026-11-28', 'not a trading day'),
      alert(B, '2026-11-28', '7;8', '2026-11-28T15:01:00Z', '10:01 on Sat 2026-11-28', 'not a trading day'),
      alert(A, '2026-11-30', '7;11', '2026-11-30T12:30:00Z', '07:30 on Mon 2026-11-30', 'outside hours'),
    ]);
  });
});
