#!/usr/bin/env bash
# Renders the real window with the bundled sample under Xvfb and saves the
# screenshots the README shows, so they never go stale. Rerun after a UI change:
#   packaging/screenshots.sh            (builds build/release first)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}" xvfb xauth imagemagick xdotool fonts-dejavu-core
te_build "$repo/build/release" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >/dev/null
out=$repo/packaging/screenshots
mkdir -p "$out"

# A settings directory of our own: the shots show the sample as a new user sees
# it, but with the welcome closed so that the views have the room.
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
settings() { # INI lines for the window's settings file
    mkdir -p "$XDG_CONFIG_HOME/TimingExplorer"
    printf '%s\n' "$@" >"$XDG_CONFIG_HOME/TimingExplorer/timing-explorer.conf"
}

# shoot NAME SECONDS [KEYS]: starts the window, waits, presses KEYS (xdotool key
# names) if given, and saves the screen.
shoot() {
    local name=$1 wait=$2 keys=${3:-}
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" &
        app=$!
        sleep '"$wait"'
        if [ -n "'"$keys"'" ]; then
            # Under a bare X server the window only takes keys after a click.
            xdotool mousemove 640 600 click 1
            xdotool key '"$keys"'
            sleep 2
        fi
        import -window root "'"$out/$name.png"'"
        kill $app' "$repo/build/release/app/timing-explorer"
    echo "wrote $out/$name.png"
}

settings '[welcome]' 'dismissed=false'
shoot welcome 4
settings '[welcome]' 'dismissed=true'
shoot explorer 4
settings '[welcome]' 'dismissed=true' '[export]' 'layout=1'
shoot export 4 ctrl+e
settings '[welcome]' 'dismissed=true' '[window]' 'tab=1'
shoot charts 6
settings '[welcome]' 'dismissed=true' '[window]' 'tab=1' 'appearance=dark'
shoot charts-dark 6
