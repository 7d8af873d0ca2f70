#!/usr/bin/env bash
# Runs one libFuzzer target as ctest does: run_target.sh BINARY WORK_DIR RUNS MAX_LEN [SEED_DIR...]
# New inputs go to WORK_DIR (in the build); seed folders are only read. A fixed seed and a fixed
# number of inputs make `make test` the same everywhere. With FUZZ_SECONDS set (the fuzz
# benchmark), it runs for that long instead. Exit status: libFuzzer's (non-zero on a crash, a
# leak, undefined behaviour or a timeout; the input is saved beside the build as crash-NAME-*).
set -euo pipefail
bin=$1 work=$2 runs=$3 max_len=$4
shift 4
name=$(basename "$bin")
limits=(-seed=1 "-runs=$runs")
[ -n "${FUZZ_SECONDS:-}" ] && limits=("-max_total_time=$FUZZ_SECONDS")
mkdir -p "$work"
exec "$bin" "${limits[@]}" "-max_len=$max_len" -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 "-artifact_prefix=$(dirname "$work")/../crash-${name#fuzz_}-" \
  "$work" "$@"
