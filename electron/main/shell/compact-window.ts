// compact-window.ts — the small always-on-top window for a second screen: the main window's secure
// options (window.ts, security.ts) with a small size, floating above other apps, loading the same
// page with `?view=compact` (the renderer then shows the status strip and a narrow Live grid).
import type { BrowserWindowConstructorOptions } from 'electron';
import { COMPACT_QUERY } from '../../../shared/ipc/app-views.ts';
import { APP_ENTRY_URL } from '../security.ts';
import { boundsOptions, mainWindowOptions, openSecureWindow, type BrowserWindowClass } from '../window.ts';
import type { Placement } from './window-bounds.ts';

export const COMPACT_URL = `${APP_ENTRY_URL}?${COMPACT_QUERY}`;
export const COMPACT_SIZE = { width: 560, height: 320 } as const;

export function compactWindowOptions(preloadPath: string, placement?: Placement): BrowserWindowConstructorOptions {
  return {
    ...mainWindowOptions(preloadPath),
    title: 'Fillwatch (compact)',
    ...COMPACT_SIZE,
    minWidth: 360,
    minHeight: 160,
    ...boundsOptions(placement),
    alwaysOnTop: true,
    maximizable: false,
    fullscreenable: false,
    // Windows and Linux: no menu bar taking a line of a small window; Alt shows it, accelerators still work.
    autoHideMenuBar: true,
  };
}

export function createCompactWindow<W extends BrowserWindowClass>(Window: W, preloadPath: string, placement?: Placement): InstanceType<W> {
  return openSecureWindow(Window, compactWindowOptions(preloadPath, placement), COMPACT_URL);
}
