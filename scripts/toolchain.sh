# Sourced, not run: puts the project's Node (24, installed from the npm registry into a
# cache folder, never as a project dependency) first on PATH, and points node-gyp at its
# headers so native modules (keytar) build without reaching nodejs.org.
# Why Node 24: Electron 45's main process runs Node 24; better-sqlite3 13 needs >= 22.
FILLWATCH_NODE_VERSION=24.21.0
FILLWATCH_TOOLCHAIN="${FILLWATCH_TOOLCHAIN:-${XDG_CACHE_HOME:-$HOME/.cache}/fillwatch-toolchain}"
_fw_node="$FILLWATCH_TOOLCHAIN/node_modules/node/bin/node"
if [ ! -x "$_fw_node" ] || [ "$("$_fw_node" --version 2>/dev/null)" != "v$FILLWATCH_NODE_VERSION" ]; then
  echo "toolchain: installing Node $FILLWATCH_NODE_VERSION into $FILLWATCH_TOOLCHAIN" >&2
  mkdir -p "$FILLWATCH_TOOLCHAIN"
  npm install --prefix "$FILLWATCH_TOOLCHAIN" --no-audit --no-fund --loglevel=error \
    "node@$FILLWATCH_NODE_VERSION" >&2 || return 1
fi
export PATH="$FILLWATCH_TOOLCHAIN/node_modules/node/bin:$PATH"
for _fw_headers in "$FILLWATCH_TOOLCHAIN"/node_modules/node/node_modules/node-*; do
  [ -d "$_fw_headers/include/node" ] && export npm_config_nodedir="$_fw_headers"
done
unset _fw_node _fw_headers
