#!/usr/bin/env bash
# Renders the real window with the bundled sample under Xvfb and saves the
# screenshots the README shows, so they never go stale. Rerun after a UI change:
#   packaging/screenshots.sh            (builds build/release first)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}" xvfb xauth imagemagick fonts-dejavu-core
te_build "$repo/build/release" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >/dev/null
out=$repo/packaging/screenshots
mkdir -p "$out"

# A clean settings directory: the shots show what a new user sees.
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

shoot() { # NAME SECONDS ARGS...
    local name=$1 wait=$2
    shift 2
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" "$@" &
        app=$!
        sleep '"$wait"'
        import -window root "'"$out/$name.png"'"
        kill $app' "$repo/build/release/app/timing-explorer" "$@"
    echo "wrote $out/$name.png"
}

shoot explorer 4

# The charts tab: the window reopens the tab it was closed on.
mkdir -p "$XDG_CONFIG_HOME/TimingExplorer"
printf '[window]\ntab=1\n' >"$XDG_CONFIG_HOME/TimingExplorer/timing-explorer.conf"
shoot charts 6
