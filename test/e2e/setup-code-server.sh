#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 in a browser) for the editor tests, outside the repository, keyed by version.
# A second run finds it ready and prints its folder at once. Needs root or sudo for the Debian packages.
#
# code-server's own postinstall refuses to run as root, so its steps are done here: the VS Code modules installed
# without scripts, ripgrep taken from Debian (its download fails offline), the native modules rebuilt, and the links
# its postinstall would make.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${NIANBAO_E2E_CACHE:-$HOME/.cache/nianbao-e2e}"
DIR="$CACHE/code-server-$VERSION"
CS="$DIR/node_modules/code-server"

log() { echo "setup-code-server: $*" >&2; }

missing=()
# Chinese text needs a CJK font in the screenshots.
for pkg in libkrb5-dev ripgrep chromium fonts-wqy-zenhei; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ -f "$DIR/.ready" ]; then
  echo "$CS"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"nianbao-e2e-code-server","private":true}' > package.json
log "installing code-server $VERSION"
npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >&2

cd "$CS/lib/vscode"
log "installing VS Code's modules"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules"
npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog \
  --loglevel=error >&2
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh

cd "$CS/lib/vscode/extensions"
log "installing the built-in extensions' modules"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2

# argon2 is hoisted beside code-server.
cd "$DIR"
npm rebuild argon2 --loglevel=error >&2

touch "$DIR/.ready"
log "ready"
echo "$CS"
