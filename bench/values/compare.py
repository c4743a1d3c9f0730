#!/usr/bin/env python3
"""Runs values_bench and prints Tetra's speed against SystemC sc_lv and native integers.

Usage: bench/values/compare.py [--binary build/bench/values/values_bench]
                               [--repetitions 3] [--json saved.json]

Each benchmark runs --repetitions times and the median is used, because the machines
are shared and noisy. The table is Markdown, ready for docs/performance.md; the last
column says whether the project's target for that row is met.
"""

import argparse
import json
import subprocess
import sys

OPERATIONS = ["and", "add", "eq", "verilog_eq", "shift", "concat", "slice"]
WIDTHS = [8, 64, 256]

# Minimum speed-up of Tetra over sc_lv (sc_lv time / Tetra time), per operation.
MIN_SPEEDUP_OVER_SC_LV = {"and": 20.0, "add": 20.0, "shift": 20.0, "concat": 20.0,
                          "slice": 20.0, "eq": 1.0, "verilog_eq": 1.0}
# Maximum slowdown of Tetra against native (Tetra time / native time) for 64-bit bitwise ops.
MAX_SLOWDOWN_VS_NATIVE = {("and", 64): 3.0}


def run_benchmark(binary, repetitions):
    command = [binary, "--benchmark_format=json",
               f"--benchmark_repetitions={repetitions}",
               "--benchmark_report_aggregates_only=true",
               # Interleaving spreads a burst of load from other processes over all rows.
               "--benchmark_enable_random_interleaving=true"]
    print("$ " + " ".join(command), file=sys.stderr)
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(completed.stdout)


def median_times(report):
    """Maps (operation, width, implementation) to the median CPU time per iteration in ns
    (CPU time, not wall time: on a shared machine the wall clock also counts waiting)."""
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
    times = {}
    for entry in report["benchmarks"]:
        if entry.get("run_type") == "aggregate" and entry.get("aggregate_name") != "median":
            continue
        operation, width, implementation = entry["run_name"].split("/")
        times[(operation, int(width), implementation)] = entry["cpu_time"] * scale[entry["time_unit"]]
    return times


def verdict(operation, width, speedup, slowdown):
    checks = []
    if speedup is not None and operation in MIN_SPEEDUP_OVER_SC_LV:
        target = MIN_SPEEDUP_OVER_SC_LV[operation]
        checks.append(f"{'met' if speedup >= target else 'MISSED'} (>= {target:g}x vs sc_lv)")
    if slowdown is not None and (operation, width) in MAX_SLOWDOWN_VS_NATIVE:
        limit = MAX_SLOWDOWN_VS_NATIVE[(operation, width)]
        checks.append(f"{'met' if slowdown <= limit else 'MISSED'} (<= {limit:g}x native)")
    return ", ".join(checks)


def cell(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def table(times):
    lines = ["| operation | width | Tetra ns | sc_lv ns | native ns | sc_lv / Tetra | Tetra / native | target |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for operation in OPERATIONS:
        for width in WIDTHS:
            tetra = times.get((operation, width, "tetra"))
            if tetra is None:
                continue
            # Verilog == has no sc_lv or native twin: it is compared with their identity ==.
            twin = "eq" if operation == "verilog_eq" else operation
            sc_lv = times.get((twin, width, "sc_lv"))
            native = times.get((twin, width, "native"))
            speedup = sc_lv / tetra if sc_lv is not None else None
            slowdown = tetra / native if native is not None else None
            lines.append(f"| {operation} | {width} | {cell(tetra)} | {cell(sc_lv)} | {cell(native)} | "
                         f"{cell(speedup, 1)} | {cell(slowdown, 1)} | {verdict(operation, width, speedup, slowdown)} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="build/bench/values/values_bench")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--json", help="read a saved --benchmark_format=json report instead of running")
    arguments = parser.parse_args()
    if arguments.json:
        with open(arguments.json, encoding="utf-8") as saved:
            report = json.load(saved)
    else:
        report = run_benchmark(arguments.binary, arguments.repetitions)
    print(table(median_times(report)))


if __name__ == "__main__":
    main()
