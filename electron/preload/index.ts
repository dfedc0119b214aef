// index.ts — the sandboxed preload (bundled whole by electron-vite: a sandboxed preload cannot require).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeFillwatch } from './expose.ts';

exposeFillwatch(contextBridge, ipcRenderer);
