#pragma once

#include "core/bench/resulttable.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace quantcfg::bench {

/// The share of failed requests above which a run counts as failed, unless the user sets another
/// (ImportOptions::maxFailureRatio, `quantcfg bench … --max-failure-ratio`).
inline constexpr double kDefaultMaxFailureRatio = 0.05;

/// Gives every run from @p firstRun on whose requests did not complete a "status" label saying
/// why ("failed: 0 of 8 requests completed", "failed: 3 of 40 requests failed (7.5 % > 5 %)"):
/// no completed request, a failure ratio above @p maxFailureRatio, or (when the file counts no
/// requests) a throughput of exactly zero. A run with no completed request keeps only its request
/// counts: its latencies and throughputs are the tool's placeholder zeros, not measurements.
/// @p firstRow is the first row of those runs (rows before it are left alone).
void markFailedRuns(ResultTable &table, std::size_t firstRun, std::size_t firstRow, double maxFailureRatio);

/// The "status" label of a failed run ("failed: …"), or nullopt for a run that counts.
std::optional<std::string_view> failedStatus(const ResultTable &table, std::uint32_t run);

/// Per run, the share of its requests that completed (0–1), from the request counts its file gives,
/// read as the failed-run rule reads them (completed and failed, or either with the total); NaN for
/// a run whose file counts no requests. One pass over the rows.
std::vector<double> successRates(const ResultTable &table);

} // namespace quantcfg::bench
