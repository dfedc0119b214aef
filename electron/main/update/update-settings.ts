// update-settings.ts — the user's update setting (updates.json in the app's data folder, written
// atomically like main's other settings) and the machine's policy file (read only). A missing or
// unreadable updates.json means the default, automatic updates on; the policy file's rules are
// update-policy.ts's.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { parsePolicy, type PolicyRead } from './update-policy.ts';

export interface UpdateSettings {
  readonly automatic: boolean;
}

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { automatic: true };

export function parseUpdateSettings(text: string | null): UpdateSettings {
  if (text === null) return DEFAULT_UPDATE_SETTINGS;
  try {
    const value = JSON.parse(text) as unknown;
    const automatic = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['automatic'] : undefined;
    return typeof automatic === 'boolean' ? { automatic } : DEFAULT_UPDATE_SETTINGS;
  } catch {
    return DEFAULT_UPDATE_SETTINGS;
  }
}

export async function readUpdateSettings(path: string): Promise<UpdateSettings> {
  return parseUpdateSettings(await readOptional(path));
}

export async function writeUpdateSettings(path: string, settings: UpdateSettings): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify({ automatic: settings.automatic }, null, 2)}\n`);
}

export async function readPolicy(path: string): Promise<PolicyRead> {
  try {
    return parsePolicy(await readOptional(path));
  } catch (error) {
    // Exists but cannot be read (permissions): treated as a policy that could not be understood.
    return { kind: 'invalid', problem: error instanceof Error ? error.message : String(error) };
  }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
