#!/usr/bin/env bash
# Times `quantcfg bench import` against pandas.read_csv on the same ~100 MB tidy CSV, in one run.
# Not a test: it prints figures for docs/benchmarks.md (goal: ≥ 2× faster than pandas, peak RSS
# under 1.5× the file size).
#
#   tests/bench/import_speed.sh [QUANTCFG_BINARY] [SIZE_MB]
#
# Use a Release build (cmake -B build/release -DCMAKE_BUILD_TYPE=Release … --target quantcfg).
# Needs /usr/bin/time and Debian's python3-pandas (apt-get install python3-pandas).
set -euo pipefail

QUANTCFG=${1:-build/release/app/quantcfg}
SIZE_MB=${2:-100}
PYTHON=${PYTHON:-/usr/bin/python3}
FILE=${TMPDIR:-/tmp}/quantcfg-bench-tidy-${SIZE_MB}mb.csv

[[ -x $QUANTCFG ]] || { echo "no quantcfg binary at $QUANTCFG" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
"$PYTHON" -c 'import pandas' 2>/dev/null || { echo "needs pandas for $PYTHON (apt-get install python3-pandas)" >&2; exit 2; }

if [[ ! -s $FILE ]]; then
    # A long tidy CSV as a sweep would write it: labels, load, metric, statistic, value, unit.
    "$PYTHON" - "$FILE" "$SIZE_MB" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
random.seed(42)
engines = ["vllm", "sglang", "tensorrt-llm"]
presets = ["universal-fp8", "sglang-marlin-moe", "extreme-compression", "high-quality", "blackwell-fp4"]
gpus = ["H100", "H200", "A100", "L40S"]
metrics = [("ttft", "ms"), ("tpot", "ms"), ("itl", "ms"), ("e2e_latency", "ms"), ("output_throughput", "tokens/s")]
stats = ["mean", "median", "p90", "p99"]
with open(path, "w") as f:
    f.write("run,engine,preset,tp,gpu,concurrency,metric,statistic,value,unit\n")
    written, run = 0, 0
    while written < size:
        run += 1
        e, p, g = random.choice(engines), random.choice(presets), random.choice(gpus)
        tp, c = random.choice([1, 2, 4, 8]), random.choice([1, 4, 16, 64, 256])
        lines = []
        for m, u in metrics:
            for s in stats:
                lines.append(f"r{run % 5000},{e},{p},{tp},{g},{c},{m},{s},{random.uniform(1, 5000):.4f},{u}\n")
        chunk = "".join(lines)
        f.write(chunk)
        written += len(chunk)
PY
fi

bytes=$(stat -c %s "$FILE")
rows=$(($(wc -l < "$FILE") - 1))
echo "file: $FILE ($((bytes / 1024 / 1024)) MiB, $rows rows)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"

measure() { # label, command… → prints seconds and peak RSS (KiB)
    local label=$1; shift
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log"
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    rm -f "$log"
    printf '%-28s %8.2f s   peak RSS %7.1f MiB (%.2f× file)\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" \
        "$(echo "$rss * 1024 / $bytes" | bc -l)"
    eval "${label//[^a-z]/_}_s=$wall"
}

measure "quantcfg bench import" "$QUANTCFG" bench import "$FILE" --format csv
measure "pandas.read_csv" "$PYTHON" -c "import pandas, sys; df = pandas.read_csv(sys.argv[1]); print(len(df))" "$FILE"
echo "speed-up over pandas: $(echo "scale=2; $pandas_read_csv_s / $quantcfg_bench_import_s" | bc -l)×"
