// pack-check.ts — packs the app with electron-builder itself, the way a release does, but without
// Electron's binary (it cannot be downloaded here) and without signing: `electron-builder --linux dir`
// with electronDist pointing at a stand-in Electron folder whose "binary" is only the fuse wire
// (@electron/fuses' sentinel, version 1, eight fuses). electron-builder then runs its real pipeline —
// the `files` globs over out/ and the production node_modules it collects, asar + asarUnpack, and
// the fuses flipped in the binary — and the result is read back: app.asar's file list
// (@electron/asar, electron-builder's own dependency), app.asar.unpacked, and the flipped wire.
// npmRebuild is off here (it needs Electron's headers from the internet); the release runners do it.
//   node scripts/release/pack-check.ts        (after `npm run build`; prints a summary, exit 1 on a problem)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { devOnlyPackages, mainBundleProblems, packedFileProblems, type PackedApp } from './packed-rules.ts';

const ROOT = join(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker before the wire
const FUSE_NAMES = [
  'RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges',
] as const;

export interface DryPack extends PackedApp {
  /** Each fuse as the packed binary now has it (true = enabled). */
  readonly fuses: Readonly<Record<(typeof FUSE_NAMES)[number], boolean>>;
  /** out/main/index.js as packed (read back from app.asar). */
  readonly mainBundle: string;
  readonly builderLog: string;
}

export interface DryPackOptions {
  readonly root?: string;
  readonly keep?: boolean;
  /** Also unpacks the packed app (app.asar + app.asar.unpacked, as Electron sees it) into this folder. */
  readonly extractTo?: string;
}

export function dryPack(options: DryPackOptions = {}): DryPack {
  const root = options.root ?? ROOT;
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('out/main/index.js is missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'fw-pack-'));
  try {
    const dist = join(work, 'electron-dist');
    mkdirSync(dist);
    // A stand-in Electron: the wire starts all-enabled ('1'), so every fuse the config turns off shows.
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(SENTINEL), Buffer.from([1, FUSE_NAMES.length]), Buffer.from('1'.repeat(FUSE_NAMES.length))]), { mode: 0o755 });
    writeFileSync(join(dist, 'LICENSE'), 'stand-in\n');
    const output = join(work, 'dist');
    const builderCli = createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js');
    const run = spawnSync(process.execPath, [
      builderCli, '--linux', 'dir', '--x64', '--publish', 'never',
      `-c.electronDist=${dist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`,
    ], { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 300_000 });
    const builderLog = `${run.stdout}${run.stderr}`;
    if (run.status !== 0) throw new Error(`electron-builder failed (exit ${run.status}):\n${builderLog}`);
    const resources = join(output, 'linux-unpacked', 'resources');
    const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
    const asar = fromBuilder('@electron/asar') as {
      listPackage(path: string, options: object): string[];
      statFile(archive: string, file: string): { files?: object; unpacked?: boolean };
      extractFile(archive: string, file: string): Buffer;
      extractAll(archive: string, dest: string): void;
    };
    const archive = join(resources, 'app.asar');
    // Directories out; files kept outside the archive (asarUnpack) are listed from the folder below.
    const asarFiles = asar.listPackage(archive, {}).map((f) => f.split(sep).join('/'))
      .filter((f) => {
        const entry = asar.statFile(archive, f.slice(1));
        return entry.files === undefined && entry.unpacked !== true;
      });
    const unpackedDir = join(resources, 'app.asar.unpacked');
    const unpackedFiles = existsSync(unpackedDir) ? walk(unpackedDir).map((f) => `/${relative(unpackedDir, f).split(sep).join('/')}`) : [];
    const binary = readFileSync(join(output, 'linux-unpacked', 'fillwatch'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const fuses = Object.fromEntries(FUSE_NAMES.map((name, i) => [name, binary[at + 2 + i] === 0x31])) as DryPack['fuses'];
    const mainBundle = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    if (options.extractTo !== undefined) asar.extractAll(archive, options.extractTo);
    return { asarFiles, unpackedFiles, fuses, mainBundle, builderLog };
  } finally {
    if (options.keep !== true) rmSync(work, { recursive: true, force: true });
  }
}

export function lockDevOnly(root = ROOT): Set<string> {
  return devOnlyPackages(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof devOnlyPackages>[0]);
}

/** electron-builder.yml's electronFuses, as the binary must have them after packing. */
export const EXPECTED_FUSES: DryPack['fuses'] = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

export function fuseProblems(fuses: DryPack['fuses']): string[] {
  return FUSE_NAMES.filter((name) => fuses[name] !== EXPECTED_FUSES[name]).map((name) => `fuse ${name} is ${fuses[name] ? 'on' : 'off'} in the packed binary`);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

if (import.meta.main) {
  const packed = dryPack();
  const problems = [...packedFileProblems(packed, { devOnlyPackages: lockDevOnly() }), ...mainBundleProblems(packed.mainBundle), ...fuseProblems(packed.fuses)];
  const ours = packed.asarFiles.filter((f) => !f.startsWith('/node_modules/'));
  const packages = new Set(packed.asarFiles.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3).join('/')));
  console.log(`packed: ${packed.asarFiles.length} files in app.asar (${ours.length} of ours: ${ours.join(' ')}), ${packed.unpackedFiles.length} unpacked (${packed.unpackedFiles.filter((f) => f.endsWith('.node')).join(' ')})`);
  console.log(`production packages (${packages.size}): ${[...packages].sort().join(' ')}`);
  console.log(`fuses in the packed binary: ${Object.entries(packed.fuses).map(([k, v]) => `${k}=${v ? 'on' : 'off'}`).join(' ')}`);
  for (const p of problems) console.log(`problem: ${p}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
  console.log(problems.length === 0 ? 'pack-check: ok' : `pack-check: ${problems.length} problem(s)`);
}
