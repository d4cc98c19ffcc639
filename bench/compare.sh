#!/usr/bin/env bash
# Compares timing-explorer's per-model aggregate against DuckDB (and pandas, up to
# 1M records) on the same JSON Lines files, one file after another, then prints one
# markdown table with a row per file: wall time (hyperfine), peak RSS
# (/usr/bin/time), and the CPU time of `stats` beside the simdjson floor
# (floor_simdjson: On-Demand reading only the three fields on one core).
#
# Usage: bench/compare.sh [FILE...]
#   With no FILE, uses the 1M- and 5M-record files timings_N.jsonl in the work
#   directory, generating those that are missing with the build's gen_timings
#   (~0.6 GB and ~2.9 GB).
#   TE_BENCH_10M=1  with no FILE, also 10M records (~5.9 GB more disk)
#   TE_BENCH_DIR    work directory for generated files (default: /tmp/timing-explorer-bench)
#   TE_BUILD_DIR    build directory holding app/timing-explorer and bench/ (default: build/release)
#   PYTHON          interpreter with pandas (default: the system python3, where
#                   the Debian python3-pandas package installs)
# pandas runs only on files of up to 1M records: it needs ~7.5 GB of memory per
# million. hyperfine makes 5 runs of each command up to 1M records, 3 beyond.
set -euo pipefail

usage() {
    echo "usage: $0 [FILE...]   (JSON Lines timing files, e.g. from gen_timings;" >&2
    echo "       none: 1M and 5M records, and 10M with TE_BENCH_10M=1, generated as needed)" >&2
    exit 2
}
[[ ${1:-} == -h || ${1:-} == --help ]] && usage

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$bench_dir/.." && pwd)
build_dir=${TE_BUILD_DIR:-build/release}
[[ $build_dir == /* ]] || build_dir=$repo_dir/$build_dir
explorer=$build_dir/app/timing-explorer
floor=$build_dir/bench/floor_simdjson
python=${PYTHON:-/usr/bin/python3}
duckdb_dir=${XDG_CACHE_HOME:-$HOME/.cache}/timing-explorer-bench/duckdb
pandas_max_records=1000000

q() { printf '%q' "$1"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
group() { printf '%s' "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }  # 1000000 -> 1,000,000

# --- the files: those given, or the generated set ---
files=()
if (($#)); then
    for arg in "$@"; do
        [[ -f $arg ]] || { echo "$0: no such file: $arg" >&2; usage; }
        files+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")")
    done
else
    gen=$build_dir/bench/gen_timings
    gen_dir=${TE_BENCH_DIR:-/tmp/timing-explorer-bench}
    sizes=(1000000 5000000)
    [[ ${TE_BENCH_10M:-0} == 1 ]] && sizes+=(10000000)
    mkdir -p "$gen_dir"
    for n in "${sizes[@]}"; do
        file=$gen_dir/timings_$n.jsonl
        if [[ ! -f $file ]]; then
            [[ -x $gen ]] || { echo "$0: $gen not found; build it or set TE_BUILD_DIR" >&2; exit 1; }
            echo "Generating $(group "$n") records into $file"
            "$gen" "$n" "$file.part"
            mv "$file.part" "$file"
        fi
        files+=("$file")
    done
fi

records=()
need_pandas=0
for file in "${files[@]}"; do
    n=$(wc -l <"$file")
    records+=("$n")
    ((n <= pandas_max_records)) && need_pandas=1
done

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
wanted=(nodejs npm hyperfine time)
((need_pandas)) && wanted=(python3-pandas "${wanted[@]}")
missing=()
for package in "${wanted[@]}"; do
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

if [[ ! -x $explorer ]]; then
    echo "warning: $explorer not found or not executable; set TE_BUILD_DIR to include it" >&2
fi
if [[ ! -x $floor ]]; then
    echo "warning: $floor not found; the CPU column shows n/a" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/rows.txt"
: >"$work/pandas.txt"

# Whether timing-explorer's table (3 decimals) and DuckDB's CSV agree on every
# model's count, mean and median of total and mean of phase1.
agree() {
    "$python" - "$1" "$2" <<'PY'
import csv, sys

ours = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 11 and f[-10] in ("total", "phase1"):
        ours[(" ".join(f[:-10]), f[-10])] = (int(f[-9]), float(f[-8]), float(f[-7]))
theirs = list(csv.DictReader(open(sys.argv[2])))
ok = len(ours) == 2 * len(theirs) and len(theirs) > 0
for row in theirs:
    total, phase1 = ours.get((row["model"], "total")), ours.get((row["model"], "phase1"))
    ok = ok and total is not None and phase1 is not None
    ok = ok and total[0] == int(row["count"])
    ok = ok and abs(total[1] - float(row["mean_total_s"])) < 0.0011
    ok = ok and abs(total[2] - float(row["median_total_s"])) < 0.0011
    ok = ok and abs(phase1[1] - float(row["mean_phase1_s"])) < 0.0011
sys.exit(0 if ok else 1)
PY
}

# "mean min max" of one command in a hyperfine JSON export.
wall_of() {
    "$python" -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r["command"] == sys.argv[2]:
        print(r["mean"], r["min"], r["max"])
' "$1" "$2"
}

for index in "${!files[@]}"; do
    file=${files[index]}
    n=${records[index]}
    bytes=$(stat -c %s "$file")
    size_mb=$(((bytes + 500000) / 1000000))
    runs=$((n > 1000000 ? 3 : 5))
    out=$work/$index

    # --- commands under test (quoted once here so hyperfine and time see the same thing) ---
    names=(duckdb)
    commands=("node $(q "$bench_dir/agg_duckdb.cjs") $(q "$file") 2")
    if [[ -x $explorer ]]; then
        names=(timing-explorer "${names[@]}")
        commands=("$(q "$explorer") stats $(q "$file") --group-by model --metric total --metric phase1" "${commands[@]}")
    fi
    with_pandas=0
    if ((n <= pandas_max_records)); then
        with_pandas=1
        names+=(pandas)
        commands+=("$(q "$python") $(q "$bench_dir/agg_pandas.py") $(q "$file")")
    fi

    echo
    echo "==== Input: $file ($(group "$n") records, $(group "$size_mb") MB)"
    ((with_pandas)) || echo "pandas skipped: more than $(group "$pandas_max_records") records (it needs ~7.5 GB of memory per million)"

    # --- results first: a benchmark of programs that disagree is meaningless ---
    echo
    echo "== Results"
    for i in "${!names[@]}"; do
        echo "-- ${names[i]}"
        bash -c "${commands[i]}" | tee "$out.${names[i]}.out"
    done
    if [[ -x $explorer ]]; then
        if agree "$out.timing-explorer.out" "$out.duckdb.out"; then
            echo "timing-explorer and duckdb agree on every count, mean and median"
        else
            echo "note: timing-explorer and duckdb results differ (see above)"
        fi
    fi
    if ((with_pandas)); then
        if cmp -s "$out.duckdb.out" "$out.pandas.out"; then
            echo "duckdb and pandas results are identical"
        else
            echo "note: duckdb and pandas results differ (see above)"
        fi
    fi

    # --- wall time: pandas is far slower, so its one timed run is the RSS run below ---
    fast_args=()
    for i in "${!names[@]}"; do
        [[ ${names[i]} == pandas ]] && continue
        fast_args+=(--command-name "${names[i]}" "${commands[i]}")
    done
    echo
    echo "== Wall time"
    hyperfine --time-unit second --warmup 1 --runs "$runs" --export-json "$out.wall.json" "${fast_args[@]}"

    # --- peak memory: one extra run each, since hyperfine does not report RSS ---
    echo
    echo "== Peak RSS (/usr/bin/time, one run each)"
    for i in "${!names[@]}"; do
        /usr/bin/time -f '%M %e' -o "$out.${names[i]}.rss" bash -c "exec ${commands[i]}" >/dev/null
        read -r rss_kb seconds <"$out.${names[i]}.rss"
        printf '%s: %s MiB (%s s wall)\n' "${names[i]}" "$(group $(((rss_kb + 512) / 1024)))" "$seconds"
    done
    if ((with_pandas)); then
        read -r rss_kb seconds <"$out.pandas.rss"
        printf 'pandas, %s records (%s MB): %s s wall (1 run), %s MiB peak RSS\n' \
            "$(group "$n")" "$(group "$size_mb")" "$seconds" "$(group $(((rss_kb + 512) / 1024)))" >>"$work/pandas.txt"
    fi

    # --- CPU (user + sys) of stats and of the simdjson floor, one run each ---
    stats_cpu=- floor_cpu=-
    if [[ -x $explorer ]]; then
        /usr/bin/time -f '%U %S' -o "$out.stats.cpu" bash -c "exec ${commands[0]}" >/dev/null
        stats_cpu=$(awk '{ print $1 + $2 }' "$out.stats.cpu")
    fi
    if [[ -x $floor ]]; then
        /usr/bin/time -f '%U %S' -o "$out.floor.cpu" "$floor" "$file" >/dev/null 2>&1
        floor_cpu=$(awk '{ print $1 + $2 }' "$out.floor.cpu")
    fi
    echo
    echo "CPU (user + sys): timing-explorer stats $stats_cpu s, simdjson floor $floor_cpu s"

    stats_wall="- - -" stats_rss=-
    if [[ -x $explorer ]]; then
        stats_wall=$(wall_of "$out.wall.json" timing-explorer)
        read -r stats_rss _ <"$out.timing-explorer.rss"
    fi
    read -r duck_rss _ <"$out.duckdb.rss"
    printf '%s\n' "$n $bytes $stats_wall $(wall_of "$out.wall.json" duckdb) $stats_rss $duck_rss $stats_cpu $floor_cpu" \
        >>"$work/rows.txt"
done

# --- one table, a row per file ---
echo
echo "== Summary: timing-explorer \`stats FILE --group-by model --metric total --metric phase1\`"
echo "   against DuckDB (read_ndjson_auto + GROUP BY, 2 threads); hyperfine warmup 1,"
echo "   5 runs up to 1M records, 3 beyond; peak RSS from one run each"
echo
PYTHONIOENCODING=utf-8 "$python" - "$work/rows.txt" <<'PY'
import sys


def num(text):
    return None if text == "-" else float(text)


print("| records | file | `stats` wall, mean (min–max) | DuckDB wall, mean (min–max) | ratio"
      " | peak RSS, ours / DuckDB | RSS ratio | `stats` CPU / floor CPU |")
print("|---|---|---|---|---|---|---|---|")
for line in open(sys.argv[1]):
    f = line.split()
    records, size = int(f[0]), int(f[1])
    s_mean, s_min, s_max, d_mean, d_min, d_max, s_rss, d_rss, s_cpu, f_cpu = map(num, f[2:])

    def wall(mean, low, high):
        return "n/a" if mean is None else f"{mean:.2f} s ({low:.2f}–{high:.2f})"

    def ratio(a, b):
        return "n/a" if a is None or b is None or b == 0 else f"{a / b:.2f}×"

    rss = "n/a" if s_rss is None else f"{s_rss / 1024:,.0f} / {d_rss / 1024:,.0f} MiB"
    if s_cpu is None or f_cpu is None:
        cpu = "n/a" if s_cpu is None else f"{s_cpu:.2f} s / n/a"
    else:
        cpu = f"{s_cpu:.2f} / {f_cpu:.2f} s"
        cpu += f" ({s_cpu / f_cpu:.1f}×)" if f_cpu > 0 else ""
    print(f"| {records:,} | {size / 1e6:,.0f} MB | {wall(s_mean, s_min, s_max)} | {wall(d_mean, d_min, d_max)}"
          f" | {ratio(s_mean, d_mean)} | {rss} | {ratio(s_rss, d_rss)} | {cpu} |")
PY
if [[ -s $work/pandas.txt ]]; then
    echo
    cat "$work/pandas.txt"
fi
