// file-picker.ts — the one way a file reaches main from the user: main's own open dialog (Electron's
// dialog, or the harness's stand-in), read by main. Key files never pass through a page. Files are
// small (a PEM); anything larger is refused before it is read.
import { readFile, stat } from 'node:fs/promises';

export type PickPurpose = 'private-key' | 'ca-certificate';

/** Shows an open dialog; resolves with the chosen path, or null when the user cancelled. */
export type PickFile = (purpose: PickPurpose) => Promise<string | null>;

export const MAX_PEM_BYTES = 64 * 1024;

export class PickedFileError extends Error {
  override readonly name = 'PickedFileError';
}

/** The picked file's text, or a PickedFileError saying what is wrong with it. */
export async function readPickedPem(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new PickedFileError(`${path} is not a file; choose the .pem file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof PickedFileError) throw error;
    throw new PickedFileError(`Could not open ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (size > MAX_PEM_BYTES) throw new PickedFileError(`${path} is ${Math.round(size / 1024)} KiB; a PEM key or certificate is a few KiB. Choose the .pem file.`);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new PickedFileError(`Could not read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}
