// verify-command.ts — `fillwatch verify --db F`: recomputes the journal's hash chain and names the
// first broken row. Exit 0 intact, 5 tampered or damaged.
import { verifyJournal, JournalError } from '../core/journal/index.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { parseFlags, requireFlag } from './parse-flags.ts';

export const verifyUsage = 'fillwatch verify --db journal.db';

export function runVerify(argv: string[], out: (line: string) => void): number {
  const db = requireFlag('db', parseFlags(argv, { db: { type: 'string' } }).db);
  let result;
  try {
    result = verifyJournal(db);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot verify "${db}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
  if (result.ok) {
    out(`journal intact: ${result.rows} message row(s) verified`);
    return ExitCode.ok;
  }
  const row = result.firstBrokenRow;
  const when = row.receivedAt === null ? '' : `, received ${new Date(row.receivedAt).toISOString()}`;
  const seq = row.msgSeqNum === null ? '' : `, MsgSeqNum ${row.msgSeqNum}`;
  throw new CliError(`journal BROKEN at row ${row.id}${seq}${when}: ${result.description}`, ExitCode.tampered);
}
