#!/usr/bin/env bash
# Runs clang-tidy with the repo's .clang-tidy on the C++ sources of the project
# (core, ui, app, tests, bench), against the compile commands of BUILD_DIR
# (default: build/dev, as ./test.sh builds it). Fails on any warning.
#
# Usage: tools/tidy.sh [BUILD_DIR] [--since REV]
#   every source (about 200, some 15 minutes on 2 cores)
#   --since REV: only the sources changed since REV, and those that include a
#   header changed since then; every source when .clang-tidy or the top-level
#   CMakeLists.txt (where the compile flags are) changed. CI runs this from the commit in .ci/tidy-baseline, where every source
#   was last found clean; move the baseline after a clean run over every source.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
te_install clang-tidy
cd "$TE_ROOT"
build=build/dev
since=
while [[ $# -gt 0 ]]; do
    case $1 in
    --since) since=$2; shift 2 ;;
    *) build=$1; shift ;;
    esac
done
if [[ ! -f $build/compile_commands.json ]]; then
    echo "tidy: $build/compile_commands.json is missing; build first (./test.sh)" >&2
    exit 2
fi
mapfile -t sources < <(git ls-files 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp' 'tests/*.cpp' 'bench/*.cpp' \
    | grep -v '^tests/fuzz/')
total=${#sources[@]}
if [[ -n $since ]]; then
    if ! git cat-file -e "$since^{commit}" 2>/dev/null; then
        echo "tidy: no commit $since; checking every source" >&2
    elif git diff --name-only "$since" HEAD -- .clang-tidy CMakeLists.txt | grep -q .; then
        echo "tidy: the checks or the build changed since $since; checking every source"
    else
        mapfile -t changed < <(git diff --name-only --diff-filter=d "$since" HEAD)
        wanted=()
        for file in "${changed[@]}"; do
            [[ $file == *.h ]] && wanted+=("$(basename "$file")")
        done
        picked=()
        for source in "${sources[@]}"; do
            keep=0
            printf '%s\n' "${changed[@]}" | grep -qxF "$source" && keep=1
            for header in "${wanted[@]}"; do
                grep -qE "#include [\"<]([a-z/]*/)?$header[\">]" "$source" && keep=1 && break
            done
            [[ $keep == 1 ]] && picked+=("$source")
        done
        sources=("${picked[@]}")
        echo "tidy: ${#sources[@]} of $total sources changed, or include a header that changed, since $since"
    fi
fi
if [[ ${#sources[@]} -eq 0 ]]; then
    echo "clang-tidy: nothing changed to check"
    exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One clang-tidy per core; each prints only its own file's findings.
printf '%s\n' "${sources[@]}" \
    | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet >"$log" 2>&1 || true
if grep -qE '(warning|error):|Error while processing' "$log"; then
    cat "$log"
    echo "clang-tidy: $(grep -cE '(warning|error):' "$log") findings in ${#sources[@]} files" >&2
    exit 1
fi
echo "clang-tidy: ${#sources[@]} files, no findings"
