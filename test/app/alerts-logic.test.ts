// The Alerts view's and the rules editor's pure parts, without a browser: the journal's order, the
// filter boxes, how live alerts join a list read earlier (by id, the newer copy winning, never a step
// back), the controller's snapshot + live (batches during the list applied after it; a skipped batch
// or a resync reads the list again), the review moves and wording, the rules form's round trip and
// field matching, and the History intent an alert's evidence becomes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertDetailWire, SurveillanceAlertWire } from '../../shared/ipc/alerts-contract.ts';
import type { IpcResult, LiveBatch } from '../../shared/ipc/contract.ts';
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { DEFAULT_RULES } from '../../shared/surveillance/rules-document.ts';
import { parseRulesDocument } from '../../shared/surveillance/rules-document.ts';
import { historyLine, movesFrom, readableText } from '../../renderer/format/alert-format.ts';
import { compareAlerts, EMPTY_ALERT_FILTER, filterFromAlertForm, matchesAlertFilter, splitSuppressed, upsertAlerts } from '../../renderer/state/alerts/alert-list.ts';
import { AlertsController } from '../../renderer/state/alerts/alerts-controller.ts';
import { useAlertsStore } from '../../renderer/state/alerts/alerts-store.ts';
import { OpenAlertsTracker, useOpenAlerts } from '../../renderer/state/alerts/open-alerts.ts';
import { formOfIntent } from '../../renderer/state/history/intent-landing.ts';
import { documentFromForm, fieldInvalid, formFromRules } from '../../renderer/views/Settings/surveillance-form.ts';

function wire(id: string, extra: Partial<SurveillanceAlertWire> = {}): SurveillanceAlertWire {
  return {
    id, ruleId: 'large-fill', rulesVersion: 1, severity: 'medium', accountIds: ['key-a'], market: 'KXFED-26DEC-H0', raisedAt: 1_000, title: 'Large fill',
    text: 'key-a bought 40 Yes.', evidence: { executions: [{ accountId: 'key-a', execId: 'e1' }], orderIds: ['o1'], note: null }, suppressedBy: null,
    state: 'open', recordedAt: 1_000, reviewCount: 0, lastReviewAt: null, ...extra,
  };
}

describe('alert-list', () => {
  test('the journal\'s order: unsuppressed first; open, escalated, acknowledged, closed; newest raised first', () => {
    const list = [
      wire('s', { suppressedBy: 'allow-1', raisedAt: 9_000 }), wire('closed', { state: 'closed', raisedAt: 8_000 }), wire('old'),
      wire('esc', { state: 'escalated' }), wire('new', { raisedAt: 2_000 }), wire('ack', { state: 'acknowledged' }),
    ];
    assert.deepEqual([...list].sort(compareAlerts).map((a) => a.id), ['new', 'old', 'esc', 'ack', 'closed', 's']);
    assert.deepEqual(splitSuppressed(list).suppressed.map((a) => a.id), ['s']);
  });

  test('filter boxes → the list filter, and the same test applied to a live alert', () => {
    assert.deepEqual(filterFromAlertForm(EMPTY_ALERT_FILTER), {});
    const filter = filterFromAlertForm({ state: 'open', ruleId: 'large-fill', accountId: 'key-a', market: ' kxfed-26dec-h0 ', severity: 'medium' });
    assert.deepEqual(filter, { state: 'open', ruleId: 'large-fill', accountId: 'key-a', market: 'KXFED-26DEC-H0', severity: 'medium' });
    assert.equal(matchesAlertFilter(wire('a'), filter), true);
    assert.equal(matchesAlertFilter(wire('a', { accountIds: ['key-b'] }), filter), false);
    assert.equal(matchesAlertFilter(wire('a', { state: 'closed' }), filter), false);
  });

  test('upsert by id: a newer copy replaces, a stale one is ignored, one that leaves the filter goes', () => {
    const reviewed = wire('a', { state: 'acknowledged', reviewCount: 1 });
    assert.deepEqual(upsertAlerts([reviewed], [wire('a')], {}).map((a) => a.state), ['acknowledged'], 'the live copy from before the review is stale');
    assert.deepEqual(upsertAlerts([wire('a')], [reviewed, wire('b', { raisedAt: 5_000 })], {}).map((a) => [a.id, a.state]), [['b', 'open'], ['a', 'acknowledged']]);
    assert.deepEqual(upsertAlerts([wire('a')], [reviewed], { state: 'open' }), [], 'reviewed out of the open filter');
    const more = wire('a', { evidence: { executions: [{ accountId: 'key-a', execId: 'e1' }, { accountId: 'key-a', execId: 'e2' }], orderIds: ['o1'], note: null } });
    assert.equal(upsertAlerts([more], [wire('a')], {})[0]!.evidence.executions.length, 2, 'evidence only grows');
  });
});

describe('alert-format', () => {
  test('moves from the one table; history lines; accounts by label in the rules\' sentences', () => {
    assert.deepEqual(movesFrom('open'), ['acknowledged', 'escalated', 'closed']);
    assert.deepEqual(movesFrom('closed'), ['open']);
    assert.equal(historyLine({ kind: 'review', auditId: 3, at: 1, from: 'open', to: 'escalated', reviewer: 'Ann', comment: 'x' }), 'Open → Escalated by Ann');
    assert.equal(historyLine({ kind: 'evidence-added', auditId: 4, at: 1, executions: 2, orders: 1 }), 'Evidence added: 2 executions, 1 order');
    assert.equal(historyLine({ kind: 'exported', auditId: 5, at: 1, command: 'evidence', user: 'ann', format: 'pack', files: 4 }), 'Evidence pack exported by ann (4 files)');
    assert.equal(readableText('key-a and key-b traded.', new Map([['key-a', 'Desk A']])), 'Desk A and key-b traded.');
  });
});

describe('surveillance rules form', () => {
  test('the defaults round-trip exactly; edits land on their fields; what the form does not show is kept', () => {
    assert.deepEqual(parseRulesDocument(documentFromForm(formFromRules(DEFAULT_RULES), DEFAULT_RULES)), DEFAULT_RULES);
    const base = parseRulesDocument({ version: 3, orderToTrade: { windowSeconds: 30 }, allowList: [{ id: 'x', rule: '*', reason: 'r', who: 'w', expires: '2027-01-01' }] });
    const form = formFromRules(base);
    const edited = {
      ...form,
      positionLimit: { ...form.positionLimit, warnPercent: '75', limits: [{ scope: 'event' as const, prefix: 'kxfed', contracts: '', dollars: '2500' }] },
      largeFill: { ...form.largeFill, fillContracts: '', orderNotional: '99.5' },
      restrictedList: { ...form.restrictedList, entries: [{ kind: 'ticker' as const, value: 'kxbtc-26dec', from: '2026-12-01', until: '', reason: 'Research' }] },
      offHours: { ...form.offHours, days: ['mon' as const], holidays: '2026-12-25, 2027-01-01', timeZone: 'UTC' },
      dailyCaps: { ...form.dailyCaps, maxFills: '', lossLimit: '500' },
    };
    const doc = parseRulesDocument(documentFromForm(edited, base));
    assert.equal(doc.orderToTrade.windowSeconds, 30, 'kept');
    assert.equal(doc.allowList.length, 1);
    assert.deepEqual(doc.positionLimit.limits, [{ scope: 'event', prefix: 'KXFED', dollars: '2500' }]);
    assert.equal(doc.positionLimit.warnPercent, 75);
    assert.deepEqual([doc.largeFill.fillContracts, doc.largeFill.orderNotional], [null, '99.5']);
    assert.deepEqual(doc.restrictedList.entries, [{ ticker: 'KXBTC-26DEC', from: '2026-12-01', reason: 'Research' }]);
    assert.deepEqual([doc.offHours.days, doc.offHours.holidays, doc.offHours.timeZone], [['mon'], ['2026-12-25', '2027-01-01'], 'UTC']);
    assert.deepEqual([doc.dailyCaps.maxFills, doc.dailyCaps.lossLimit], [null, '500']);
  });

  test('typed text that is not a number goes to main as typed (main names the field); the refused field marks its box and an entry\'s boxes', () => {
    const form = formFromRules(DEFAULT_RULES);
    const doc = documentFromForm({ ...form, dailyCaps: { ...form.dailyCaps, warnPercent: 'lots' } }, DEFAULT_RULES) as { dailyCaps: { warnPercent: unknown } };
    assert.equal(doc.dailyCaps.warnPercent, 'lots');
    assert.equal(fieldInvalid('positionLimit.limits[0]', 'positionLimit.limits[0].contracts'), true);
    assert.equal(fieldInvalid('positionLimit.limits[1]', 'positionLimit.limits[10].contracts'), false);
    assert.equal(fieldInvalid('largeFill.fillContracts', 'largeFill.fillContracts'), true);
    assert.equal(fieldInvalid('', 'timeZone'), false);
  });
});

describe('history intent of an alert\'s evidence', () => {
  test('accounts by API key id, the market as the filter', () => {
    const form = formOfIntent({ accountKeys: ['key-a', 'key-a'], market: 'KXFED-26DEC-H0', highlight: { rowIds: [3, 9], label: 'x' }, nonce: 1 }, () => undefined);
    assert.deepEqual([form.accounts, form.market, form.text], [['key-a'], 'KXFED-26DEC-H0', '']);
    assert.deepEqual(formOfIntent({ accountId: 'demo-1', nonce: 2 }, (id) => (id === 'demo-1' ? 'key-1' : undefined)).accounts, ['key-1'], 'P&L names the account by its Fillwatch id');
  });
});

/** A FillwatchApi with only what the Alerts controller uses: list answers when the test says so. */
function fakeApi() {
  const batchListeners: ((b: LiveBatch) => void)[] = [];
  const resyncListeners: (() => void)[] = [];
  const lists: { resolve: (r: IpcResult<{ alerts: SurveillanceAlertWire[]; more: boolean }>) => void }[] = [];
  const api = {
    alerts: {
      list: () => new Promise((resolve) => lists.push({ resolve })),
      get: async (id: string): Promise<IpcResult<AlertDetailWire | null>> => ({ ok: true, value: { alert: wire(id), history: [], executions: [], executionsNotShown: 0 } }),
    },
    on: {
      liveBatch: (l: (b: LiveBatch) => void) => { batchListeners.push(l); return () => {}; },
      resync: (l: () => void) => { resyncListeners.push(l); return () => {}; },
    },
  } as unknown as FillwatchApi;
  const batch = (seq: number, surveillance: SurveillanceAlertWire[] = []) => {
    for (const l of batchListeners) l({ seq, executions: [], statuses: [], logs: [], alerts: [], positionsChanged: [], surveillance });
  };
  return { api, lists, batch, resync: () => { for (const l of resyncListeners) l(); } };
}

describe('AlertsController: snapshot + live', () => {
  test('batches during the list are applied after it; a stale one changes nothing; a skipped batch or a resync reads the list again', async () => {
    useAlertsStore.getState().set({ form: EMPTY_ALERT_FILTER, alerts: [], selectedId: null, detail: null });
    const fake = fakeApi();
    const controller = new AlertsController(fake.api);
    const reload = controller.reload();
    fake.batch(1, [wire('b', { raisedAt: 3_000 })]);
    fake.batch(2, [wire('a')]); // stale: the list below already has a's review
    fake.lists[0]!.resolve({ ok: true, value: { alerts: [wire('a', { state: 'closed', reviewCount: 1 })], more: false } });
    await reload;
    assert.deepEqual(useAlertsStore.getState().alerts.map((a) => [a.id, a.state]), [['b', 'open'], ['a', 'closed']]);
    fake.batch(3, [wire('c', { raisedAt: 4_000 })]);
    assert.deepEqual(useAlertsStore.getState().alerts.map((a) => a.id), ['c', 'b', 'a'], 'live, nothing doubled');
    fake.batch(5);
    assert.equal(fake.lists.length, 2, 'batch 4 was missed: the list is read again');
    fake.resync();
    assert.equal(fake.lists.length, 3);
    fake.lists[1]!.resolve({ ok: true, value: { alerts: [], more: false } });
    fake.lists[2]!.resolve({ ok: false, error: { kind: 'failed', message: 'engine restarting' } });
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(useAlertsStore.getState().load, 'failed', 'only the newest answer counts');
  });
});

describe('OpenAlertsTracker: the Alerts tab\'s count', () => {
  test('snapshot of open alerts, then live: new ones count, reviewed or suppressed ones do not; an open copy that came during the snapshot is checked first', async () => {
    const fake = fakeApi();
    const gets: string[] = [];
    (fake.api.alerts as { get: FillwatchApi['alerts']['get'] }).get = (id) => {
      gets.push(id);
      // 'stale' was closed before the snapshot was read; 'fresh' is new since.
      return Promise.resolve({ ok: true, value: { alert: wire(id, id === 'stale' ? { state: 'closed', reviewCount: 1 } : {}), history: [], executions: [], executionsNotShown: 0 } });
    };
    useOpenAlerts.setState({ count: 0, more: false });
    const tracker = new OpenAlertsTracker(fake.api);
    const reload = tracker.reload();
    fake.batch(1, [wire('stale'), wire('fresh'), wire('x', { state: 'acknowledged', reviewCount: 1 })]);
    fake.lists[0]!.resolve({ ok: true, value: { alerts: [wire('x'), wire('y')], more: false } });
    await reload;
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(gets.sort(), ['fresh', 'stale']);
    assert.deepEqual(useOpenAlerts.getState(), { count: 2, more: false }, 'y and fresh: x was acknowledged, stale was closed');
    fake.batch(2, [wire('z'), wire('s', { suppressedBy: 'allow-1' })]);
    assert.equal(useOpenAlerts.getState().count, 3, 'z counts; a suppressed alert does not');
    fake.batch(3, [wire('y', { state: 'closed', reviewCount: 1 })]);
    assert.equal(useOpenAlerts.getState().count, 2);
    fake.batch(5);
    assert.equal(fake.lists.length, 2, 'a skipped batch reads the snapshot again');
    fake.lists[1]!.resolve({ ok: true, value: { alerts: Array.from({ length: 1_000 }, (_, i) => wire(`a${i}`)), more: true } });
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(useOpenAlerts.getState(), { count: 1_000, more: true });
    tracker.dispose();
  });
});
