// read-input-file.ts — reads a file the user named on the command line, failing with one clear line.
import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from './cli-error.ts';

export function readInputFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new CliError(`cannot read the ${what} "${path}": ${why}`, ExitCode.usage);
  }
}
