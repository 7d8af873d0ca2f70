#!/usr/bin/env bash
# `tests/bench/run.sh fuzz [SECONDS]`: builds the libFuzzer targets (preset "fuzz": clang, ASan +
# UBSan) and runs each for SECONDS (default 60) from its seeds and the corpus earlier runs grew,
# then prints "fuzz: targets=… execs=… crashes=… seconds_per_target=…". Each target's libFuzzer
# output goes to build/fuzz/fuzz-NAME.log; a crash leaves its input as
# build/fuzz/tests/fuzz/crash-NAME-*.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
cd "$root"
{ cmake --preset fuzz && cmake --build --preset fuzz; } >&2 || exit 1
targets=0 execs=0 crashes=0
while read -r test; do
  name=${test#fuzz_}
  log="build/fuzz/fuzz-$name.log"
  targets=$((targets + 1))
  if ! FUZZ_SECONDS="$seconds" ctest --test-dir build/fuzz -R "^$test\$" -V >"$log" 2>&1; then
    crashes=$((crashes + 1))
    echo "fuzz: $test failed; see $log" >&2
  fi
  n=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  execs=$((execs + ${n:-0}))
  echo "fuzz: $test execs=${n:-0}" >&2
done < <(ctest --test-dir build/fuzz -N | sed -nE 's/.*Test +#[0-9]+: (fuzz_[a-z_]+).*/\1/p')
echo "fuzz: targets=$targets execs=$execs crashes=$crashes seconds_per_target=$seconds"
[ "$crashes" = 0 ]
