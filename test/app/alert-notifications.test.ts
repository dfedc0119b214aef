// Desktop notifications for surveillance alerts: only high and critical ones that no allow-list entry
// suppressed, coalesced into one notification per window, each alert id at most once — also across a
// restart (ids saved in notifications.json before anything is shown) — held while quiet unless alerts
// may bypass it, off with the rules; a click opens the alert (its id in the target).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationWire } from '../../shared/ipc/contract.ts';
import { AlertNotifier } from '../../shared/notifications/alert-notifications.ts';
import { DEFAULT_NOTIFICATION_RULES } from '../../shared/notifications/notification-rules.ts';
import type { Severity, SurveillanceAlert } from '../../shared/surveillance/alert.ts';
import type { AlertFilter, StoredAlert } from '../../shared/surveillance/alert-records.ts';
import { NotificationService, type NotificationClock } from '../../electron/main/notifications/notification-service.ts';
import { accountConfig, fakeRecorder } from './support/fake-recorder.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

function alert(id: string, severity: Severity, extra: Partial<SurveillanceAlert> = {}): SurveillanceAlert {
  return {
    id, ruleId: 'position-limit', rulesVersion: 1, severity, accountIds: ['key-a'], market: 'KXFED-26DEC-H0', raisedAt: T0, episodeKey: id,
    title: 'Position limit exceeded', text: 'key-a holds 1,200 Yes in KXFED-26DEC-H0, above its 1,000 limit.', evidence: { executions: [], orderIds: [] }, suppressedBy: null, ...extra,
  };
}

function notifier(notified: string[] = []) {
  const saved: string[][] = [];
  const n = new AlertNotifier({ notified, onNotified: (ids) => saved.push([...ids]), accountOf: (k) => (k === 'key-a' ? 'a' : undefined), labelOf: (k) => (k === 'key-a' ? 'Desk A' : k), coalesceMs: 2_000 });
  return { n, saved };
}

describe('AlertNotifier', () => {
  const rules = DEFAULT_NOTIFICATION_RULES;

  test('high and critical only, not suppressed; one notification per window; the ids reported before it is returned', () => {
    const { n, saved } = notifier();
    n.onAlerts([alert('low', 'low'), alert('med', 'medium'), alert('h1', 'high'), alert('s', 'critical', { suppressedBy: 'allow-1' })], rules, T0);
    assert.deepEqual(n.due(rules, T0 + 1_999), [], 'held while the window is open');
    n.onAlerts([alert('c1', 'critical')], rules, T0 + 1_000);
    const [shown, ...rest] = n.due(rules, T0 + 2_000);
    assert.deepEqual(rest, []);
    assert.deepEqual(saved, [['h1', 'c1']]);
    assert.equal(shown!.title, '2 surveillance alerts (1 critical)');
    assert.equal(shown!.urgency, 'critical');
    assert.deepEqual(shown!.target, { accountId: 'a', alertId: 'h1' });
  });

  test('one alert: its title and sentence; never the same id twice, in this run or after one that notified it', () => {
    const { n } = notifier(['old']);
    n.onAlerts([alert('old', 'high'), alert('h1', 'high')], rules, T0);
    const [shown] = n.due(rules, T0 + 2_000);
    assert.equal(shown!.title, 'High alert · Desk A: Position limit exceeded');
    assert.match(shown!.body, /1,200 Yes/);
    n.onAlerts([alert('h1', 'high')], rules, T0 + 3_000);
    assert.deepEqual(n.due(rules, T0 + 9_000), []);
  });

  test('quiet time holds them unless alerts bypass it; rules off or surveillance alerts off: nothing', () => {
    const quiet = { ...rules, quietUntil: T0 + 60_000, alertsBypassQuiet: false };
    const { n } = notifier();
    n.onAlerts([alert('h1', 'high')], quiet, T0);
    assert.deepEqual(n.due(quiet, T0 + 2_000), []);
    assert.equal(n.due(quiet, T0 + 60_000).length, 1, 'shown once the quiet ends');
    const off = notifier();
    off.n.onAlerts([alert('h2', 'high')], { ...rules, surveillanceAlerts: false }, T0);
    off.n.onAlerts([alert('h3', 'high')], { ...rules, enabled: false }, T0);
    assert.deepEqual(off.n.due(rules, T0 + 5_000), []);
  });
});

class FakeClock implements NotificationClock {
  at = T0;
  now() { return this.at; }
  every() { return () => {}; }
}

function service(dir: string, journalAlerts: readonly StoredAlert[] = []) {
  const fake = fakeRecorder([accountConfig('a')]);
  // listAlerts answers from `journalAlerts` as the journal would (state, suppressed, from).
  const recorder = { ...fake, api: { ...fake.api, listAlerts: async (f: AlertFilter = {}) => journalAlerts.filter((a) => (f.state === undefined || a.state === f.state)
    && (f.suppressed === undefined || (a.suppressedBy !== null) === f.suppressed) && (f.from === undefined || a.raisedAt >= f.from)) } };
  const clock = new FakeClock();
  const notifications = new NotificationService(recorder.api, { statePath: join(dir, 'notifications.json'), journalPath: '/data/journal.db', clock, coalesceMs: 2_000 });
  const shown: NotificationWire[] = [];
  notifications.addSink({ show: (n) => shown.push(n) });
  return { recorder, clock, notifications, shown };
}

describe('NotificationService: surveillance alerts', () => {
  test('ids saved in notifications.json before showing; a restart that hears them again shows nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-alert-notify-'));
    const first = service(dir);
    await first.notifications.refreshAccounts();
    first.recorder.fire({ type: 'alerts', alerts: [alert('h1', 'high'), alert('m1', 'medium')] });
    first.clock.at += 2_000;
    await first.notifications.tick();
    assert.equal(first.shown.length, 1);
    assert.deepEqual(first.shown[0]!.target, { accountId: 'a', position: null, execId: null, alertId: 'h1' });
    const saved = JSON.parse(readFileSync(join(dir, 'notifications.json'), 'utf8')) as { notifiedAlerts: Record<string, string[]> };
    assert.deepEqual(saved.notifiedAlerts, { '/data/journal.db': ['h1'] });
    await first.notifications.close();

    const second = service(dir);
    second.recorder.fire({ type: 'alerts', alerts: [alert('h1', 'high'), alert('h2', 'critical')] });
    second.clock.at += 2_000;
    await second.notifications.tick();
    assert.equal(second.shown.length, 1);
    assert.match(second.shown[0]!.title, /^Critical alert/);
    await second.notifications.close();
  });

  test('owed from before a restart: one held by quiet time is shown once the quiet ends; reviewed, suppressed or day-old ones are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-alert-owed-'));
    const first = service(dir);
    await first.notifications.owedAlerts;
    await first.notifications.setRules({ ...DEFAULT_NOTIFICATION_RULES, quietUntil: T0 + 10 * 60_000, alertsBypassQuiet: false });
    first.recorder.fire({ type: 'alerts', alerts: [alert('h1', 'high')] });
    first.clock.at += 2_000;
    await first.notifications.tick();
    assert.deepEqual(first.shown, [], 'held by the quiet time');
    await first.notifications.close(); // the app quits during the quiet time

    const stored = (a: SurveillanceAlert, state: StoredAlert['state'] = 'open'): StoredAlert => ({ ...a, state, recordedAt: a.raisedAt, reviewCount: state === 'open' ? 0 : 1, lastReviewAt: null });
    const second = service(dir, [
      stored(alert('h1', 'high')),
      stored(alert('h2', 'high'), 'acknowledged'),
      stored(alert('h3', 'critical', { suppressedBy: 'allow-1' })),
      stored(alert('h4', 'critical', { raisedAt: T0 - 2 * 24 * 60 * 60_000 })),
      stored(alert('m1', 'medium')),
    ]);
    second.clock.at = T0 + 11 * 60_000;
    await second.notifications.owedAlerts;
    second.clock.at += 2_000;
    await second.notifications.tick();
    assert.equal(second.shown.length, 1);
    assert.match(second.shown[0]!.title, /^High alert/);
    assert.equal(second.shown[0]!.target?.alertId, 'h1');
    await second.notifications.close();

    const third = service(dir, [stored(alert('h1', 'high'))]);
    third.clock.at = T0 + 12 * 60_000;
    await third.notifications.owedAlerts;
    third.clock.at += 2_000;
    await third.notifications.tick();
    assert.deepEqual(third.shown, [], 'notified once: never again');
    await third.notifications.close();
  });
});
