#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quantcfg::bench {

/// What kind of quantity a metric is; it decides the normalised unit.
enum class Quantity { Time, TokenRate, RequestRate, Tokens, Count, Memory, Power, Energy, Percent, Ratio, Other };

/// A metric under its canonical name ("ttft", "tpot", "itl", "e2e_latency", "output_throughput",
/// "total_throughput", "request_throughput", "gpu_memory_used", …) and its kind.
struct MetricDef
{
    std::string name;
    Quantity quantity = Quantity::Other;
    bool known = false; ///< false: the name was only normalised (snake_case), not recognised
};

/// The canonical metric for a tool's name of it: "Time To First Token", "time_to_first_token_ms"
/// (without the unit), "e2el", "request_latency", "Output token throughput" … Unknown names come back
/// snake_cased with known = false and Quantity::Other.
MetricDef canonicalMetric(std::string_view name);

/// canonicalMetric() for AIPerf and GenAI-Perf, whose "Request Count" counts only the requests that
/// succeeded ("valid requests"; errors are "Error Request Count"): it is requests_completed there.
MetricDef perfAnalyzerMetric(std::string_view name);

/// The canonical statistic for a name: "avg"/"mean" → "mean", "median"/"p50" → "median",
/// "p99.90" → "p99.9", "std"/"stddev"/"std_dev" → "std", "min", "max". nullopt when not a statistic.
std::optional<std::string> canonicalStatistic(std::string_view name);

/// The quantity an explicit unit names ("s" → Time, "tokens/sec" → TokenRate, "MiB" → Memory), so
/// a metric no importer knows still gets its unit normalised; nullopt for "" and unknown units.
std::optional<Quantity> quantityOfUnit(std::string_view unit);

/// A value in the normalised unit of its quantity.
struct Normalised
{
    double value;
    const char *unit; ///< "ms", "tokens/s", "requests/s", "tokens", "count", "GB", "W", "MJ", "%", ""
};

/// Converts @p value given in @p unit ("ms", "s", "sec", "ns", "tokens/sec", "per sec", "GB", "MiB",
/// …; case-insensitive; "" = already in the normalised unit) to the normalised unit of @p q.
/// nullopt when the unit does not fit the quantity.
std::optional<Normalised> normalise(Quantity q, std::string_view unit, double value);

/// What a free-form column header means, e.g. "ttft_p99_ms", "TTFT p99 (ms)", "mean_ttft_ms",
/// "Output Token Throughput (tokens/sec)".
struct ColumnMeaning
{
    MetricDef metric;
    std::string statistic; ///< canonical, or "" when the header names none
    std::string unit;      ///< the unit as written, or "" when none
};

/// Splits a header into metric, statistic and unit (see ColumnMeaning).
ColumnMeaning parseColumnName(std::string_view header);

/// Lower-case snake_case of @p s: "Time To First Token" → "time_to_first_token".
std::string snakeCase(std::string_view s);

} // namespace quantcfg::bench
