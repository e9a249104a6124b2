#include "core/bench/runstatus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace quantcfg::bench {

namespace {

constexpr std::string_view kStatus = "status";

// The figures the failed-run rule reads, per run. Gathered in one pass over a file's new rows:
// ResultTable::metricValue() would index every row of the table (tens of MB for a large CSV) to
// answer five lookups per run.
enum Figure { Completed, Failed, Total, RequestThroughput, OutputThroughput, FigureCount };

struct Figures
{
    // Per figure: its value, and 2 when it came from a "value" statistic, 1 from "mean", 0 none.
    std::array<double, FigureCount> value{};
    std::array<int, FigureCount> rank{};
    std::optional<double> operator[](Figure f) const { return rank[f] ? std::optional<double>(value[f]) : std::nullopt; }
};

std::vector<Figures> gatherFigures(const ResultTable &table, std::size_t firstRun, std::size_t firstRow)
{
    std::vector<Figures> figures(table.runs().size() - firstRun);
    const StringPool &pool = table.strings();
    const std::array<StrId, FigureCount> metricIds = {pool.find("requests_completed"), pool.find("requests_failed"),
                                                      pool.find("request_count"), pool.find("request_throughput"),
                                                      pool.find("output_throughput")};
    const StrId valueId = pool.find("value");
    const StrId meanId = pool.find("mean");
    for (std::size_t i = firstRow; i < table.rows().size(); ++i) {
        const Row &row = table.rows()[i];
        const Series &series = table.seriesAt(row.series);
        const int rank = series.statistic == valueId ? 2 : series.statistic == meanId ? 1 : 0;
        if (rank == 0 || row.run < firstRun)
            continue;
        for (int f = 0; f < FigureCount; ++f) {
            Figures &fig = figures[row.run - firstRun];
            if (series.metric == metricIds[f] && rank > fig.rank[f]) { // the first row of the best statistic wins
                fig.value[f] = row.value;
                fig.rank[f] = rank;
            }
        }
    }
    return figures;
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
std::string failureReason(const Figures &fig, double maxFailureRatio)
{
    const auto completed = fig[Completed];
    const auto failed = fig[Failed];
    const auto total = fig[Total];
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
        for (const auto &[figure, metric] : {std::pair{RequestThroughput, "request_throughput"}, std::pair{OutputThroughput, "output_throughput"}}) {
            if (const auto v = fig[figure]; v && *v == 0)
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
    const std::vector<Figures> figures = gatherFigures(table, firstRun, firstRow);
    const StrId statusKey = table.strings().intern(kStatus);
    for (std::size_t i = firstRun; i < table.runs().size(); ++i) {
        const auto run = static_cast<std::uint32_t>(i);
        const std::string reason = failureReason(figures[i - firstRun], maxFailureRatio);
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
