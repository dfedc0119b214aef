// alert-journal.ts — what the alert exports (alerts-command.ts, evidence-command.ts) share: the journal
// opened for alerts with the CLI's one-line errors (an export records itself, so it opens read-write,
// but never creates a journal that is not there), who is running the export, and writing the output
// so that nothing appears under the user's name until the export is recorded in the journal.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AlertStore } from '../core/alerts/alert-store.ts';
import { AlertStoreError } from '../core/alerts/alert-input.ts';
import type { PackFile } from '../core/alerts/evidence-pack.ts';
import { JournalError } from '../core/journal/index.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { fsReason } from './read-input-file.ts';

export interface ExportEnv {
  readonly now?: () => number;
  readonly user?: string;
}

export function openAlertJournal(db: string): AlertStore {
  if (!existsSync(db)) throw new CliError(`cannot read "${db}": no such file`, ExitCode.runtime);
  try {
    return AlertStore.open(db);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot read "${db}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
}

/** Store failures as one line: an unknown alert, or a journal that cannot be read or written. */
export function alertFailure(error: unknown, db: string): unknown {
  if (error instanceof AlertStoreError && error.kind === 'unknown-alert') return new CliError(`no alert with id "${error.alertId ?? ''}" in "${db}"`, ExitCode.runtime);
  if (error instanceof JournalError) return new CliError(`cannot record the export in "${db}": ${error.message}`, ExitCode.runtime);
  return error;
}

export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}

/** Writes `path.part`, runs `record`, then renames it over `path`; the part is removed if anything fails. */
export function writeFileRecorded(path: string, bytes: Uint8Array, record: () => void): void {
  const part = `${path}.part`;
  try {
    writeFileSync(part, bytes);
  } catch (error) {
    throw new CliError(`cannot write the export file "${path}": ${fsReason(error)}`, ExitCode.usage);
  }
  try {
    record();
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}

/**
 * A folder for `out` beside it (out must not exist, or be an empty folder), to fill and then
 * publish with publishFolder. Throws the CLI's line when it cannot be made.
 */
export function partFolder(out: string): string {
  const target = resolve(out);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new CliError(`the evidence folder "${out}" already exists and is not empty`, ExitCode.usage);
  }
  try {
    return mkdtempSync(join(dirname(target), `.${basename(target)}.part-`));
  } catch (error) {
    throw new CliError(`cannot write the evidence folder "${out}": ${fsReason(error)}`, ExitCode.usage);
  }
}

export function writePackFiles(folder: string, files: readonly PackFile[]): void {
  for (const file of files) {
    const path = join(folder, ...file.name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
}

/** Moves the filled part folder to `out` (replacing an empty folder there). */
export function publishFolder(part: string, out: string): void {
  const target = resolve(out);
  if (existsSync(target)) rmdirSync(target);
  renameSync(part, target);
}
