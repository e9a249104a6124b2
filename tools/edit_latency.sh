#!/usr/bin/env bash
# Revalidate-and-remap time per edit in the studio, and the full cost with every view updated and
# the window repainted (tests/bench/studio_edit_latency.cpp), on Xvfb at 1280x800.
#
#   tools/edit_latency.sh [BUILD_DIR]     (default build/release; target studio_edit_latency)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/release}"
bench="$build/tests/studio_edit_latency"
[ -x "$bench" ] || { echo "not built: $bench" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$bench" -geometry 1280x800+0+0 2>/dev/null
