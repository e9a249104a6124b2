#include "core/bench/runstatus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
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

// The requests of a run that completed and all of them, from whichever two counts its file gives.
struct Counts
{
    std::optional<double> done;
    std::optional<double> all;
};

Counts countsOf(const Figures &fig)
{
    Counts c{fig[Completed], fig[Total]};
    if (!c.done && c.all && fig[Failed])
        c.done = *c.all - *fig[Failed];
    if (!c.all && c.done && fig[Failed])
        c.all = *c.done + *fig[Failed];
    return c;
}

// Why @p run failed, or "" when it counts.
std::string failureReason(const Figures &fig, double maxFailureRatio)
{
    const auto failed = fig[Failed];
    const auto [done, all] = countsOf(fig);
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

std::vector<double> successRates(const ResultTable &table)
{
    std::vector<double> out(table.runs().size(), std::numeric_limits<double>::quiet_NaN());
    const std::vector<Figures> figures = gatherFigures(table, 0, 0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto [done, all] = countsOf(figures[i]);
        if (done && all && *all > 0)
            out[i] = std::clamp(*done / *all, 0.0, 1.0);
    }
    return out;
}

} // namespace quantcfg::bench
