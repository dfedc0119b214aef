// auto-update.ts — the glue between Electron's main and UpdateController: reads the policy file, the
// environment and updates.json once at start, builds the controller with the real updater (loaded on
// demand: electron-updater is never imported by an unpackaged app, the harness or the tests), and
// answers the Help menu's items. electron-app.ts calls startAutoUpdate once the runtime runs.
import type { Disposable } from '../../../shared/events/emitter.ts';
import type { RestartQuestion } from './restart-prompt.ts';
import { UpdateController, type Updater, type UpdateStatus, type UpdateTimers } from './update-controller.ts';
import { automaticLabel, policyFilePath, updateMode, type UpdateMode } from './update-policy.ts';
import { readPolicy, readUpdateSettings, writeUpdateSettings } from './update-settings.ts';

/** What the Help menu shows about updates (shell/app-menu.ts). */
export interface UpdateMenuState {
  /** Help → Check for Updates… enabled. */
  readonly canCheck: boolean;
  readonly automatic: boolean;
  readonly automaticLabel: string;
  /** The automatic item is greyed out (dev, policy or environment decides). */
  readonly locked: boolean;
  /** A downloaded, verified update waits for a restart. */
  readonly readyVersion: string | null;
}

export interface AutoUpdate extends Disposable {
  menuState(): UpdateMenuState;
  onChange(listener: () => void): Disposable;
  checkNow(): void;
  setAutomatic(on: boolean): void;
  restartToUpdate(): void;
}

export interface AutoUpdateOptions {
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** updates.json in the app's data folder. */
  readonly settingsPath: string;
  /** Default: policyFilePath(platform, env). */
  readonly policyPath?: string;
  readonly loadUpdater: () => Promise<Updater>;
  readonly currentVersion: string;
  readonly demoActive: () => boolean;
  readonly connectedAccounts: () => readonly string[];
  readonly ask: (question: RestartQuestion) => Promise<number>;
  readonly tell: (message: string, detail?: string) => void;
  readonly stopRecording: () => Promise<void>;
  readonly timers?: UpdateTimers;
  readonly log: (line: string) => void;
}

export const realTimers: UpdateTimers = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export async function startAutoUpdate(options: AutoUpdateOptions): Promise<AutoUpdate> {
  const policy = await readPolicy(options.policyPath ?? policyFilePath(options.platform, options.env));
  if (policy.kind === 'invalid') options.log(`update: the policy file cannot be read (${policy.problem}); updates stay off`);
  let settings = await readUpdateSettings(options.settingsPath);
  const mode = (): UpdateMode => updateMode({ packaged: options.packaged, policy, env: options.env, automatic: settings.automatic });
  const listeners = new Set<() => void>();
  const changed = () => { for (const l of [...listeners]) l(); };

  // The updater is loaded only when a check may ever run: never in dev, never when locked off.
  let controller: UpdateController | undefined;
  if (mode().manual) {
    try {
      controller = new UpdateController({
        updater: await options.loadUpdater(),
        mode, demoActive: options.demoActive, connectedAccounts: options.connectedAccounts,
        ask: options.ask, tell: options.tell, stopRecording: options.stopRecording,
        timers: options.timers ?? realTimers, log: options.log, currentVersion: options.currentVersion,
      });
      controller.onChange(changed);
      controller.start();
    } catch (error) {
      options.log(`update: the updater could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    options.log(`update: off (${mode().reason})`);
  }

  const ready = (status: UpdateStatus | undefined) => (status?.kind === 'ready' ? status.version : null);
  return {
    menuState: () => {
      const m = mode();
      return { canCheck: m.manual && controller !== undefined, automatic: m.automatic, automaticLabel: automaticLabel(m), locked: m.locked, readyVersion: ready(controller?.status) };
    },
    onChange: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    checkNow: () => {
      if (controller === undefined) options.tell('Updates are not checked now.', `updates are off (${mode().reason})`);
      else void controller.check(true);
    },
    setAutomatic: (on) => {
      if (mode().locked) return;
      settings = { automatic: on };
      changed();
      writeUpdateSettings(options.settingsPath, settings).catch((error: unknown) => options.log(`update: could not save updates.json: ${String(error)}`));
    },
    restartToUpdate: () => controller?.restartToUpdate(),
    dispose: () => {
      controller?.dispose();
      listeners.clear();
    },
  };
}
