#!/usr/bin/env bash
# Sets up a fresh machine (idempotent) and runs every test, with a real keychain daemon:
# gnome-keyring inside a private D-Bus session and a throwaway, unlocked keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/toolchain.sh
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export FILLWATCH_KEYCHAIN_REQUIRED=1 FILLWATCH_CHROMIUM_REQUIRED=1
HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}" \
  dbus-run-session -- bash -c \
  'echo -n fillwatch-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; npm test "$@"' -- "$@"
