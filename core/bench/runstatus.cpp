#include "core/bench/runstatus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace quantcfg::bench {

namespace {

constexpr std::string_view kStatus = "status";

std::optional<double> count(const ResultTable &table, std::uint32_t run, std::string_view metric)
{
    for (const char *statistic : {"value", "mean"}) {
        if (auto v = table.metricValue(run, metric, statistic))
            return v;
    }
    return std::nullopt;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string percent(double ratio)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g %%", ratio * 100);
    return buf;
}

// Why @p run failed, or "" when it counts.
std::string failureReason(const ResultTable &table, std::uint32_t run, double maxFailureRatio)
{
    const auto completed = count(table, run, "requests_completed");
    const auto failed = count(table, run, "requests_failed");
    const auto total = count(table, run, "request_count");
    std::optional<double> done = completed;
    if (!done && total && failed)
        done = *total - *failed;
    std::optional<double> all = total;
    if (!all && done && failed)
        all = *done + *failed;
    if (done && *done <= 0)
        return all ? "failed: 0 of " + number(*all) + " requests completed" : std::string("failed: no request completed");
    if (failed && all && *all > 0) {
        const double ratio = *failed / *all;
        if (ratio > maxFailureRatio)
            return "failed: " + number(*failed) + " of " + number(*all) + " requests failed (" + percent(ratio) + " > " + percent(maxFailureRatio) + ")";
    }
    if (!done && !failed) {
        for (const char *metric : {"request_throughput", "output_throughput"}) {
            if (const auto v = count(table, run, metric); v && *v == 0)
                return "failed: " + std::string(metric) + " is 0 (no request completed)";
        }
    }
    return {};
}

bool isRequestCount(std::string_view metric)
{
    return metric == "requests_completed" || metric == "requests_failed" || metric == "request_count" || metric == "requests_incomplete";
}

} // namespace

void markFailedRuns(ResultTable &table, std::size_t firstRun, std::size_t firstRow, double maxFailureRatio)
{
    std::vector<bool> placeholders(table.runs().size(), false);
    const StrId statusKey = table.strings().intern(kStatus);
    for (std::size_t i = firstRun; i < table.runs().size(); ++i) {
        const auto run = static_cast<std::uint32_t>(i);
        const std::string reason = failureReason(table, run, maxFailureRatio);
        if (reason.empty())
            continue;
        std::vector<Label> labels;
        for (const Label &l : table.labels(table.run(run).labelSet)) {
            if (l.key != statusKey)
                labels.push_back(l);
        }
        labels.insert(labels.begin(), Label{statusKey, table.strings().intern(reason)});
        table.setRunLabels(run, table.addLabelSet(std::move(labels)));
        placeholders[i] = reason.find(" requests failed (") == std::string::npos; // nothing completed
    }
    table.eraseRows(firstRow, [&](const Row &row) {
        return placeholders[row.run] && !isRequestCount(table.str(table.seriesAt(row.series).metric));
    });
}

std::optional<std::string_view> failedStatus(const ResultTable &table, std::uint32_t run)
{
    const auto status = table.label(run, kStatus);
    if (status && status->rfind("failed", 0) == 0)
        return status;
    return std::nullopt;
}

} // namespace quantcfg::bench
