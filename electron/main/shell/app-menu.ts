// app-menu.ts — the application menu as data: a pure function of the platform, dev or packaged, and
// the shell's state (compact window open, main window on top), so tests read the template and
// Electron's Menu.buildFromTemplate gets the same object. Edit roles are listed item by item: on
// macOS copy/paste work in a page only through the menu's roles, and the copy buttons need them.
// Help also carries the updates (update/auto-update.ts) and, off macOS, About (the app menu has it there).
import type { MenuItemConstructorOptions } from 'electron';
import { APP_VIEWS, type AppView } from '../../../shared/ipc/app-views.ts';
import type { UpdateMenuState } from '../update/auto-update.ts';

/** Kalshi's FIX documentation (its host is on security.ts's external allow-list). */
export const KALSHI_FIX_DOCS_URL = 'https://docs.kalshi.com/fix';

export const VIEW_LABELS: Readonly<Record<AppView, string>> = {
  live: 'Live', history: 'History', pnl: 'P&&L', session: 'Session', alerts: 'Alerts', settings: 'Settings',
};

export const COMPACT_ACCELERATOR = 'CmdOrCtrl+Shift+M';
export const ON_TOP_ACCELERATOR = 'CmdOrCtrl+Shift+T';

export interface ShellState {
  readonly compactOpen: boolean;
  /** The main window floats above others (the compact window always does). */
  readonly mainOnTop: boolean;
}

export interface MenuActions {
  navigate(view: AppView): void;
  toggleCompact(): void;
  setMainOnTop(onTop: boolean): void;
  openFixDocs(): void;
  checkForUpdates?(): void;
  setAutomaticUpdates?(on: boolean): void;
  restartToUpdate?(): void;
}

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  /** Unpackaged (electron-vite dev/preview): reload and the developer tools are offered. */
  readonly isDev: boolean;
  readonly appName: string;
  readonly state: ShellState;
  readonly actions: MenuActions;
  /** Absent: no update items (the harness, tests of other menus). */
  readonly updates?: UpdateMenuState;
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, appName, state, actions, updates } = options;
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // The same numbers as the window's own tabs (renderer NavBar): Ctrl/⌘ + 1 … 6, in APP_VIEWS order.
  const views: MenuItemConstructorOptions[] = APP_VIEWS.map((view, i) => ({
    id: `view-${view}`, label: VIEW_LABELS[view], accelerator: `CmdOrCtrl+${i + 1}`, click: () => actions.navigate(view),
  }));
  const dev: MenuItemConstructorOptions[] = isDev ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [];
  return [
    ...(mac ? [{ label: appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: mac ? [{ role: 'close' }] : [{ role: 'close' }, separator, { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [
        ...views,
        separator,
        { id: 'compact', label: 'Compact Window', type: 'checkbox', checked: state.compactOpen, accelerator: COMPACT_ACCELERATOR, click: () => actions.toggleCompact() },
        { id: 'on-top', label: 'Always on Top', type: 'checkbox', checked: state.mainOnTop, accelerator: ON_TOP_ACCELERATOR, click: () => actions.setMainOnTop(!state.mainOnTop) },
        separator,
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...dev,
      ],
    },
    { label: '&Window', role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { id: 'fix-docs', label: 'Kalshi FIX Documentation', click: () => actions.openFixDocs() },
        ...(updates === undefined ? [] : updateItems(updates, actions, separator)),
        // macOS shows About in the app menu (role appMenu); elsewhere it lives here.
        ...(mac ? [] : [separator, { id: 'about', role: 'about', label: `About ${appName}` } satisfies MenuItemConstructorOptions]),
      ],
    },
  ];
}

function updateItems(updates: UpdateMenuState, actions: MenuActions, separator: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return [
    separator,
    ...(updates.readyVersion === null ? [] : [{
      id: 'restart-to-update', label: `Restart to Install Fillwatch ${updates.readyVersion}…`, click: () => actions.restartToUpdate?.(),
    } satisfies MenuItemConstructorOptions]),
    { id: 'check-updates', label: 'Check for Updates…', enabled: updates.canCheck, click: () => actions.checkForUpdates?.() },
    {
      id: 'auto-updates', label: updates.automaticLabel, type: 'checkbox', checked: updates.automatic, enabled: !updates.locked,
      click: () => actions.setAutomaticUpdates?.(!updates.automatic),
    },
  ];
}
