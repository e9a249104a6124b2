#!/usr/bin/env bash
# validate + map for all three engines: quantcfg (Google Benchmark) against the design's Python
# approach (tools/design_baseline.py: jsonschema + three mapping functions), side by side.
# Both figures are CPU time per configuration, so other load on the machine does not skew the ratio.
#
#   tools/perf_mapping.sh [BUILD_DIR]   (default build/release; configured with QUANTCFG_BUILD_BENCHMARKS=ON)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/release}"
if [ ! -x "$build/tests/bench/bench_mapping" ]; then
    cmake --preset release >/dev/null
    cmake --build "$build" --target bench_mapping
fi
python3 -c 'import jsonschema' 2>/dev/null || { echo "needs python3-jsonschema (apt-get install python3-jsonschema)" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-20s %14s %14s %8s\n' preset "quantcfg (us)" "design (us)" ratio
for preset in universal-fp8 sglang-marlin-moe; do
    ours=$("$build/tests/bench/bench_mapping" --benchmark_filter="validateAndMapAll/${preset//-/_}\$" \
        --benchmark_format=json --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.1f" % (min(b["cpu_time"] for b in d["benchmarks"] if b.get("aggregate_name") == "median") / 1000))')
    theirs=$(python3 "$here/tools/design_baseline.py" "$here/presets/$preset.json" 5000)
    ratio=$(python3 -c "print('%.1fx' % ($theirs / $ours))")
    printf '%-20s %14s %14s %8s\n' "$preset" "$ours" "$theirs" "$ratio"
done
