// verify-command.ts — `fillwatch verify --db F`: recomputes the journal's hash chains — the messages,
// and the audit chain of alerts, reviews and exports anchored to them — and names the first broken
// message or audit entry (messages first: an audit entry's anchor depends on them). Exit 0 intact,
// 5 tampered or damaged.
import { verifyAll, JournalError, type BrokenEntry } from '../core/journal/index.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { parseFlags, requireFlag } from './parse-flags.ts';

export const verifyUsage = 'fillwatch verify --db journal.db';

export function runVerify(argv: string[], out: (line: string) => void): number {
  const db = requireFlag('db', parseFlags(argv, { db: { type: 'string' } }).db);
  let result;
  try {
    result = verifyAll(db);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot verify "${db}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
  const { messages, audit } = result;
  if (!messages.ok) {
    const row = messages.firstBrokenRow;
    const when = row.receivedAt === null ? '' : `, received ${new Date(row.receivedAt).toISOString()}`;
    const seq = row.msgSeqNum === null ? '' : `, MsgSeqNum ${row.msgSeqNum}`;
    throw new CliError(`journal BROKEN at row ${row.id}${seq}${when}: ${messages.description}`, ExitCode.tampered);
  }
  if (!audit.ok) throw new CliError(`journal BROKEN at audit entry ${audit.firstBrokenEntry.id}${entryDetail(audit.firstBrokenEntry)}: ${audit.description}`, ExitCode.tampered);
  out(`journal intact: ${messages.rows} message row(s) and ${audit.entries} audit entr${audit.entries === 1 ? 'y' : 'ies'} (alerts, reviews, exports) verified`);
  return ExitCode.ok;
}

const WHAT: Readonly<Record<string, string>> = { alert: 'alert', evidence: 'evidence added to alert', review: 'review of alert', export: 'export of alert' };

/** ' (review of alert "X", recorded T)', or '' when the entry is gone. */
function entryDetail(entry: BrokenEntry): string {
  if (entry.kind === null) return '';
  const subject = entry.kind === 'export' && entry.subject === '' ? 'export of the alert list' : `${WHAT[entry.kind] ?? entry.kind} "${entry.subject ?? ''}"`;
  const when = entry.recordedAt === null ? '' : `, recorded ${new Date(entry.recordedAt).toISOString()}`;
  return ` (${subject}${when})`;
}
