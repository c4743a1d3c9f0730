#!/bin/sh
# Synthesizes each block of rtl/accel with Yosys (Debian's 0.23, generic `synth` up to
# technology-independent gates) at the configuration of the checked-in models and the
# default hardware (8 target lanes, 16-byte beats), and prints one line per block: its
# gate-level cells, flip-flops, RAM arrays (kept as memories, not mapped to flip-flops)
# and the three most frequent cell types. The model ROMs (model_rom) are black boxes.
#
#   rtl/synthesize.sh [BLOCK...]      default: every block (target_engine: over 13 CPU
#                                     minutes and 6 GB; the others seconds to minutes)
#
# Yosys 0.23 reads no `import`, so the script joins the sources into one file whose
# package items stand at compilation-unit scope.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rtl="$here/accel"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  sed -e '/^package accel_pkg;$/d' -e '/^endpackage$/d' "$rtl/accel_pkg.sv"
  for file in $(sed -e '/accel_pkg.sv/d' -e '/accelerator_configuration.sv/d' "$rtl/files.f"); do
    sed '/^  import accel_pkg::\*;$/d' "$rtl/$file"
  done
} > "$work/accelerator.sv"

# block name, top module, parameters
models="-chparam VOCABULARY_MAX 64"
blocks="host_interface|host_interface|
context_buffer|context_buffer|
weight_memory|weight_memory|-chparam IMAGE_ROWS 384
draft_engine|mlp_engine|-chparam LANES 1 $models -chparam EMBEDDING_MAX 8 -chparam INPUTS_MAX 32 -chparam HIDDEN_MAX 48
target_engine|mlp_engine|-chparam LANES 8 $models -chparam EMBEDDING_MAX 16 -chparam INPUTS_MAX 128 -chparam HIDDEN_MAX 128
probability_unit|probability_unit|$models
accept_unit|accept_unit|
token_sampler|token_sampler|
xorshift_generator|xorshift_generator|
performance_counters|performance_counters|
traffic_counters|traffic_counters|
controller|controller|"

printf '%-22s %9s %7s  %-34s %s\n' block cells flops "RAMs (words x bits)" "most frequent cells"
echo "$blocks" | while IFS='|' read -r name top parameters; do
  if [ $# -gt 0 ] && ! echo " $* " | grep -q " $name "; then continue; fi
  cat > "$work/$name.ys" <<YS
read_verilog -defer -sv -DSYNTHESIS -I$rtl $work/accelerator.sv
hierarchy -check -top $top $parameters
flatten
synth -top $top -run :fine
opt -fast -full
techmap
opt -fast
abc -fast
opt -fast
tee -q -o $work/$name.stat stat
tee -q -o $work/$name.mem dump t:\$mem_v2
YS
  yosys -q -s "$work/$name.ys" > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  awk -v name="$name" -v memfile="$work/$name.mem" '
    BEGIN {
      while ((getline line < memfile) > 0) {
        if (line ~ /parameter .SIZE /) { split(line, f, " "); size = f[3] + 0 }
        if (line ~ /parameter .WIDTH /) { split(line, f, " "); width = f[3] + 0 }
        if (line ~ /^  end/ && size) { rams = rams sep size "x" width; sep = ", "; size = 0 }
      }
    }
    /Number of cells:/ { cells = $4 }
    /model_rom/ { roms += $2 }
    /^ +\$/ && $1 != "$mem_v2" && $1 !~ /model_rom/ {
      count[$1] = $2; if ($1 ~ /DFF/) flops += $2
    }
    /^ +\$mem_v2/ { memories = $2 }
    END {
      n = 0; for (type in count) order[++n] = type
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (count[order[j]] > count[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
      top = ""; for (i = 1; i <= 3 && i <= n; i++) top = top order[i] " " count[order[i]] "  "
      printf "%-22s %9d %7d  %-34s %s\n", name, cells - memories - roms, flops, (rams == "" ? "-" : rams), top
    }' "$work/$name.stat"
done
