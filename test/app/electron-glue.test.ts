// Electron main's glue, with `electron` replaced by test doubles (the binary cannot run here): window
// options, the CSP, navigation / new windows / webviews / permissions denied, the app:// protocol,
// IPC refusing a foreign sender and a bad payload, batches only to our pages, the preload exposing
// named functions only, and the app's start and clean stop.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emitter } from '../../shared/events/emitter.ts';
import { eventChannel, requestChannel, REQUEST_NAMES, type IpcResult, type LiveBatch } from '../../shared/ipc/contract.ts';
import { rendererResponse } from '../../electron/main/app-protocol.ts';
import type { AppServices } from '../../electron/main/app-services.ts';
import { runElectronApp, type ElectronMain } from '../../electron/main/electron-app.ts';
import { exposeRequests, pushLiveBatches } from '../../electron/main/ipc/electron-ipc.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../../electron/main/ipc/ipc-door.ts';
import {
  APP_ORIGIN, contentSecurityPolicy, hardenSession, hardenWebContents, isAllowedExternalUrl, type SessionToHarden, type WebContentsToHarden,
} from '../../electron/main/security.ts';
import { createMainWindow, mainWindowOptions, type BrowserWindowClass } from '../../electron/main/window.ts';
import { exposeFillwatch } from '../../electron/preload/expose.ts';
import type { FillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { FakeBrowserWindow, FakeIpcMain, FakeSession, FakeWebContents, fakeElectron } from './support/fake-electron.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';
import { inMemoryRuleHandlers, unusedSettingsHandlers, unusedHistoryHandlers, unusedSurveillanceHandlers } from './support/samples.ts';

const demo = { active: false, accountIds: [], reportsPerSecond: null };
const handlers: RequestHandlers = {
  'app.snapshot': () => ({ seq: 0, position: null, accounts: [], executions: [], logs: [], alerts: [], demo }),
  'accounts.list': () => [],
  'positions.get': () => ({
    accountId: 'a', markets: [], totals: { markets: 0, realized: '0', unrealized: '0', fees: '0', estimatedFees: '0', net: '0' }, byEvent: [], timeZone: 'UTC', byDay: [],
    series: { bucketMs: 1_000, undated: '0', points: [] },
  }),
  'session.get': () => [],
  'demo.status': () => demo,
  ...inMemoryRuleHandlers(),
  ...unusedSettingsHandlers(), ...unusedHistoryHandlers(), ...unusedSurveillanceHandlers(),
};
const kind = (r: unknown) => ((r as IpcResult<unknown>).ok ? 'ok' : (r as { error: { kind: string } }).error.kind);

describe('window and security', () => {
  test('every window is sandboxed, context-isolated, without Node, with web security', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.preload, '/app/out/preload/index.cjs');
  });

  test('the window loads our app:// page, never file://, and shows once painted', () => {
    const window = createMainWindow(FakeBrowserWindow as unknown as BrowserWindowClass, '/p.cjs') as unknown as FakeBrowserWindow;
    assert.equal(window.loadedUrl, 'app://fillwatch/index.html');
    assert.equal(window.shown, false);
    window.emit('ready-to-show');
    assert.equal(window.shown, true);
  });

  test('the CSP allows only our own scripts and styles: no inline, no eval, no framing, no plugins', () => {
    const csp = contentSecurityPolicy();
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4173'] }), /connect-src 'self' ws:\/\/127\.0\.0\.1:4173/);
  });

  test('navigation, new windows, webviews are refused; only allow-listed https links go to the browser', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContentsToHarden, async (url) => { opened.push(url); });
    assert.deepEqual(contents.windowOpenHandler!({ url: 'https://evil.example/' }), { action: 'deny' });
    assert.deepEqual(contents.windowOpenHandler!({ url: 'https://kalshi.com/account/profile' }), { action: 'deny' });
    assert.equal(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' }), true);
    assert.equal(contents.emitPreventable('will-navigate', { url: 'app://fillwatch/other.html' }), true);
    assert.equal(contents.emitPreventable('will-frame-navigate', { url: 'https://evil.example/' }), true);
    assert.equal(contents.emitPreventable('will-redirect', { url: 'https://evil.example/' }), true);
    assert.equal(contents.emitPreventable('will-attach-webview'), true);
    assert.deepEqual(opened, ['https://kalshi.com/account/profile']);
    for (const url of ['http://kalshi.com/', 'https://kalshi.com.evil.example/', 'https://user:pw@kalshi.com/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      assert.equal(isAllowedExternalUrl(url), false, url);
    }
  });

  test('every permission request and check is refused; downloads are cancelled', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as SessionToHarden);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      let granted: boolean | undefined;
      session.permissionRequest!({}, permission, (g) => { granted = g; });
      assert.equal(granted, false, permission);
    }
    assert.equal(session.permissionCheck!(), false);
    assert.equal(session.devicePermission!(), false);
    assert.equal(session.emitPreventable('will-download'), true);
  });

  test('app:// serves only the renderer folder, with the CSP on every response', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-renderer-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fillwatch</title>');
      writeFileSync(join(dir, 'assets', 'app.js'), 'export {}');
      writeFileSync(join(dir, '..', 'secret.txt'), 'no');
      const csp = contentSecurityPolicy();
      const index = await rendererResponse(dir, 'app://fillwatch/', csp);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('content-security-policy'), csp);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal((await rendererResponse(dir, 'app://fillwatch/assets/app.js', csp)).headers.get('content-type'), 'text/javascript; charset=utf-8');
      for (const url of ['app://fillwatch/../secret.txt', 'app://fillwatch/%2e%2e/secret.txt', 'app://fillwatch/assets/..%2f..%2fsecret.txt', 'app://other/index.html', 'app://fillwatch/missing.js']) {
        const response = await rendererResponse(dir, url, csp);
        assert.equal(response.status, 404, url);
        assert.equal(response.headers.get('content-security-policy'), csp);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(dir, '..', 'secret.txt'), { force: true });
    }
  });
});

describe('IPC on the Electron transport', () => {
  test('each request channel is handled; a foreign or sub-frame sender and a bad payload are refused', async () => {
    const ipcMain = new FakeIpcMain();
    const wiring = exposeRequests(ipcMain as never, new IpcDoor(handlers, trustOrigins([APP_ORIGIN])));
    assert.deepEqual([...ipcMain.handlers.keys()].sort(), REQUEST_NAMES.map(requestChannel).sort());
    assert.equal(kind(await ipcMain.invoke('fillwatch:demo.status', {})), 'ok');
    assert.equal(kind(await ipcMain.invoke('fillwatch:demo.status', {}, { url: 'https://evil.example/', parent: null })), 'forbidden-sender');
    assert.equal(kind(await ipcMain.invoke('fillwatch:demo.status', {}, { url: 'app://fillwatch/index.html', parent: {} })), 'forbidden-sender');
    assert.equal(kind(await ipcMain.invoke('fillwatch:demo.status', {}, null)), 'forbidden-sender');
    assert.equal(kind(await ipcMain.invoke('fillwatch:app.snapshot', { limit: 'all' })), 'invalid-payload');
    assert.equal(kind(await ipcMain.invoke('fillwatch:positions.get', { accountId: 'a', extra: true })), 'invalid-payload');
    wiring.dispose();
    assert.equal(ipcMain.handlers.size, 0);
  });

  test('batches go to every live window showing our page, and nowhere else', () => {
    const emitter = new Emitter<LiveBatch>();
    const ours = new FakeWebContents();
    const navigatedAway = Object.assign(new FakeWebContents(), { url: 'https://evil.example/' });
    const closed = Object.assign(new FakeWebContents(), { destroyed: true });
    const wiring = pushLiveBatches(emitter.event, () => [ours, navigatedAway, closed]);
    const batch: LiveBatch = { seq: 1, executions: [], statuses: [], logs: [], alerts: [], positionsChanged: [], surveillance: [] };
    emitter.fire(batch);
    wiring.dispose();
    emitter.fire({ ...batch, seq: 2 });
    assert.deepEqual(ours.sent, [{ channel: eventChannel('live.batch'), payload: batch }]);
    assert.deepEqual(navigatedAway.sent, []);
    assert.deepEqual(closed.sent, []);
  });
});

describe('preload', () => {
  test('exposes window.fillwatch as named functions over ipcRenderer, never ipcRenderer itself', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
    const ipcRenderer = {
      invoke: async (channel: string, payload: unknown) => { invoked.push([channel, payload]); return { ok: true, value: demo }; },
      on: (channel: string, l: (event: unknown, payload: unknown) => void) => { listeners.set(channel, [...(listeners.get(channel) ?? []), l]); return ipcRenderer; },
      removeListener: (channel: string, l: unknown) => { listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l)); return ipcRenderer; },
    };
    exposeFillwatch({ exposeInMainWorld: (key, api) => exposed.set(key, api) }, ipcRenderer as never);
    assert.deepEqual([...exposed.keys()], ['fillwatch']);
    const api = exposed.get('fillwatch') as FillwatchApi;
    const leaves: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'function') leaves.push(path);
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
      else assert.fail(`${path} is neither a function nor a namespace`);
    };
    walk(api, '');
    assert.deepEqual(leaves.sort(), [
      'accounts.list', 'alerts.get', 'alerts.list', 'alerts.review', 'app.snapshot', 'demo.status',
      'history.around', 'history.byExecId', 'history.cancelExport', 'history.changes', 'history.count', 'history.exportFile', 'history.lifecycle',
      'history.page', 'history.rawMessage', 'history.row', 'history.snapshot',
      'notifications.getRules', 'notifications.setRules', 'on.exportProgress', 'on.liveBatch', 'on.navigate', 'on.notification',
      'on.notificationClicked', 'on.resync', 'positions.get', 'session.get',
      'settings.copyPublicKey', 'settings.deleteKey', 'settings.generateKey', 'settings.get', 'settings.importKey', 'settings.pickCaCertificate',
      'settings.removeAccount', 'settings.saveAccount', 'settings.testConnection',
      'surveillance.get', 'surveillance.setReviewer', 'surveillance.setRules',
    ]);
    assert.deepEqual(await api.demo.status(), { ok: true, value: demo });
    await api.positions.get('demo-1');
    assert.deepEqual(invoked, [['fillwatch:demo.status', {}], ['fillwatch:positions.get', { accountId: 'demo-1' }]]);
    const got: unknown[] = [];
    const unsubscribe = api.on.liveBatch((b) => got.push(b));
    for (const l of listeners.get('fillwatch:live.batch') ?? []) l({ sender: 'the IpcRendererEvent stays in the preload' }, { seq: 1 });
    unsubscribe();
    assert.deepEqual(got, [{ seq: 1 }]);
    assert.equal(listeners.get('fillwatch:live.batch')!.length, 0);
  });
});

describe('the Electron app', () => {
  function fakeServices() {
    const batches = new Emitter<LiveBatch>();
    let closed = 0;
    const notifications = { addSink: () => ({ dispose: () => {} }) };
    const services = { feed: { onBatch: batches.event, refreshAccounts: async () => {}, accounts: () => [] }, handlers, demo, notifications, close: async () => { closed++; } } as unknown as AppServices;
    return { services, batches, closed: () => closed };
  }

  test('a second instance quits at once and starts nothing', () => {
    const fake = fakeElectron({ lock: false });
    const started = runElectronApp({ ...fake.electron, ipcMain: fake.ipcMain, session: fake.session } as unknown as ElectronMain, { rendererDir: '/r', preload: '/p.cjs' });
    assert.equal(started, false);
    assert.deepEqual(fake.calls, ['lock', 'quit']);
  });

  test('starts hardened: scheme before ready, session and protocol, IPC through the door, a secure window; stops cleanly', async () => {
    const fake = fakeElectron();
    const { services, batches, closed } = fakeServices();
    let journalPath = '';
    const log: string[] = [];
    runElectronApp({ ...fake.electron, ipcMain: fake.ipcMain, session: fake.session } as unknown as ElectronMain, { rendererDir: '/r', preload: '/out/preload/index.cjs' }, {
      startServices: async (options) => { journalPath = options.journalPath; return services; },
      keychain: new MemoryKeychain(),
      log: (line) => log.push(line),
    });
    assert.deepEqual(fake.calls, ['lock', 'register-scheme'], 'the scheme is registered before the app is ready');
    // Every WebContents the app creates is hardened.
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    assert.deepEqual(contents.windowOpenHandler!({ url: 'https://evil.example/' }), { action: 'deny' });

    fake.ready();
    await new Promise((r) => setImmediate(r));
    assert.ok(fake.calls.includes('protocol app'));
    assert.equal(journalPath, '/tmp/fillwatch-userData/demo-journal.db');
    assert.ok(fake.session.defaultSession.permissionRequest !== undefined, 'the session is hardened');
    const [window] = FakeBrowserWindow.created;
    assert.equal(window!.loadedUrl, 'app://fillwatch/index.html');
    assert.equal((window!.options['webPreferences'] as { sandbox: boolean }).sandbox, true);

    assert.equal(kind(await fake.ipcMain.invoke('fillwatch:demo.status', {})), 'ok');
    assert.equal(kind(await fake.ipcMain.invoke('fillwatch:demo.status', {}, { url: 'https://evil.example/', parent: null })), 'forbidden-sender');
    assert.match(log.join('\n'), /fillwatch:demo.status refused \(forbidden-sender\)/);

    batches.fire({ seq: 1, executions: [], statuses: [], logs: [], alerts: [], positionsChanged: [], surveillance: [] });
    assert.equal(window!.webContents.sent.length, 1);

    assert.equal(fake.electron.app.emitPreventable('before-quit'), true, 'quitting waits for the recorder to stop');
    await new Promise((r) => setImmediate(r));
    assert.equal(closed(), 1);
    assert.equal(fake.calls.at(-1), 'quit');
    assert.equal(fake.electron.app.emitPreventable('before-quit'), false);
    assert.equal(fake.ipcMain.handlers.size, 0);
  });
});
