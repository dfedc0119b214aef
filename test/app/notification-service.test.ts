// The NotificationService on main, with a fake clock and a fake RecorderApi: executions become
// notifications once their coalescing window closes; bursts are one notification; the notified-up-to
// positions and the rules are saved atomically before anything is shown, so a restart never shows the
// same execution again; a different journal starts afresh; a broken file is kept aside, not trusted.
// The rules' requests through the IpcDoor, and the renderer's toast list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationWire } from '../../shared/ipc/contract.ts';
import { DEFAULT_NOTIFICATION_RULES } from '../../shared/notifications/notification-rules.ts';
import { IpcDoor, trustOrigins } from '../../electron/main/ipc/ipc-door.ts';
import { notificationRequestHandlers } from '../../electron/main/notifications/notification-handlers.ts';
import { NotificationService, type NotificationClock } from '../../electron/main/notifications/notification-service.ts';
import { addToast, openToasts, TOAST_OPEN_MS, TOASTS_KEPT, TOASTS_OPEN } from '../../renderer/state/notification-store.ts';
import { accountConfig, fakeRecorder } from './support/fake-recorder.ts';
import { unusedSettingsHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

class FakeClock implements NotificationClock {
  at = Date.UTC(2026, 10, 24, 14, 0, 0);
  readonly timers = new Set<() => void>();
  now() { return this.at; }
  every(_ms: number, fn: () => void) {
    this.timers.add(fn);
    return () => void this.timers.delete(fn);
  }
  advance(ms: number) { this.at += ms; }
}

function setup(dir = mkdtempSync(join(tmpdir(), 'fillwatch-notify-')), journal = '/data/journal.db', recorder = fakeRecorder([accountConfig('a'), accountConfig('b')])) {
  const clock = new FakeClock();
  const service = new NotificationService(recorder.api, { statePath: join(dir, 'notifications.json'), journalPath: journal, clock, coalesceMs: 2_000 });
  const shown: NotificationWire[] = [];
  service.addSink({ show: (n) => shown.push(n) });
  return { dir, clock, recorder, service, shown, statePath: join(dir, 'notifications.json') };
}

describe('NotificationService', () => {
  test('one fill: one notification after the coalescing window, with the account label and the fill to highlight', async () => {
    const { clock, recorder, service, shown } = setup();
    await service.refreshAccounts();
    const [execId] = recorder.commit(1);
    await service.tick();
    assert.equal(shown.length, 0, 'held while the window is open');
    clock.advance(2_000);
    await service.tick();
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.title, 'Desk a: Bought 4.00 Yes @ 0.4200');
    assert.deepEqual(shown[0]!.target, { accountId: 'a', position: 1, execId });
    assert.equal(clock.timers.size, 1, 'runs due() on a timer');
    await service.close();
    assert.equal(clock.timers.size, 0, 'close stops the timer');
  });

  test('a burst is one notification; a sink that throws does not stop the others', async () => {
    const { clock, recorder, service, shown } = setup();
    service.addSink({ show: () => { throw new Error('boom'); } });
    recorder.commit(10);
    clock.advance(500);
    recorder.commit(4);
    clock.advance(1_600);
    await service.tick();
    assert.equal(shown.length, 1);
    assert.match(shown[0]!.title, /14 fills/);
    assert.match(shown[0]!.body, /in 1 market/);
    await service.close();
  });

  test('never the same execution twice across restarts: positions are saved before showing', async () => {
    const first = setup();
    first.recorder.commit(3);
    first.clock.advance(2_000);
    await first.service.tick();
    assert.equal(first.shown.length, 1);
    const saved = JSON.parse(readFileSync(first.statePath, 'utf8')) as { notifiedUpTo: Record<string, Record<string, number>> };
    assert.deepEqual(saved.notifiedUpTo, { '/data/journal.db': { a: 3 } });
    await first.service.close();

    // Restart: the engine replays positions 1..3 (the same executions), then commits 4 and 5.
    const second = setup(first.dir);
    second.recorder.commit(3);
    second.clock.advance(2_000);
    await second.service.tick();
    assert.equal(second.shown.length, 0, 'already notified before the restart');
    second.recorder.commit(2);
    second.clock.advance(2_000);
    await second.service.tick();
    assert.equal(second.shown.length, 1);
    assert.match(second.shown[0]!.title, /2 fills/);
    await second.service.close();
  });

  test('a different journal starts from nothing notified (positions belong to one journal)', async () => {
    const first = setup();
    first.recorder.commit(3);
    first.clock.advance(2_000);
    await first.service.tick();
    await first.service.close();
    const other = setup(first.dir, '/data/other.db');
    other.recorder.commit(1);
    other.clock.advance(2_000);
    await other.service.tick();
    assert.equal(other.shown.length, 1);
    await other.service.close();
  });

  test('rules: default, set (saved atomically, survive a restart), and applied to what follows', async () => {
    const { dir, clock, recorder, service, shown, statePath } = setup();
    assert.deepEqual(service.rules(), DEFAULT_NOTIFICATION_RULES);
    await service.setRules({ ...DEFAULT_NOTIFICATION_RULES, allFills: false, minQty: '100' });
    assert.deepEqual(readdirSync(dir), ['notifications.json'], 'no temp file left behind');
    recorder.commit(2); // 4 contracts each: below 100
    clock.advance(2_000);
    await service.tick();
    assert.deepEqual(shown, []);
    await service.close();
    const again = setup(dir);
    assert.equal(again.service.rules().minQty, '100');
    assert.equal(again.service.rules().allFills, false);
    await again.service.close();
    assert.ok(existsSync(statePath));
  });

  test('session alerts show at once as critical; do-not-disturb holds fills', async () => {
    const { clock, recorder, service, shown } = setup();
    await service.setRules({ ...DEFAULT_NOTIFICATION_RULES, quietUntil: clock.at + 60_000 });
    recorder.fire({ type: 'missed-fills', accountId: 'a', sinceMs: undefined, untilMs: clock.at, text: 'Fills between 14:00 and 14:01 may be missing.' });
    recorder.commit(1);
    await service.tick();
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.urgency, 'critical');
    clock.advance(2_000);
    await service.tick();
    assert.equal(shown.length, 1, 'the fill is held while quiet');
    await service.close();
  });

  test('an unreadable state file is kept aside as .bad and defaults are used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fillwatch-notify-'));
    writeFileSync(join(dir, 'notifications.json'), '{"version":1,"rules":{"enabled":"yes"}}');
    const lines: string[] = [];
    const recorder = fakeRecorder();
    const service = new NotificationService(recorder.api, { statePath: join(dir, 'notifications.json'), journalPath: '/j.db', clock: new FakeClock(), log: (l) => lines.push(l) });
    assert.deepEqual(service.rules(), DEFAULT_NOTIFICATION_RULES);
    assert.ok(existsSync(join(dir, 'notifications.json.bad')));
    assert.match(lines.join('\n'), /not readable/);
    await service.close();
  });
});

describe('notification rules over IPC, and the toast log', () => {
  test('getRules / setRules go through the IpcDoor: a bad payload is refused, a good one is saved and answered', async () => {
    const { service, statePath } = setup();
    const door = new IpcDoor({ ...emptyHandlers(), ...notificationRequestHandlers(service) }, trustOrigins(['app://fillwatch']));
    const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };
    assert.deepEqual(await door.handle('fillwatch:notifications.getRules', ours, {}), { ok: true, value: DEFAULT_NOTIFICATION_RULES });
    const bad = await door.handle('fillwatch:notifications.setRules', ours, { rules: { ...DEFAULT_NOTIFICATION_RULES, minQty: 5 } });
    assert.equal(bad.ok ? 'ok' : bad.error.kind, 'invalid-payload');
    const rules = { ...DEFAULT_NOTIFICATION_RULES, cancelsAndRejects: false, markets: ['KXFED'] };
    assert.deepEqual(await door.handle('fillwatch:notifications.setRules', ours, { rules }), { ok: true, value: rules });
    assert.deepEqual((JSON.parse(readFileSync(statePath, 'utf8')) as { rules: unknown }).rules, rules);
    const foreign = await door.handle('fillwatch:notifications.setRules', { url: 'https://evil.example/', isMainFrame: true }, { rules });
    assert.equal(foreign.ok ? 'ok' : foreign.error.kind, 'forbidden-sender');
    await service.close();
  });

  test('the toast log keeps the newest few, newest first, and ignores a repeated id', () => {
    const n = (id: number): NotificationWire => ({ id, at: id, title: `t${id}`, body: '', urgency: 'normal', target: null });
    let toasts = addToast([], n(1));
    toasts = addToast(toasts, n(2));
    assert.equal(addToast(toasts, n(2)), toasts);
    for (let id = 3; id <= 9; id++) toasts = addToast(toasts, n(id));
    assert.deepEqual(toasts.map((t) => t.id), [9, 8, 7, 6, 5].slice(0, TOASTS_KEPT));
  });

  test('over the view only the newest normal toast stays open, for a few seconds, and critical ones until dismissed', () => {
    const n = (id: number, urgency: 'normal' | 'critical' = 'normal'): NotificationWire => ({ id, at: id, title: `t${id}`, body: '', urgency, target: null });
    const toasts = [n(3), n(2), n(1, 'critical')];
    const arrivedAt = new Map([[3, 10_000], [2, 9_000], [1, 1_000]]);
    assert.deepEqual(openToasts(toasts, arrivedAt, 10_000).map((t) => t.id), [3, 1], 'the newest normal one replaced the one before it');
    assert.deepEqual(openToasts(toasts, arrivedAt, 10_000 + TOAST_OPEN_MS - 1).map((t) => t.id), [3, 1]);
    assert.deepEqual(openToasts(toasts, arrivedAt, 10_000 + TOAST_OPEN_MS).map((t) => t.id), [1], 'closed on its own; the critical one stays');
    const critical = [n(6, 'critical'), n(5, 'critical'), n(4, 'critical')];
    assert.deepEqual(openToasts(critical, new Map(), 0).map((t) => t.id).length, TOASTS_OPEN, 'never more than TOASTS_OPEN');
    assert.deepEqual(openToasts([n(7)], new Map(), 0).map((t) => t.id), [7], 'one not yet timed is open');
  });
});

function emptyHandlers() {
  const fail = () => { throw new Error('not part of this test'); };
  return { 'app.snapshot': fail, 'accounts.list': fail, 'positions.get': fail, 'session.get': fail, 'demo.status': fail, ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers() };
}
