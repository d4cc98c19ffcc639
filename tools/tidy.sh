#!/usr/bin/env bash
# Runs clang-tidy with the repo's .clang-tidy on every C++ source of the project
# (core, ui, app, tests, bench), against the compile commands of BUILD_DIR
# (default: build/dev, as ./test.sh builds it). Fails on any warning.
#
# Usage: tools/tidy.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
te_install clang-tidy
cd "$TE_ROOT"
build=${1:-build/dev}
if [[ ! -f $build/compile_commands.json ]]; then
    echo "tidy: $build/compile_commands.json is missing; build first (./test.sh)" >&2
    exit 2
fi
mapfile -t sources < <(git ls-files 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp' 'tests/*.cpp' 'bench/*.cpp' \
    | grep -v '^tests/fuzz/')
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
