// harness.ts — the app without Electron: the real main-side services (recorder worker, journal, demo
// simulator, IPC handlers with their checks) under plain Node, and the built renderer served to any
// Chromium on 127.0.0.1 with the preload's API carried over a WebSocket. Used by `npm run harness`
// and by the end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emitter } from '../../shared/events/emitter.ts';
import type { NotificationWire } from '../../shared/ipc/contract.ts';
import { startAppServices, type AppServices } from '../main/app-services.ts';
import type { DemoOptions } from '../main/demo/demo-mode.ts';
import type { SigningKeys } from '../main/keys/signing-keys.ts';
import { BRIDGE_FILE, RENDERER_DIR, ensureBuilt } from './build-artifacts.ts';
import { startHarnessServer } from './harness-server.ts';

export interface HarnessOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The journal file; default a fresh temporary one, removed on close. */
  readonly db?: string;
  readonly demo?: false | DemoOptions;
  /** The notifications' rules and progress; default notifications.json beside the journal. */
  readonly notificationsPath?: string;
  readonly log?: (line: string) => void;
  /** Private keys for accounts the caller adds itself (the bench's own simulator); default none. */
  readonly keys?: SigningKeys;
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
  const services = await startAppServices({
    journalPath, demo: options.demo ?? false,
    ...(options.notificationsPath === undefined ? {} : { notificationsPath: options.notificationsPath }),
    ...(options.keys === undefined ? {} : { keys: options.keys }),
  });
  // No desktop here: notifications go to the page, which lists them in its toast log.
  const notifications = new Emitter<NotificationWire>();
  const sink = services.notifications.addSink({ show: (n) => notifications.fire(n) });
  let server;
  try {
    server = await startHarnessServer({
      port: options.port, rendererDir: RENDERER_DIR, bridgeFile: BRIDGE_FILE, handlers: services.handlers, onBatch: services.feed.onBatch,
      onNotification: notifications.event, log,
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
      sink.dispose();
      await server.close();
      await services.close();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    })(),
  };
}
