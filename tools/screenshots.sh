#!/usr/bin/env bash
# Regenerates the studio screenshots in docs/screenshots/ from the real application, under Xvfb.
#
#   tools/screenshots.sh [BUILD_DIR] [NAME]   (default: build/dev; the quantcfg-studio target must be
#                                             built. NAME, a shell pattern: only the shots it matches)
#
# Needs xvfb-run and ImageMagick's `import`. Settings and user presets go to a temporary home, so
# the shots show the defaults whatever the developer has configured.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build/dev}"
studio="$build/app/studio/quantcfg-studio"
out="$here/docs/screenshots"
[ -x "$studio" ] || { echo "not built: $studio" >&2; exit 1; }
command -v import >/dev/null || { echo "ImageMagick's import is missing (apt-get install imagemagick)" >&2; exit 1; }
mkdir -p "$out"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shot NAME WIDTH HEIGHT [ARGS]: starts the studio full-screen (optionally with ARGS: a file, --tab,
# --model, --bench …) and grabs the screen. $settings, when set, is written as the studio's settings.
settings=""
only="${2:-*}"
shot() {
    local name="$1" w="$2" h="$3" file="${4:-}"
    # shellcheck disable=SC2053 # $only is a pattern
    [[ "$name" == $only ]] || return 0
    rm -rf "$tmp/home" && mkdir -p "$tmp/home/config/quantcfg"
    [ -z "$settings" ] || printf '%s\n' "$settings" > "$tmp/home/config/quantcfg/quantcfg-studio.conf"
    XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" \
        xvfb-run -a -s "-screen 0 ${w}x${h}x24 -dpi 96" bash -c '
            "$0" -geometry "$1x$2+0+0" $3 &
            pid=$!
            sleep 4
            import -window root "$4"
            kill $pid' "$studio" "$w" "$h" "$file" "$out/$name.png"
    echo "wrote docs/screenshots/$name.png"
}

shot studio-1280x800 1280 800
shot studio-1920x1080 1920 1080

# A configuration with a mistake, to show how it is marked at the field and listed.
python3 - "$here/presets/sglang-marlin-moe.json" "$tmp/with-error.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["quantization"]["weight_bits"] = 3
json.dump(doc, open(sys.argv[2], "w"), indent=2)
PY
shot studio-error-1280x800 1280 800 "$tmp/with-error.json"

# The new tabs (issue 7), with real data: the GPU is the recorded answer of nvidia-smi on an H100
# (tests/data/nvidia-smi/one-h100), the model a real config.json, the results the test fixtures.
export QUANTCFG_NVML_LIBRARY="" QUANTCFG_ROCM_SMI="" QUANTCFG_FAKE_SMI_CASE=one-h100
export QUANTCFG_NVIDIA_SMI="$here/tests/data/nvidia-smi/fake-nvidia-smi.sh"
data="$here/tests/data"
shot studio-matrix-1280x800 1280 800 "--tab matrix"
shot studio-fit-1280x800 1280 800 "--tab fit --model $data/models/mixtral-8x7b"
# The benchmarks page with real result files other people published (tests/data/bench/real,
# SOURCES.md there): vLLM (one run where every request failed), a vLLM server sweep, SGLang,
# AIPerf, GuideLLM, the autotuner; an SLO of TTFT mean ≤ 500 ms names the winner.
real="$data/bench/real"
corpus="--tab bench --bench $real/vllm-bench-serve/er0080-bench-serve-v0.25.1.json \
--bench $real/vllm-bench-serve/er0080-all-requests-failed-v0.25.1.json \
--bench $real/vllm-bench-sweep/er0080-sweep-max_num_seqs=4-summary.json \
--bench $real/vllm-bench-sweep/er0080-sweep-max_num_seqs=8-summary.json \
--bench $real/sglang/datacrunch-llama-3.3-70b-online.jsonl \
--bench $real/sglang/scicom-v0.5.9-server_info-tp8_dp1_Qwen3-8B_in1024_out128_p100_c100_38769a.jsonl \
--bench $real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.json \
--bench $real/guidellm/danielkorat-v0.5.0dev-concurrent4-benchmarks.json \
--bench $real/autotuner/novitalabs-docker-simple-tune_results.json \
--bench $real/vllm-benchmark-serving/gunther520-vllm-infqps-Llama-3.1-8B-Instruct-20241120-032855.json"
settings=$'[benchmarks]\nchart=scatter\nslo\\ttft\\enabled=true\nslo\\ttft\\threshold=500'
shot studio-bench-1280x800 1280 800 "$corpus"
shot studio-bench-1920x1080 1920 1080 "$corpus"
settings=""

# High DPI: 150 % (QT_SCALE_FACTOR) on a 1920×1200 screen, i.e. a 1280×800 window in logical pixels.
# shellcheck disable=SC2053 # $only is a pattern
if [[ studio-hidpi-150 == $only ]]; then
rm -rf "$tmp/home" && mkdir -p "$tmp/home"
XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" QT_SCALE_FACTOR=1.5 \
    xvfb-run -a -s "-screen 0 1920x1200x24 -dpi 96" bash -c '
        "$0" -geometry 1280x800+0+0 "$1" &
        pid=$!
        sleep 4
        import -window root "$2"
        kill $pid' "$studio" "$here/presets/sglang-marlin-moe.json" "$out/studio-hidpi-150.png"
echo "wrote docs/screenshots/studio-hidpi-150.png"
fi

# The open Method list, for an A10G: the list's test opens it in the window and grabs the screen.
methodlist_test="$build/tests/tst_studio_methodlist"
# shellcheck disable=SC2053 # $only is a pattern
if [[ studio-methodlist-1280x800 != $only ]]; then
    :
elif [ -x "$methodlist_test" ]; then
    xvfb-run -a -s "-screen 0 1280x800x24 -dpi 96" env QT_QPA_PLATFORM=xcb QCFG_SCREENSHOT_DIR="$out" \
        "$methodlist_test" theOpenListInTheWindow >/dev/null
    echo "wrote docs/screenshots/studio-methodlist-1280x800.png"
else
    echo "not built: $methodlist_test (no Method list screenshot)" >&2
fi

# A dark desktop: the palette test renders the window with a dark system palette and saves it, at
# 1280×800 and 1920×1080.
palette_test="$build/tests/tst_studio_palette"
# shellcheck disable=SC2053 # $only is a pattern
if [[ studio-dark-1280x800 != $only && studio-dark-1920x1080 != $only ]]; then
    :
elif [ -x "$palette_test" ]; then
    QT_QPA_PLATFORM=offscreen QCFG_SCREENSHOT_DIR="$out" "$palette_test" windowOnADarkDesktop >/dev/null
    echo "wrote docs/screenshots/studio-dark-1280x800.png and studio-dark-1920x1080.png"
else
    echo "not built: $palette_test (no dark screenshot)" >&2
fi

# The load and latency charts (the benchmarks tab remembers its chart, pickers and SLO, so the
# settings choose them), with the same real files: lines per sweep, the scatter with its SLO region.
settings=$'[benchmarks]\nchart=lines\nloadAxis=request_rate'
shot studio-bench-lines-1280x800 1280 800 "$corpus"
settings=$'[benchmarks]\nchart=scatter\nstatistic=p99\nlatencyAxis=ttft\nslo\\ttft\\enabled=true\nslo\\ttft\\threshold=700'
shot studio-bench-scatter-1280x800 1280 800 "$corpus"
settings=""
