// The built main process (out/main/index.js, what `npm start` runs under Electron) started under plain
// Node with `electron` replaced by a stand-in: the bundle loads, finds its preload and renderer, serves
// the page through app:// with the CSP, starts demo mode with the recorder in its bundled worker
// (out/main/recorder-worker.js), answers app.snapshot through the IPC door, refuses a foreign sender,
// and quits only after the recorder stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt } from '../../electron/harness/build-artifacts.ts';

const ROOT = join(import.meta.dirname, '../..');

test('the bundled main process starts, serves, answers and stops (electron stood in for)', { timeout: 120_000 }, async () => {
  await ensureBuilt();
  const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'support/electron-stand-in-hooks.ts'), join(ROOT, 'out/main/index.js')], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  assert.equal(report['error'], undefined);
  assert.equal(report['loadedUrl'], 'app://fillwatch/index.html');
  assert.equal(report['preloadExists'], true, 'the window points at the built preload (out/preload/index.cjs)');
  assert.equal(report['sandbox'], true);
  assert.equal(report['pageStatus'], 200);
  assert.match(String(report['pageCsp']), /^default-src 'none'; script-src 'self'/);
  assert.equal(report['pageHasRoot'], true);
  assert.equal((report['foreign'] as { error: { kind: string } }).error.kind, 'forbidden-sender');
  assert.deepEqual(report['snapshot'], { executions: 5, demo: { active: true, accountIds: ['demo-1', 'demo-2'], reportsPerSecond: 2 } });
  const steps = report['steps'] as string[];
  assert.equal(steps[0], 'scheme registered', 'the scheme is registered before anything else');
  assert.deepEqual(report['appMenu'], ['&File', '&Edit', '&View', '&Window', '&Help'], 'the app menu is set');
  assert.ok(steps.includes('tray'), 'the tray icon is up');
  assert.match(String(report['trayTooltip']), /^Fillwatch: /);
  assert.deepEqual(steps.slice(-2), ['quit waits for the recorder', 'quit']);
});
