// read-input-file.ts — reads a file the user named on the command line, failing with one clear line.
import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from './cli-error.ts';

export function readInputFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the ${what} "${path}": ${fsReason(error)}`, ExitCode.usage);
  }
}

/** A file-system error in words a user can act on. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    case 'ENOSPC': return 'the disk is full';
    case 'EROFS': return 'the file system is read-only';
    default: return String(code ?? error);
  }
}
