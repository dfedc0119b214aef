// evidence-command.ts — `fillwatch evidence --db F --alert ID --out DIR`: writes one alert's evidence
// pack (core/alerts/evidence-pack.ts) into DIR, which must not exist or be empty. The pack is filled in
// a hidden folder beside DIR, the export is recorded in the journal's audit chain (with the SHA-256 of
// every file, manifest.json included), and only then is the folder renamed to DIR: a pack the journal
// does not know of never appears.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildEvidencePack, describeFile } from '../core/alerts/evidence-pack.ts';
import { alertFailure, openAlertJournal, osUser, partFolder, publishFolder, writePackFiles, type ExportEnv } from './alert-journal.ts';
import { ExitCode } from './cli-error.ts';
import { parseFlags, requireFlag } from './parse-flags.ts';

export const evidenceUsage = 'fillwatch evidence --db journal.db --alert ALERT_ID --out DIR';

export function runEvidence(argv: string[], out: (line: string) => void, env: ExportEnv = {}): number {
  const values = parseFlags(argv, { db: { type: 'string' }, alert: { type: 'string' }, out: { type: 'string' } });
  const db = requireFlag('db', values.db);
  const alertId = requireFlag('alert', values.alert);
  const dir = requireFlag('out', values.out);
  const store = openAlertJournal(db);
  try {
    const at = (env.now ?? Date.now)();
    const user = env.user ?? osUser();
    let files;
    try {
      files = buildEvidencePack(store, alertId, { at, user, journalPath: resolve(db) });
    } catch (error) {
      throw alertFailure(error, db);
    }
    const part = partFolder(dir);
    try {
      writePackFiles(part, files);
      try {
        store.recordExport({ command: 'evidence', alertId, user, format: 'pack', filter: {}, files: files.map(describeFile), at });
      } catch (error) {
        throw alertFailure(error, db);
      }
      publishFolder(part, dir);
    } catch (error) {
      rmSync(part, { recursive: true, force: true });
      throw error;
    }
    out(`evidence pack of alert "${alertId}" written to ${dir}: ${files.length} file(s), recorded in the journal`);
  } finally {
    store.close();
  }
  return ExitCode.ok;
}
