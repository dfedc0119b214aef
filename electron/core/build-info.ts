// build-info.ts — which Fillwatch this is: the version (package.json) and the git commit it was built
// from, for the About box and `fillwatch --version`. A bundle (electron-vite build, electron.vite.config.ts)
// has both injected at build time as the constant __FILLWATCH_BUILD__, so a packaged app never runs
// git and cannot read a package.json other than its own; from source (the CLI, tests, the harness)
// the version comes from the repository's package.json and the commit from `git rev-parse`, or
// FILLWATCH_COMMIT when set (a source tarball without .git). Never throws: a commit that cannot be
// found reads 'unknown'.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BuildInfo {
  readonly version: string;
  /** Short commit hash (12 hex digits), or 'unknown'. */
  readonly commit: string;
  /** Where the commit came from: injected by the build, FILLWATCH_COMMIT, git, or nowhere. */
  readonly source: 'build' | 'env' | 'git' | 'unknown';
}

// Replaced by electron-vite's `define` in a bundle; an undeclared global when Node runs the sources.
declare const __FILLWATCH_BUILD__: { readonly version: string; readonly commit: string } | undefined;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMIT = /^[0-9a-f]{7,40}$/;

export interface BuildInfoSources {
  readonly injected?: { readonly version: string; readonly commit: string } | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** The repository folder (default: the one this file is in). */
  readonly root?: string;
  readonly git?: (root: string) => string;
}

let cached: BuildInfo | undefined;

/** This process's build info (worked out once). */
export function buildInfo(): BuildInfo {
  return cached ??= resolveBuildInfo({ injected: typeof __FILLWATCH_BUILD__ === 'undefined' ? undefined : __FILLWATCH_BUILD__ });
}

export function resolveBuildInfo(sources: BuildInfoSources = {}): BuildInfo {
  if (sources.injected !== undefined) return { version: sources.injected.version, commit: shortCommit(sources.injected.commit), source: 'build' };
  const root = sources.root ?? REPO_ROOT;
  const version = packageVersion(root);
  const fromEnv = (sources.env ?? process.env)['FILLWATCH_COMMIT']?.trim().toLowerCase();
  if (fromEnv !== undefined && COMMIT.test(fromEnv)) return { version, commit: shortCommit(fromEnv), source: 'env' };
  try {
    const commit = (sources.git ?? gitHead)(root).trim().toLowerCase();
    if (COMMIT.test(commit)) return { version, commit: shortCommit(commit), source: 'git' };
  } catch { /* not a git checkout, or no git: falls through */ }
  return { version, commit: 'unknown', source: 'unknown' };
}

/** One line: "Fillwatch 0.1.0 (commit 0123456789ab)". */
export function versionLine(info: BuildInfo = buildInfo()): string {
  return `Fillwatch ${info.version} (commit ${info.commit})`;
}

export function gitHead(root: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 });
}

function shortCommit(commit: string): string {
  return COMMIT.test(commit) ? commit.slice(0, 12) : 'unknown';
}

function packageVersion(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
