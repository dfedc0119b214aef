#!/usr/bin/env bash
# Sets up a fresh machine (idempotent) and runs Fillwatch in demo mode: the built-in Kalshi simulator
# with a generated demo key and a steady flow of fills. Where Electron's binary is installed, that is
# the desktop app (`npm start`); where it cannot be (these machines), the app harness serves the same
# app to a browser and prints its URL. `--recorder` runs the headless recorder demo instead.
# Ctrl-C to stop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/toolchain.sh
if [ "${1:-}" = "--recorder" ]; then
  shift
  exec node scripts/demo.ts "$@"
fi
# electron's package records its binary in path.txt once the download succeeded.
if [ -f node_modules/electron/path.txt ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec npm start
fi
echo "demo: Electron's binary is not available here; serving the app to a browser instead" >&2
exec npm run harness -- --demo "$@"
