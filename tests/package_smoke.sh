#!/usr/bin/env bash
# The package_smoke test: builds the .deb from BUILD_DIR with cpack, unpacks it into a temporary
# root with dpkg-deb and checks that it holds what a desktop needs and that both programs start
# from there (Qt itself comes from the system, LD_LIBRARY_PATH is left alone).
#
#   package_smoke.sh CPACK BUILD_DIR VERSION APP_ID "ICON_SIZES"
set -euo pipefail

cpack=$1 build=$2 version=$3 appid=$4 sizes=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && "$cpack" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb, found: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb")"

root="$work/root"
dpkg-deb -x "$deb" "$root"

expected=(
    usr/bin/quantcfg
    usr/bin/quantcfg-studio
    usr/share/quantcfg/presets/universal-fp8.json
    usr/share/doc/quantcfg/copyright
    usr/share/doc/quantcfg/LICENSE
    "usr/share/applications/$appid.desktop"
    "usr/share/metainfo/$appid.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$appid.svg"
)
for size in $sizes; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$appid.png")
done
for f in "${expected[@]}"; do
    [ -f "$root/$f" ] || fail "missing from the package: /$f"
done
for size in $sizes; do
    # PNG header: width and height are big-endian 32-bit words at offsets 16 and 20.
    dims=$(od -An --endian=big -tu4 -j16 -N8 "$root/usr/share/icons/hicolor/${size}x${size}/apps/$appid.png" | xargs)
    [ "$dims" = "$size $size" ] || fail "icon ${size}x${size} is '$dims' pixels"
done

[ "$(dpkg-deb -f "$deb" Package)" = quantcfg ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is $(dpkg-deb -f "$deb" Version), expected $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in qt6-qpa-plugins libqt6svg6 libqt6widgets6 libyaml-cpp; do
    [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep"
done

out=$("$root/usr/bin/quantcfg" --version)
[ "$out" = "quantcfg $version" ] || fail "quantcfg --version printed '$out'"
"$root/usr/bin/quantcfg" validate "$root/usr/share/quantcfg/presets/"*.json || fail "quantcfg validate on the installed presets"

# Settings and autosaves of these runs go to the temporary directory, not to the user's home.
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
out=$("$root/usr/bin/quantcfg-studio" --version)
[ "$out" = "quantcfg-studio $version" ] || fail "quantcfg-studio --version printed '$out'"
# Started without arguments the studio must still be running (window up, event loop turning)
# after a few seconds; timeout's exit status 124 says it had to be stopped.
rc=0
timeout 5 "$root/usr/bin/quantcfg-studio" >"$work/studio.log" 2>&1 || rc=$?
if [ $rc -ne 124 ]; then
    cat "$work/studio.log" >&2
    fail "quantcfg-studio exited with status $rc within 5 s"
fi
echo "package_smoke: all checks passed"
