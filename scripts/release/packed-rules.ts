// packed-rules.ts — what may and must be inside the packaged app (pure: a list of paths in, problems
// out). The list is what electron-builder really packed (pack-check.ts: app.asar's entries plus
// app.asar.unpacked), so these rules judge the installer's contents, not a guess at them.

export interface PackedApp {
  /** Every file in app.asar, '/'-rooted ('/out/main/index.js', '/node_modules/zod/package.json'). */
  readonly asarFiles: readonly string[];
  /** Every file in app.asar.unpacked, same form. */
  readonly unpackedFiles: readonly string[];
}

export interface PackRules {
  /** package-lock.json paths ('node_modules/vite', 'node_modules/@types/node') needed only for development. */
  readonly devOnlyPackages: ReadonlySet<string>;
}

/** Files the app cannot start without. */
export const REQUIRED_FILES = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/recorder-worker.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
  '/node_modules/electron-updater/package.json',
  '/node_modules/keytar/package.json',
  '/node_modules/better-sqlite3/package.json',
] as const;

/** Of ours, only the three bundles; nothing of the sources, the tests, the harness or the screenshots. */
const OUR_TOP = /^\/(package\.json$|out\/(main|preload|renderer)\/|node_modules\/)/;
const TEST_FILE = /(^|\/)(test|tests|__tests__|spec|specs|fixtures?)\/|\.(test|spec)\.[cm]?[jt]sx?$/i;
const SOURCE_MAP = /\.map$/i;
const SECRET = /(^|\/)(\.env(\..*)?|\.npmrc|id_rsa|id_ed25519|id_ecdsa)$|\.(pem|key|p12|pfx|p8|crt|cer|der|jks|keystore)$/i;
const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/i;

export function packedFileProblems(app: PackedApp, rules: PackRules): string[] {
  const problems: string[] = [];
  const all = [...app.asarFiles, ...app.unpackedFiles];
  for (const file of all) {
    if (!OUR_TOP.test(file)) problems.push(`${file}: not part of the app (only out/main, out/preload, out/renderer, package.json and production node_modules)`);
    if (TEST_FILE.test(file)) problems.push(`${file}: a test file`);
    if (SOURCE_MAP.test(file)) problems.push(`${file}: a source map`);
    if (SECRET.test(file)) problems.push(`${file}: a key, certificate or .env file`);
    if (TYPESCRIPT.test(file)) problems.push(`${file}: a TypeScript source`);
    const pkg = packageOf(file);
    if (pkg !== null && rules.devOnlyPackages.has(pkg)) problems.push(`${file}: from ${pkg.slice('node_modules/'.length)}, a development-only package`);
  }
  const present = new Set(all);
  for (const required of REQUIRED_FILES) if (!present.has(required)) problems.push(`${required}: missing`);
  // Native modules must be outside the asar (dlopen cannot read inside it) and present.
  for (const native of ['keytar', 'better-sqlite3']) {
    if (!app.unpackedFiles.some((f) => f.startsWith(`/node_modules/${native}/`) && f.endsWith('.node'))) problems.push(`${native}: no .node file in app.asar.unpacked`);
  }
  for (const file of app.asarFiles) if (file.endsWith('.node')) problems.push(`${file}: a native module inside the asar (asarUnpack)`);
  return problems;
}

/** 'node_modules/a/node_modules/@b/c' for '/node_modules/a/node_modules/@b/c/lib/x.js'; null outside node_modules. */
export function packageOf(file: string): string | null {
  const parts = file.replace(/^\//, '').split('/');
  let end = -1;
  for (let i = 0; i < parts.length - 1; i++) {
    if (parts[i] !== 'node_modules') continue;
    end = parts[i + 1]?.startsWith('@') ? i + 2 : i + 1;
    i = end;
  }
  return end < 0 ? null : parts.slice(0, end + 1).join('/');
}

/** package-lock.json (v2/v3) → every installed path that only development needs (`"dev": true`). */
export function devOnlyPackages(lock: { readonly packages?: Readonly<Record<string, { readonly dev?: boolean }>> }): Set<string> {
  return new Set(Object.entries(lock.packages ?? {}).filter(([path, entry]) => path !== '' && entry.dev === true).map(([path]) => path));
}

/**
 * What the packed main bundle must still contain of security.ts (a bundler or a refactor that drops one
 * would otherwise go unnoticed until a review of the binary): the secure web preferences every window
 * gets, the CSP's default, and the handlers that refuse navigation, new windows and permissions.
 */
export const MAIN_BUNDLE_SECURITY = [
  'contextIsolation: true',
  'sandbox: true',
  'nodeIntegration: false',
  'nodeIntegrationInWorker: false',
  'nodeIntegrationInSubFrames: false',
  'webSecurity: true',
  'allowRunningInsecureContent: false',
  'webviewTag: false',
  '["default-src", ["\'none\'"]]',
  'setWindowOpenHandler(',
  '"will-navigate"',
  'setPermissionRequestHandler(',
] as const;

export function mainBundleProblems(bundle: string): string[] {
  const problems = MAIN_BUNDLE_SECURITY.filter((needle) => !bundle.includes(needle)).map((needle) => `out/main/index.js (packed): no ${needle}`);
  // The opposite settings must appear nowhere in what ships.
  for (const bad of ['nodeIntegration: true', 'contextIsolation: false', 'sandbox: false', 'webSecurity: false', 'allowRunningInsecureContent: true', 'webviewTag: true']) {
    if (bundle.includes(bad)) problems.push(`out/main/index.js (packed): ${bad}`);
  }
  return problems;
}
