// build-artifacts.ts — what the harness serves, built when missing or older than its sources: the
// renderer (by `electron-vite build`, exactly as the app is built) and the harness's bridge script
// (renderer/harness/bridge.ts, bundled on its own by Vite so the app's bundle never contains it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const BRIDGE_FILE = join(ROOT, 'out/harness/bridge.js');

const RENDERER_SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json'];
const BRIDGE_SOURCES = ['renderer/harness', 'shared/ipc'];

function newestChange(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of paths) if (existsSync(join(ROOT, p))) visit(join(ROOT, p));
  return newest;
}

function isStale(output: string, sources: readonly string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newestChange(sources);
}

export class BuildError extends Error {
  override readonly name = 'BuildError';
}

/** Builds what is missing or stale; says what it does on `log`. */
export async function ensureBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (isStale(join(RENDERER_DIR, 'index.html'), RENDERER_SOURCES)) {
    log('building the app (electron-vite build)…');
    const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
    const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new BuildError(`electron-vite build failed:\n${result.stderr || result.stdout}`);
  }
  if (isStale(BRIDGE_FILE, BRIDGE_SOURCES)) {
    log('building the harness bridge…');
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'warn',
      root: ROOT,
      build: {
        outDir: join(ROOT, 'out/harness'),
        emptyOutDir: true,
        minify: false,
        lib: { entry: join(ROOT, 'renderer/harness/bridge.ts'), formats: ['es'], fileName: () => 'bridge.js' },
      },
    });
  }
}
