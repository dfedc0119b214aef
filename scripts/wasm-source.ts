// wasm-source.ts — the text-find module compiled from its .wat by wabt (what build-wasm.ts writes and
// the test compares with).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

export const TEXT_FIND_DIR = join(import.meta.dirname, '../electron/core/journal/text-find');

export async function compileTextFindWat(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const source = readFileSync(join(TEXT_FIND_DIR, 'text-find.wat'), 'utf8');
  const parsed = wabt.parseWat('text-find.wat', source, { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({ write_debug_names: false }).buffer;
  } finally {
    parsed.destroy();
  }
}
