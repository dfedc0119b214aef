import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { ServiceEvent } from '../../../shared/service/service-events.ts';
import { DEFAULT_NOTIFICATION_RULES, interestIn, isQuiet, type NotificationRules } from '../../../shared/notifications/notification-rules.ts';
import { NotificationPlanner } from '../../../shared/notifications/notification-planner.ts';

const T0 = Date.UTC(2026, 11, 2, 15, 0, 0); // 10:00 in New York
const base: ExecutionRecord = {
  execId: '1;1', orderId: 'o', clOrdId: 'c', origClOrdId: null, symbol: 'KXHIGHNY-26NOV24-B52.5', side: '1', execType: 'F', ordStatus: '2',
  lastQty: '10.00', lastPx: '0.4200', cumQty: '10.00', leavesQty: '0.00', avgPx: '0.4200', transactTime: null, msgSeqNum: 1, possDup: false, fee: null, text: null,
};
const fill = (n: number, over: Partial<ExecutionRecord> = {}) => ({ position: n, record: { ...base, execId: `1;${n}`, ...over } });
const batch = (accountId: string, ...executions: ReturnType<typeof fill>[]): ServiceEvent => ({ type: 'executions', accountId, executions });

function planner(rules: Partial<NotificationRules> = {}, notifiedUpTo = new Map<string, number>()) {
  const saved = new Map<string, number>();
  const p = new NotificationPlanner({
    rules: { ...DEFAULT_NOTIFICATION_RULES, ...rules }, notifiedUpTo, onProgress: (a, pos) => saved.set(a, pos),
    labelOf: (a) => `Desk ${a}`, priceUnitOf: () => 'dollars', coalesceMs: 1000,
  });
  return { p, saved };
}

describe('NotificationPlanner', () => {
  test('one fill: one notification after the coalescing window, pointing at the fill', () => {
    const { p, saved } = planner();
    p.onEvent(batch('A', fill(7)), T0);
    assert.deepEqual(p.due(T0 + 500), []);
    const [n] = p.due(T0 + 1000);
    assert.equal(n?.title, 'Desk A: Bought 10.00 Yes @ 0.4200');
    assert.deepEqual(n?.target, { accountId: 'A', position: 7, execId: '1;7' });
    assert.equal(saved.get('A'), 7, 'saved as the notification is handed out');
    assert.deepEqual(p.due(T0 + 5000), []);
  });

  test('a burst becomes one notification: "14 fills in 3 markets"', () => {
    const { p } = planner();
    const markets = ['KXA-1-B1', 'KXA-1-B2', 'KXB-2-T3'];
    for (let i = 1; i <= 14; i++) p.onEvent(batch('A', fill(i, { symbol: markets[i % 3]! })), T0 + i * 10);
    const out = p.due(T0 + 2000);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.title, 'Desk A: 14 fills');
    assert.equal(out[0]!.body, '14 fills in 3 markets');
  });

  test('a quit inside the coalescing window skips nothing: progress is saved only when the notification is due', () => {
    const first = planner();
    first.p.onEvent(batch('A', fill(1), fill(2)), T0);
    assert.deepEqual(first.p.due(T0 + 100), []);
    assert.equal(first.saved.get('A'), undefined, 'saved before anything was shown');
    // Restart now: the same executions come again and are shown this time.
    const second = planner({}, first.saved);
    second.p.onEvent(batch('A', fill(1), fill(2)), T0 + 5000);
    assert.equal(second.p.due(T0 + 6000).length, 1);
    assert.equal(second.saved.get('A'), 2);
    // flush() shows what is pending at once (e.g. on quit).
    second.p.onEvent(batch('A', fill(3)), T0 + 6000);
    assert.equal(second.p.flush(T0 + 6001).length, 1);
    assert.equal(second.saved.get('A'), 3);
  });

  test('never the same execution twice, also across a restart (positions saved and handed back)', () => {
    const first = planner();
    first.p.onEvent(batch('A', fill(1), fill(2)), T0);
    assert.equal(first.p.due(T0 + 1000).length, 1);
    // Restart: the engine replays the same executions (a resync); nothing is shown again.
    const second = planner({}, first.saved);
    second.p.onEvent(batch('A', fill(1), fill(2)), T0 + 5000);
    assert.deepEqual(second.p.due(T0 + 9000), []);
    second.p.onEvent(batch('A', fill(3)), T0 + 9000);
    assert.equal(second.p.due(T0 + 10_000).length, 1);
  });

  test('after a reconnect the first window is one catch-up summary, and "down" is said once per outage', () => {
    const { p } = planner();
    p.onEvent({ type: 'phase', accountId: 'A', phase: 'reconnect-wait' }, T0);
    p.onEvent({ type: 'phase', accountId: 'A', phase: 'reconnect-wait' }, T0 + 100);
    const down = p.due(T0 + 200);
    assert.equal(down.length, 1);
    assert.equal(down[0]!.urgency, 'critical');
    p.onEvent({ type: 'phase', accountId: 'A', phase: 'active' }, T0 + 300);
    p.onEvent(batch('A', fill(1)), T0 + 400);
    const [summary] = p.due(T0 + 1400);
    assert.equal(summary?.title, 'Desk A: caught up after reconnecting');
    assert.equal(summary?.body, '1 fill in 1 market');
  });

  test('size rules: fills below both thresholds are skipped; notional is exact', () => {
    const rules = { allFills: false, minQty: '100', minNotional: '250' };
    assert.equal(interestIn({ ...base, lastQty: '99.99', lastPx: '0.9900' }, { ...DEFAULT_NOTIFICATION_RULES, ...rules }, 'dollars'), undefined);
    assert.equal(interestIn({ ...base, lastQty: '100.00' }, { ...DEFAULT_NOTIFICATION_RULES, ...rules }, 'dollars'), 'fill');
    // 500 × 0.50 = 250.00 exactly: at the threshold counts.
    assert.equal(interestIn({ ...base, lastQty: '500.00', lastPx: '0.5000' }, { ...DEFAULT_NOTIFICATION_RULES, ...rules, minQty: '1000' }, 'dollars'), 'fill');
    assert.equal(interestIn({ ...base, lastQty: '500.00', lastPx: '49.99' }, { ...DEFAULT_NOTIFICATION_RULES, ...rules, minQty: '1000' }, 'cents'), undefined);
  });

  test('market and event filters, cancels and rejects', () => {
    const rules = { ...DEFAULT_NOTIFICATION_RULES, markets: ['KXHIGHNY-26NOV24'] };
    assert.equal(interestIn(base, rules, 'dollars'), 'fill');
    assert.equal(interestIn({ ...base, symbol: 'KXHIGHNY-26NOV25-B52.5' }, rules, 'dollars'), undefined);
    assert.equal(interestIn({ ...base, execType: '8', lastQty: null, lastPx: null }, DEFAULT_NOTIFICATION_RULES, 'dollars'), 'cancel-or-reject');
    assert.equal(interestIn({ ...base, execType: '0', lastQty: null, lastPx: null }, DEFAULT_NOTIFICATION_RULES, 'dollars'), undefined);
    assert.equal(interestIn({ ...base, execType: '4' }, { ...DEFAULT_NOTIFICATION_RULES, cancelsAndRejects: false }, 'dollars'), undefined);
  });

  test('quiet time holds fills, lets critical alerts through, and ends with one summary', () => {
    const { p } = planner({ quietUntil: T0 + 60_000 });
    p.onEvent(batch('A', fill(1)), T0);
    p.onEvent({ type: 'missed-fills', accountId: 'A', sinceMs: T0 - 1000, untilMs: T0, text: 'Possible missed fills between …' }, T0);
    const during = p.due(T0 + 2000);
    assert.deepEqual(during.map((n) => n.urgency), ['critical']);
    p.setRules({ ...DEFAULT_NOTIFICATION_RULES });
    const after = p.due(T0 + 61_000);
    assert.equal(after.length, 1);
    assert.equal(after[0]!.title, 'While Do Not Disturb was on');
    assert.match(after[0]!.body, /^1 notification\(s\) were held: Desk A: Bought/);
  });

  test('daily quiet hours wrap midnight in the chosen time zone', () => {
    const rules = { ...DEFAULT_NOTIFICATION_RULES, quietHours: { from: '22:00', to: '07:00', timeZone: 'America/New_York' } };
    assert.equal(isQuiet(rules, Date.UTC(2026, 11, 2, 4, 0)), true); // 23:00 New York
    assert.equal(isQuiet(rules, Date.UTC(2026, 11, 2, 11, 59)), true); // 06:59
    assert.equal(isQuiet(rules, Date.UTC(2026, 11, 2, 12, 0)), false); // 07:00
  });
});
