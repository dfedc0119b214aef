// tray.ts — the tray (menu-bar) icon: it shows every account's connection at a glance (tray-state.ts,
// tray-icon.ts) and offers Show Fillwatch, the compact window and Quit. It follows the LiveFeed: each
// batch that carries a status change, plus a slow tick, because "quiet" is a matter of time passing
// (no event says the exchange stopped talking). Image, tooltip and menu are set only when they change.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Disposable, Event } from '../../../shared/events/emitter.ts';
import type { AccountView, LiveBatch } from '../../../shared/ipc/contract.ts';
import { trayIconImage, type NativeImageApi } from './tray-icon.ts';
import { trayStatus, type TrayState } from './tray-state.ts';

export type TrayObject = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;
export type TrayClass = new (image: NativeImage) => TrayObject;
export type MenuApi = Pick<typeof Menu, 'buildFromTemplate'>;

export interface TrayActions {
  showMain(): void;
  toggleCompact(): void;
  quit(): void;
}

export function trayMenuTemplate(compactOpen: boolean, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'show', label: 'Show Fillwatch', click: () => actions.showMain() },
    { id: 'compact', label: 'Compact Window', type: 'checkbox', checked: compactOpen, click: () => actions.toggleCompact() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Fillwatch', click: () => actions.quit() },
  ];
}

export interface TrayOptions {
  readonly Tray: TrayClass;
  readonly Menu: MenuApi;
  readonly nativeImage: NativeImageApi;
  readonly platform: NodeJS.Platform;
  readonly accounts: () => readonly AccountView[];
  readonly onBatch: Event<LiveBatch>;
  readonly isCompactOpen: () => boolean;
  readonly actions: TrayActions;
  readonly now?: () => number;
  /** How often "quiet" is re-checked. Default 5 s. */
  readonly tickMs?: number;
}

export interface AppTray extends Disposable {
  /** Re-reads statuses and the compact window's state. */
  refresh(): void;
}

export function startTray(options: TrayOptions): AppTray {
  const { Menu, nativeImage, actions } = options;
  const now = options.now ?? Date.now;
  let state: TrayState = 'no-accounts';
  const tray = new options.Tray(trayIconImage(nativeImage, state));
  let tooltip: string | undefined;
  let compactOpen: boolean | undefined;
  let disposed = false;
  // Windows opens the window on a click (the menu is on the right button); macOS and Linux show the menu.
  if (options.platform === 'win32') tray.on('click', () => actions.showMain());

  const refresh = () => {
    // A window closing while the app quits comes after dispose(): a destroyed Tray throws if touched.
    if (disposed) return;
    const status = trayStatus(options.accounts(), now());
    if (status.state !== state) tray.setImage(trayIconImage(nativeImage, (state = status.state)));
    if (status.tooltip !== tooltip) tray.setToolTip((tooltip = status.tooltip));
    const open = options.isCompactOpen();
    if (open !== compactOpen) tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate((compactOpen = open), actions)));
  };
  refresh();
  const subscription = options.onBatch((batch) => {
    if (batch.statuses.length > 0) refresh();
  });
  const tick = setInterval(refresh, options.tickMs ?? 5_000);
  tick.unref?.();
  return {
    refresh,
    dispose: () => {
      disposed = true;
      subscription.dispose();
      clearInterval(tick);
      tray.destroy();
    },
  };
}
