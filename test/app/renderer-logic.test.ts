// The renderer's pure logic, without a browser: exact display of decimals (never through Number), the
// execution kinds and labels, the status strip's three words and ages, grid keys, and the Live rows'
// bound and order.
import type { ExecutionRecord } from '../../shared/records/execution-record.ts';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  executionKind, formatFee, formatPrice, formatQty, formatTime, formatTimestamp, kindLabel, sideLabel, zoneLabel,
} from '../../renderer/format/execution-format.ts';
import { EXECUTION_COLUMNS } from '../../renderer/columns/execution-columns.ts';
import { accountHealth, ageText, QUIET_AFTER_MS } from '../../renderer/components/StatusStrip/account-health.ts';
import { nextRowIndex } from '../../renderer/views/Live/grid-keys.ts';
import { addExecutions, NO_ROWS } from '../../renderer/state/live-rows.ts';
import { recordNo, sampleRecord } from './support/samples.ts';
import { DEFAULT_PREFERENCES, effectiveTimeZone, readPreferences } from '../../renderer/state/preferences-store.ts';
import { formFromRules, rulesFromForm } from '../../renderer/views/Settings/rules-form.ts';
import { DEFAULT_NOTIFICATION_RULES } from '../../shared/notifications/notification-rules.ts';

describe('execution format', () => {
  test('prices and quantities are shown exactly, trimmed but never rounded', () => {
    assert.equal(formatPrice('0.4200', 'dollars'), '$0.42');
    assert.equal(formatPrice('0.4250', 'dollars'), '$0.425');
    assert.equal(formatPrice('1', 'dollars'), '$1.00');
    assert.equal(formatPrice('0.000001', 'dollars'), '$0.000001');
    assert.equal(formatPrice('42', 'cents'), '42¢');
    assert.equal(formatPrice('30.60', 'cents'), '30.6¢');
    assert.equal(formatPrice(null, 'dollars'), '');
    assert.equal(formatQty('10.00'), '10');
    assert.equal(formatQty('2.50'), '2.5');
    assert.equal(formatQty('123456789012.34'), '123456789012.34', 'beyond float precision, still exact');
    assert.equal(formatFee('0.0175'), '$0.0175');
    assert.equal(formatFee('-0.02'), '-$0.02');
  });

  test('kinds: a fill that completes the order is a Fill, one that leaves some open is a Partial', () => {
    assert.equal(executionKind({ execType: 'F', ordStatus: '2', leavesQty: '0' }), 'fill');
    assert.equal(executionKind({ execType: 'F', ordStatus: '1', leavesQty: '6.00' }), 'partial');
    assert.equal(executionKind({ execType: 'F', ordStatus: '4', leavesQty: '0.00' }), 'fill');
    // 'I' cannot come from the engine (an undocumented ExecType is kept raw as unreadable); the view still copes.
    assert.deepEqual((['0', '4', '5', '8', 'I'] as ExecutionRecord['execType'][]).map((t) => executionKind({ execType: t, ordStatus: '0', leavesQty: '1' })), ['new', 'cancel', 'replace', 'reject', 'other']);
    assert.equal(kindLabel('other', 'I'), 'ExecType I');
    assert.equal(sideLabel('1'), 'Buy Yes');
    assert.equal(sideLabel('2'), 'Sell Yes');
  });

  test('times: FIX and ISO timestamps show their UTC clock time; the tooltip has the date and zone', () => {
    assert.equal(formatTime('20261124-14:00:01.250'), '14:00:01.250');
    assert.equal(formatTime('2026-11-24T14:00:01.250Z'), '14:00:01.250');
    assert.equal(formatTime('garbled'), 'garbled');
    assert.equal(formatTimestamp('20261124-14:00:01.250'), '2026-11-24 14:00:01.250 UTC');
  });

  test('times in a chosen zone: the clock and date move, every fraction digit is kept, the label says which zone', () => {
    assert.equal(formatTime('20261124-14:00:01.250123', 'America/New_York'), '09:00:01.250123');
    assert.equal(formatTime('20260701-02:30:00', 'America/New_York'), '22:30:00', 'summer time, and the day before');
    assert.equal(formatTimestamp('20260701-02:30:00.5', 'America/New_York'), '2026-06-30 22:30:00.5 EDT');
    assert.equal(formatTimestamp('20261124-14:00:01.250', 'Europe/London'), '2026-11-24 14:00:01.250 GMT');
    assert.equal(formatTime('20261124-14:00:01.250', 'Etc/UTC'), '14:00:01.250');
    assert.equal(zoneLabel('UTC'), 'UTC');
    assert.equal(zoneLabel('America/Chicago', Date.UTC(2026, 0, 15)), 'CST');
  });

  test('preferences: anything stored that is not ours reads as the defaults', () => {
    assert.deepEqual(readPreferences(null), DEFAULT_PREFERENCES);
    assert.deepEqual(readPreferences('not json'), DEFAULT_PREFERENCES);
    assert.deepEqual(readPreferences('{"theme":"neon","timeZone":7}'), DEFAULT_PREFERENCES);
    assert.deepEqual(readPreferences('{"theme":"light","timeZone":"Europe/London"}'), { theme: 'light', timeZone: 'Europe/London' });
    assert.equal(effectiveTimeZone('UTC'), 'UTC');
  });

  test('notification rules form: round trip, and the first problem named', () => {
    const rules = { ...DEFAULT_NOTIFICATION_RULES, allFills: false, minQty: '100', markets: ['KXFED'], quietHours: { from: '22:00', to: '07:00', timeZone: 'America/New_York' } };
    const form = formFromRules(rules, 'UTC');
    assert.deepEqual(rulesFromForm(form), { rules });
    assert.deepEqual(rulesFromForm({ ...form, markets: 'kxfed, KXHIGHNY\nkxfed' }), { rules: { ...rules, markets: ['KXFED', 'KXHIGHNY'] } });
    assert.deepEqual(rulesFromForm({ ...form, minQty: '1e3' }), { problem: 'Minimum size must be a number of contracts, e.g. 100 or 2.5.' });
    assert.deepEqual(rulesFromForm({ ...form, minQty: '', minNotional: '' }), { problem: 'Choose "every fill", or give a minimum size or notional.' });
    assert.deepEqual(rulesFromForm({ ...form, quietTo: '7:00' }), { problem: 'Quiet hours are HH:MM, e.g. 22:00 to 07:00.' });
    assert.match((rulesFromForm({ ...form, quietTimeZone: 'Mars/Olympus' }) as { problem: string }).problem, /not a time zone/);
  });

  test('every column renders a sample record without throwing, with unique ids', () => {
    const context = { execution: { accountId: 'a', position: 1, record: sampleRecord }, accountLabel: 'Desk A', priceUnit: 'dollars' as const, timeZone: 'UTC' };
    const texts = Object.fromEntries(EXECUTION_COLUMNS.map((c) => [c.id, c.text(context)]));
    assert.deepEqual(texts, {
      time: '14:00:01.250', account: 'Desk A', symbol: 'KXFEDDECISION-26DEC-H0', kind: 'Partial', side: 'Buy Yes', lastQty: '4', lastPx: '$0.42',
      cumQty: '4', leavesQty: '6', avgPx: '$0.42', fee: '$0.02', ordStatus: 'Partially filled', execId: '3021;7', text: '',
    });
    assert.equal(new Set(EXECUTION_COLUMNS.map((c) => c.id)).size, EXECUTION_COLUMNS.length);
  });
});

describe('status strip', () => {
  test('phases read as connected / reconnecting / down, and a silent session as quiet', () => {
    const now = 1_000_000;
    assert.equal(accountHealth('active', now - 1_000, now), 'connected');
    assert.equal(accountHealth('active', now - QUIET_AFTER_MS - 1, now), 'quiet');
    for (const phase of ['connecting', 'logging-on', 'reconnect-wait'] as const) assert.equal(accountHealth(phase, null, now), 'reconnecting');
    for (const phase of ['logging-out', 'stopped', 'failed'] as const) assert.equal(accountHealth(phase, now, now), 'down');
    assert.equal(ageText(null, now), 'no message yet');
    assert.equal(ageText(now - 400, now), 'just now');
    assert.equal(ageText(now - 12_300, now), '12 s ago');
    assert.equal(ageText(now - 185_000, now), '3 min ago');
    assert.equal(ageText(now - 7_300_000, now), '2 h ago');
  });
});

describe('Live grid', () => {
  test('keys move like a spreadsheet, clamped at both ends', () => {
    assert.equal(nextRowIndex('ArrowDown', 0, 10, 5), 1);
    assert.equal(nextRowIndex('ArrowDown', 9, 10, 5), 9);
    assert.equal(nextRowIndex('ArrowUp', 0, 10, 5), 0);
    assert.equal(nextRowIndex('PageDown', 7, 10, 5), 9);
    assert.equal(nextRowIndex('PageUp', 3, 10, 5), 0);
    assert.equal(nextRowIndex('End', 0, 10, 5), 9);
    assert.equal(nextRowIndex('Home', 6, 10, 5), 0);
    assert.equal(nextRowIndex('x', 6, 10, 5), undefined);
    assert.equal(nextRowIndex('ArrowDown', 0, 0, 5), undefined);
  });

  test('rows stay newest first, bounded, and an execution seen twice is kept once', () => {
    const exec = (p: number) => ({ accountId: 'a', position: p, record: recordNo(p) });
    let rows = addExecutions(NO_ROWS, [exec(2), exec(4), exec(6)], false, 4);
    rows = addExecutions(rows, [exec(6), exec(8), exec(10)], true, 4);
    assert.deepEqual(rows.order, [10, 8, 6, 4]);
    assert.equal(rows.byPosition.size, 4);
    assert.equal(rows.byPosition.get(6)!.arrivedLive, false, 'the first copy wins');
    const late = addExecutions(rows, [exec(7)], true, 4);
    assert.deepEqual(late.order, [10, 8, 7, 6], 'a late commit lands in journal order');
    assert.equal(addExecutions(rows, [exec(8)], true, 4), rows, 'nothing new: the same object, no re-render');
  });
});
