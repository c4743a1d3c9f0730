#!/usr/bin/env bash
# Runs the four arrangements of crossing_bench.cpp side by side, ROUNDS times in turn
# (every arrangement and lane count once per round), and prints for each the median cost
# per cycle at 1 and at LANES lanes, the marginal cost of one lane per cycle, and what
# the crossing adds per port and per cycle: a lane whose register moves across the
# boundary crosses it twice (its input and its output), so half the difference to the
# host kernel's own register is the cost per port; that includes the change of register
# implementation, which cancels in the mean of the two directions (the crossing alone).
# MEASURE=cpu (default) reports CPU ns of the simulation alone; MEASURE=instructions
# counts its instructions under callgrind (deterministic; one round is enough). Fails if
# the arrangements disagree on the checksum.
# Usage: bench/systemc/run.sh [build-dir]
#        (ROUNDS=9, LANES=64, CYCLES=100000, TYPES="uint lv", MEASURE=cpu|instructions)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$root/build}")
rounds=${ROUNDS:-9}
lanes=${LANES:-64}
cycles=${CYCLES:-100000}
types=${TYPES:-uint lv}
measure=${MEASURE:-cpu}
cmake --build "$build" --target systemc_crossing_bench -j 2 > /dev/null
binary=$build/bench/systemc/systemc_crossing_bench
arrangements="systemc tetra_in_systemc tetra systemc_in_tetra"

# Prints "<checksum> <cost per cycle>" for one run.
run_once() {
  local output collected
  if [[ $measure == instructions ]]; then
    output=$(valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*timed_run*' \
             --callgrind-out-file=/dev/null "$binary" "$@" 2>&1)
    collected=$(grep -o 'Collected : [0-9]*' <<< "$output" | grep -o '[0-9]*$')
    echo "$(grep -o 'checksum [0-9a-f]*' <<< "$output" | cut -d' ' -f2) $(( collected / $3 ))"
  else
    "$binary" "$@" 2>/dev/null | awk '/^checksum/ { print $2, $4 }'
  fi
}

samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
for _ in $(seq "$rounds"); do
  for type in $types; do
    for arrangement in $arrangements; do
      for count in 1 "$lanes"; do
        echo "$type $arrangement $count $(run_once "$arrangement" "$count" "$cycles" "$type")" >> "$samples"
      done
    done
  done
done

# The checksum depends on the lane count and the type only.
if [[ $(awk '{ print $1, $3, $4 }' "$samples" | sort -u | wc -l) -ne $(( $(wc -w <<< "$types") * 2 )) ]]; then
  echo "the arrangements disagree on the checksum:" >&2
  sort -u -k1,4 "$samples" | awk '{ print $1, $2, $3, $4 }' >&2
  exit 1
fi

unit=$([[ $measure == instructions ]] && echo "instructions" || echo "CPU ns")
awk -v lanes="$lanes" -v cycles="$cycles" -v rounds="$rounds" -v unit="$unit" '
  function median(list,    n, values, i, j, t) {
    n = split(list, values, " ")
    for (i = 2; i <= n; ++i) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; --j) { t = values[j]; values[j] = values[j - 1]; values[j - 1] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  { key = $1 " " $2 " " $3; times[key] = times[key] " " $5; if (!($1 in seen)) { seen[$1] = 1; order[++types] = $1 } }
  END {
    printf "%d cycles, medians of %d rounds, %s per cycle (simulation only)\n", cycles, rounds, unit
    printf "%-5s %-17s %10s %10s %14s\n", "type", "arrangement", "1 lane", lanes " lanes", "per lane-cycle"
    split("systemc tetra_in_systemc tetra systemc_in_tetra", arrangements, " ")
    for (t = 1; t <= types; ++t) {
      for (a = 1; a <= 4; ++a) {
        one = median(times[order[t] " " arrangements[a] " 1"]); many = median(times[order[t] " " arrangements[a] " " lanes])
        lane[arrangements[a]] = (many - one) / (lanes - 1)
        printf "%-5s %-17s %10.1f %10.1f %14.2f\n", order[t], arrangements[a], one, many, lane[arrangements[a]]
      }
      into_systemc = (lane["tetra_in_systemc"] - lane["systemc"]) / 2
      into_tetra = (lane["systemc_in_tetra"] - lane["tetra"]) / 2
      printf "%-5s Tetra registers in SystemC: %.2f %s per port per cycle more than SystemC registers (lane %.2fx)\n",
             order[t], into_systemc, unit, lane["tetra_in_systemc"] / lane["systemc"]
      printf "%-5s SystemC registers in Tetra: %.2f %s per port per cycle more than Tetra registers (lane %.2fx)\n",
             order[t], into_tetra, unit, lane["systemc_in_tetra"] / lane["tetra"]
      printf "%-5s the crossing alone (mean of the two): %.2f %s per port per cycle\n", order[t],
             (into_systemc + into_tetra) / 2, unit
    }
  }' "$samples"
