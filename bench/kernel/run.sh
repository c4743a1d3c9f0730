#!/usr/bin/env bash
# Builds the kernel workloads in every implementation and runs them side by side:
# wall time per implementation (best of REPEAT runs), ratio to Tetra, and a check that
# every implementation prints the same checksum (exit 1 otherwise).
# Usage: bench/kernel/run.sh [build-dir]   (default: build-bench; REPEAT=3 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
repeat=${REPEAT:-3}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTETRA_BUILD_TESTS=OFF > /dev/null
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

# Best wall time in seconds over $repeat runs; the checksum line goes to $checksum.
time_best() {
  local best="" output start end elapsed
  for _ in $(seq "$repeat"); do
    start=$(date +%s%N)
    output=$($1 2>/dev/null)
    end=$(date +%s%N)
    elapsed=$(( end - start ))
    if [[ -z $best || $elapsed -lt $best ]]; then best=$elapsed; fi
  done
  checksum=$(grep -o 'checksum [0-9a-f]*' <<< "$output" | cut -d' ' -f2)
  seconds=$(awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }')
}

status=0
printf '%-9s %-13s %9s %10s %9s\n' workload implementation seconds vs_tetra checksum
for workload in ring pingpong fifo; do
  if [[ $workload == pingpong ]]; then
    implementations="tetra systemc_uint"  # a thread handoff has no Verilog counterpart
  else
    implementations="tetra systemc_uint systemc_lv verilator icarus"
  fi
  reference="" tetra_seconds=""
  for implementation in $implementations; do
    time_best "$(command_for "$implementation" "$workload")"
    [[ -z $tetra_seconds ]] && tetra_seconds=$seconds
    ratio=$(awk -v t="$seconds" -v r="$tetra_seconds" 'BEGIN { printf "%.2fx", t / r }')
    printf '%-9s %-13s %9s %10s %9s\n' "$workload" "$implementation" "$seconds" "$ratio" "$checksum"
    [[ -z $reference ]] && reference=$checksum
    if [[ -z $checksum || $checksum != "$reference" ]]; then
      echo "MISMATCH: $implementation gives checksum '$checksum' for $workload, tetra gives '$reference'" >&2
      status=1
    fi
  done
done

echo
echo "Elaborating 100,000 16-bit signals (elaborate_ms: build and elaborate; bytes_per_signal: RSS growth over the count):"
for implementation in tetra systemc_uint systemc_lv; do
  echo "$implementation: $("$peers/kernel_peer_$implementation" elaborate 2>/dev/null | tr '\n' ' ')"
done
exit $status
