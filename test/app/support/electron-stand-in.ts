// electron-stand-in.ts — a stand-in for the `electron` module, so the BUILT main process
// (out/main/index.js, exactly what `npm start` runs) can start under plain Node. It plays one scenario
// and prints a JSON report on stdout: the app becomes ready, main registers its protocol, IPC and
// window; the stand-in then fetches the page through the app:// handler, asks app.snapshot through
// the IPC handler as the window would (and as a foreign page), waits for demo executions, and quits.
// Loaded by electron-stand-in-hooks.ts; test/app/bundled-main.test.ts runs it.
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;
const report: Record<string, unknown> = { steps: [] as string[] };
const step = (s: string) => (report['steps'] as string[]).push(s);
const userData = mkdtempSync(join(tmpdir(), 'fw-electron-stand-in-'));

class Events {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, l: Listener) { this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]); return this; }
  once(name: string, l: Listener) { return this.on(name, l); }
  emit(name: string, ...args: unknown[]) { for (const l of this.listeners.get(name) ?? []) l(...args); }
}

const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
let protocolHandler: ((request: { url: string }) => Promise<Response>) | undefined;

export const ipcMain = {
  handle: (channel: string, h: (event: unknown, payload: unknown) => Promise<unknown>) => { handlers.set(channel, h); },
  removeHandler: (channel: string) => { handlers.delete(channel); },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown) => { report['schemes'] = schemes; step('scheme registered'); },
  handle: (_scheme: string, h: typeof protocolHandler) => { protocolHandler = h; step('protocol handled'); },
};

export const session = { defaultSession: Object.assign(new Events(), {
  setPermissionRequestHandler: () => step('permission requests handled'),
  setPermissionCheckHandler: () => {},
  setDevicePermissionHandler: () => {},
}) };

export const shell = { openExternal: async () => {} };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({ response: 1, checkboxChecked: false }) };
export const clipboard = { writeText: () => {} };

/** The app menu and the tray: the report records that both were set up. */
export const Menu = {
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu: (menu: unknown[] | null) => { report['appMenu'] = (menu ?? []).map((m) => (m as { label?: string }).label ?? ''); },
};
export class Tray extends Events {
  constructor() { super(); step('tray'); }
  setImage() {}
  setToolTip(text: string) { report['trayTooltip'] = text; }
  setContextMenu() {}
  destroy() {}
}
export const nativeImage = { createEmpty: () => ({ addRepresentation: () => {} }) };
export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
  getAllDisplays: () => [screen.getPrimaryDisplay()],
};

/** Desktop notifications: counted in the report (`notificationsShown`). */
export class Notification extends Events {
  static isSupported() { return true; }
  show() { report['notificationsShown'] = ((report['notificationsShown'] as number | undefined) ?? 0) + 1; }
}

const appEvents = new Events();
export const app = Object.assign(appEvents, {
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise<void>((resolve) => setTimeout(resolve, 10)),
  getPath: () => userData,
  setAppUserModelId: () => {},
  setAboutPanelOptions: (panel: unknown) => { report['aboutPanel'] = panel; },
  quit: () => {
    let prevented = false;
    appEvents.emit('before-quit', { preventDefault: () => { prevented = true; } });
    if (prevented) return step('quit waits for the recorder');
    step('quit');
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
});

export class BrowserWindow extends Events {
  static readonly all: BrowserWindow[] = [];
  static getAllWindows() { return BrowserWindow.all; }
  readonly webContents = { isDestroyed: () => false, getURL: () => 'app://fillwatch/index.html', send: () => {} };
  constructor(options: { webPreferences: { preload: string; sandbox: boolean } }) {
    super();
    BrowserWindow.all.push(this);
    report['preloadExists'] = existsSync(options.webPreferences.preload);
    report['sandbox'] = options.webPreferences.sandbox;
  }
  isDestroyed() { return false; }
  isMaximized() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1440, height: 900 }; }
  show() {}
  async loadURL(url: string) {
    report['loadedUrl'] = url;
    void play(url);
  }
}

async function play(url: string): Promise<void> {
  try {
    const page = await protocolHandler!({ url });
    report['pageStatus'] = page.status;
    report['pageCsp'] = page.headers.get('content-security-policy');
    report['pageHasRoot'] = (await page.text()).includes('<div id="root">');
    const ours = { senderFrame: { url, parent: null } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    report['foreign'] = await handlers.get('fillwatch:app.snapshot')!(foreign, {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await handlers.get('fillwatch:app.snapshot')!(ours, { limit: 5 }) as { ok: boolean; value?: { executions: unknown[]; demo: unknown } };
      if (answer.ok && answer.value!.executions.length >= 5) {
        report['snapshot'] = { executions: answer.value!.executions.length, demo: answer.value!.demo };
        break;
      }
      if (Date.now() > deadline) { report['snapshot'] = answer; break; }
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    report['error'] = String(error);
  }
  app.quit();
}

export default { app, BrowserWindow, ipcMain, protocol, session, shell, Notification, dialog, clipboard, Menu, Tray, nativeImage, screen };
