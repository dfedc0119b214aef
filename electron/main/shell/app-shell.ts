// app-shell.ts — everything around the page: the main window where it was last, the compact window on
// demand, the app menu and the tray, and what their items do. Started once the app is ready and the
// services run; electron-app.ts hands it the Electron objects (tests hand it doubles).
import type { BrowserWindow, BrowserWindowConstructorOptions, Menu, Screen } from 'electron';
import type { Event } from '../../../shared/events/emitter.ts';
import type { AppView } from '../../../shared/ipc/app-views.ts';
import type { AccountView, LiveBatch } from '../../../shared/ipc/contract.ts';
import { sendToPages } from '../notifications/window-notification-sink.ts';
import { APP_ENTRY_URL, isAllowedExternalUrl, type OpenExternal } from '../security.ts';
import { MAIN_WINDOW_SIZE, createMainWindow } from '../window.ts';
import { KALSHI_FIX_DOCS_URL, appMenuTemplate, type MenuActions, type ShellState } from './app-menu.ts';
import { COMPACT_SIZE, createCompactWindow } from './compact-window.ts';
import type { AutoUpdate } from '../update/auto-update.ts';
import type { NativeImageApi } from './tray-icon.ts';
import { startTray, type TrayClass } from './tray.ts';
import { WindowBoundsKeeper } from './window-bounds-keeper.ts';
import type { WindowKind } from './window-bounds.ts';

export type ShellWindow = Pick<BrowserWindow, 'once' | 'on' | 'show' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'loadURL'
  | 'maximize' | 'close' | 'setAlwaysOnTop' | 'getNormalBounds' | 'isMaximized' | 'webContents'>;
export type ShellWindowClass = new (options: BrowserWindowConstructorOptions) => ShellWindow;

export interface ShellElectron<W extends ShellWindowClass = ShellWindowClass> {
  readonly BrowserWindow: W;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  readonly Tray: TrayClass;
  readonly nativeImage: NativeImageApi;
  readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
}

export interface ShellOptions {
  readonly preload: string;
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  /** window-bounds.json in the app's data folder. */
  readonly boundsPath: string;
  readonly accounts: () => readonly AccountView[];
  readonly onBatch: Event<LiveBatch>;
  readonly openExternal: OpenExternal;
  readonly quit: () => void;
  readonly log?: (line: string) => void;
  /** Help's update items (absent: none). */
  readonly updates?: AutoUpdate;
}

export interface AppShell<Window extends ShellWindow = ShellWindow> {
  /** The main window while it is open (a dialog's parent). */
  mainWindow(): Window | undefined;
  /** Brings the main window to the front, opening it again if it was closed. */
  showMain(): void;
  /** Accounts were added or removed: the tray reads them again. */
  refresh(): void;
  /** Saves window positions and removes the tray; called once, before quitting. */
  close(): Promise<void>;
}

export function startShell<W extends ShellWindowClass>(electron: ShellElectron<W>, options: ShellOptions): AppShell<InstanceType<W>> {
  const { BrowserWindow, Menu, screen } = electron;
  const keeper = new WindowBoundsKeeper(options.boundsPath, options.log === undefined ? {} : { log: options.log });
  // Primary first: a window whose display is gone opens there.
  const workAreas = () => {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  };
  const open = (kind: WindowKind): InstanceType<W> => {
    const placement = keeper.placement(kind, workAreas(), kind === 'main' ? MAIN_WINDOW_SIZE : COMPACT_SIZE);
    const window = kind === 'main'
      ? createMainWindow(BrowserWindow, options.preload, APP_ENTRY_URL, placement)
      : createCompactWindow(BrowserWindow, options.preload, placement);
    keeper.track(kind, window);
    return window;
  };
  const alive = (w: ShellWindow | undefined): w is ShellWindow => w !== undefined && !w.isDestroyed();

  let main = open('main');
  let compact: InstanceType<W> | undefined;
  let state: ShellState = { compactOpen: false, mainOnTop: false };

  const showMain = () => {
    if (!alive(main)) {
      main = open('main');
      if (state.mainOnTop) main.setAlwaysOnTop(true);
      return; // it shows once painted
    }
    if (main.isMinimized()) main.restore();
    main.show();
    main.focus();
  };
  const actions: MenuActions = {
    navigate: (view: AppView) => {
      const reopened = !alive(main);
      showMain();
      // Only the main window has views; sendToPages checks it still shows our page.
      const send = () => sendToPages(() => (alive(main) ? [main.webContents] : []), 'app.navigate', { view });
      if (reopened) main.webContents.once('did-finish-load', send);
      else send();
    },
    toggleCompact: () => {
      if (alive(compact)) return compact.close();
      const window = open('compact');
      compact = window;
      window.on('closed', () => {
        if (compact === window) compact = undefined;
        update({ compactOpen: false });
      });
      update({ compactOpen: true });
    },
    setMainOnTop: (onTop) => {
      if (alive(main)) main.setAlwaysOnTop(onTop);
      update({ mainOnTop: onTop });
    },
    openFixDocs: () => {
      if (isAllowedExternalUrl(KALSHI_FIX_DOCS_URL)) void options.openExternal(KALSHI_FIX_DOCS_URL);
    },
    checkForUpdates: () => options.updates?.checkNow(),
    setAutomaticUpdates: (on) => options.updates?.setAutomatic(on),
    restartToUpdate: () => options.updates?.restartToUpdate(),
  };
  const tray = startTray({
    ...electron, platform: options.platform, accounts: options.accounts, onBatch: options.onBatch,
    isCompactOpen: () => state.compactOpen,
    actions: { showMain, toggleCompact: actions.toggleCompact, quit: options.quit },
  });
  // Menus are data: on a change of state the application menu is built again (checkmarks follow).
  let closed = false;
  const update = (change: Partial<ShellState>) => {
    state = { ...state, ...change };
    if (closed) return; // windows closing as the app quits
    const updates = options.updates?.menuState();
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({
      platform: options.platform, isDev: options.isDev, appName: 'Fillwatch', state, actions, ...(updates === undefined ? {} : { updates }),
    })));
    tray.refresh();
  };
  update({});
  const updatesWatch = options.updates?.onChange(() => update({}));

  let closing: Promise<void> | undefined;
  return {
    mainWindow: () => (alive(main) ? main : undefined),
    showMain,
    refresh: () => tray.refresh(),
    close: () => closing ??= keeper.flush().finally(() => {
      closed = true;
      updatesWatch?.dispose();
      keeper.dispose();
      tray.dispose();
    }),
  };
}
