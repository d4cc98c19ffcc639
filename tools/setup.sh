#!/usr/bin/env bash
# Installs what building and testing Timing Explorer needs on Debian 12, only when
# something is missing, then configures and builds. Sourced by run.sh, test.sh and .ci/run.
set -euo pipefail

TE_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
    nlohmann-json3-dev libsimdjson-dev libqt6sql6-sqlite libqt6sql6-psql python3
)
# The PostgreSQL server the PostgreSQL tests run against (tools/pg_cluster.sh); CI
# installs it, developers only when they want those tests to run.
TE_PG_SERVER_PACKAGES=(postgresql)

te_missing_packages() {
    local missing=()
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    echo "${missing[@]}"
}

te_install() {
    local missing
    missing=$(te_missing_packages "$@")
    [ -z "$missing" ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing: $missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# te_build DIR BUILD_TYPE [extra cmake args...]
te_build() {
    local dir=$1 type=$2
    shift 2
    cmake -S "$TE_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}

TE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export TE_ROOT
