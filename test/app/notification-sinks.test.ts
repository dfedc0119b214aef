// The notification sinks on Electron's main, with `electron` replaced by test doubles: each
// notification becomes a desktop Notification and a `notification` event to our pages (never to a
// page that navigated elsewhere); a click focuses the window and tells the page which execution to
// highlight; on Windows the AppUserModelId is set at startup.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Emitter } from '../../shared/events/emitter.ts';
import type { LiveBatch, NotificationWire } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../../electron/main/app-services.ts';
import { APP_USER_MODEL_ID, runElectronApp, type ElectronMain } from '../../electron/main/electron-app.ts';
import { electronNotificationSink, type NotificationClass } from '../../electron/main/notifications/electron-notification-sink.ts';
import type { NotificationSink } from '../../electron/main/notifications/notification-service.ts';
import { FakeBrowserWindow, FakeNotification, fakeElectron } from './support/fake-electron.ts';
import { inMemoryRuleHandlers } from './support/samples.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';

const fill: NotificationWire = {
  id: 1, at: 1_700_000_000_000, title: 'Desk a: Bought 4 Yes @ 0.42', body: 'KXFED-26DEC-H0', urgency: 'normal',
  target: { accountId: 'a', position: 7, execId: '3021;7' },
};

function startApp(platform: NodeJS.Platform = 'linux') {
  const fake = fakeElectron({ platform });
  const sinks: NotificationSink[] = [];
  const demo = { active: false, accountIds: [], reportsPerSecond: null };
  const services = {
    feed: { onBatch: new Emitter<LiveBatch>().event, refreshAccounts: async () => {}, accounts: () => [] },
    handlers: { ...inMemoryRuleHandlers() },
    demo,
    notifications: { addSink: (sink: NotificationSink) => { sinks.push(sink); return { dispose: () => {} }; } },
    close: async () => {},
  } as unknown as AppServices;
  runElectronApp({ ...fake.electron, ipcMain: fake.ipcMain, session: fake.session } as unknown as ElectronMain, { rendererDir: '/r', preload: '/p.cjs' }, {
    startServices: async () => services, log: () => {}, keychain: new MemoryKeychain(),
  });
  return { fake, sinks };
}

describe('notification sinks', () => {
  test('a notification is shown on the desktop and listed in our page, not in a foreign one', async () => {
    const { fake, sinks } = startApp();
    fake.ready();
    while (FakeBrowserWindow.created.length === 0) await new Promise((r) => setImmediate(r));
    const [window] = FakeBrowserWindow.created;
    const foreign = new FakeBrowserWindow({});
    foreign.webContents.url = 'https://evil.example/';
    for (const sink of sinks) sink.show(fill);
    assert.equal(FakeNotification.shown.length, 1);
    assert.equal(FakeNotification.shown[0]!.options['title'], fill.title);
    assert.equal(FakeNotification.shown[0]!.options['body'], fill.body);
    assert.deepEqual(window!.webContents.sent, [{ channel: 'fillwatch:notifications.shown', payload: fill }]);
    assert.deepEqual(foreign.webContents.sent, []);

    // The click: the window comes to the front and the page is told what to highlight.
    FakeNotification.shown[0]!.click();
    assert.equal(window!.focused, 1);
    assert.equal(window!.shown, true);
    assert.deepEqual(window!.webContents.sent.at(-1), { channel: 'fillwatch:notifications.clicked', payload: fill.target });
  });

  test('Windows gets the AppUserModelId before anything else shows; other platforms do not need it', () => {
    const windows = startApp('win32');
    assert.ok(windows.fake.calls.includes(`app-user-model-id ${APP_USER_MODEL_ID}`));
    const linux = startApp('linux');
    assert.ok(!linux.fake.calls.some((c) => c.startsWith('app-user-model-id')));
  });

  test('critical notifications make a sound, routine ones are silent; nothing shows where notifications are unsupported', () => {
    const clicks: unknown[] = [];
    const sink = electronNotificationSink(FakeNotification as unknown as NotificationClass, (t) => clicks.push(t));
    FakeNotification.shown.length = 0;
    sink.show({ ...fill, urgency: 'critical', target: null });
    assert.equal(FakeNotification.shown[0]!.options['silent'], false);
    assert.equal(FakeNotification.shown[0]!.options['urgency'], 'critical');
    FakeNotification.shown[0]!.click();
    assert.deepEqual(clicks, [null]);
    FakeNotification.supported = false;
    try {
      sink.show(fill);
      assert.equal(FakeNotification.shown.length, 1);
    } finally {
      FakeNotification.supported = true;
    }
  });
});
