#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset "fuzz": clang, ASan + UBSan, no studio) and runs each for
# a bounded time. See docs/fuzzing.md.
#
#   tools/fuzz.sh [SECONDS | --runs N] [HARNESS...]
#
# SECONDS (default 20) is the time per run: exploration, different inputs every time. --runs N
# instead runs exactly N inputs per run from a fixed seed (-seed=1) on a fresh corpus, so the same
# source always tries the same inputs: that is what CI runs, and a red CI is a bug in the change,
# never a lucky draw. HARNESS is config, nvidia_smi, shell_lint, autotuner_task, deploy or
# bench_import (default: all); bench_import runs once per import format, on that format's seeds.
# Corpora grow in build/fuzz/runs/<run>/corpus and survive between calls; crashing inputs land in
# build/fuzz/runs/<run>/artifacts/. Exits 1 when any run found a crash, leak or timeout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# The libFuzzer options that bound a run, and the words the summary line uses for it.
if [ "${1:-}" = --runs ]; then
    budget="-runs=${2:?--runs needs a number} -seed=1"
    budget_words="${2} inputs (seed 1)"
    deterministic=1
    shift 2
else
    budget="-max_total_time=${1:-20}"
    budget_words="${1:-20}s"
    deterministic=0
    shift || true
fi
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(config nvidia_smi shell_lint autotuner_task bench_import deploy)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)"

# One line per run: "run-name harness seed-directory".
runs=()
for h in "${harnesses[@]}"; do
    if [ "$h" = bench_import ]; then
        for d in tests/fuzz/corpus/bench-*; do runs+=("$(basename "$d") $h $d"); done
    elif [ "$h" = autotuner_task ]; then
        runs+=("$h $h tests/data/tasks/autotuner")
    else
        runs+=("$h $h tests/fuzz/corpus/$h")
    fi
done

fuzz_one() {
    local run=$1 harness=$2 seeds=$3
    local work="build/fuzz/runs/$run"
    # A deterministic run starts from the seeds alone: a corpus left by earlier runs would change
    # which inputs it tries.
    [ "$deterministic" = 1 ] && rm -rf "$work/corpus"
    mkdir -p "$work/corpus" "$work/artifacts"
    # The first directory receives new inputs; the seeds in the source tree are only read.
    # shellcheck disable=SC2086 # $budget is two options
    if "build/fuzz/tests/fuzz/fuzz_$harness" $budget -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds" >"$work/log" 2>&1; then
        echo "fuzz $run: ok, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$') inputs, budget $budget_words"
    else
        echo "fuzz $run: FAILED (log: $work/log)"
        tail -n 40 "$work/log"
        echo "Reproduce with build/fuzz/tests/fuzz/fuzz_$harness ARTIFACT; keep the input as a regression in tests/fuzz/regressions/$harness/"
        return 1
    fi
}
export -f fuzz_one
export budget budget_words deterministic

# One run per CPU core (two on the development machine); each fuzzer is single-threaded. xargs
# exits 123 when a run failed: the header promises 1.
printf '%s\n' "${runs[@]}" \
    | xargs -P "$(nproc 2>/dev/null || echo 2)" -L 1 bash -c 'fuzz_one "$0" "$1" "$2"' || exit 1
