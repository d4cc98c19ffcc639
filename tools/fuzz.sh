#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang-14 in build/fuzz and runs each
# one in turn, from a fresh corpus seeded with the repository's fixtures.
#
#   tools/fuzz.sh                      every target for 60 s
#   TE_FUZZ_SECONDS=600 tools/fuzz.sh  for longer
#   TE_FUZZ_RUNS=10000000 tools/fuzz.sh   a number of executions instead of a time
#   tools/fuzz.sh csv filter           only these targets
#   TE_FUZZ_JOBS=1 tools/fuzz.sh       build on one core (default: all of them)
#
# Exits non-zero when a target crashes, hangs, leaks or breaks an invariant: the
# report is printed and the input that did it is kept in build/fuzz/artifacts/TARGET/.
# Input files are never written: corpora live in build/fuzz/corpus/.
set -euo pipefail

# shellcheck source=tools/setup.sh
source "$(dirname "$0")/setup.sh"

te_install cmake ninja-build pkg-config qt6-base-dev nlohmann-json3-dev libsimdjson-dev \
    clang-14 libclang-rt-14-dev

build="$TE_ROOT/build/fuzz"
cmake -S "$TE_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DTIMING_EXPLORER_FUZZ=ON -DTIMING_EXPLORER_WERROR=ON >/dev/null
cmake --build "$build" --parallel "${TE_FUZZ_JOBS:-$(nproc)}"

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(jsonl jsondoc otlp chrometrace csv filter mapping timestamp)

# Seeds: the test fixtures of each input kind, and hand-written expressions and times.
seed_files() {
    case $1 in
    jsonl) ls "$TE_ROOT"/tests/data/*.jsonl ;;
    jsondoc) ls "$TE_ROOT"/tests/data/*.json "$TE_ROOT"/tests/data/*.txt ;;
    otlp) ls "$TE_ROOT"/tests/data/otlp_* "$TE_ROOT/tests/fuzz/seeds/otlp"/* ;;
    chrometrace) ls "$TE_ROOT"/tests/data/chrome_* "$TE_ROOT/tests/fuzz/seeds/chrometrace"/* ;;
    csv) ls "$TE_ROOT"/tests/data/*.csv ;;
    mapping) ls "$TE_ROOT"/tests/data/*mapping*.json ;;
    filter | timestamp) ls "$TE_ROOT/tests/fuzz/seeds/$1"/* ;;
    esac
}

# Records and files are long; expressions and timestamps are short.
max_len() {
    case $1 in
    filter | timestamp) echo 256 ;;
    *) echo 4096 ;;
    esac
}

if [ -n "${TE_FUZZ_RUNS:-}" ]; then
    budget=(-runs="$TE_FUZZ_RUNS")
else
    budget=(-max_total_time="${TE_FUZZ_SECONDS:-60}")
fi

# A UBSan report stops the run (the core is built with -fno-sanitize-recover); leak
# detection stays on.
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
if [ -f "$TE_ROOT/tools/lsan.supp" ]; then
    export LSAN_OPTIONS="suppressions=$TE_ROOT/tools/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fi

failed=()
summary=()
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/fuzz_$target"
    [ -x "$binary" ] || { echo "no such fuzz target: $target" >&2; exit 2; }
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    log="$build/logs/$target.log"
    rm -rf "$corpus"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    seed_files "$target" | while read -r seed; do cp "$seed" "$corpus/"; done
    dictionary=()
    [ -f "$TE_ROOT/tests/fuzz/$target.dict" ] && dictionary=(-dict="$TE_ROOT/tests/fuzz/$target.dict")

    echo "== fuzz_$target (${budget[*]}, -max_len=$(max_len "$target"))"
    start=$EPOCHREALTIME
    status=0
    "$binary" "${budget[@]}" -max_len="$(max_len "$target")" -timeout=30 -print_final_stats=1 \
        "${dictionary[@]}" -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || status=$?
    seconds=$(awk -v from="$start" -v to="$EPOCHREALTIME" 'BEGIN { printf "%.1f", to - from }')

    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 || true)
    result=ok
    if [ "$status" -ne 0 ]; then
        result="FAILED (exit $status)"
        failed+=("$target")
        echo "fuzz_$target failed; the end of $log:"
        tail -n 60 "$log"
    fi
    rate=$(awk -v runs="${executions:-0}" -v s="$seconds" 'BEGIN { printf "%d", (s > 0 ? runs / s : 0) }')
    summary+=("$(printf '%-16s %10s runs %8s s %7s exec/s   %-36s %s' "fuzz_$target" "${executions:-?}" \
        "$seconds" "$rate" "$coverage" "$result")")
done

echo
echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashed: ${failed[*]} (inputs in $build/artifacts/)" >&2
    exit 1
fi
