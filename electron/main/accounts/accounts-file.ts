// accounts-file.ts — the configured accounts (no secret: keys are in the keychain), in accounts.json in
// the app's data folder, written atomically. A file that does not parse is kept aside as `.bad` and
// reported, never silently half-read: the user re-adds accounts, nothing is guessed.
import { readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import type { AccountConfig } from '../../../shared/accounts/account-config.ts';
import { accountConfigSchema } from '../../../shared/accounts/account-schema.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

const VERSION = 1;
const fileSchema = z.strictObject({ version: z.literal(VERSION), accounts: z.array(accountConfigSchema) });

export function readAccountsFile(path: string): { accounts: AccountConfig[]; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { accounts: [] };
    return { accounts: [], problem: `Could not read ${path}: ${(error as Error).message}` };
  }
  try {
    return { accounts: fileSchema.parse(JSON.parse(text)).accounts as AccountConfig[] };
  } catch (error) {
    try { renameSync(path, `${path}.bad`); } catch { /* best effort */ }
    const why = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0] : (error as Error).message;
    return { accounts: [], problem: `${path} is not a valid accounts file (${why}); it was kept as ${path}.bad. Add the accounts again in Settings.` };
  }
}

export async function writeAccountsFile(path: string, accounts: readonly AccountConfig[]): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify({ version: VERSION, accounts }, null, 2)}\n`);
}
