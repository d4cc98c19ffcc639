#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (offscreen; no display needed).
# TE_SANITIZE=1 builds and runs it with AddressSanitizer + UndefinedBehaviorSanitizer instead.
set -euo pipefail
source "$(dirname "$0")/tools/setup.sh"
te_install "${TE_PACKAGES[@]}" xauth
if [ "${TE_SANITIZE:-0}" = 1 ]; then
    dir="$TE_ROOT/build/asan"
    te_build "$dir" Debug -DTIMING_EXPLORER_SANITIZE=ON -DTIMING_EXPLORER_BUILD_BENCH=OFF
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    # Leaks are errors; tools/lsan.supp lists the third-party ones, each with its reason.
    export LSAN_OPTIONS=suppressions=$TE_ROOT/tools/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    dir="$TE_ROOT/build/dev"
    te_build "$dir" RelWithDebInfo -DTIMING_EXPLORER_WERROR=ON
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)"
