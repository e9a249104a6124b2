#!/usr/bin/env bash
# Time from process start to the first painted window: quantcfg-studio against a blank Qt Widgets
# window (tests/bench/blank_window.cpp), both on the same Xvfb server, N runs each (default 15).
#
#   tools/startup_time.sh [BUILD_DIR] [RUNS]     (default build/release; targets quantcfg-studio and
#                                                 studio_blank_window must be built)
#
# Each program prints the wall-clock time of its first paint and exits (QUANTCFG_STARTUP_PROBE=1);
# the script subtracts the time just before exec. Reported: median and best, in milliseconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/release}"
runs="${2:-15}"
studio="$build/app/studio/quantcfg-studio"
blank="$build/tests/studio_blank_window"
for b in "$studio" "$blank"; do [ -x "$b" ] || { echo "not built: $b" >&2; exit 1; }; done

export studio blank runs
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
measure() {
    local prog="$1" start end
    start=$(date +%s%N)
    end=$(QUANTCFG_STARTUP_PROBE=1 "$prog" 2>/dev/null | sed -n "s/^first-paint-epoch-ns //p")
    echo $(( (end - start) / 1000 ))
}
stats() { sort -n | awk "{a[NR]=\$1} END {printf \"median %.1f ms, best %.1f ms\", a[int((NR+1)/2)]/1000, a[1]/1000}"; }
measure "$blank" >/dev/null; measure "$studio" >/dev/null   # warm the file cache
b=""; s=""
for i in $(seq "$runs"); do b+="$(measure "$blank")"$'\''\n'\''; s+="$(measure "$studio")"$'\''\n'\''; done
bm=$(printf "%s" "$b" | sort -n | awk "{a[NR]=\$1} END {print a[int((NR+1)/2)]}")
sm=$(printf "%s" "$s" | sort -n | awk "{a[NR]=\$1} END {print a[int((NR+1)/2)]}")
echo "blank window:    $(printf "%s" "$b" | stats)"
echo "quantcfg-studio: $(printf "%s" "$s" | stats)"
awk -v s="$sm" -v b="$bm" "BEGIN {printf \"ratio (median): %.2fx the blank window\n\", s/b}"
'
