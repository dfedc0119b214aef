// electron-vite: main and preload bundled for Node/Electron, the renderer by Vite + React.
// The preload is fully bundled (no externals) and CommonJS, because sandboxed preloads cannot require()
// and cannot be ES modules.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolveBuildInfo } from './electron/core/build-info.ts';

const RECORDER_HOST = resolve('electron/core/service/recorder-host.ts');
const WORKER_SOURCE_URL = /new URL\((['"])\.\/recorder-worker\.ts\1, import\.meta\.url\)/;

/**
 * RecorderHost starts its worker from './recorder-worker.ts' beside it, which is right when Node runs
 * the sources. Bundled, the worker is its own entry (out/main/recorder-worker.js, beside index.js), so
 * the URL is pointed there; if the host's source ever changes shape, the build fails instead of the app.
 */
function bundledRecorderWorker(): Plugin {
  return {
    name: 'fillwatch:bundled-recorder-worker',
    enforce: 'pre',
    transform(code, id) {
      if (resolve(id) !== RECORDER_HOST) return null;
      if (!WORKER_SOURCE_URL.test(code)) this.error("recorder-host.ts no longer starts its worker with new URL('./recorder-worker.ts', import.meta.url); update electron.vite.config.ts.");
      return code.replace(WORKER_SOURCE_URL, "new URL('./recorder-worker.js', import.meta.url)");
    },
  };
}

/**
 * The version and commit main shows (About box), fixed at build time: a packaged app cannot run git.
 * FILLWATCH_COMMIT overrides git (a build from a source tarball); see electron/core/build-info.ts.
 */
const BUILD = (({ version, commit }) => ({ version, commit }))(resolveBuildInfo({ root: resolve('.') }));

export default defineConfig({
  main: {
    plugins: [bundledRecorderWorker()],
    define: { __FILLWATCH_BUILD__: JSON.stringify(BUILD) },
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          'recorder-worker': resolve('electron/core/service/recorder-worker.ts'),
        },
      },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
