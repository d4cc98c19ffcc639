#!/usr/bin/env bash
# Installs what is missing, builds, and starts Timing Explorer. Arguments pass
# through to the binary: ./run.sh my_timings.jsonl, or ./run.sh stats FILE --group-by model
set -euo pipefail
source "$(dirname "$0")/tools/setup.sh"
te_install "${TE_PACKAGES[@]}"
te_build "$TE_ROOT/build/release" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >&2
exec "$TE_ROOT/build/release/app/timing-explorer" "$@"
