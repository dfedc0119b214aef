// notification-state-file.ts — what notifications must remember across restarts, in one small JSON
// file in the app's data folder: the user's rules, and per journal and account the journal position
// already notified (so no execution is ever notified twice), and per journal the surveillance alerts
// already notified (by id; the newest MAX_NOTIFIED_ALERTS kept). Written atomically: a temp file beside
// it, fsync, rename, then fsync the folder (storage/atomic-file.ts), so a crash leaves the old file or the new one.
// A missing or unreadable file means defaults (an unreadable one is kept aside as `.bad`, not lost).
import { readFileSync, renameSync } from 'node:fs';
import { notificationRulesSchema } from '../../../shared/ipc/contract.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { DEFAULT_NOTIFICATION_RULES, type NotificationRules } from '../../../shared/notifications/notification-rules.ts';

export interface NotificationState {
  readonly rules: NotificationRules;
  /** Journal file → account id → the last journal position notified. Positions belong to one journal. */
  readonly notifiedUpTo: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Journal file → ids of the surveillance alerts notified, oldest first. */
  readonly notifiedAlerts: Readonly<Record<string, readonly string[]>>;
}

/** Alert ids kept per journal: far more than can be raised between two runs, so none repeats. */
export const MAX_NOTIFIED_ALERTS = 5_000;

const VERSION = 1;

export function defaultNotificationState(): NotificationState {
  return { rules: DEFAULT_NOTIFICATION_RULES, notifiedUpTo: {}, notifiedAlerts: {} };
}

/** Reads the state, or defaults (and `problem` says why) when the file is missing or not ours. */
export function readNotificationState(path: string): { state: NotificationState; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: defaultNotificationState() };
    return { state: defaultNotificationState(), problem: `could not read ${path}: ${String(error)}` };
  }
  try {
    const value = JSON.parse(text) as { version?: unknown; rules?: unknown; notifiedUpTo?: unknown; notifiedAlerts?: unknown };
    if (value.version !== VERSION) throw new Error(`unknown version ${String(value.version)}`);
    const rules = notificationRulesSchema.parse(value.rules) as NotificationRules;
    const notifiedUpTo: Record<string, Record<string, number>> = {};
    for (const [journal, accounts] of Object.entries(value.notifiedUpTo as Record<string, unknown>)) {
      const positions: Record<string, number> = {};
      for (const [account, position] of Object.entries(accounts as Record<string, unknown>)) {
        if (!Number.isSafeInteger(position) || (position as number) < 0) throw new Error(`bad position for ${account}`);
        positions[account] = position as number;
      }
      notifiedUpTo[journal] = positions;
    }
    const notifiedAlerts: Record<string, string[]> = {};
    // Absent in files written before surveillance alerts were notified.
    for (const [journal, ids] of Object.entries((value.notifiedAlerts ?? {}) as Record<string, unknown>)) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error(`bad alert ids for ${journal}`);
      notifiedAlerts[journal] = (ids as string[]).slice(-MAX_NOTIFIED_ALERTS);
    }
    return { state: { rules, notifiedUpTo, notifiedAlerts } };
  } catch (error) {
    // Keep the unreadable file for a person to look at; start from defaults.
    try { renameSync(path, `${path}.bad`); } catch { /* best effort */ }
    return { state: defaultNotificationState(), problem: `${path} was not readable (${error instanceof Error ? error.message : String(error)}); kept as .bad, using defaults` };
  }
}

function serialize(state: NotificationState): string {
  return `${JSON.stringify({ version: VERSION, rules: state.rules, notifiedUpTo: state.notifiedUpTo, notifiedAlerts: state.notifiedAlerts }, null, 2)}\n`;
}

/** Atomic replace (storage/atomic-file.ts). */
export async function writeNotificationState(path: string, state: NotificationState): Promise<void> {
  await writeFileAtomic(path, serialize(state));
}
