// index.ts — the Electron entry (electron-vite bundles it to out/main/index.js). The only module of
// main that imports `electron` at runtime (and electron-updater, which imports it, only on demand);
// everything it does lives in electron-app.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, Notification, Tray, app, clipboard, dialog, ipcMain, nativeImage, protocol, screen, session, shell } from 'electron';
import { runElectronApp } from './electron-app.ts';
import type { Updater } from './update/update-controller.ts';

const here = dirname(fileURLToPath(import.meta.url));

runElectronApp(
  {
    app, BrowserWindow, ipcMain, protocol, session, shell, Notification, dialog, clipboard, Menu, Tray, nativeImage, screen, platform: process.platform,
    // CommonJS: its autoUpdater is a getter on module.exports, created on first read.
    loadUpdater: async () => (await import('electron-updater')).default.autoUpdater satisfies Updater,
  },
  { rendererDir: join(here, '../renderer'), preload: join(here, '../preload/index.cjs') },
);
