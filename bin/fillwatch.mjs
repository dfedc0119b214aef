#!/usr/bin/env node
// Launcher for the `fillwatch` command: runs the TypeScript CLI directly (Node >= 22.18 strips types).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`fillwatch: needs Node 22.18 or newer (this is ${process.version}); run "bash scripts/setup.sh" and use scripts/run.sh`);
  process.exit(2);
}
const { runCli, processIo } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo);
