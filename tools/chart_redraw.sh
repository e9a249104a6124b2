#!/usr/bin/env bash
# Feed and redraw time of the benchmark charts with a million runs (tests/bench/chart_redraw.cpp),
# on Xvfb at 1280x800. The goal is a redraw under 50 ms.
#
#   tools/chart_redraw.sh [BUILD_DIR] [RUNS]    (default build/release, 1000000; target studio_chart_redraw)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/release}"
bench="$build/tests/studio_chart_redraw"
[ -x "$bench" ] || { echo "not built: $bench" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$bench" "${2:-1000000}" 2>/dev/null
