#!/usr/bin/env bash
# Time from process start to the first painted window: quantcfg-studio against two baselines on
# the same Xvfb server, N interleaved runs each (default 15):
#   - a blank Qt Widgets window (tests/bench/blank_window.cpp), the yardstick of the start-up goal;
#   - the same program with --chrome: a menu bar, a tool bar with three standard icons, a status
#     bar and one label, which pays Qt's one-time costs (fonts, icon theme, image plugins) that a
#     blank window never meets.
#
#   tools/startup_time.sh [BUILD_DIR] [RUNS]     (default build/release; targets quantcfg-studio and
#                                                 studio_blank_window must be built)
#
# Each program prints the wall-clock time of its first paint and exits (QUANTCFG_STARTUP_PROBE=1);
# the script subtracts the time just before exec. Runs are interleaved so that a busy moment of the
# machine touches all three alike. Reported: median and best, in milliseconds, and the ratios.
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
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" results="$tmp/results"

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
measure() {
    local start end
    start=$(date +%s%N)
    end=$(QUANTCFG_STARTUP_PROBE=1 "$@" 2>/dev/null | sed -n "s/^first-paint-epoch-ns //p")
    echo $(( (end - start) / 1000 ))
}
measure "$blank" >/dev/null; measure "$blank" --chrome >/dev/null; measure "$studio" >/dev/null   # warm the file cache
for i in $(seq "$runs"); do
    echo "blank $(measure "$blank")"
    echo "chrome $(measure "$blank" --chrome)"
    echo "studio $(measure "$studio")"
done > "$results"
'
python3 - "$results" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, us = line.split()
    times.setdefault(name, []).append(int(us) / 1000)
median = {name: statistics.median(t) for name, t in times.items()}
labels = {"blank": "blank window", "chrome": "menu+toolbar window", "studio": "quantcfg-studio"}
for name in ("blank", "chrome", "studio"):
    print(f"{labels[name] + ':':22}median {median[name]:.1f} ms, best {min(times[name]):.1f} ms")
print(f"ratio (median): {median['studio'] / median['blank']:.2f}x the blank window, "
      f"{median['studio'] / median['chrome']:.2f}x the menu+toolbar window "
      f"(which is {median['chrome'] / median['blank']:.2f}x the blank window)")
PY
