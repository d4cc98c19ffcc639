#!/usr/bin/env bash
# Produces every performance figure the README quotes, in one run on one machine:
# generator files of 250k, 500k, 1M and 5M records (linearity), bench_load on each,
# the window's interactive figures on the 1M and 5M files (bench_gui: load, stalls,
# sort, filter, charts), the window opening and closing the 1M file ten times
# (bench_reopen, resident memory), a followed file growing by 100 runs at a time
# (bench_follow), then the side-by-side with DuckDB on the 1M and 5M files, and
# pandas on the 1M file (compare.sh, one table with a row per size).
#
# Usage: bench/run.sh [WORK_DIR]   (default: /tmp/timing-explorer-bench; needs ~4 GB of
#                                   disk, and ~8 GB of memory for pandas on 1M records)
#   TE_BENCH_10M=1  also 10M records (bench_load, `stats` under /usr/bin/time on 5M
#                   and 10M, and a 10M row in compare.sh's table): ~6 GB more disk,
#                   ~3 GB of memory, a few minutes more
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-/tmp/timing-explorer-bench}
build=$repo/build/release
mkdir -p "$work"

# shellcheck source=tools/setup.sh
source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}"
te_build "$build" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >/dev/null

sizes=(250000 500000 1000000 5000000)
if [[ ${TE_BENCH_10M:-0} == 1 ]]; then
    sizes+=(10000000)
fi
for n in "${sizes[@]}"; do
    file=$work/timings_$n.jsonl
    [[ -f $file ]] || "$build/bench/gen_timings" "$n" "$file"
done

echo "== Load and statistics, by file size (linearity)"
for n in "${sizes[@]}"; do
    # Five runs each up to 1M records, three beyond (a 10M full load takes ~15 s).
    "$build/bench/bench_load" "$work/timings_$n.jsonl" --runs $((n > 1000000 ? 3 : 5))
done

if [[ ${TE_BENCH_10M:-0} == 1 ]]; then
    echo
    echo "== timing-explorer stats, wall time and peak RSS (/usr/bin/time), 3 runs each"
    te_install time
    for n in 5000000 10000000; do
        for _ in 1 2 3; do
            /usr/bin/time -f "$n records: %e s wall, %M KB peak RSS" "$build/app/timing-explorer" stats \
                "$work/timings_$n.jsonl" --group-by model --metric total --metric phase1 >/dev/null
        done
    done
fi

echo
echo "== The window on the 1M and 5M files (and 10M): load, stalls, sort, filter, charts"
for n in "${sizes[@]}"; do
    ((n >= 1000000)) && QT_QPA_PLATFORM=offscreen "$build/bench/bench_gui" "$work/timings_$n.jsonl"
done

echo
echo "== The window opening and closing the 1M file 10 times (resident memory), then with the Charts tab"
for charts in "" --charts; do
    QT_QPA_PLATFORM=offscreen "$build/bench/bench_reopen" "$work/timings_1000000.jsonl" ${charts:+"$charts"} \
        || echo "bench_reopen $charts: the last close is more than 10 % above the first"
done

echo
echo "== The follow mode: 10 appends of 100 runs to a followed copy of each file (CPU per update)"
for n in 250000 1000000 5000000; do
    "$build/bench/bench_follow" "$work/timings_$n.jsonl" --appends 10 | tail -n 3
done

# The side-by-side with DuckDB (and pandas up to 1M records) on every size from 1M up.
compare_files=()
for n in "${sizes[@]}"; do
    ((n >= 1000000)) && compare_files+=("$work/timings_$n.jsonl")
done
echo
TE_BUILD_DIR=$build "$repo/bench/compare.sh" "${compare_files[@]}"
