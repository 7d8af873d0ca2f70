#!/usr/bin/env bash
# Fails when the core (shared/) reaches for I/O, threads, clocks, randomness or platform
# libraries: it must build to WebAssembly unchanged and give the same verdicts everywhere.
set -u
dir=${1:?usage: check_purity.sh SHARED_DIR}
status=0
headers='fstream|filesystem|iostream|istream|ostream|sstream|cstdio|stdio\.h|thread|mutex|future|condition_variable|chrono|ctime|time\.h|random|sqlite3\.h|httplib\.h|curl/|gumbo\.h|emscripten|unistd\.h|sys/|netinet|arpa/|fcntl\.h|cstdlib|stdlib\.h'
if hits=$(grep -rnE "#include[[:space:]]*<($headers)" "$dir" --include='*.h' --include='*.cpp'); then
  echo "forbidden header under shared/:"; echo "$hits"; status=1
fi
calls='system_clock|steady_clock|high_resolution_clock|[^A-Za-z_:]time\(|[^A-Za-z_]rand\(|srand\(|getenv\(|fopen\(|printf\(|std::cout|std::cerr|(^|[^A-Za-z_])(throw |try \{|catch \()'
# Comment lines may name what the core avoids ("never throws"); code may not use it.
if hits=$(grep -rnE "$calls" "$dir" --include='*.h' --include='*.cpp' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|\*|/\*)'); then
  echo "forbidden call under shared/:"; echo "$hits"; status=1
fi
[ $status = 0 ] && echo "core purity: ok ($(find "$dir" -name '*.cpp' -o -name '*.h' | wc -l) files checked)"
exit $status
