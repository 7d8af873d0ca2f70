#!/usr/bin/env bash
# SQL injection check (issue 6): sqlmap (Debian package, installed when missing) against the API's
# query, path and JSON body parameters, signed in as an officer, on a throwaway server with the
# demo data. Prints one line "sqlmap: targets=N injectable=M" and exits non-zero when sqlmap
# reports anything injectable. Usage: scripts/sqlmap.sh [SERVER_BINARY]
# (default build/release/server/server; `make run` builds it). sqlmap's logs: var/sqlmap/.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/server/server}"
[ -x "$bin" ] || { echo "sqlmap.sh: no server binary at $bin (run make run first)" >&2; exit 2; }
command -v sqlmap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends sqlmap >/dev/null
work="$root/var/sqlmap"
rm -rf "$work" && mkdir -p "$work"

"$bin" --db "$work/patrol.db" --port 0 --today 2026-11-26 --data-dir "$root/data" \
  --web-dir "$root/web" --seed-demo --demo-lists 50 >"$work/server.out" 2>"$work/server.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
port=""
for _ in $(seq 1 600); do  # the demo seeds first; the port line follows
  port=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+)$|\1|p' "$work/server.out")
  [ -n "$port" ] && break
  kill -0 $server 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.5
done
[ -n "$port" ] || { echo "sqlmap.sh: the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port/api/v1"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"officer","password":"Officer#2026demo"}' "$base/auth/login" |
  sed -nE 's/^Set-Cookie: (patrol_session=[^;]*).*/\1/Ip' | tr -d '\r')
[ -n "$cookie" ] || { echo "sqlmap.sh: cannot sign in" >&2; exit 1; }

# Each target: URL (with * where sqlmap injects) and, for POST, a JSON body.
targets=(
  "$base/enterprises?q=hnby*"
  "$base/declarations?status=released&ebc=4101460012*&order_no=ORD*&from=2026-11-01&to=2026-11-30"
  "$base/declarations/1*"
  "$base/messages?type=CEB311&order_no=ORD*&guid=G*&state=current&business_key=K*"
  "$base/goods?q=8510*&enterprise_id=1"
  "$base/audit?object_type=declaration*&object_id=1&action=screening"
  "$base/findings?status=open*&outcome=&q=x"
  "$base/gate-passes?status=held*&passport_no=P1"
  "$base/shops?q=shop*"
  "$base/risk/runs/1/hits?model=SPLIT_UNDER_LIMIT*"
)
posts=(
  "$base/auth/login|{\"username\":\"officer*\",\"password\":\"x\"}"
  "$base/check/identifier|{\"kind\":\"uscc*\",\"value\":\"91410100MA00000000\"}"
)
injectable=0 n=0
run() {  # run URL [sqlmap options...]
  n=$((n + 1))
  local url=$1 log="$work/target-$n.log"
  shift
  sqlmap -u "$url" "$@" --cookie="$cookie" --batch --dbms=SQLite --level=3 --risk=2 \
    --flush-session --output-dir="$work/out" --disable-coloring >"$log" 2>&1
  if grep -qiE "parameter '.*' is vulnerable|sqlmap identified the following injection" "$log"; then
    injectable=$((injectable + 1))
    echo "sqlmap: INJECTABLE: $url (see $log)" >&2
  elif grep -qiE "all tested parameters do not appear to be injectable" "$log"; then
    echo "sqlmap: $url: not injectable" >&2
  else
    injectable=$((injectable + 1))  # a target sqlmap could not test counts against us
    echo "sqlmap: $url: not tested (see $log)" >&2
  fi
}
for t in "${targets[@]}"; do run "$t"; done
# A wrong password is 401 and repeated ones 429: expected answers here, not errors.
for p in "${posts[@]}"; do
  run "${p%%|*}" --data="${p#*|}" --headers="Content-Type: application/json" --ignore-code=401,429
done
echo "sqlmap: targets=$n injectable=$injectable"
[ "$injectable" = 0 ]
