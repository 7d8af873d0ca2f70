#!/usr/bin/env bash
# Builds the Release benchmarks in build/bench and runs one: tests/bench/run.sh NAME [ARGS...]
# prints ONE result line "NAME: key=value ..." on stdout (details go to stderr).
#   tests/bench/run.sh screening               1M generated lists (long)
#   tests/bench/run.sh screening --lists 20000 a quick run
#   tests/bench/run.sh extract                 price accuracy and MB/s on the schema-org pages
#   tests/bench/run.sh crawl [--products N]    our crawler vs Scrapy on the heavy demo shops
#   tests/bench/run.sh risk [--lists N]        the risk models over 10M generated lists (long);
#                                              a second line "learned: ..." for the learned score
#   tests/bench/run.sh load [--seconds S]      the server under normal and 10x load (S each)
#   tests/bench/run.sh fuzz [SECONDS]          each libFuzzer target for SECONDS (default 60)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
name="${1:-}"
if [[ -z "$name" ]]; then
  echo "usage: tests/bench/run.sh NAME [ARGS...]   (benchmarks: screening, extract, crawl, risk, load, fuzz)" >&2
  exit 2
fi
shift
if [[ "$name" == fuzz ]]; then
  exec "$root/tests/bench/fuzz.sh" "$@"
fi
case "$name" in
  screening) target=bench_screening ;;
  extract) target=bench_extract ;;
  risk) target=bench_risk ;;
  load) target=bench_load ;;
  crawl)
    target=bench_crawl
    if ! /usr/bin/python3 -c 'import scrapy' 2>/dev/null; then
      apt-get install -y python3-scrapy >&2
    fi
    ;;
  *) echo "run.sh: unknown benchmark '$name' (benchmarks: screening, extract, crawl, risk, load, fuzz)" >&2; exit 2 ;;
esac
build="$root/build/bench"
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >&2
fi
cmake --build "$build" -j2 --target "$target" >&2
cd "$root"
exec "$build/tests/bench/$target" --dir "$build/work" "$@"
