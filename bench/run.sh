#!/usr/bin/env bash
# Produces every performance figure the README quotes, in one run on one machine:
# generator files of 250k, 500k and 1M records (linearity), bench_load on each,
# then the side-by-side with DuckDB and pandas on the 1M file (compare.sh).
#
# Usage: bench/run.sh [WORK_DIR]   (default: /tmp/timing-explorer-bench; needs ~1.2 GB)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-/tmp/timing-explorer-bench}
build=$repo/build/release
mkdir -p "$work"

source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}"
te_build "$build" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >/dev/null

for n in 250000 500000 1000000; do
    file=$work/timings_$n.jsonl
    [[ -f $file ]] || "$build/bench/gen_timings" "$n" "$file"
done

echo "== Load and statistics, by file size (linearity)"
for n in 250000 500000 1000000; do
    "$build/bench/bench_load" "$work/timings_$n.jsonl" --runs 5
done

echo
TE_BUILD_DIR=$build "$repo/bench/compare.sh" "$work/timings_1000000.jsonl"
