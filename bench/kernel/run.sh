#!/usr/bin/env bash
# Builds the kernel workloads in every implementation and runs them side by side: wall
# and CPU time per implementation (best of REPEAT runs each, process start to exit),
# the CPU-time ratio to Tetra, and a check that every implementation prints the same
# checksum (exit 1 otherwise). Icarus and Verilator compile times are not counted.
# Usage: bench/kernel/run.sh [build-dir]   (default: build-bench; REPEAT=3 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
repeat=${REPEAT:-3}

# A new build tree skips the tests; an existing one keeps its settings.
[[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTETRA_BUILD_TESTS=OFF > /dev/null
cmake --build "$build" --target kernel_peers -j 2 > /dev/null
peers=$build/bench/kernel

# Implementation name, then the command for workload $1.
command_for() {
  local implementation=$1 workload=$2
  case $implementation in
    tetra)          echo "$peers/kernel_peer_tetra $workload" ;;
    systemc_uint)   echo "$peers/kernel_peer_systemc_uint $workload" ;;
    systemc_lv)     echo "$peers/kernel_peer_systemc_lv $workload" ;;
    verilator)      echo "$peers/verilator_$workload/Vmodel $workload" ;;
    icarus)         echo "vvp -n $peers/icarus_$workload.vvp" ;;
  esac
}

# Best wall time and best CPU time (user + system, which a loaded machine distorts less)
# over $repeat runs, in seconds; the checksum line goes to $checksum.
time_best() {
  local best_wall="" best_cpu="" output wall user system cpu timing_file
  timing_file=$(mktemp)
  for _ in $(seq "$repeat"); do
    output=$(/usr/bin/time -o "$timing_file" -f '%e %U %S' $1 2>/dev/null)
    read -r wall user system < "$timing_file"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.3f", u + s }')
    if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    if [[ -z $best_cpu ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
  done
  rm -f "$timing_file"
  checksum=$(grep -o 'checksum [0-9a-f]*' <<< "$output" | cut -d' ' -f2)
  wall_seconds=$best_wall
  cpu_seconds=$best_cpu
}

status=0
printf '%-9s %-13s %8s %8s %13s %9s\n' workload implementation wall_s cpu_s cpu_vs_tetra checksum
for workload in ring pingpong fifo; do
  if [[ $workload == pingpong ]]; then
    implementations="tetra systemc_uint"  # a thread handoff has no Verilog counterpart
  else
    implementations="tetra systemc_uint systemc_lv verilator icarus"
  fi
  reference="" tetra_cpu=""
  for implementation in $implementations; do
    time_best "$(command_for "$implementation" "$workload")"
    [[ -z $tetra_cpu ]] && tetra_cpu=$cpu_seconds
    ratio=$(awk -v t="$cpu_seconds" -v r="$tetra_cpu" 'BEGIN { printf "%.2fx", (r > 0) ? t / r : 0 }')
    printf '%-9s %-13s %8s %8s %13s %9s\n' "$workload" "$implementation" "$wall_seconds" "$cpu_seconds" "$ratio" "$checksum"
    [[ -z $reference ]] && reference=$checksum
    if [[ -z $checksum || $checksum != "$reference" ]]; then
      echo "MISMATCH: $implementation gives checksum '$checksum' for $workload, tetra gives '$reference'" >&2
      status=1
    fi
  done
done

echo
echo "Elaborating 100,000 16-bit signals (elaborate_cpu_ms: CPU time to build and elaborate; bytes_per_signal: RSS growth over the count):"
for implementation in tetra systemc_uint systemc_lv; do
  echo "$implementation: $("$peers/kernel_peer_$implementation" elaborate 2>/dev/null | tr '\n' ' ')"
done
exit $status
