#!/usr/bin/env bash
# Fails when any C++ source differs from what clang-format (with the repo's
# .clang-format) would write; prints the diff. `tools/check_format.sh --fix`
# formats them in place instead.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
te_install clang-format
cd "$TE_ROOT"
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
if [[ ${1:-} == --fix ]]; then
    clang-format -i "${sources[@]}"
    exit 0
fi
status=0
for file in "${sources[@]}"; do
    if ! diff -u --label "$file" --label "$file (clang-format)" "$file" <(clang-format "$file"); then
        status=1
    fi
done
if [[ $status -ne 0 ]]; then
    echo "clang-format: the files above are not formatted; run tools/check_format.sh --fix" >&2
else
    echo "clang-format: ${#sources[@]} files formatted"
fi
exit $status
