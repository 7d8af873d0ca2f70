#!/usr/bin/env bash
# `make run`: starts the server on the release build with the demo database (created and seeded
# on first start). Ctrl-C stops it cleanly. PORT, HOST and DB come from the Makefile.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p "$(dirname "${DB:-var/patrol.db}")"
exec build/release/server/server \
  --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}" --db "${DB:-var/patrol.db}" \
  --data-dir data --web-dir web --wasm-dir build/wasm/wasm-ui --seed-demo --demo-lists 300
