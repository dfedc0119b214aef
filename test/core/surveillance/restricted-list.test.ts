// Rule 3, restricted list: exact alerts for orders and fills in listed markets: a prefix (an event)
// with effective days (in the document's time zone) and an exact ticker; one alert per order (its later
// fills add none), an order done in one message (an IOC fill, a reject) still raises, nothing before
// `from` or after `until`, each account apart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SurveillanceEngine } from '../../../electron/core/surveillance/index.ts';
import { A, B, ack, at, cites, exec, expected, fill, only } from './stream.ts';

const FED = 'KXFED-26DEC-T4.25';
const NY = 'KXHIGHNY-26NOV24-B52.5';
const DAY = 86_400;

describe('restricted-list', () => {
  test('one alert per order in a listed market while the entry is in effect', () => {
    const alerts = new SurveillanceEngine(only({
      restrictedList: { entries: [
        { prefix: 'KXFED-26DEC', from: '2026-11-24', until: '2026-11-30', reason: 'research embargo' },
        { ticker: NY, reason: 'employee conflict' },
      ] },
    })).processAll([
      ack({ execId: '4;1', order: 'o1', qty: '10', price: '0.40', at: 1 }),
      fill({ execId: '4;2', order: 'o1', qty: '4', px: '0.40', at: 2, ordStatus: '1', leaves: '6', cum: '4' }),
      fill({ execId: '4;3', order: 'o1', qty: '6', px: '0.40', at: 3, cum: '10' }),
      ack({ execId: '4;4', order: 'o2', qty: '10', price: '0.40', at: -DAY }), // 2026-11-23: before `from`
      fill({ execId: '4;5', order: 'o3', symbol: NY, qty: '5', px: '0.10', at: 4 }), // filled at once
      exec({ execId: '4;6', order: 'o4', symbol: NY, execType: '8', ordStatus: '8', qty: '5', at: 5 }), // rejected
      fill({ execId: '4;7', order: 'o5', qty: '1', px: '0.40', at: 7 * DAY }), // 2026-12-01: after `until`
      ack({ account: B, execId: '4;8', order: 'o6', qty: '1', price: '0.40', at: 8 }),
    ]);
    const fed = 'KXFED-26DEC*: research embargo, 2026-11-24 to 2026-11-30';
    const ny = `${NY}: employee conflict`;
    assert.deepEqual(alerts, [
      expected('restricted-list', `${A}/o1/entry-0@4;1`, {
        severity: 'high', accountIds: [A], market: FED, raisedAt: at(1), title: 'Restricted market traded',
        text: `${A} placed an order in ${FED}, which is on the restricted list (${fed}): order o1.`, evidence: cites(A, ['4;1'], ['o1']),
      }),
      expected('restricted-list', `${A}/o3/entry-1@4;5`, {
        severity: 'high', accountIds: [A], market: NY, raisedAt: at(4), title: 'Restricted market traded',
        text: `${A} bought 5 Yes of ${NY}, which is on the restricted list (${ny}): order o3.`, evidence: cites(A, ['4;5'], ['o3']),
      }),
      expected('restricted-list', `${A}/o4/entry-1@4;6`, {
        severity: 'high', accountIds: [A], market: NY, raisedAt: at(5), title: 'Restricted market traded',
        text: `${A} tried to place an order (rejected) in ${NY}, which is on the restricted list (${ny}): order o4.`, evidence: cites(A, ['4;6'], ['o4']),
      }),
      expected('restricted-list', `${B}/o6/entry-0@4;8`, {
        severity: 'high', accountIds: [B], market: FED, raisedAt: at(8), title: 'Restricted market traded',
        text: `${B} placed an order in ${FED}, which is on the restricted list (${fed}): order o6.`, evidence: cites(B, ['4;8'], ['o6']),
      }),
    ]);
  });
});
