// Validate + map one configuration for all three engines: the work the studio redoes on every
// edit and the autotuner on every experiment. Run: build/release/tests/bench/bench_mapping
#include "core/config.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/presets.h"
#include "core/validation.h"

#include <benchmark/benchmark.h>

using namespace quantcfg;

namespace {

const Json &presetDoc(const char *name)
{
    static const PresetLibrary lib = loadPresetLibrary(std::nullopt);
    return lib.find(name)->document;
}

void validateAndMapAll(benchmark::State &state, const char *preset)
{
    const Json &doc = presetDoc(preset);
    // Warm the one-time parsing of schema and profiles outside the timed loop.
    benchmark::DoNotOptimize(validateDocument(doc));
    benchmark::DoNotOptimize(mapAllEngines(Config::fromJson(doc)));
    for (auto _ : state) {
        Diagnostics diags = validateDocument(doc);
        std::vector<LaunchPlan> plans = mapAllEngines(Config::fromJson(doc));
        benchmark::DoNotOptimize(diags);
        benchmark::DoNotOptimize(plans);
    }
}

void validateOnly(benchmark::State &state)
{
    const Json &doc = presetDoc("sglang-marlin-moe");
    benchmark::DoNotOptimize(validateDocument(doc));
    for (auto _ : state)
        benchmark::DoNotOptimize(validateDocument(doc));
}

void mapOnly(benchmark::State &state)
{
    const Config config = Config::fromJson(presetDoc("sglang-marlin-moe"));
    benchmark::DoNotOptimize(mapAllEngines(config));
    for (auto _ : state)
        benchmark::DoNotOptimize(mapAllEngines(config));
}

void renderAll(benchmark::State &state)
{
    const auto plans = mapAllEngines(Config::fromJson(presetDoc("sglang-marlin-moe")));
    for (auto _ : state) {
        for (const LaunchPlan &p : plans)
            benchmark::DoNotOptimize(renderCommand(p, CommandLayout::MultiLine));
    }
}

} // namespace

BENCHMARK_CAPTURE(validateAndMapAll, universal_fp8, "universal-fp8");
BENCHMARK_CAPTURE(validateAndMapAll, sglang_marlin_moe, "sglang-marlin-moe");
BENCHMARK(validateOnly);
BENCHMARK(mapOnly);
BENCHMARK(renderAll);
BENCHMARK_MAIN();
