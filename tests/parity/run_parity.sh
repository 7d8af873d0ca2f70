#!/usr/bin/env bash
# Parity: the native core and the WebAssembly core must give byte-identical verdict JSON for
# every scenario of scenarios*.json, and each verdict must match the scenario's expectations.
# Minimums guard against a scenario file going missing: all scenarios, and the credit ones
# (scenarios_credit.json, named credit_*).
# Usage: run_parity.sh NATIVE_RUNNER CORE_MJS [SOURCE_DIR]
#        run_parity.sh --native-only NATIVE_RUNNER [SOURCE_DIR]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
min_scenarios=370
min_credit=45

native_only=0
if [ "${1:-}" = "--native-only" ]; then native_only=1; shift; fi
runner=${1:?usage: run_parity.sh [--native-only] NATIVE_RUNNER [CORE_MJS] [SOURCE_DIR]}
shift
if [ $native_only = 0 ]; then
  core_mjs=${1:?CORE_MJS (core.mjs of the wasm build) is required}
  shift
fi
source_dir=${1:-$(cd "$here/../.." && pwd)}

if [ ! -x "$runner" ]; then
  echo "parity: native runner $runner not found; build the dev preset first"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$runner" --check --source "$source_dir" >"$work/native.txt" 2>"$work/native.err"; then
  echo "parity: native run or scenario expectations failed:"; cat "$work/native.err"; exit 1
fi
count=$(wc -l <"$work/native.txt")
if [ "$count" -lt $min_scenarios ]; then
  echo "parity: only $count scenarios (need at least $min_scenarios)"; exit 1
fi
credit=$(grep -c '^credit_' "$work/native.txt")
if [ "$credit" -lt $min_credit ]; then
  echo "parity: only $credit credit scenarios (need at least $min_credit)"; exit 1
fi
if [ $native_only = 1 ]; then
  echo "parity: $count scenarios ($credit credit) evaluated natively, expectations hold"; exit 0
fi

if [ ! -f "$core_mjs" ]; then echo "parity: $core_mjs not found"; exit 1; fi
if ! node "$here/parity_wasm.mjs" "$core_mjs" "$source_dir" \
    >"$work/wasm.txt" 2>"$work/wasm.err"; then
  echo "parity: wasm run failed:"; cat "$work/wasm.err"; exit 1
fi
if ! diff -u "$work/native.txt" "$work/wasm.txt" >"$work/diff.txt"; then
  echo "parity: native and wasm verdicts differ:"; head -60 "$work/diff.txt"; exit 1
fi
echo "parity: $count scenarios ($credit credit), native and wasm verdicts byte-identical"
