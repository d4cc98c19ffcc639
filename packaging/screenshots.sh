#!/usr/bin/env bash
# Renders the real window with the bundled sample under Xvfb and saves the
# screenshots the README shows, so they never go stale. Rerun after a UI change:
#   packaging/screenshots.sh            (builds build/release first)
#   packaging/screenshots.sh build/dev  (with the binary of an existing build)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}" xvfb xauth imagemagick xdotool fonts-dejavu-core
build=${1:-$repo/build/release}
[[ $# -eq 0 ]] && te_build "$build" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF >/dev/null
binary=$(cd "$build" && pwd)/app/timing-explorer
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

# shoot NAME SECONDS [KEYS [FILE [CLICKS [CROP]]]]: starts the window (on FILE, or
# the bundled sample), waits, clicks each "X,Y" of CLICKS ("ctrl:X,Y" with Ctrl
# held), presses KEYS (xdotool key names) if given, and saves the screen, or the
# CROP (WxH+X+Y) of it.
shoot() {
    local name=$1 wait=$2 keys=${3:-} file=${4:-} clicks=${5:-} crop=${6:-}
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        if [ -n "'"$file"'" ]; then "$0" "'"$file"'" & else "$0" & fi
        app=$!
        sleep '"$wait"'
        for c in '"$clicks"'; do
            case $c in
            ctrl:*) c=${c#ctrl:}; xdotool keydown ctrl mousemove "${c%,*}" "${c#*,}" click 1 keyup ctrl ;;
            *) xdotool mousemove "${c%,*}" "${c#*,}" click 1 ;;
            esac
            sleep 1
        done
        if [ -n "'"$keys"'" ]; then
            # Under a bare X server the window only takes keys after a click.
            xdotool mousemove 640 600 click 1
            xdotool key '"$keys"'
            sleep 2
        fi
        if [ -n "'"$crop"'" ]; then
            import -window root -crop "'"$crop"'" +repage "'"$out/$name.png"'"
        else
            import -window root "'"$out/$name.png"'"
        fi
        kill $app' "$binary"
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

# Every chart kind on the small paired sample (10 registrations × 3 models), the
# chart area only; and the box plot and ECDF of the 400-run sample.
paired=$repo/resources/sample/paired_10x3.jsonl
chart_area=1280x440+0+114
for kind in box bar stacked histogram trend ecdf paired flame; do
    settings '[welcome]' 'dismissed=true' '[window]' 'tab=1' '[charts]' "kind=$kind"
    shoot "kind-$kind" 5 "" "$paired" "" "$chart_area"
done
for kind in box ecdf; do
    settings '[welcome]' 'dismissed=true' '[window]' 'tab=1' '[charts]' "kind=$kind"
    shoot "sample-$kind" 5 "" "" "" "$chart_area"
done

# The three flame graphs: a run's in the breakdown (the slowest run is selected),
# the difference of two runs (Ctrl+click adds the second), and the groups'.
settings '[welcome]' 'dismissed=true' '[breakdown]' 'flame=true'
shoot flame-run 5 "" "$paired" "300,115"
settings '[welcome]' 'dismissed=true' '[breakdown]' 'flame=true'
shoot flame-difference 5 "" "$paired" "300,115 ctrl:300,335"
