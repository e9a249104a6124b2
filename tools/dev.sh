#!/usr/bin/env bash
# One entry point for setting up, building, testing and running quantcfg on Debian 12 / Ubuntu 24.04.
#
#   tools/dev.sh studio   install what is missing, build, start quantcfg-studio
#   tools/dev.sh test     install what is missing, build (warnings are errors), run every test,
#                         then the same under ASan + UBSan, then each fuzzer on 20000 inputs from a fixed seed (what CI runs)
#   tools/dev.sh fuzz [SECONDS [HARNESS...]]  run the fuzzers longer (default 600 s each; docs/fuzzing.md)
#   tools/dev.sh build    install what is missing and build the developer tree
#   tools/dev.sh deps     only install what is missing
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# Debian packages the build and the tests need (same names on Debian 12 and Ubuntu 24.04).
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-qpa-plugins libqt6svg6
    nlohmann-json3-dev libvalijson-dev libyaml-cpp-dev libcli11-dev libbenchmark-dev
    xvfb xauth fonts-dejavu-core
    clang libclang-rt-dev llvm
    dpkg-dev file librsvg2-bin desktop-file-utils appstream
    shellcheck   # tst_deploy checks every generated node script and sbatch script with it
    python3   # tools/gen_profiles.py --check and the engine-source readers' tests (not on a stock Debian 12)
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

jobs() { nproc 2>/dev/null || echo 2; }

case "${1:-}" in
deps)
    install_missing
    ;;
build)
    install_missing
    cmake --preset dev
    cmake --build --preset dev -j "$(jobs)"
    ;;
test)
    install_missing
    # install_missing put shellcheck there: tst_deploy must not skip its check of the generated scripts.
    export QUANTCFG_REQUIRE_SHELLCHECK=1
    timed() { local t=$SECONDS; "$@"; echo "== $* took $((SECONDS - t)) s" >&2; }
    for preset in ci asan; do
        timed cmake --preset "$preset"
        timed cmake --build --preset "$preset" -j "$(jobs)"
        timed ctest --preset "$preset" -j "$(jobs)"
    done
    timed tools/fuzz.sh --runs 20000
    ;;
fuzz)
    install_missing
    shift
    exec tools/fuzz.sh "${1:-600}" "${@:2}"
    ;;
studio)
    install_missing
    cmake --preset release
    cmake --build --preset release -j "$(jobs)"
    shift
    studio=build/release/app/studio/quantcfg-studio
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting the studio under xvfb-run (nothing will be visible)." >&2
        exec xvfb-run -a "$studio" "$@"
    fi
    exec "$studio" "$@"
    ;;
*)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
