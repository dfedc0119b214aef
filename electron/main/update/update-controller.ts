// update-controller.ts — automatic updates as one object with everything injected (the updater,
// timers, the question box, the app's state), so tests drive it in plain Node with doubles. It checks
// once shortly after start and then daily (an hourly tick compares the clock, so a laptop asleep at
// the due time checks when it wakes), lets electron-updater download and verify the update (SHA-512
// from the release's latest*.yml; on Windows the installer's Authenticode publisher must match the
// running app's, on macOS Squirrel.Mac checks the new app's code signature: none of that is switched
// off here), then asks before restarting (restart-prompt.ts). "Later" installs on quit. It never
// calls quitAndInstall without a "Restart Now" from the user, and it stops the recorder cleanly
// (Logouts, journal closed) before handing over to the installer.
import type { Disposable } from '../../../shared/events/emitter.ts';
import { RESTART_NOW, restartQuestion, type RestartQuestion } from './restart-prompt.ts';
import { updateBlocker, type UpdateMode } from './update-policy.ts';

/** The part of electron-updater's AppUpdater used here (the real autoUpdater satisfies it). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-available' | 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateTimers {
  now(): number;
  after(ms: number, fn: () => void): () => void;
}

export interface UpdateControllerOptions {
  readonly updater: Updater;
  readonly mode: () => UpdateMode;
  readonly demoActive: () => boolean;
  /** Labels of the accounts logged on (or reconnecting) now. */
  readonly connectedAccounts: () => readonly string[];
  readonly ask: (question: RestartQuestion) => Promise<number>;
  /** A manual check's outcome ("You are up to date", an error) shown to the user. */
  readonly tell: (message: string, detail?: string) => void;
  /** Logs every account out and closes the journal; resolves when done. */
  readonly stopRecording: () => Promise<void>;
  readonly timers: UpdateTimers;
  readonly log: (line: string) => void;
  /** The running version (a check that finds it again is "up to date"). */
  readonly currentVersion: string;
}

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1_000;
export const TICK_MS = 60 * 60 * 1_000;

export type UpdateStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly manual: boolean }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'asking'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'restarting'; readonly version: string };

export class UpdateController implements Disposable {
  readonly #o: UpdateControllerOptions;
  #status: UpdateStatus = { kind: 'idle' };
  #lastCheckAt: number | null = null;
  #cancelTimer: (() => void) | undefined;
  #disposed = false;
  readonly #listeners = new Set<() => void>();

  constructor(options: UpdateControllerOptions) {
    this.#o = options;
    const { updater } = options;
    updater.autoDownload = true; // downloads in the background; installing waits for the user
    updater.autoInstallOnAppQuit = true; // "Later" = when the user quits
    updater.allowDowngrade = false; // an older signed build is never "an update"
    updater.allowPrerelease = false;
    updater.on('update-available', (info) => this.#set({ kind: 'downloading', version: info.version }));
    updater.on('update-not-available', () => {
      const manual = this.#status.kind === 'checking' && this.#status.manual;
      this.#set({ kind: 'idle' });
      if (manual) this.#o.tell(`Fillwatch ${this.#o.currentVersion} is the newest version.`);
    });
    updater.on('update-downloaded', (info) => void this.#downloaded(info.version));
    updater.on('error', (error) => {
      const manual = this.#status.kind === 'checking' && this.#status.manual;
      this.#o.log(`update: ${error.message}`);
      if (this.#status.kind === 'checking' || this.#status.kind === 'downloading') this.#set({ kind: 'idle' });
      if (manual) this.#o.tell('Could not check for updates.', error.message);
    });
  }

  get status(): UpdateStatus {
    return this.#status;
  }

  /** Called by the menu to rebuild itself when the status changes. */
  onChange(listener: () => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** First check FIRST_CHECK_DELAY_MS after start (the window and accounts come first), then daily. */
  start(): void {
    this.#schedule(FIRST_CHECK_DELAY_MS);
  }

  /** An automatic check if due (or `manual`: Help → Check for Updates…). Returns what stopped it, or null. */
  async check(manual = false): Promise<string | null> {
    if (this.#disposed) return 'stopped';
    const blocker = updateBlocker({ mode: this.#o.mode(), manual, demoActive: this.#o.demoActive() });
    if (blocker !== null) {
      this.#o.log(`update: no check (${blocker})`);
      if (manual) this.#o.tell('Updates are not checked now.', blocker);
      return blocker;
    }
    if (this.#status.kind === 'ready' && manual) {
      void this.#askToRestart(this.#status.version);
      return null;
    }
    if (this.#status.kind !== 'idle') return `busy (${this.#status.kind})`;
    this.#lastCheckAt = this.#o.timers.now();
    this.#set({ kind: 'checking', manual });
    try {
      await this.#o.updater.checkForUpdates();
    } catch (error) {
      // electron-updater also emits 'error' for most failures; this catches the rest.
      if (this.status.kind === 'checking') { // unless an 'error' event already reset it
        this.#set({ kind: 'idle' });
        this.#o.log(`update: check failed: ${error instanceof Error ? error.message : String(error)}`);
        if (manual) this.#o.tell('Could not check for updates.', error instanceof Error ? error.message : String(error));
      }
    }
    return null;
  }

  /** Help → Restart to Install Update: asks again (the user may still say Later). */
  restartToUpdate(): void {
    if (this.#status.kind === 'ready') void this.#askToRestart(this.#status.version);
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancelTimer?.();
    this.#listeners.clear();
  }

  #schedule(delay: number): void {
    this.#cancelTimer?.();
    if (this.#disposed) return;
    this.#cancelTimer = this.#o.timers.after(delay, () => {
      const due = this.#lastCheckAt === null || this.#o.timers.now() - this.#lastCheckAt >= CHECK_INTERVAL_MS;
      if (due) void this.check(false);
      this.#schedule(TICK_MS);
    });
  }

  async #downloaded(version: string): Promise<void> {
    this.#set({ kind: 'ready', version });
    await this.#askToRestart(version);
  }

  async #askToRestart(version: string): Promise<void> {
    if (this.#disposed) return;
    this.#set({ kind: 'asking', version });
    let answer: number;
    try {
      answer = await this.#o.ask(restartQuestion(version, this.#o.connectedAccounts()));
    } catch (error) {
      this.#o.log(`update: could not ask to restart: ${String(error)}`);
      answer = -1;
    }
    if (answer !== RESTART_NOW || this.#disposed) {
      this.#set({ kind: 'ready', version }); // installs on quit; Help offers the restart again
      return;
    }
    this.#set({ kind: 'restarting', version });
    try {
      await this.#o.stopRecording();
    } catch (error) {
      this.#o.log(`update: stopping the recorder before the restart failed: ${String(error)}`);
    }
    this.#o.updater.quitAndInstall(false, true);
  }

  #set(status: UpdateStatus): void {
    this.#status = status;
    for (const l of [...this.#listeners]) {
      try { l(); } catch (error) { this.#o.log(`update: a listener failed: ${String(error)}`); }
    }
  }
}
