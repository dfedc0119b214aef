#!/usr/bin/env bash
# Sets up a fresh machine (idempotent) and runs the demo: a local Kalshi simulator streaming
# execution reports, recorded live by Fillwatch's listener. Ctrl-C to stop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/toolchain.sh
exec node scripts/demo.ts "$@"
