// electron-app.ts — Electron's main process, as glue: the single-instance lock, the app:// scheme, every
// WebContents and the session hardened (security.ts), the app runtime started (app-runtime.ts: accounts and keys from the keychain,
// demo mode while no account is configured), requests wired through the IpcDoor, the windows, app menu
// and tray (shell/app-shell.ts), batches pushed to windows, desktop notifications (Electron's Notification and the page's toast log; a click focuses the
// window and highlights the execution), and a clean stop (Logouts, journal closed) before quitting. The Electron objects are passed
// in, so tests drive this with doubles; index.ts passes the real ones.
import { join } from 'node:path';
import type { App, BrowserWindow, Clipboard, Dialog, IpcMain, Protocol, Shell } from 'electron';
import { buildInfo } from '../core/build-info.ts';
import type { Disposable } from '../../shared/events/emitter.ts';
import type { PickFile } from './accounts/file-picker.ts';
import { keytarKeychain, type Keychain } from './accounts/keychain.ts';
import type { AppServices, AppServicesOptions } from './app-services.ts';
import { AppRuntime } from './app-runtime.ts';
import { electronSaveDialog } from './history/save-dialog.ts';
import { APP_SCHEME_PRIVILEGES, rendererResponse } from './app-protocol.ts';
import { exposeRequests, pushLiveBatches } from './ipc/electron-ipc.ts';
import { IpcDoor, trustOrigins } from './ipc/ipc-door.ts';
import { electronNotificationSink, type NotificationClass } from './notifications/electron-notification-sink.ts';
import { sendToPages, windowNotificationSink } from './notifications/window-notification-sink.ts';
import {
  APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, hardenSession, hardenWebContents, type SessionToHarden, type WebContentsToHarden,
} from './security.ts';
import { aboutPanelOptions } from './shell/about.ts';
import { startShell, type AppShell, type ShellElectron } from './shell/app-shell.ts';
import { startAutoUpdate, type AutoUpdate } from './update/auto-update.ts';
import type { Updater } from './update/update-controller.ts';

export interface ElectronMain {
  readonly app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'getPath' | 'setAppUserModelId' | 'isPackaged' | 'setAboutPanelOptions'>;
  readonly BrowserWindow: typeof BrowserWindow;
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  readonly session: { readonly defaultSession: SessionToHarden };
  readonly shell: Pick<Shell, 'openExternal'>;
  readonly Notification: NotificationClass;
  /** The app menu, the tray and where windows open (shell/app-shell.ts). */
  readonly Menu: ShellElectron['Menu'];
  readonly Tray: ShellElectron['Tray'];
  readonly nativeImage: ShellElectron['nativeImage'];
  readonly screen: ShellElectron['screen'];
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  /** process.platform; Windows needs the AppUserModelId for notifications. */
  readonly platform?: NodeJS.Platform;
  /** electron-updater's autoUpdater, loaded only if updates may run (update/auto-update.ts). Absent: no updates. */
  readonly loadUpdater?: () => Promise<Updater>;
  /** Default process.env: FILLWATCH_AUTO_UPDATE=0 turns updates off. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** electron-builder.yml's appId: Windows attributes notifications to the app by it. */
export const APP_USER_MODEL_ID = 'com.fillwatch.desktop';

export interface AppPaths {
  readonly rendererDir: string;
  readonly preload: string;
}

export interface RunAppOptions {
  readonly startServices?: (options: AppServicesOptions) => Promise<AppServices>;
  /** Default: the OS keychain through keytar. */
  readonly keychain?: Keychain;
  readonly log?: (line: string) => void;
}

/** Returns false when another instance already runs (that one is focused instead). */
export function runElectronApp(electron: ElectronMain, paths: AppPaths, options: RunAppOptions = {}): boolean {
  const { app, BrowserWindow, ipcMain, protocol, session, shell, Notification } = electron;
  const log = options.log ?? ((line: string) => console.error(`fillwatch: ${line}`));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
  const platform = electron.platform ?? process.platform;
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.setAboutPanelOptions(aboutPanelOptions(buildInfo(), platform));
  let appShell: AppShell<BrowserWindow> | undefined;
  let runtime: AppRuntime | undefined;
  let updates: AutoUpdate | undefined;
  const wiring: Disposable[] = [];

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents as WebContentsToHarden, (url) => shell.openExternal(url)));
  const focusWindow = () => appShell?.showMain();
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());

  let stopped = false;
  let stopping: Promise<void> | undefined;
  // Logs every account out and closes the journal; once (quitting, or before an update's restart).
  const stopAll = () => stopping ??= (async () => {
    const running = runtime;
    runtime = undefined;
    updates?.dispose();
    for (const d of wiring) d.dispose();
    // Window positions are saved now, while the windows still exist; the tray goes with them.
    const closingShell = appShell?.close() ?? Promise.resolve();
    const closing = running?.close().catch((error: unknown) => log(`stopping the recorder failed: ${String(error)}`));
    await Promise.all([closing, closingShell]);
    stopped = true;
  })();
  app.on('before-quit', (event) => {
    if (stopped || runtime === undefined) return;
    // Log every account out and close the journal before the process ends.
    event.preventDefault();
    void stopAll().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const csp = contentSecurityPolicy();
    protocol.handle(APP_SCHEME, (request) => rendererResponse(paths.rendererDir, request.url, csp));
    const dataDir = app.getPath('userData');
    // Accounts from accounts.json with their keys from the keychain; demo mode (its own journal) while there are none.
    const started = await AppRuntime.start({
      dataDir,
      journalPath: join(dataDir, 'journal.db'),
      demo: {},
      keychain: options.keychain ?? keytarKeychain(),
      pickFile: electronFilePicker(electron.dialog, () => appShell?.mainWindow()),
      saveFile: electronSaveDialog(electron.dialog, () => appShell?.mainWindow()),
      writeClipboard: (text) => electron.clipboard.writeText(text),
      ...(options.startServices === undefined ? {} : { startServices: options.startServices }),
      log,
    });
    runtime = started;
    const door = new IpcDoor(started.handlers, trustOrigins([APP_ORIGIN]), {
      onRefused: (channel, kind, message) => log(`IPC ${channel} refused (${kind}): ${message}`),
    });
    wiring.push(exposeRequests(ipcMain, door));
    const pages = () => BrowserWindow.getAllWindows().map((w) => w.webContents);
    wiring.push(pushLiveBatches(started.onBatch, pages));
    wiring.push(started.onResync((resync) => sendToPages(pages, 'app.resync', resync)));
    wiring.push(started.onExportProgress((progress) => sendToPages(pages, 'history.exportProgress', progress)));
    wiring.push(started.addNotificationSink(windowNotificationSink(pages)));
    wiring.push(started.addNotificationSink(electronNotificationSink(Notification, (target) => {
      focusWindow();
      if (target !== null) sendToPages(pages, 'notifications.clicked', target);
    })));
    if (electron.loadUpdater !== undefined) {
      updates = await startAutoUpdate({
        packaged: app.isPackaged,
        platform,
        env: electron.env ?? process.env,
        settingsPath: join(dataDir, 'updates.json'),
        loadUpdater: electron.loadUpdater,
        currentVersion: buildInfo().version,
        demoActive: () => started.demoActive,
        connectedAccounts: () => started.services.feed.accounts().filter((a) => a.status.phase === 'active').map((a) => a.account.label),
        ask: async (question) => {
          const window = appShell?.mainWindow();
          const options = { ...question, buttons: [...question.buttons], noLink: true };
          return (window === undefined ? await electron.dialog.showMessageBox(options) : await electron.dialog.showMessageBox(window, options)).response;
        },
        tell: (message, detail) => void electron.dialog.showMessageBox({ type: 'info', message, ...(detail === undefined ? {} : { detail }), buttons: ['OK'] }),
        stopRecording: stopAll,
        log,
      });
    }
    appShell = startShell(electron, {
      preload: paths.preload,
      platform: electron.platform ?? process.platform,
      isDev: !app.isPackaged,
      boundsPath: join(dataDir, 'window-bounds.json'),
      accounts: () => started.services.feed.accounts(),
      onBatch: started.onBatch,
      openExternal: (url) => shell.openExternal(url),
      quit: () => app.quit(),
      log,
      ...(updates === undefined ? {} : { updates }),
    });
    wiring.push(started.onResync(() => appShell?.refresh()));
  }).catch((error: unknown) => {
    log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.quit();
  });
  return true;
}

const PICK_TITLES = { 'private-key': 'Choose the API key\'s private key file (PEM)', 'ca-certificate': 'Choose the CA certificate (PEM)' } as const;

/** Main's own open dialog: the chosen file is read by main, never by the page. */
function electronFilePicker(dialog: Pick<Dialog, 'showOpenDialog'>, parent: () => BrowserWindow | undefined): PickFile {
  return async (purpose) => {
    const options = {
      title: PICK_TITLES[purpose],
      properties: ['openFile' as const],
      filters: [{ name: 'PEM files', extensions: ['pem', 'key', 'crt', 'cer', 'txt'] }, { name: 'All files', extensions: ['*'] }],
    };
    const window = parent();
    const result = window === undefined || window.isDestroyed() ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
