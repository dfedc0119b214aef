#!/usr/bin/env bash
# Setup of a fresh machine, idempotent and quick to repeat: system packages, Node 24, npm ci. Each
# step is skipped when already done (packages installed, Node present, node_modules matching the
# lock file and Node: scripts/needs-install.sh), so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: keytar's build (libsecret), a real keychain daemon for its tests
# (gnome-keyring + dbus), and the Chromium the renderer tests drive.
apt_packages=(libsecret-1-dev pkg-config python3 make g++ gnome-keyring dbus chromium)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: apt-get install ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

source scripts/toolchain.sh
echo "setup: node $(node --version), npm $(npm --version)" >&2
if why=$(bash scripts/needs-install.sh); then
  echo "setup: npm ci ($why)" >&2
  # Electron's binary is fetched lazily on first `electron` run (not at install), so
  # `npm ci` works offline; users' machines fetch it when they first `npm start`.
  npm ci --no-audit --no-fund --loglevel=error
  bash scripts/needs-install.sh --stamp
else
  echo "setup: node_modules $why" >&2
fi
