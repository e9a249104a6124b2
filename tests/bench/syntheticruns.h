#pragma once

// A large benchmark table made up for speed measurements and for tests that need many runs
// (tools/chart_redraw.sh, tst_studio_bench): nine configurations (three engines × three presets)
// at concurrency 1 … 4096, with a throughput and a mean TTFT per run drawn from a fixed seed.
#include "core/bench/resulttable.h"

#include <cmath>
#include <memory>
#include <random>
#include <vector>

namespace benchdata {

inline std::shared_ptr<quantcfg::bench::ResultTable> syntheticRuns(std::uint32_t runs)
{
    using namespace quantcfg;
    auto table = std::make_shared<bench::ResultTable>();
    std::vector<std::uint32_t> sets;
    for (const char *engine : {"vllm", "sglang", "trtllm"}) {
        for (const char *preset : {"universal-fp8", "extreme-compression", "high-quality"}) {
            auto &pool = table->strings();
            sets.push_back(table->addLabelSet({{pool.intern("engine"), pool.intern(engine)}, {pool.intern("preset"), pool.intern(preset)}}));
        }
    }
    const auto thr = table->seriesId("output_throughput", "value", "tokens/s", "tokens/s");
    const auto ttft = table->seriesId("ttft", "mean", "ms", "ms");
    std::mt19937 rng(7);
    std::lognormal_distribution<double> noise(0, 0.3);
    for (std::uint32_t i = 0; i < runs; ++i) {
        bench::Run run;
        run.labelSet = sets[i % sets.size()];
        run.load.concurrency = 1 + (i / sets.size()) % 4096;
        const std::uint32_t r = table->addRun(run);
        table->addRow(r, thr, 40.0 * std::sqrt(run.load.concurrency) * noise(rng));
        table->addRow(r, ttft, 20.0 + run.load.concurrency * 0.5 * noise(rng));
    }
    return table;
}

} // namespace benchdata
