#!/usr/bin/env bash
# `make test`: installs what is missing, builds the native (ASan+UBSan) and WebAssembly builds,
# runs every suite, and ends with one line "summary: N passed, M failed".
# Suites: core + server + parity (ctest, native), core under node (ctest, wasm), the libFuzzer
# targets (ctest, clang), browser (node).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-deps.sh --with-browser || { echo "summary: 0 passed, 1 failed"; exit 1; }

passed=0
failed=0
failed_suites=()

# Adds the counts ctest printed ("NN% tests passed, F tests failed out of T").
count_ctest() {
  local log=$1 suite=$2 line total fails
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [ -z "$line" ]; then
    failed=$((failed + 1)); failed_suites+=("$suite (no result)"); return
  fi
  fails=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  passed=$((passed + total - fails)); failed=$((failed + fails))
  [ "$fails" = 0 ] || failed_suites+=("$suite")
}

build_and_ctest() {
  local preset=$1 log="build/$1-test.log"
  mkdir -p build
  echo "== $preset: configure + build"
  if ! { cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset"; } >"build/$preset-build.log" 2>&1; then
    tail -40 "build/$preset-build.log"
    failed=$((failed + 1)); failed_suites+=("$preset build"); return 1
  fi
  echo "== $preset: ctest"
  ctest --preset "$preset" -j2 2>&1 | tee "$log" | grep -E 'Test +#|tests passed|FAILED|Failed' || true
  count_ctest "$log" "$preset ctest"
}

build_and_ctest dev
wasm_ok=0
build_and_ctest wasm && wasm_ok=1
# The parsers of outside input under libFuzzer (clang, ASan + UBSan), a fixed budget each.
build_and_ctest fuzz

# Browser suite: real server (dev build), real wasm bundle, headless Debian Chromium.
if [ $wasm_ok = 1 ] && [ -x build/dev/server/server ] && ls tests/web/*.test.mjs >/dev/null 2>&1; then
  echo "== browser: node --test tests/web"
  log=build/browser-test.log
  node --test tests/web/ 2>&1 | tee "$log" | grep -vE '^\s*$' | tail -40
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
  if [ -z "$p" ]; then
    failed=$((failed + 1)); failed_suites+=("browser (no result)")
  else
    passed=$((passed + p)); failed=$((failed + f))
    [ "$f" = 0 ] || failed_suites+=("browser")
  fi
else
  echo "== browser: not run (needs the wasm bundle, the server and tests/web/*.test.mjs)"
  failed=$((failed + 1)); failed_suites+=("browser (not run)")
fi

# What failed, last, so that the tail of the output (all a CI report may keep) says it.
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo
  echo "== failure details"
  for log in build/dev-test.log build/wasm-test.log build/fuzz-test.log; do
    [ -f "$log" ] && grep -E -B4 -A4 '(ERROR|FATAL ERROR|TEST CASE):' "$log" | head -30
  done
  [ -f build/browser-test.log ] &&
    grep -E -A30 '^\s*not ok' build/browser-test.log | grep -vE '^\s*$' | head -30
fi
echo
[ ${#failed_suites[@]} -gt 0 ] && echo "failed: ${failed_suites[*]}"
echo "summary: $passed passed, $failed failed"
[ "$failed" = 0 ]
