#!/usr/bin/env bash
# Tetra's set-up in one command: install the Debian packages that are missing,
# configure and build (Release, in build/), then run either the main job or the tests.
#
#   ./setup.sh run     build, then run the main job: the speculative-decoding accelerator
#   ./setup.sh test    build, then run the whole test suite with ctest
set -euo pipefail

usage() { echo "usage: $0 run|test" >&2; exit 2; }
[ $# -eq 1 ] || usage
action=$1
case "$action" in run|test) ;; *) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
build=${TETRA_BUILD_DIR:-$here/build}

# Every package Tetra builds, tests or benchmarks with; all from Debian 12.
packages=(cmake g++ make pkg-config libboost-context-dev libfmt-dev libgtest-dev
          libbenchmark-dev verilator libsystemc-dev iverilog yosys gtkwave gnuplot-nox
          libcli11-dev nlohmann-json3-dev libtomlplusplus-dev dieharder parallel zlib1g-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing missing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    installer=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    installer=(sudo)
  else
    echo "setup: cannot install packages: not root and no password-less sudo." >&2
    echo "setup: run as root, or first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${installer[@]}" apt-get update -qq
  "${installer[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$jobs"

case "$action" in
  run)
    "$build/apps/tetra" accel
    ;;
  test)
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    ;;
esac
