#!/usr/bin/env bash
# `make run`: starts the demo shops (tests/shops, on 127.0.0.1:18081..18087), the server on the
# release build with the demo database (created and seeded on first start, the shops registered
# with their site profiles), and a crawler daemon that patrols them. Ctrl-C stops all three.
# PORT, HOST and DB come from the Makefile; SHOPS_PORT moves the shops.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-var/patrol.db}"
host="${HOST:-127.0.0.1}"
port="${PORT:-8080}"
shops_port="${SHOPS_PORT:-18081}"
token="$(dirname "$db")/crawler.token"
mkdir -p "$(dirname "$db")"
# A new database gets a new crawler account: an old token would only be refused.
[[ -f "$db" ]] || rm -f "$token"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
build/release/tests/shops/demo-shops --port-base "$shops_port" --seed 2026 --data-dir data \
  --orders-jsonl "$(dirname "$db")/shop-orders.jsonl" &
pids+=($!)
build/release/server/server \
  --host "$host" --port "$port" --db "$db" \
  --data-dir data --web-dir web --wasm-dir build/wasm/wasm-ui --seed-demo --demo-lists 300 \
  --demo-shops "$shops_port" --crawler-token-file "$token" &
server_pid=$!
pids+=("$server_pid")
# The server writes the crawler's token once the demo is seeded (the first start takes a while).
while [[ ! -s "$token" ]] && kill -0 "$server_pid" 2>/dev/null; do sleep 1; done
if [[ -s "$token" ]]; then
  allow=()
  for i in 0 1 2 3 4 5 6; do allow+=(--allow-origin "127.0.0.1:$((shops_port + i))"); done
  # A daemon polls every 10 s and rides out a server that is still starting.
  build/release/crawler/crawler --daemon --poll-seconds 10 --server "http://$host:$port" \
    --token-file "$token" "${allow[@]}" &
  pids+=($!)
fi
wait "$server_pid"
