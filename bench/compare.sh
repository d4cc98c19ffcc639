#!/usr/bin/env bash
# Compares timing-explorer's per-model aggregate against DuckDB and pandas on
# the same JSON Lines file: wall time (hyperfine) and peak RSS (/usr/bin/time).
#
# Usage: bench/compare.sh FILE
# Also prints the CPU time of `stats` beside the simdjson floor (floor_simdjson:
# On-Demand reading only the three fields on one core), when the build has it.
#   TE_BUILD_DIR  build directory holding app/timing-explorer (default: build/release)
#   PYTHON        interpreter with pandas (default: the system python3, where
#                 the Debian python3-pandas package installs)
set -euo pipefail

if [[ $# -ne 1 || ! -f $1 ]]; then
    echo "usage: $0 FILE   (a JSON Lines timing file, e.g. from gen_timings)" >&2
    exit 2
fi

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$bench_dir/.." && pwd)
file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build_dir=${TE_BUILD_DIR:-build/release}
[[ $build_dir == /* ]] || build_dir=$repo_dir/$build_dir
explorer=$build_dir/app/timing-explorer
python=${PYTHON:-/usr/bin/python3}
duckdb_dir=${XDG_CACHE_HOME:-$HOME/.cache}/timing-explorer-bench/duckdb

q() { printf '%q' "$1"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- prerequisites: install only what is missing, so repeated runs stay offline ---
# A tool that already works counts as present even when it came from elsewhere
# (e.g. a nodejs build that bundles npm, which conflicts with Debian's npm).
declare -A already_works=(
    [python3-pandas]="$(q "$python") -c 'import pandas'"
    [nodejs]="command -v node"
    [npm]="command -v npm"
    [hyperfine]="command -v hyperfine"
    [time]="test -x /usr/bin/time"
)
missing=()
for package in python3-pandas nodejs npm hyperfine time; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' && continue
    bash -c "${already_works[$package]}" >/dev/null 2>&1 && continue
    missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing missing packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if [[ ! -f $duckdb_dir/node_modules/@duckdb/node-api/package.json ]]; then
    echo "Installing @duckdb/node-api into $duckdb_dir"
    mkdir -p "$duckdb_dir"
    (cd "$duckdb_dir" && npm install --no-audit --no-fund --loglevel=error @duckdb/node-api)
fi
export DUCKDB_NODE_DIR=$duckdb_dir

# --- commands under test (quoted once here so hyperfine and time see the same thing) ---
duckdb_cmd="node $(q "$bench_dir/agg_duckdb.cjs") $(q "$file") 2"
pandas_cmd="$(q "$python") $(q "$bench_dir/agg_pandas.py") $(q "$file")"
explorer_cmd="$(q "$explorer") stats $(q "$file") --group-by model --metric total --metric phase1"

names=(duckdb pandas)
commands=("$duckdb_cmd" "$pandas_cmd")
if [[ -x $explorer ]]; then
    names=(timing-explorer "${names[@]}")
    commands=("$explorer_cmd" "${commands[@]}")
else
    echo "warning: $explorer not found or not executable; set TE_BUILD_DIR to include it" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

size_mb=$(( $(stat -c %s "$file") / 1000000 ))
records=$(wc -l <"$file")
echo "== Input: $file ($records records, ${size_mb} MB)"

# --- results first: a benchmark of programs that disagree is meaningless ---
echo
echo "== Results"
for i in "${!names[@]}"; do
    echo "-- ${names[i]}"
    bash -c "${commands[i]}" | tee "$work/${names[i]}.out"
done
if cmp -s "$work/duckdb.out" "$work/pandas.out"; then
    echo "duckdb and pandas results are identical"
else
    echo "note: duckdb and pandas results differ (see above)"
fi

# --- wall time: pandas is far slower, so it gets a single run in its own hyperfine call ---
fast_args=()
for i in "${!names[@]}"; do
    [[ ${names[i]} == pandas ]] && continue
    fast_args+=(--command-name "${names[i]}" "${commands[i]}")
done
echo
echo "== Wall time"
hyperfine --time-unit second --warmup 1 --runs 5 --export-markdown "$work/fast.md" "${fast_args[@]}"
hyperfine --time-unit second --warmup 0 --runs 1 --export-markdown "$work/pandas.md" --command-name pandas "$pandas_cmd"

# --- peak memory: one extra run each, since hyperfine does not report RSS ---
for i in "${!names[@]}"; do
    /usr/bin/time -f '%M KB %e s' -o "$work/${names[i]}.rss" bash -c "exec ${commands[i]}" >/dev/null
done

echo
echo "== Summary ($records records, ${size_mb} MB)"
echo
cat "$work/fast.md"
echo
cat "$work/pandas.md"
echo
printf '| %-16s | %14s | %10s |\n' tool 'peak RSS (MB)' 'wall (s)'
printf '|:%s|%s:|%s:|\n' "$(printf -- '-%.0s' {1..17})" "$(printf -- '-%.0s' {1..15})" "$(printf -- '-%.0s' {1..11})"
for name in "${names[@]}"; do
    read -r rss_kb _ seconds _ <"$work/$name.rss"
    printf '| %-16s | %14.1f | %10s |\n' "$name" "$(awk -v kb="$rss_kb" 'BEGIN { print kb / 1024 }')" "$seconds"
done

floor=$build_dir/bench/floor_simdjson
if [[ -x $explorer && -x $floor ]]; then
    /usr/bin/time -f '%U %S' -o "$work/stats.cpu" bash -c "exec $explorer_cmd" >/dev/null
    /usr/bin/time -f '%U %S' -o "$work/floor.cpu" "$floor" "$file" >/dev/null 2>&1
    read -r stats_user stats_sys <"$work/stats.cpu"
    read -r floor_user floor_sys <"$work/floor.cpu"
    echo
    awk -v su="$stats_user" -v ss="$stats_sys" -v fu="$floor_user" -v fs="$floor_sys" 'BEGIN {
        s = su + ss; f = fu + fs
        printf "CPU (user + sys): timing-explorer stats %.2f s, simdjson floor %.2f s, %.2fx the floor\n", s, f, s / f
    }'
fi
