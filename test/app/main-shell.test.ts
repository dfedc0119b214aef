// Main's shell, with `electron` replaced by test doubles: the app menu (each View accelerator opens the
// view with the same number as the window's tabs; edit roles; reload only unpackaged; Help opens
// Kalshi's FIX docs through the allow-list), the app.navigate event (main window only, our page only),
// the tray (icon state and tooltip follow every account's status; its menu acts), the compact window
// (secure preferences, always on top, compact page) and window bounds (restored, clamped to a display
// that still exists, a corrupt file ignored, saved after a move, on close and on quit).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { MenuItemConstructorOptions } from 'electron';
import { Emitter } from '../../shared/events/emitter.ts';
import { APP_VIEWS, isCompactSearch } from '../../shared/ipc/app-views.ts';
import { events, type AccountView, type LiveBatch } from '../../shared/ipc/contract.ts';
import { createFillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import type { AppServices } from '../../electron/main/app-services.ts';
import { runElectronApp, type ElectronMain } from '../../electron/main/electron-app.ts';
import { SECURE_WEB_PREFERENCES, isAllowedExternalUrl } from '../../electron/main/security.ts';
import { KALSHI_FIX_DOCS_URL, appMenuTemplate, type MenuActions } from '../../electron/main/shell/app-menu.ts';
import { COMPACT_URL } from '../../electron/main/shell/compact-window.ts';
import { trayIconPng } from '../../electron/main/shell/tray-icon.ts';
import { TOOLTIP_MAX, trayStatus, type TrayState } from '../../electron/main/shell/tray-state.ts';
import { WindowBoundsKeeper } from '../../electron/main/shell/window-bounds-keeper.ts';
import { parseBoundsFile, placeWindow, serializeBoundsFile } from '../../electron/main/shell/window-bounds.ts';
import { COMPACT_COLUMNS, EXECUTION_COLUMNS } from '../../renderer/columns/execution-columns.ts';
import { VIEWS } from '../../renderer/views/views.ts';
import { FakeBrowserWindow, FakeMenu, FakeTray, fakeElectron, type FakeDisplay } from './support/fake-electron.ts';
import { MemoryKeychain } from './support/memory-keychain.ts';
import { inMemoryRuleHandlers, unusedSettingsHandlers } from './support/samples.ts';

type Item = MenuItemConstructorOptions;
const NOW = 1_800_000_000_000;
const tick = () => new Promise((r) => setImmediate(r));

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    navigate: (view) => calls.push(`navigate ${view}`),
    toggleCompact: () => calls.push('compact'),
    setMainOnTop: (on) => calls.push(`on-top ${on}`),
    openFixDocs: () => calls.push('docs'),
  };
  return { calls, actions };
}
const menu = (template: readonly Item[], label: string) => template.find((m) => m.label === label)!.submenu as Item[];
const item = (items: readonly Item[], id: string) => items.find((i) => i.id === id)!;
const click = (i: Item) => (i.click as () => void)();
const roles = (items: readonly Item[]) => items.map((i) => i.role).filter((r) => r !== undefined);

function account(id: string, phase: AccountView['status']['phase'], lastMessageAt: number | null = NOW - 1_000): AccountView {
  return {
    account: {
      id, label: `Desk ${id}`, apiKeyId: 'k', environment: 'demo', listener: { host: 'h', port: 1, target: 'KalshiRT' }, dropCopy: null, priceUnit: 'dollars', demo: false,
    },
    status: { accountId: id, phase, since: NOW - 5_000, lastMessageAt, nextInbound: null, nextOutbound: null, reason: null },
  };
}

/** The app started on fakes: services whose accounts a test sets, a temp userData folder. */
async function startApp(options: { displays?: FakeDisplay[]; boundsFile?: string; platform?: NodeJS.Platform } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'fw-shell-'));
  if (options.boundsFile !== undefined) writeFileSync(join(userData, 'window-bounds.json'), options.boundsFile);
  const fake = fakeElectron({ userData, platform: options.platform ?? 'linux', ...(options.displays === undefined ? {} : { displays: options.displays }) });
  const batches = new Emitter<LiveBatch>();
  let accounts: AccountView[] = [];
  const demo = { active: false, accountIds: [], reportsPerSecond: null };
  const services = {
    feed: { onBatch: batches.event, refreshAccounts: async () => {}, accounts: () => accounts },
    handlers: { ...inMemoryRuleHandlers(), ...unusedSettingsHandlers() }, demo,
    notifications: { addSink: () => ({ dispose: () => {} }) },
    close: async () => {},
  } as unknown as AppServices;
  const log: string[] = [];
  runElectronApp({ ...fake.electron, ipcMain: fake.ipcMain, session: fake.session } as unknown as ElectronMain, { rendererDir: '/r', preload: '/p.cjs' }, {
    startServices: async () => services, keychain: new MemoryKeychain(), log: (line) => log.push(line),
  });
  fake.ready();
  for (let i = 0; i < 20 && FakeTray.created.length === 0; i++) await tick();
  const appMenu = () => FakeMenu.applicationMenu as Item[];
  const viewItem = (id: string) => item(menu(appMenu(), '&View'), id);
  return {
    fake, log, userData, appMenu, viewItem,
    main: () => FakeBrowserWindow.created[0]!,
    tray: () => FakeTray.created[0]!,
    setAccounts: (next: AccountView[]) => { accounts = next; batches.fire({ seq: 1, executions: [], statuses: next.map((a) => a.status), logs: [], alerts: [], positionsChanged: [], surveillance: [] }); },
    boundsFile: () => JSON.parse(readFileSync(join(userData, 'window-bounds.json'), 'utf8')) as { windows: Record<string, unknown> },
    done: () => rmSync(userData, { recursive: true, force: true }),
  };
}

describe('app menu', () => {
  test('View: Ctrl/⌘ + 1…6 open the views with the same numbers as the window\'s tabs', () => {
    const { calls, actions } = recordingActions();
    const view = menu(appMenuTemplate({ platform: 'linux', isDev: false, appName: 'Fillwatch', state: { compactOpen: false, mainOnTop: false }, actions }), '&View');
    const numbered = view.filter((i) => /^CmdOrCtrl\+\d$/.test(String(i.accelerator)));
    assert.deepEqual(numbered.map((i) => i.accelerator), ['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4', 'CmdOrCtrl+5', 'CmdOrCtrl+6']);
    for (const i of numbered) click(i);
    assert.deepEqual(calls, VIEWS.map((v) => `navigate ${v.id}`), 'the renderer\'s tab order (its own Ctrl+N) is the menu\'s');
    assert.deepEqual(VIEWS.map((v) => v.id), [...APP_VIEWS]);
    assert.deepEqual(numbered.map((i) => i.label), ['Live', 'History', 'P&&L', 'Session', 'Alerts', 'Settings'], '&& is a literal & in a menu label');
  });

  test('File quits (macOS: from the app menu), Edit has the roles copy needs, reload and dev tools only unpackaged', () => {
    const { actions } = recordingActions();
    const state = { compactOpen: false, mainOnTop: false };
    const linux = appMenuTemplate({ platform: 'win32', isDev: false, appName: 'Fillwatch', state, actions });
    assert.deepEqual(linux.map((m) => m.label), ['&File', '&Edit', '&View', '&Window', '&Help']);
    assert.ok(roles(menu(linux, '&File')).includes('quit'));
    assert.deepEqual(roles(menu(linux, '&Edit')), ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    assert.ok(!roles(menu(linux, '&View')).some((r) => ['reload', 'forceReload', 'toggleDevTools'].includes(r)), 'a packaged app cannot be reloaded or inspected from the menu');
    const dev = appMenuTemplate({ platform: 'linux', isDev: true, appName: 'Fillwatch', state, actions });
    assert.ok(['reload', 'forceReload', 'toggleDevTools'].every((r) => roles(menu(dev, '&View')).includes(r as Item['role'] & string)));
    const mac = appMenuTemplate({ platform: 'darwin', isDev: false, appName: 'Fillwatch', state, actions });
    assert.equal(mac[0]!.role, 'appMenu', 'macOS: Quit, Hide, About live in the app menu');
    assert.ok(!roles(menu(mac, '&File')).includes('quit'));
  });

  test('the compact and always-on-top items are checkboxes showing the state; Help opens Kalshi\'s FIX docs', () => {
    const { calls, actions } = recordingActions();
    const template = appMenuTemplate({ platform: 'linux', isDev: false, appName: 'Fillwatch', state: { compactOpen: true, mainOnTop: false }, actions });
    const view = menu(template, '&View');
    assert.equal(item(view, 'compact').type, 'checkbox');
    assert.equal(item(view, 'compact').checked, true);
    assert.equal(item(view, 'on-top').checked, false);
    click(item(view, 'compact'));
    click(item(view, 'on-top'));
    click(item(menu(template, '&Help'), 'fix-docs'));
    assert.deepEqual(calls, ['compact', 'on-top true', 'docs']);
    assert.equal(isAllowedExternalUrl(KALSHI_FIX_DOCS_URL), true, 'the docs are on the external allow-list');
  });
});

describe('the shell in the app', () => {
  test('a View accelerator sends app.navigate to the main window only, and only while it shows our page', async () => {
    const app = await startApp();
    try {
      assert.doesNotMatch(app.log.join('\n'), /could not start/);
      click(app.viewItem('view-history'));
      const sent = app.main().webContents.sent.filter((s) => s.channel === 'fillwatch:app.navigate');
      assert.deepEqual(sent, [{ channel: 'fillwatch:app.navigate', payload: { view: 'history' } }]);
      assert.equal(events['app.navigate'].safeParse(sent[0]!.payload).success, true, 'the payload is the contract\'s');
      assert.equal(app.main().focused, 1, 'the main window comes to the front');
      // The compact window has no views: it never receives it.
      click(app.viewItem('compact'));
      const compact = FakeBrowserWindow.created[1]!;
      click(app.viewItem('view-pnl'));
      assert.deepEqual(compact.webContents.sent, []);
      // A main window that left our page gets nothing.
      app.main().webContents.url = 'https://evil.example/';
      click(app.viewItem('view-settings'));
      assert.equal(app.main().webContents.sent.filter((s) => s.channel === 'fillwatch:app.navigate').length, 2);
      // The page side: window.fillwatch.on.navigate hears that channel.
      const heard: unknown[] = [];
      const api = createFillwatchApi({ invoke: async () => ({}), subscribe: (channel, l) => { if (channel === 'fillwatch:app.navigate') l({ view: 'pnl' }); return () => {}; } });
      api.on.navigate((t) => heard.push(t.view));
      assert.deepEqual(heard, ['pnl']);
      // Help → Kalshi's FIX documentation in the system browser.
      click(item(menu(app.appMenu(), '&Help'), 'fix-docs'));
      assert.deepEqual(app.fake.opened, [KALSHI_FIX_DOCS_URL]);
    } finally {
      app.done();
    }
  });

  test('the compact window: secure preferences, always on top, the compact page; closing it unticks the menu', async () => {
    const app = await startApp();
    try {
      assert.equal(app.viewItem('compact').checked, false);
      click(app.viewItem('compact'));
      const compact = FakeBrowserWindow.created[1]!;
      assert.deepEqual(compact.options['webPreferences'], { ...SECURE_WEB_PREFERENCES, preload: '/p.cjs' });
      assert.equal(compact.options['alwaysOnTop'], true);
      assert.ok((compact.options['width'] as number) <= 600 && (compact.options['height'] as number) <= 400, 'small');
      assert.equal(compact.loadedUrl, 'app://fillwatch/index.html?view=compact');
      assert.equal(compact.loadedUrl, COMPACT_URL);
      assert.equal(app.viewItem('compact').checked, true);
      assert.equal(item(app.tray().menu as Item[], 'compact').checked, true);
      compact.close();
      assert.equal(app.viewItem('compact').checked, false);
      assert.equal(item(app.tray().menu as Item[], 'compact').checked, false);
      // Always on top applies to the main window (the compact one always is).
      click(app.viewItem('on-top'));
      assert.equal(app.main().alwaysOnTop, true);
      assert.equal(app.viewItem('on-top').checked, true);
    } finally {
      app.done();
    }
  });

  test('the renderer knows the compact page by its query and shows the essential columns', () => {
    assert.equal(isCompactSearch(new URL(COMPACT_URL).search), true);
    assert.equal(isCompactSearch(''), false);
    assert.equal(isCompactSearch('?view=live'), false);
    assert.deepEqual(COMPACT_COLUMNS.map((c) => c.id), ['time', 'symbol', 'kind', 'side', 'lastQty', 'lastPx']);
    assert.ok(COMPACT_COLUMNS.every((c) => EXECUTION_COLUMNS.some((full) => full.id === c.id && full.text === c.text)), 'the same cells as the full grid');
    assert.deepEqual(COMPACT_COLUMNS.filter((c) => c.width === null).map((c) => c.id), ['symbol'], 'the market takes the room left');
  });

  test('the tray follows every account\'s status; its menu shows the window, the compact one, and quits', async () => {
    const app = await startApp();
    try {
      const tray = app.tray();
      assert.equal(tray.tooltip, 'Fillwatch: no account is configured');
      const imageBefore = tray.image;
      app.setAccounts([account('a', 'active', Date.now()), account('b', 'reconnect-wait')]);
      assert.equal(tray.tooltip, 'Fillwatch: 1 reconnecting, 1 connected\nDesk b: Reconnecting');
      assert.notEqual(tray.image, imageBefore, 'the icon changed with the state');
      app.setAccounts([account('a', 'active', Date.now()), account('b', 'active', Date.now())]);
      assert.equal(tray.tooltip, 'Fillwatch: all 2 accounts are connected');
      const menuItems = tray.menu as Item[];
      assert.deepEqual(menuItems.map((i) => i.label ?? i.type), ['Show Fillwatch', 'Compact Window', 'separator', 'Quit Fillwatch']);
      click(item(menuItems, 'show'));
      assert.equal(app.main().shown, true);
      click(item(menuItems, 'compact'));
      assert.equal(FakeBrowserWindow.created[1]!.loadedUrl, COMPACT_URL);
      click(item(tray.menu as Item[], 'quit'));
      assert.equal(app.fake.calls.at(-1), 'quit');
      // Electron then fires before-quit: the recorder stops, positions are saved, the tray goes.
      assert.equal(app.fake.electron.app.emitPreventable('before-quit'), true);
      const quits = () => app.fake.calls.filter((c) => c === 'quit').length;
      for (let i = 0; i < 20 && quits() < 2; i++) await tick();
      assert.equal(quits(), 2);
      assert.equal(tray.destroyed, true, 'the tray icon goes with the app');
      // Then Electron closes the windows: the compact one closing must not touch the destroyed tray.
      assert.doesNotThrow(() => FakeBrowserWindow.created[1]!.close());
    } finally {
      app.done();
    }
  });
});

describe('tray state and icons', () => {
  test('the worst account decides the icon; quiet counts as not connected; the tooltip names who needs a look', () => {
    const state = (accounts: AccountView[]) => trayStatus(accounts, NOW).state;
    assert.equal(state([]), 'no-accounts');
    assert.equal(state([account('a', 'active'), account('b', 'active')]), 'all-connected');
    assert.equal(state([account('a', 'active'), account('b', 'logging-on')]), 'some-reconnecting');
    assert.equal(state([account('a', 'active', NOW - 120_000)]), 'some-reconnecting', 'silent for two minutes: quiet');
    assert.equal(state([account('a', 'reconnect-wait'), account('b', 'failed'), account('c', 'active')]), 'down');
    assert.equal(trayStatus([account('a', 'active')], NOW).tooltip, 'Fillwatch: the account is connected');
    assert.equal(trayStatus([account('a', 'active'), account('b', 'stopped'), account('c', 'connecting')], NOW).tooltip,
      'Fillwatch: 1 down, 1 reconnecting, 1 connected\nDesk b: Down\nDesk c: Reconnecting');
    const many = trayStatus(Array.from({ length: 30 }, (_, i) => account(`account-${i}`, 'failed')), NOW).tooltip;
    assert.ok(many.length <= TOOLTIP_MAX && many.endsWith('…'), 'Windows cuts tooltips at 127 characters');
  });

  test('each state is a valid PNG at 16 and 32 px, told apart by shape as well as colour', () => {
    const pixel = (png: Buffer, size: number, x: number, y: number) => {
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
      const idatLength = png.readUInt32BE(33);
      assert.equal(png.toString('latin1', 37, 41), 'IDAT');
      const raw = inflateSync(png.subarray(41, 41 + idatLength));
      const at = y * (size * 4 + 1) + 1 + x * 4;
      return [...raw.subarray(at, at + 4)];
    };
    const states: TrayState[] = ['all-connected', 'some-reconnecting', 'down', 'no-accounts'];
    for (const size of [16, 32]) {
      const centre = states.map((s) => pixel(trayIconPng(s, size), size, size / 2, size / 2));
      assert.deepEqual(centre[0], [0x2e, 0xa0, 0x43, 255], 'connected: a solid green disc');
      assert.equal(centre[1]![3], 0, 'reconnecting: a ring, hollow in the middle');
      assert.deepEqual(centre[2], [255, 255, 255, 255], 'down: a white bar across the red disc');
      assert.equal(centre[3]![3], 0, 'no account: a thin ring');
      assert.equal(pixel(trayIconPng('all-connected', size), size, 0, 0)[3], 0, 'transparent corners');
    }
  });
});

describe('window bounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1050 };
  const right = { x: 1920, y: 0, width: 2560, height: 1400 };
  const defaults = { width: 1440, height: 900 };

  test('restored where saved; moved inside when partly off; centred on the primary when its display is gone; shrunk to fit', () => {
    assert.deepEqual(placeWindow(undefined, [screen], defaults), { width: 1440, height: 900, maximized: false }, 'first run: the OS centres it');
    assert.deepEqual(placeWindow({ x: 2000, y: 100, width: 1200, height: 800, maximized: true }, [screen, right], defaults), { x: 2000, y: 100, width: 1200, height: 800, maximized: true });
    assert.deepEqual(placeWindow({ x: 1500, y: 900, width: 800, height: 600, maximized: false }, [screen], defaults), { x: 1120, y: 450, width: 800, height: 600, maximized: false });
    assert.deepEqual(placeWindow({ x: 2000, y: 100, width: 1200, height: 800, maximized: false }, [screen], defaults), { x: 360, y: 125, width: 1200, height: 800, maximized: false }, 'the right monitor was unplugged');
    assert.deepEqual(placeWindow({ x: 1900, y: 0, width: 2500, height: 1400, maximized: false }, [screen, right], defaults), { x: 1920, y: 0, width: 2500, height: 1400, maximized: false }, 'the display it overlaps most');
    assert.deepEqual(placeWindow({ x: 10, y: 10, width: 3000, height: 2000, maximized: false }, [screen], defaults), { x: 0, y: 0, width: 1920, height: 1050, maximized: false });
  });

  test('a bounds file is read with suspicion: garbage, a foreign version or a bad entry give defaults for that part only', () => {
    const good = { x: 10, y: 20, width: 800, height: 600, maximized: false };
    assert.deepEqual(parseBoundsFile(serializeBoundsFile({ main: good })), { main: good });
    for (const text of ['', '{', 'null', '[]', '"x"', JSON.stringify({ version: 2, windows: { main: good } }), JSON.stringify({ version: 1 })]) {
      assert.deepEqual(parseBoundsFile(text), {}, text);
    }
    const mixed = JSON.stringify({ version: 1, windows: { main: { ...good, width: 'wide' }, compact: good, other: good } });
    assert.deepEqual(parseBoundsFile(mixed), { compact: good });
    for (const bad of [{ ...good, x: 1.5 }, { ...good, width: 20 }, { ...good, y: 1e9 }, { ...good, extra: 1 }, { ...good, maximized: 'yes' }]) {
      assert.deepEqual(parseBoundsFile(JSON.stringify({ version: 1, windows: { main: bad } })), {}, JSON.stringify(bad));
    }
  });

  test('the app opens the main window where it was, clamped to today\'s displays; a corrupt file is ignored', async () => {
    const saved = serializeBoundsFile({ main: { x: 2100, y: 50, width: 1300, height: 850, maximized: true } });
    const twoScreens = await startApp({ boundsFile: saved, displays: [{ id: 1, workArea: screen }, { id: 2, workArea: right }] });
    try {
      const options = twoScreens.main().options;
      assert.deepEqual([options['x'], options['y'], options['width'], options['height']], [2100, 50, 1300, 850]);
      twoScreens.main().emit('ready-to-show');
      assert.equal(twoScreens.main().maximized, true, 'maximized again once shown');
    } finally {
      twoScreens.done();
    }
    const unplugged = await startApp({ boundsFile: saved, displays: [{ id: 1, workArea: screen }] });
    try {
      const options = unplugged.main().options;
      assert.deepEqual([options['x'], options['y'], options['width'], options['height']], [310, 100, 1300, 850], 'centred on the remaining display');
    } finally {
      unplugged.done();
    }
    const corrupt = await startApp({ boundsFile: '{"version":1,"windows":{"main":{"x":' });
    try {
      const options = corrupt.main().options;
      assert.equal(options['x'], undefined);
      assert.deepEqual([options['width'], options['height']], [1440, 900]);
      assert.match(corrupt.log.join('\n'), /held no usable window positions/);
    } finally {
      corrupt.done();
    }
  });

  test('saved a moment after a move, at once when a window closes, and on quit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-bounds-'));
    const path = join(dir, 'window-bounds.json');
    try {
      const keeper = new WindowBoundsKeeper(path, { debounceMs: 30 });
      const window = new FakeBrowserWindow({ x: 5, y: 6, width: 700, height: 500 });
      keeper.track('main', window as never);
      window.bounds = { x: 50, y: 60, width: 720, height: 520 };
      window.emit('move');
      window.emit('resize');
      await new Promise((r) => setTimeout(r, 5));
      assert.throws(() => readFileSync(path), /ENOENT/, 'not while still moving');
      await new Promise((r) => setTimeout(r, 80));
      await keeper.flush();
      assert.deepEqual(parseBoundsFile(readFileSync(path, 'utf8')).main, { x: 50, y: 60, width: 720, height: 520, maximized: false });

      const compact = new FakeBrowserWindow({ x: 1, y: 2, width: 400, height: 300 });
      keeper.track('compact', compact as never);
      compact.bounds = { x: 900, y: 40, width: 420, height: 310 };
      compact.close();
      await new Promise((r) => setTimeout(r, 10));
      await keeper.flush();
      assert.deepEqual(parseBoundsFile(readFileSync(path, 'utf8')).compact, { x: 900, y: 40, width: 420, height: 310, maximized: false });
      assert.deepEqual(parseBoundsFile(readFileSync(path, 'utf8')).main?.x, 50, 'the other window kept');
      keeper.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Quitting the app saves positions before the process ends.
    const app = await startApp();
    try {
      app.main().bounds = { x: 30, y: 40, width: 1000, height: 700 };
      app.main().emit('resize');
      assert.equal(app.fake.electron.app.emitPreventable('before-quit'), true);
      for (let i = 0; i < 50 && app.fake.calls.at(-1) !== 'quit'; i++) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(app.boundsFile().windows['main'], { x: 30, y: 40, width: 1000, height: 700, maximized: false });
    } finally {
      app.done();
    }
  });
});
