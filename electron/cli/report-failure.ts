// report-failure.ts — how every command ends on an error: one line on stderr ("fillwatch: …"), the
// usage after it when the command line was wrong, and the exit code. A stack trace is for us, not
// the user: it is printed only with FILLWATCH_DEBUG=1.
import { CliError, ExitCode, UsageError } from './cli-error.ts';
import { fsReason } from './read-input-file.ts';

export function reportFailure(error: unknown, usage: string, err: (line: string) => void, prefix = 'fillwatch'): number {
  if (error instanceof CliError) {
    err(`${prefix}: ${oneLine(error.message)}`);
    if (error instanceof UsageError) err(`usage: ${usage}`);
    return error.exitCode;
  }
  // A file-system error names the path the user gave (e.g. record --out in a missing folder).
  if (isFileError(error)) {
    err(`${prefix}: cannot ${error.syscall ?? 'open'} "${error.path}": ${fsReason(error)}`);
    return ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`${prefix}: unexpected error: ${oneLine(message)} (FILLWATCH_DEBUG=1 shows where)`);
  if (process.env['FILLWATCH_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) err(error.stack);
  return ExitCode.runtime;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

function isFileError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).path === 'string' && typeof (error as NodeJS.ErrnoException).code === 'string';
}
