// output-file.ts — writes a file the user named on the command line (--out, --public-out), failing
// with one clear line. Files are opened synchronously so a bad path is reported before any work,
// never as a stream 'error' event after the command has returned.
import { createWriteStream, openSync, writeFileSync, type WriteStream } from 'node:fs';
import { CliError, ExitCode } from './cli-error.ts';
import { fsReason } from './read-input-file.ts';

export function writeOutputFile(path: string, what: string, text: string, mode: number): void {
  try {
    writeFileSync(path, text, { mode });
  } catch (error) {
    throw new CliError(`cannot write the ${what} "${path}": ${fsReason(error)}`, ExitCode.usage);
  }
}

export function openOutputStream(path: string, what: string): WriteStream {
  let fd;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw new CliError(`cannot write the ${what} "${path}": ${fsReason(error)}`, ExitCode.usage);
  }
  return createWriteStream('', { fd });
}
