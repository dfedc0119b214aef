#!/usr/bin/env bash
# Runs a command with the project's Node on PATH: `bash scripts/run.sh npm start`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
exec "$@"
