// update-policy.ts — whether Fillwatch may look for updates, decided from plain data (pure: tested in
// plain Node). Three voices, strongest first:
//   1. the machine's policy file, written by a firm's administrator for a managed install
//      (policyFilePath; {"autoUpdate": false}); a file that exists but cannot be read turns updates
//      OFF: an administrator meant to say something, and guessing "on" would override them;
//   2. the environment: FILLWATCH_AUTO_UPDATE=0|false|off (a deployment script, a locked-down image);
//   3. the user's own setting (Help → Update Automatically, kept in updates.json).
// Policy and environment also lock the menu item, so the user cannot turn updates back on. An
// unpackaged app (electron-vite dev/preview, tests) never checks; neither does demo mode (decided at
// each check: updateBlocker) nor the harness, which never starts the updater at all.
import { join } from 'node:path';

export interface UpdatePolicyFile {
  /** false: no checks, no downloads, the menu item locked off. */
  readonly autoUpdate?: boolean;
}

export type PolicyRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly policy: UpdatePolicyFile }
  | { readonly kind: 'invalid'; readonly problem: string };

export interface UpdateModeInputs {
  readonly packaged: boolean;
  readonly policy: PolicyRead;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's Help → Update Automatically (default on). */
  readonly automatic: boolean;
}

export interface UpdateMode {
  /** Automatic checks (on start, then daily). */
  readonly automatic: boolean;
  /** Help → Check for Updates… may run (false only for dev or when locked off). */
  readonly manual: boolean;
  /** The user's setting is overridden (policy or environment): the menu item is disabled. */
  readonly locked: boolean;
  /** Why, for the log and the menu's label. */
  readonly reason: 'dev' | 'policy' | 'policy-unreadable' | 'environment' | 'setting' | 'on';
}

export const UPDATE_ENV = 'FILLWATCH_AUTO_UPDATE';
const OFF_WORDS = new Set(['0', 'false', 'off', 'no', 'never']);

export function updateMode(inputs: UpdateModeInputs): UpdateMode {
  if (!inputs.packaged) return { automatic: false, manual: false, locked: true, reason: 'dev' };
  if (inputs.policy.kind === 'invalid') return { automatic: false, manual: false, locked: true, reason: 'policy-unreadable' };
  if (inputs.policy.kind === 'ok' && inputs.policy.policy.autoUpdate === false) return { automatic: false, manual: false, locked: true, reason: 'policy' };
  const env = inputs.env[UPDATE_ENV]?.trim().toLowerCase();
  if (env !== undefined && OFF_WORDS.has(env)) return { automatic: false, manual: false, locked: true, reason: 'environment' };
  if (!inputs.automatic) return { automatic: false, manual: true, locked: false, reason: 'setting' };
  return { automatic: true, manual: true, locked: false, reason: 'on' };
}

/** Parses the policy file's text (null: no file). Unknown keys are ignored; a wrong type is a problem. */
export function parsePolicy(text: string | null): PolicyRead {
  if (text === null) return { kind: 'absent' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid', problem: 'expected a JSON object' };
  const autoUpdate = (value as Record<string, unknown>)['autoUpdate'];
  if (autoUpdate !== undefined && typeof autoUpdate !== 'boolean') return { kind: 'invalid', problem: 'autoUpdate: expected true or false' };
  return { kind: 'ok', policy: autoUpdate === undefined ? {} : { autoUpdate } };
}

/** Where a firm's administrator puts the machine-wide policy (outside any user's reach). */
export function policyFilePath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return join(env['ProgramData'] ?? 'C:\\ProgramData', 'Fillwatch', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Fillwatch/policy.json';
  return '/etc/fillwatch/policy.json';
}

/** What stops one check right now, or null: demo mode (no real account yet) never checks. */
export function updateBlocker(state: { readonly mode: UpdateMode; readonly manual: boolean; readonly demoActive: boolean }): string | null {
  if (state.manual ? !state.mode.manual : !state.mode.automatic) return `updates are off (${state.mode.reason})`;
  if (state.demoActive) return 'demo mode: no update checks until an account is configured';
  return null;
}

/** Labels the menu shows for the automatic-updates item. */
export function automaticLabel(mode: UpdateMode): string {
  if (mode.reason === 'policy' || mode.reason === 'policy-unreadable') return 'Update Automatically (turned off by your administrator)';
  if (mode.reason === 'environment') return `Update Automatically (turned off by ${UPDATE_ENV})`;
  return 'Update Automatically';
}
