#!/bin/sh
# Runs the accelerator RTL four-state under Icarus Verilog on one prompt, for runs too long
# for ctest (Icarus simulates a few thousand cycles per second).
#
#   rtl/run_icarus.sh "PROMPT" [PLUSARG...]
#   rtl/run_icarus.sh "This program is free software" +tokens=60 +k=4 +lanes=8
#
# The plusargs are accelerator_tb.sv's (+tokens= +k= +sample= +seed=HEX +lanes= +mem_bw=
# +mem_latency= +draft_bw= +hold_output= +inject=), with the checked-in models. The build
# holds LANES target lanes (default 8; LANES=65 in the environment for more) and the
# checked-in models' shapes. It prints the testbench's lines: the tokens, the counters,
# any X on an output after reset, and the status.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rtl="$here/accel"
models="$here/../models/data"
prompt=${1-}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The vocabulary of docs/models.md: token i is character i of this string; upper case
# folds to lower case and any other byte is token 0.
printf '%s' "$prompt" | LC_ALL=C od -An -v -tu1 | tr -s ' ' '\n' | grep -v '^$' | LC_ALL=C awk '
  BEGIN { v = "~ \nabcdefghijklmnopqrstuvwxyz0123456789.,;:'"'"'\"()-/!?&*<>=_@%+[]$#" }
  { c = sprintf("%c", $1 >= 65 && $1 <= 90 ? $1 + 32 : $1); i = index(v, c) - 1
    if (i < 1) i = 0; printf "%02x\n", i }' > "$work/prompt.hex"
length=$(wc -l < "$work/prompt.hex")

iverilog -g2012 -I "$rtl" -P "accelerator_tb.LANES=${LANES:-8}" -o "$work/tb.vvp" \
  $(sed "s|^|$rtl/|" "$rtl/files.f") "$rtl/accelerator_tb.sv"
cd "$work"
exec vvp -n tb.vvp +target="$models/target.hex" +draft="$models/draft.hex" \
  +prompt=prompt.hex +prompt_length="$length" "$@"
