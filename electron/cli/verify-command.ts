// verify-command.ts — `fillwatch verify --db F`: recomputes the journal's hash chain and names the
// first broken row. Exit 0 intact, 5 tampered or damaged.
import { parseArgs } from 'node:util';
import { verifyJournal, JournalError } from '../core/journal/index.ts';
import { CliError, ExitCode } from './cli-error.ts';

export const verifyUsage = 'fillwatch verify --db journal.db';

export function runVerify(argv: string[], out: (line: string) => void): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true });
  if (values.db === undefined) throw new CliError(`--db is required: ${verifyUsage}`, ExitCode.usage);
  let result;
  try {
    result = verifyJournal(values.db);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot verify "${values.db}": ${error.message}`, ExitCode.runtime);
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
