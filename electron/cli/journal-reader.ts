// journal-reader.ts — the journal opened read-only for a command that only reads it (export, pnl,
// surveil): a file that is missing or not a journal is the CLI's one-line runtime error, naming the file.
import { JournalError, openJournalReader, type JournalReader } from '../core/journal/index.ts';
import { CliError, ExitCode } from './cli-error.ts';

export function openReaderFor(path: string): JournalReader {
  try {
    return openJournalReader(path);
  } catch (error) {
    if (error instanceof JournalError) throw new CliError(`cannot read "${path}": ${error.message}`, ExitCode.runtime);
    throw error;
  }
}
