#!/usr/bin/env bash
# Does `npm ci` need to run? Run from the project folder with the project's Node on PATH
# (scripts/toolchain.sh). Used by setup.sh so that a second setup takes seconds, not a reinstall.
#   bash scripts/needs-install.sh           exit 0 and print "install needed: WHY", or exit 1 and
#                                           print "up to date" when node_modules matches
#   bash scripts/needs-install.sh --stamp   record that node_modules matches (only after npm ci succeeded)
# The stamp, node_modules/.fillwatch-stamp, holds what the installed tree depends on: the lock file's
# SHA-256, the Node version, and the headers folder native modules (keytar) were built against
# (npm_config_nodedir). npm ci deletes node_modules first, so a failed install leaves no stamp.
set -euo pipefail
shopt -s inherit_errexit # a failing step inside $(…) fails the whole check
stamp=node_modules/.fillwatch-stamp

expected() {
  local lock node
  lock=$(sha256sum package-lock.json | cut -d' ' -f1)
  node=$(node --version)
  printf 'package-lock.json %s\nnode %s\nnpm_config_nodedir %s\n' "$lock" "$node" "${npm_config_nodedir:-}"
}

case "${1:-}" in
  --stamp) expected > "$stamp"; exit 0 ;;
  '') ;;
  *) echo "usage: bash scripts/needs-install.sh [--stamp]" >&2; exit 2 ;;
esac

# When in doubt, install: a check that cannot run must never report "up to date".
trap 'echo "install needed: the check failed"; exit 0' ERR
if [ ! -d node_modules ]; then echo "install needed: no node_modules"; exit 0; fi
if [ ! -f "$stamp" ]; then echo "install needed: node_modules was not installed by setup"; exit 0; fi
want=$(expected)
if [ "$want" = "$(cat "$stamp")" ]; then echo "up to date"; exit 1; fi
# Names what differs, e.g. "package-lock.json changed".
changed=$(diff <(echo "$want") "$stamp" | sed -n 's/^< \([^ ]*\) .*/\1/p' | paste -sd, -) || true
echo "install needed: ${changed:-the stamp} changed"
exit 0
