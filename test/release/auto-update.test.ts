// Automatic updates (electron/main/update/) in plain Node, with electron-updater's autoUpdater and
// Electron's dialog replaced by doubles: when checks run (start, daily, never in dev, demo mode, or
// when a policy file, FILLWATCH_AUTO_UPDATE or the user's setting says off), that the signature checks
// are left on, that a downloaded update is only installed after "Restart Now" — asked with the
// connected accounts named and Later as the default — and that the recorder stops before the installer
// takes over; the Help menu's items; and the app's glue (runElectronApp with a stand-in updater).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { Emitter } from '../../shared/events/emitter.ts';
import type { AccountView, LiveBatch } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../../electron/main/app-services.ts';
import { runElectronApp, type ElectronMain } from '../../electron/main/electron-app.ts';
import { appMenuTemplate } from '../../electron/main/shell/app-menu.ts';
import { startAutoUpdate, type AutoUpdateOptions } from '../../electron/main/update/auto-update.ts';
import { RESTART_NOW, restartQuestion, type RestartQuestion } from '../../electron/main/update/restart-prompt.ts';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, TICK_MS, UpdateController } from '../../electron/main/update/update-controller.ts';
import { parsePolicy, policyFilePath, updateBlocker, updateMode, type PolicyRead } from '../../electron/main/update/update-policy.ts';
import { parseUpdateSettings, readUpdateSettings } from '../../electron/main/update/update-settings.ts';
import { fakeElectron, FakeTray } from '../app/support/fake-electron.ts';
import { ManualTimer } from '../app/support/manual-timer.ts';
import { MemoryKeychain } from '../app/support/memory-keychain.ts';
import { inMemoryRuleHandlers, unusedSettingsHandlers } from '../app/support/samples.ts';

const tick = () => new Promise((r) => setImmediate(r));
const ABSENT: PolicyRead = { kind: 'absent' };

/** electron-updater's autoUpdater as far as Fillwatch uses it; the test plays the server's answers. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  onCheck: (u: FakeUpdater) => void = (u) => u.emit('update-not-available', { version: '0.1.0' });
  async checkForUpdates(): Promise<null> {
    this.checks++;
    this.onCheck(this);
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}


const on = updateMode({ packaged: true, policy: ABSENT, env: {}, automatic: true });

function controller(options: { connected?: string[]; demo?: boolean; answer?: number; automatic?: boolean } = {}) {
  const updater = new FakeUpdater();
  const clock = new ManualTimer();
  const asked: RestartQuestion[] = [];
  const told: string[] = [];
  const steps: string[] = [];
  let automatic = options.automatic ?? true;
  const c = new UpdateController({
    updater,
    mode: () => updateMode({ packaged: true, policy: ABSENT, env: {}, automatic }),
    demoActive: () => options.demo ?? false,
    connectedAccounts: () => options.connected ?? [],
    ask: async (q) => { asked.push(q); steps.push('asked'); return options.answer ?? 1; },
    tell: (m) => told.push(m),
    stopRecording: async () => { steps.push('recorder stopped'); },
    timers: clock,
    log: () => {},
    currentVersion: '0.1.0',
  });
  updater.quitAndInstall = (s, f) => { steps.push('quitAndInstall'); updater.installs.push([s, f]); };
  return { c, updater, clock, asked, told, steps, setAutomatic: (v: boolean) => { automatic = v; } };
}

describe('when updates may be looked for (update-policy.ts)', () => {
  test('on by default in a packaged app; never unpackaged (dev, preview, tests)', () => {
    assert.deepEqual(on, { automatic: true, manual: true, locked: false, reason: 'on' });
    assert.deepEqual(updateMode({ packaged: false, policy: ABSENT, env: {}, automatic: true }), { automatic: false, manual: false, locked: true, reason: 'dev' });
  });

  test('a firm\'s policy file turns updates off and locks the setting; an unreadable one too', () => {
    assert.deepEqual(updateMode({ packaged: true, policy: parsePolicy('{"autoUpdate": false}'), env: {}, automatic: true }),
      { automatic: false, manual: false, locked: true, reason: 'policy' });
    assert.equal(updateMode({ packaged: true, policy: parsePolicy('{"autoUpdate": true}'), env: {}, automatic: true }).automatic, true);
    assert.equal(updateMode({ packaged: true, policy: parsePolicy('{"autoUpdate": true}'), env: {}, automatic: false }).automatic, false, 'policy on does not override the user\'s off');
    for (const text of ['not json', '[]', '{"autoUpdate": "no"}']) {
      assert.equal(parsePolicy(text).kind, 'invalid', text);
      assert.equal(updateMode({ packaged: true, policy: parsePolicy(text), env: {}, automatic: true }).reason, 'policy-unreadable');
    }
    assert.deepEqual(parsePolicy(null), ABSENT);
    assert.deepEqual(parsePolicy('{"other": 1}'), { kind: 'ok', policy: {} });
  });

  test('FILLWATCH_AUTO_UPDATE=0/false/off turns them off and locks the setting; the user\'s setting turns off automatic checks only', () => {
    for (const value of ['0', 'false', 'OFF', ' no ']) {
      assert.deepEqual(updateMode({ packaged: true, policy: ABSENT, env: { FILLWATCH_AUTO_UPDATE: value }, automatic: true }),
        { automatic: false, manual: false, locked: true, reason: 'environment' }, value);
    }
    assert.equal(updateMode({ packaged: true, policy: ABSENT, env: { FILLWATCH_AUTO_UPDATE: '1' }, automatic: true }).automatic, true);
    assert.deepEqual(updateMode({ packaged: true, policy: ABSENT, env: {}, automatic: false }), { automatic: false, manual: true, locked: false, reason: 'setting' });
  });

  test('the policy file lives where only an administrator writes', () => {
    assert.equal(policyFilePath('linux', {}), '/etc/fillwatch/policy.json');
    assert.equal(policyFilePath('darwin', {}), '/Library/Application Support/Fillwatch/policy.json');
    assert.match(policyFilePath('win32', { ProgramData: 'D:\\PD' }), /^D:\\PD[\\/]Fillwatch[\\/]policy\.json$/);
  });

  test('demo mode never checks, even by hand', () => {
    assert.match(updateBlocker({ mode: on, manual: false, demoActive: true }) ?? '', /demo mode/);
    assert.match(updateBlocker({ mode: on, manual: true, demoActive: true }) ?? '', /demo mode/);
    assert.equal(updateBlocker({ mode: on, manual: false, demoActive: false }), null);
  });

  test('updates.json: a missing or broken file means automatic updates on', () => {
    assert.deepEqual(parseUpdateSettings(null), { automatic: true });
    assert.deepEqual(parseUpdateSettings('{'), { automatic: true });
    assert.deepEqual(parseUpdateSettings('{"automatic": "no"}'), { automatic: true });
    assert.deepEqual(parseUpdateSettings('{"automatic": false}'), { automatic: false });
  });
});

describe('the restart question (restart-prompt.ts)', () => {
  test('with no account connected: Restart Now is the default', () => {
    const q = restartQuestion('0.2.0', []);
    assert.equal(q.message, 'Fillwatch 0.2.0 is downloaded and its signature verified.');
    assert.deepEqual(q.buttons, ['Restart Now', 'Later']);
    assert.equal(q.defaultId, RESTART_NOW);
    assert.equal(q.cancelId, 1);
  });

  test('with accounts connected: they are named, the Logout is said, and Later is the default', () => {
    const q = restartQuestion('0.2.0', ['Desk A']);
    assert.equal(q.defaultId, 1);
    assert.match(q.detail, /^One account is connected \(Desk A\)\. Restarting logs it out; recording resumes from the journal/);
    const many = restartQuestion('0.2.0', ['A', 'B', 'C', 'D', 'E']);
    assert.match(many.detail, /^5 accounts are connected \(A, B, C and 2 more\)\. Restarting logs them out/);
  });
});

describe('UpdateController', () => {
  test('leaves the updater\'s verification on and never downgrades or takes pre-releases', () => {
    const { updater } = controller();
    assert.equal(updater.autoDownload, true);
    assert.equal(updater.autoInstallOnAppQuit, true);
    assert.equal(updater.allowDowngrade, false);
    assert.equal(updater.allowPrerelease, false);
    // Nothing that would turn signature checks off is touched (electron-updater's own defaults stand).
    assert.equal('verifyUpdateCodeSignature' in updater, false);
    assert.equal('forceDevUpdateConfig' in updater, false);
  });

  test('checks once shortly after start, then once a day (an hourly tick; a late wake-up checks at once)', () => {
    const { c, updater, clock } = controller();
    c.start();
    clock.advance(FIRST_CHECK_DELAY_MS - 1);
    assert.equal(updater.checks, 0);
    clock.advance(1);
    assert.equal(updater.checks, 1);
    clock.advance(CHECK_INTERVAL_MS - TICK_MS);
    assert.equal(updater.checks, 1, 'not before a day has passed');
    clock.advance(TICK_MS);
    assert.equal(updater.checks, 2);
    clock.advance(3 * CHECK_INTERVAL_MS);
    assert.equal(updater.checks, 5);
    c.dispose();
    clock.advance(3 * CHECK_INTERVAL_MS);
    assert.equal(updater.checks, 5, 'no check after dispose');
  });

  test('no automatic check in demo mode or with the setting off; Help → Check for Updates still works with the setting off', async () => {
    const demo = controller({ demo: true });
    demo.c.start();
    demo.clock.advance(2 * CHECK_INTERVAL_MS);
    assert.equal(demo.updater.checks, 0);
    const off = controller({ automatic: false });
    off.c.start();
    off.clock.advance(2 * CHECK_INTERVAL_MS);
    assert.equal(off.updater.checks, 0);
    assert.equal(await off.c.check(true), null);
    assert.equal(off.updater.checks, 1);
    assert.deepEqual(off.told, ['Fillwatch 0.1.0 is the newest version.'], 'a manual check reports "up to date"');
  });

  test('a downloaded update is installed only after "Restart Now", and the recorder stops first', async () => {
    const { c, updater, asked, steps } = controller({ connected: ['Desk A'], answer: RESTART_NOW });
    updater.onCheck = (u) => {
      u.emit('update-available', { version: '0.2.0' });
      u.emit('update-downloaded', { version: '0.2.0' });
    };
    await c.check(false);
    await tick();
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.defaultId, 1, 'an account is connected: Later is the default');
    assert.deepEqual(steps, ['asked', 'recorder stopped', 'quitAndInstall']);
    assert.deepEqual(updater.installs, [[false, true]]);
  });

  test('"Later" (or closing the box) installs nothing now; Help offers the restart again', async () => {
    const { c, updater, steps } = controller({ answer: 1 });
    updater.onCheck = (u) => u.emit('update-downloaded', { version: '0.2.0' });
    await c.check(false);
    await tick();
    assert.deepEqual(c.status, { kind: 'ready', version: '0.2.0' });
    assert.deepEqual(updater.installs, []);
    assert.deepEqual(steps, ['asked']);
    c.restartToUpdate();
    await tick();
    assert.deepEqual(steps, ['asked', 'asked'], 'asked again, still never restarted without a yes');
    assert.deepEqual(updater.installs, []);
  });

  test('errors go to the log; a manual check says so, an automatic one stays quiet', async () => {
    const { c, updater, told } = controller();
    updater.onCheck = (u) => u.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    await c.check(false);
    assert.deepEqual(told, []);
    assert.deepEqual(c.status, { kind: 'idle' });
    await c.check(true);
    assert.deepEqual(told, ['Could not check for updates.']);
  });
});

describe('startAutoUpdate (the glue)', () => {
  const base = (dir: string, over: Partial<AutoUpdateOptions> = {}): AutoUpdateOptions => ({
    packaged: true, platform: 'linux', env: {}, settingsPath: join(dir, 'updates.json'), policyPath: join(dir, 'policy.json'),
    loadUpdater: async () => new FakeUpdater(), currentVersion: '0.1.0', demoActive: () => false, connectedAccounts: () => [],
    ask: async () => 1, tell: () => {}, stopRecording: async () => {}, timers: new ManualTimer(), log: () => {}, ...over,
  });

  test('never loads electron-updater when unpackaged or locked off by policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-update-'));
    try {
      let loads = 0;
      const loadUpdater = async () => { loads++; return new FakeUpdater(); };
      const dev = await startAutoUpdate(base(dir, { packaged: false, loadUpdater }));
      assert.equal(dev.menuState().canCheck, false);
      writeFileSync(join(dir, 'policy.json'), '{"autoUpdate": false}');
      const managed = await startAutoUpdate(base(dir, { loadUpdater }));
      assert.deepEqual(managed.menuState(), {
        canCheck: false, automatic: false, automaticLabel: 'Update Automatically (turned off by your administrator)', locked: true, readyVersion: null,
      });
      managed.setAutomatic(true);
      assert.equal(managed.menuState().automatic, false, 'a locked setting cannot be turned back on');
      assert.equal(loads, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the user\'s switch is saved to updates.json and read back at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-update-'));
    try {
      const first = await startAutoUpdate(base(dir));
      let changes = 0;
      first.onChange(() => changes++);
      assert.equal(first.menuState().automatic, true);
      first.setAutomatic(false);
      assert.equal(first.menuState().automatic, false);
      assert.equal(changes, 1);
      for (let i = 0; i < 50 && !readFileSafe(join(dir, 'updates.json')).includes('false'); i++) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(await readUpdateSettings(join(dir, 'updates.json')), { automatic: false });
      const second = await startAutoUpdate(base(dir));
      assert.deepEqual(second.menuState(), { canCheck: true, automatic: false, automaticLabel: 'Update Automatically', locked: false, readyVersion: null });
      first.dispose();
      second.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Item = MenuItemConstructorOptions;
const help = (t: Item[]) => t.find((m) => m.label === '&Help')!.submenu as Item[];

describe('the Help menu', () => {
  const actions = { navigate: () => {}, toggleCompact: () => {}, setMainOnTop: () => {}, openFixDocs: () => {} };
  const state = { compactOpen: false, mainOnTop: false };

  test('Check for Updates, Update Automatically (greyed when locked), Restart to Install once ready; About off macOS', () => {
    const calls: string[] = [];
    const template = appMenuTemplate({
      platform: 'win32', isDev: false, appName: 'Fillwatch', state,
      actions: { ...actions, checkForUpdates: () => calls.push('check'), setAutomaticUpdates: (v) => calls.push(`auto ${v}`), restartToUpdate: () => calls.push('restart') },
      updates: { canCheck: true, automatic: true, automaticLabel: 'Update Automatically', locked: false, readyVersion: '0.2.0' },
    });
    const items = help(template);
    assert.deepEqual(items.map((i) => i.id ?? i.type), ['fix-docs', 'separator', 'restart-to-update', 'check-updates', 'auto-updates', 'separator', 'about']);
    const byId = (id: string) => items.find((i) => i.id === id)!;
    assert.equal(byId('auto-updates').type, 'checkbox');
    assert.equal(byId('auto-updates').checked, true);
    assert.equal(byId('about').role, 'about');
    for (const id of ['check-updates', 'auto-updates', 'restart-to-update']) (byId(id).click as () => void)();
    assert.deepEqual(calls, ['check', 'auto false', 'restart']);
    const locked = help(appMenuTemplate({
      platform: 'darwin', isDev: false, appName: 'Fillwatch', state, actions,
      updates: { canCheck: false, automatic: false, automaticLabel: 'Update Automatically (turned off by your administrator)', locked: true, readyVersion: null },
    }));
    assert.equal(locked.find((i) => i.id === 'auto-updates')!.enabled, false);
    assert.equal(locked.find((i) => i.id === 'check-updates')!.enabled, false);
    assert.equal(locked.some((i) => i.id === 'about'), false, 'macOS has About in the app menu');
  });
});

describe('runElectronApp with a stand-in updater', () => {
  test('a packaged app loads the updater, puts its items in Help, and a yes stops the recorder before installing', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'fw-update-app-'));
    try {
      const fake = fakeElectron({ userData, packaged: true });
      const updater = new FakeUpdater();
      let connected = true;
      const steps: string[] = [];
      const accounts: AccountView[] = [{
        account: { id: 'a', label: 'Desk A', apiKeyId: 'k', environment: 'demo', listener: { host: 'h', port: 1, target: 'KalshiRT' }, dropCopy: null, priceUnit: 'dollars', demo: false },
        status: { accountId: 'a', phase: 'active', since: 0, lastMessageAt: 0, nextInbound: null, nextOutbound: null, reason: null },
      }];
      const services = {
        feed: { onBatch: new Emitter<LiveBatch>().event, refreshAccounts: async () => {}, accounts: () => (connected ? accounts : []) },
        handlers: { ...inMemoryRuleHandlers(), ...unusedSettingsHandlers() }, demo: { active: false, accountIds: [], reportsPerSecond: null },
        notifications: { addSink: () => ({ dispose: () => {} }) },
        close: async () => { steps.push('recorder stopped'); },
      } as unknown as AppServices;
      const boxes: { message: string; defaultId?: number }[] = [];
      const electron = {
        ...fake.electron, ipcMain: fake.ipcMain, session: fake.session,
        dialog: { showMessageBox: async (...args: unknown[]) => { const o = args.at(-1) as { message: string; defaultId?: number }; boxes.push(o); return { response: RESTART_NOW, checkboxChecked: false }; } },
        loadUpdater: async () => updater,
        env: { FILLWATCH_AUTO_UPDATE: '1' },
      } as unknown as ElectronMain;
      updater.quitAndInstall = () => { steps.push('quitAndInstall'); };
      runElectronApp(electron, { rendererDir: '/r', preload: '/p.cjs' }, { startServices: async () => services, keychain: new MemoryKeychain(), log: () => {} });
      fake.ready();
      for (let i = 0; i < 50 && FakeTray.created.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      const menu = fake.electron.Menu.applicationMenu as unknown as MenuItemConstructorOptions[];
      const items = help(menu as MenuItemConstructorOptions[]);
      assert.ok(items.some((i) => i.id === 'check-updates'), 'Help has Check for Updates…');
      assert.ok(items.some((i) => i.id === 'about'), 'Help has About (Linux)');
      assert.match(String((fake.electron.app as unknown as { aboutPanel: { applicationVersion: string } }).aboutPanel.applicationVersion), /^\d+\.\d+\.\d+ \(commit ([0-9a-f]{12}|unknown)\)$/);
      // The update arrives: the question names the connected account, Later is its default.
      updater.emit('update-downloaded', { version: '9.9.9' });
      for (let i = 0; i < 50 && !steps.includes('quitAndInstall'); i++) await new Promise((r) => setTimeout(r, 5));
      assert.equal(boxes[0]?.message, 'Fillwatch 9.9.9 is downloaded and its signature verified.');
      assert.equal(boxes[0]?.defaultId, 1);
      assert.deepEqual(steps, ['recorder stopped', 'quitAndInstall'], 'the recorder stops before the installer takes over');
      connected = false;
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

test('only index.ts loads electron-updater, and the harness never reaches the updater', () => {
  const root = join(import.meta.dirname, '../..');
  const sources = globSync('{electron,shared,renderer}/**/*.{ts,tsx}', { cwd: root });
  const importers = sources.filter((f) => /['"]electron-updater['"]/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(importers, ['electron/main/index.ts']);
  const harness = sources.filter((f) => f.startsWith('electron/harness/'));
  assert.ok(harness.length > 0);
  for (const f of harness) assert.doesNotMatch(readFileSync(join(root, f), 'utf8'), /update\/|electron-app\.ts/, f);
});

function readFileSafe(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
