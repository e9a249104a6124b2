#pragma once

#include "core/bench/metrics.h"
#include "core/bench/resulttable.h"
#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg::bench {

/// One SLO limit: metric/statistic must stay at or below threshold (in the table's unit, so ms for
/// times and GB for memory).
struct SloLimit
{
    std::string name;      ///< as written: "ttft", "tpot", "latency.p99", "memory"
    std::string metric;    ///< canonical metric ("ttft", "e2e_latency", "gpu_memory_used")
    std::string statistic; ///< "mean", "p99", … ("max" for memory: the peak over GPUs and statistics)
    double threshold = 0;  ///< normalised unit (ms, GB)
    double weight = 1.0;
    bool hardFail = false;
    double failRatio = 0.5;
};

/// The design's `slo` / `slo_constraints` block.
struct SloSpec
{
    std::vector<SloLimit> limits;
    double steepness = 0.1;
};

/// Result of parseSlo().
struct SloParseResult
{
    std::optional<SloSpec> slo;
    Diagnostics diagnostics; ///< codes "slo.type", "slo.missing", "slo.range", "slo.unknown-key"; pointer = JSON pointer
};

/// Reads an SLO block: `{"slo": {"ttft": {"threshold": 1.0, "weight": 2}, "latency": {"p99": {…}}, "steepness": 0.1}}`
/// (thresholds in seconds, as the autotuner), or `{"slo_constraints": {"ttft": {"max": 1.0}, "memory": {"max_gb": 24}}}`,
/// or either block on its own. A limit may add `"statistic": "p99"` to check a percentile instead of the mean.
SloParseResult parseSlo(const Json &doc);

/// What to optimise (the autotuner's objectives, formats.md §1).
enum class Objective { MaximizeThroughput, MinimizeLatency, MinimizeTtft, MinimizeTpot };

/// "maximize_throughput", "minimize_latency", "minimize_ttft", "minimize_tpot" → Objective.
std::optional<Objective> objectiveFromName(std::string_view name);
const char *objectiveName(Objective o);

/// One violated SLO limit of a run.
struct Violation
{
    std::string name;
    double actual = 0;
    double threshold = 0;
    double ratio = 0;   ///< (actual − threshold) / threshold
    double penalty = 0; ///< weight · exp(ratio / steepness); 0 for a hard fail
    bool hardFail = false;
};

/// A run with its score; lower scores rank first.
struct ScoredRun
{
    std::uint32_t run = 0;
    std::optional<double> base;        ///< the objective's metric (negated for maximize); nullopt when missing
    double score = 0;                  ///< base + Σpenalty·|base|; +inf for hard fails and missing base
    bool meetsSlo = false;             ///< every limit measured and met
    bool hardFailed = false;
    /// The run's "status" label when its requests failed (see markFailedRuns()): it meets no SLO,
    /// scores +inf and is never best.
    std::string failed;
    std::vector<Violation> violations;
    std::vector<std::string> unmeasured; ///< limits the run has no value for
};

/// Runs ranked best first, and the best one that meets every SLO.
struct Ranking
{
    std::vector<ScoredRun> runs;
    std::optional<std::size_t> best; ///< index into runs
};

/// Scores every run of @p table against @p slo for @p objective and sorts them (see docs/benchmarks.md).
Ranking rankRuns(const ResultTable &table, const SloSpec &slo, Objective objective);

/// A run as a point of the throughput/latency plane.
struct ParetoPoint
{
    std::uint32_t run = 0;
    double throughput = 0;
    double latency = 0;
    bool onFront = false; ///< no other run has both higher-or-equal throughput and lower-or-equal latency, one strictly
};

/// Points for every run that has both metrics and did not fail (markFailedRuns()), sorted by
/// latency; onFront marks the Pareto front of
/// maximal @p throughputMetric (statistic "value" or "mean") against minimal @p latencyMetric / @p latencyStatistic.
std::vector<ParetoPoint> paretoFront(const ResultTable &table, std::string_view latencyMetric, std::string_view latencyStatistic,
                                     std::string_view throughputMetric = "output_throughput");

/// Sorts @p points by latency (higher throughput first on ties) and sets onFront on the Pareto
/// front of maximal throughput against minimal latency; @c run is left as given. Used by
/// paretoFront() and by the studio for the runs its filter shows.
void markParetoFront(std::vector<ParetoPoint> &points);

/// A single figure for a metric: statistic "value", else "mean".
std::optional<double> headlineValue(const ResultTable &table, std::uint32_t run, std::string_view metric);

} // namespace quantcfg::bench
