// window.ts — the main window: its options (every secure web preference from security.ts, the preload,
// a calm dark background so no white flash) and its creation. The window shows once painted.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, SECURE_WEB_PREFERENCES } from './security.ts';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Fillwatch',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 560,
    show: false,
    backgroundColor: '#11151b',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'once' | 'show' | 'loadURL'>;

export function createMainWindow<W extends BrowserWindowClass>(Window: W, preloadPath: string, url = APP_ENTRY_URL): InstanceType<W> {
  const window = new Window(mainWindowOptions(preloadPath)) as InstanceType<W>;
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
