// atomic-file.ts — how main writes its small settings files (accounts, notification rules, window
// bounds): a temp file beside the target, fsync, rename over it, fsync of the folder, so a crash or a
// full disk leaves the old file or the new one, never half of either. Mode 0600: settings are the
// user's business even when they hold no secret.
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Replaces `path` with `text` atomically; on failure the old file is untouched and the temp removed. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const file = await open(temp, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; not possible on every platform (Windows), so best effort.
  try {
    const dir = await open(folder, 'r');
    try { await dir.sync(); } finally { await dir.close(); }
  } catch { /* best effort */ }
}
