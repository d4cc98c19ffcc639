#!/usr/bin/env bash
# Builds the Debian package and proves it: validates the desktop entry and the
# AppStream metainfo, runs lintian, checks the packaged binary is stripped and has no RPATH, then
# installs the package (dpkg -i as root, else unpacks it with dpkg -x) and runs the
# installed binary's --version and `stats` on a test fixture.
#   packaging/build-deb.sh              a Release build in build/release
#   packaging/build-deb.sh build/dev    package an existing build instead
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/tools/setup.sh"
te_install "${TE_PACKAGES[@]}" dpkg-dev binutils file desktop-file-utils appstream lintian
dir=${1:-$repo/build/release}
if [ $# -eq 0 ]; then
    te_build "$dir" Release -DTIMING_EXPLORER_BUILD_TESTS=OFF -DTIMING_EXPLORER_BUILD_BENCH=OFF
else
    cmake --build "$dir" --parallel "$(nproc)" # cpack installs what "all" builds
fi

app_id=org.timingexplorer.TimingExplorer
desktop-file-validate "$repo/packaging/$app_id.desktop"
appstreamcli validate --no-net "$dir/packaging/$app_id.metainfo.xml"

rm -f "$dir"/timing-explorer_*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(ls "$dir"/timing-explorer_*.deb)
echo "built $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends
# Debian's policy checks: changelog, copyright, description, permissions, man page.
lintian --fail-on error,warning "$deb" || { echo "error: lintian found problems" >&2; exit 1; }

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
binary=$unpacked/usr/bin/timing-explorer
if readelf -d "$binary" | grep -E 'RPATH|RUNPATH'; then
    echo "error: the packaged binary has an RPATH" >&2
    exit 1
fi
if ! file "$binary" | grep -q ', stripped'; then
    echo "error: the packaged binary is not stripped" >&2
    exit 1
fi
for expected in usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/timing-explorer.svg usr/share/man/man1/timing-explorer.1.gz \
    usr/share/mime/packages/timing-explorer.xml usr/share/doc/timing-explorer/copyright \
    usr/share/doc/timing-explorer/changelog.gz; do
    [ -f "$unpacked/$expected" ] || { echo "error: $expected is missing from the package" >&2; exit 1; }
done

if [ "$(id -u)" -eq 0 ]; then
    dpkg -i "$deb" >/dev/null
    installed=/usr/bin/timing-explorer
else
    installed=$binary # unpacked only: installing needs root
fi
"$installed" --version
"$installed" stats "$repo/tests/data/stats_groups.jsonl" --group-by model --metric total
echo "package OK: $deb"
