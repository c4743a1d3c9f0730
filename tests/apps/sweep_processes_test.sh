#!/usr/bin/env bash
# `tetra sweep` as separate processes: shards run by GNU parallel and merged equal the
# unsharded CSV byte for byte, and a sweep killed (SIGKILL, SIGINT) mid-run resumes to the
# same bytes as one never interrupted.
set -euo pipefail
tetra=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

grid=(--tokens 10 --k 0..3 --lanes 2,8 --seed 1..3 --mode sample --no-plots)
"$tetra" sweep "${grid[@]}" --jobs 2 -o "$dir/whole.csv" 2>/dev/null >/dev/null
parallel --will-cite --halt now,fail=1 \
  "$tetra" sweep "${grid[@]}" --jobs 1 --shard {}/4 -o "$dir/shard{}.csv" ::: 0 1 2 3 2>/dev/null >/dev/null
"$tetra" sweep merge --no-plots -o "$dir/merged.csv" "$dir"/shard{0,1,2,3}.csv >/dev/null
cmp "$dir/whole.csv" "$dir/merged.csv"

# Rows appear one at a time (--jobs 1); the process dies after a few, wherever it is.
grid=(--tokens 16 --k 0..4 --seed 1..6 --mode sample --no-plots)
"$tetra" sweep "${grid[@]}" --jobs 2 -o "$dir/uninterrupted.csv" 2>/dev/null >/dev/null
total=$(wc -l < "$dir/uninterrupted.csv")
for signal in KILL INT; do
  rm -f "$dir/interrupted.csv"
  # A background job of a script ignores SIGINT unless given the default action back.
  env --default-signal=INT "$tetra" sweep "${grid[@]}" --jobs 1 -o "$dir/interrupted.csv" 2>/dev/null >/dev/null &
  pid=$!
  for _ in $(seq 400); do
    [ -f "$dir/interrupted.csv" ] && [ "$(wc -l < "$dir/interrupted.csv")" -ge 8 ] && break
    sleep 0.01
  done
  kill -s "$signal" "$pid"
  if wait "$pid" 2>/dev/null; then echo "tetra sweep finished before SIG$signal" >&2; exit 1; fi
  lines=$(wc -l < "$dir/interrupted.csv")
  if [ "$lines" -ge "$total" ]; then echo "SIG$signal came after the last row" >&2; exit 1; fi
  "$tetra" sweep "${grid[@]}" --jobs 2 -o "$dir/interrupted.csv" 2>/dev/null >/dev/null
  cmp "$dir/uninterrupted.csv" "$dir/interrupted.csv"
  echo "SIG$signal after $((lines - 2)) of $((total - 2)) rows: resumed to the same CSV"
done
