#!/usr/bin/env bash
# Installs what building, running and testing CBEC Patrol needs on Debian 12, and nothing twice:
# apt runs only when a package is missing; npm only when the lockfile's packages are not there.
# Works with Debian's Node 18 (nodejs + npm packages) and with a NodeSource Node 20 that already
# ships npm (Debian's npm package would conflict with it, so it is installed only when npm is
# absent). Usage: scripts/install-deps.sh [--with-browser]
set -euo pipefail

with_browser=0
[ "${1:-}" = "--with-browser" ] && with_browser=1

packages=(build-essential cmake ninja-build pkgconf git ca-certificates
  libcpp-httplib-dev libsqlite3-dev libcurl4-openssl-dev libgumbo-dev nlohmann-json3-dev
  doctest-dev libsodium-dev libssl-dev libxml2-dev zlib1g-dev sqlite3 emscripten clang-format
  libjs-chart.js libxgboost-dev clang libclang-rt-14-dev)
[ $with_browser = 1 ] && packages+=(chromium fonts-liberation fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
else
  echo "install-deps: all Debian packages present"
fi

if [ $with_browser = 1 ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  if [ ! -f "$here/tests/web/node_modules/playwright-core/package.json" ]; then
    echo "install-deps: npm ci in tests/web"
    (cd "$here/tests/web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
