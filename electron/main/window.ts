// window.ts — the main window: its options (every secure web preference from security.ts, the preload,
// a calm dark background so no white flash) and its creation, where it was last (shell/window-bounds.ts).
// Every window of ours (the compact one too) is opened by openSecureWindow and shows once painted.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, SECURE_WEB_PREFERENCES } from './security.ts';
import type { Placement } from './shell/window-bounds.ts';

export const MAIN_WINDOW_SIZE = { width: 1440, height: 900 } as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Fillwatch',
    ...MAIN_WINDOW_SIZE,
    minWidth: 960,
    minHeight: 560,
    show: false,
    backgroundColor: '#11151b',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'once' | 'show' | 'loadURL' | 'maximize'>;

export function createMainWindow<W extends BrowserWindowClass>(Window: W, preloadPath: string, url = APP_ENTRY_URL, placement?: Placement): InstanceType<W> {
  return openSecureWindow(Window, { ...mainWindowOptions(preloadPath), ...boundsOptions(placement) }, url, placement?.maximized ?? false);
}

/** Size and, when known, position of a window about to open. */
export function boundsOptions(placement: Placement | undefined): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'> {
  if (placement === undefined) return {};
  const { x, y, width, height } = placement;
  return x === undefined || y === undefined ? { width, height } : { x, y, width, height };
}

/** `options` must carry SECURE_WEB_PREFERENCES (mainWindowOptions does); the window shows once painted. */
export function openSecureWindow<W extends BrowserWindowClass>(Window: W, options: BrowserWindowConstructorOptions, url: string, maximized = false): InstanceType<W> {
  const window = new Window(options) as InstanceType<W>;
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  void window.loadURL(url);
  return window;
}
