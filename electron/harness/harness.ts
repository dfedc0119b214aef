// harness.ts — the app without Electron: the real main-side services (recorder worker, journal, demo
// simulator, IPC handlers with their checks) under plain Node, and the built renderer served to any
// Chromium on 127.0.0.1 with the preload's API carried over a WebSocket. Used by `npm run harness`
// and by the end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServices, type AppServices } from '../main/app-services.ts';
import type { DemoOptions } from '../main/demo/demo-mode.ts';
import { BRIDGE_FILE, RENDERER_DIR, ensureBuilt } from './build-artifacts.ts';
import { startHarnessServer } from './harness-server.ts';

export interface HarnessOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The journal file; default a fresh temporary one, removed on close. */
  readonly db?: string;
  readonly demo?: false | DemoOptions;
  readonly log?: (line: string) => void;
}

export interface Harness {
  readonly url: string;
  readonly origin: string;
  readonly journalPath: string;
  readonly services: AppServices;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? (() => {});
  await ensureBuilt(log);
  const scratch = options.db === undefined ? mkdtempSync(join(tmpdir(), 'fillwatch-harness-')) : undefined;
  const journalPath = options.db ?? join(scratch!, 'journal.db');
  const services = await startAppServices({ journalPath, demo: options.demo ?? false });
  let server;
  try {
    server = await startHarnessServer({
      port: options.port, rendererDir: RENDERER_DIR, bridgeFile: BRIDGE_FILE, handlers: services.handlers, onBatch: services.feed.onBatch, log,
    });
  } catch (error) {
    await services.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    origin: server.origin,
    journalPath,
    services,
    close: () => closing ??= (async () => {
      await server.close();
      await services.close();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    })(),
  };
}
