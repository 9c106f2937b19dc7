#!/usr/bin/env bash
# Renders docs/icon.svg to docs/icon.png (256×256, transparent corners) with headless Chromium and a CJK font
# (Debian: chromium, fonts-wqy-zenhei). The PNG is committed; run this only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
page="$(mktemp --suffix=.html)"
trap 'rm -f "$page"' EXIT
printf '<!doctype html><html><body style="margin:0;background:transparent">%s</body></html>' "$(cat docs/icon.svg)" >"$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=256,256 --screenshot=docs/icon.png "file://$page" 2>/dev/null
echo "docs/icon.png"
