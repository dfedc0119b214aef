// harness.ts — the app without Electron: the real main-side runtime (accounts and keys in the OS
// keychain, demo mode, recorder worker, journal, IPC handlers with their checks) under plain Node, and
// the built renderer served to any Chromium on 127.0.0.1 with the preload's API carried over a
// WebSocket. Used by `npm run harness` and by the end-to-end tests. What Electron would show natively
// has a stand-in: notifications go to the page's toast log, the open dialog returns the file the
// harness was started with, the clipboard is a list the tests can read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Emitter } from '../../shared/events/emitter.ts';
import type { NotificationWire } from '../../shared/ipc/contract.ts';
import { PickedFileError, type PickFile, type PickPurpose } from '../main/accounts/file-picker.ts';
import { keytarKeychain, type Keychain } from '../main/accounts/keychain.ts';
import type { AppServices } from '../main/app-services.ts';
import { AppRuntime } from '../main/app-runtime.ts';
import type { DemoOptions } from '../main/demo/demo-mode.ts';
import type { SigningKeys } from '../main/keys/signing-keys.ts';
import { BRIDGE_FILE, RENDERER_DIR, ensureBuilt } from './build-artifacts.ts';
import { startHarnessServer } from './harness-server.ts';

export interface HarnessOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The journal file; default a fresh temporary one, removed on close. Demo mode records into it too. */
  readonly db?: string;
  /** accounts.json's folder; default the journal's folder. */
  readonly dataDir?: string;
  /** Run demo mode while no account is configured. */
  readonly demo?: false | DemoOptions;
  /** The notifications' rules and progress; default notifications.json beside the journal. */
  readonly notificationsPath?: string;
  readonly log?: (line: string) => void;
  /** Private keys for accounts the caller adds itself (the bench's own simulator); default none. */
  readonly keys?: SigningKeys;
  /** Default: the OS keychain through keytar (service "Fillwatch"). */
  readonly keychain?: Keychain;
  /** What the open dialog returns, per purpose (the harness has no dialog). */
  readonly files?: Partial<Record<PickPurpose, string>>;
  /** The save dialog's stand-in: History exports are written into this folder under their proposed name. */
  readonly exportDir?: string;
}

export interface Harness {
  readonly url: string;
  readonly origin: string;
  /** The journal recorded into now. */
  readonly journalPath: string;
  /** The services running now (they change when demo mode ends). */
  readonly services: AppServices;
  readonly runtime: AppRuntime;
  /** Everything put on the clipboard, oldest first. */
  readonly clipboard: readonly string[];
  close(): Promise<void>;
}

const FLAG: Record<PickPurpose, string> = { 'private-key': '--key-file', 'ca-certificate': '--ca-file' };

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? (() => {});
  await ensureBuilt(log);
  const scratch = options.db === undefined ? mkdtempSync(join(tmpdir(), 'fillwatch-harness-')) : undefined;
  const journalPath = options.db ?? join(scratch!, 'journal.db');
  const clipboard: string[] = [];
  const pickFile: PickFile = (purpose) => {
    const file = options.files?.[purpose];
    if (file === undefined) return Promise.reject(new PickedFileError(`The harness has no file dialog: start it with ${FLAG[purpose]} PATH to choose that file.`));
    log(`open dialog (${purpose}) → ${file}`);
    return Promise.resolve(file);
  };
  const runtime = await AppRuntime.start({
    dataDir: options.dataDir ?? dirname(journalPath),
    journalPath,
    demoJournalPath: journalPath,
    demo: options.demo ?? false,
    keychain: options.keychain ?? keytarKeychain(),
    pickFile,
    saveFile: ({ defaultName }) => {
      if (options.exportDir === undefined) return Promise.reject(new PickedFileError('The harness has no save dialog: start it with --export-dir FOLDER to export History there.'));
      log(`save dialog → ${join(options.exportDir, defaultName)}`);
      return Promise.resolve(join(options.exportDir, defaultName));
    },
    writeClipboard: (text) => { clipboard.push(text); log(`clipboard ← ${text.split('\n')[0]}…`); },
    ...(options.notificationsPath === undefined ? {} : { notificationsPath: options.notificationsPath }),
    ...(options.keys === undefined ? {} : { keys: options.keys }),
    log,
  });
  // No desktop here: notifications go to the page, which lists them in its toast log.
  const notifications = new Emitter<NotificationWire>();
  const sink = runtime.addNotificationSink({ show: (n) => notifications.fire(n) });
  let server;
  try {
    server = await startHarnessServer({
      port: options.port, rendererDir: RENDERER_DIR, bridgeFile: BRIDGE_FILE, handlers: runtime.handlers, onBatch: runtime.onBatch,
      onNotification: notifications.event, onResync: runtime.onResync, onExportProgress: runtime.onExportProgress, log,
    });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    origin: server.origin,
    get journalPath() { return runtime.journalPath; },
    get services() { return runtime.services; },
    runtime,
    clipboard,
    close: () => closing ??= (async () => {
      sink.dispose();
      await server.close();
      await runtime.close();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    })(),
  };
}
