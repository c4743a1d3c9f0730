#!/usr/bin/env bash
# Compile time of one typical testbench file against its SystemC 2.3.4 twin
# (docs/performance.md, "Compile time"): testbenches/counter_tb.cpp and
# bench/compile/counter_tb_systemc.cpp, each compiled alone to an object file at -O3 as
# the project builds it, in alternated pairs so that a drifting machine load hits both
# alike. Prints each compile's CPU time (user + system, which load distorts less than
# wall time), the medians, and the ratio Tetra / SystemC of the medians.
# Usage: bench/compile/run.sh [PAIRS]   (default 5; extra compiler flags in EXTRA_FLAGS)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pairs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The flags CMake gives testbenches/ in a Release build, and the SystemC peers' (C++17,
# as Debian's libsystemc is built).
tetra=(g++ -DBOOST_ALL_NO_LIB -DBOOST_CONTEXT_DYN_LINK -DFMT_SHARED -I"$root" -O3 -DNDEBUG -std=c++20
       ${EXTRA_FLAGS:-} -c "$root/testbenches/counter_tb.cpp" -o "$work/tetra.o")
systemc=(g++ -DSC_CPLUSPLUS=201703L -O3 -DNDEBUG -std=c++17
         -c "$root/bench/compile/counter_tb_systemc.cpp" -o "$work/systemc.o")

cpu_of() {
  /usr/bin/time -o "$work/time" -f '%U %S' "$@"
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}

for _ in $(seq "$pairs"); do
  echo "tetra $(cpu_of "${tetra[@]}")"
  echo "systemc $(cpu_of "${systemc[@]}")"
done | awk '
  { print; cpu[$1] = cpu[$1] " " $2 }
  function median(list,   values, n, i, j, t) {
    n = split(list, values, " ")
    for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (values[j] + 0 < values[i] + 0) { t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  END {
    t = median(cpu["tetra"]); s = median(cpu["systemc"])
    printf "median CPU: Tetra %.2f s, SystemC %.2f s, ratio %.2f\n", t, s, t / s
  }'
