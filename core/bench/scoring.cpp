#include "core/bench/scoring.h"

#include "core/bench/runstatus.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace quantcfg::bench {

namespace {

Diagnostic sloError(std::string code, std::string pointer, std::string message)
{
    Diagnostic d;
    d.code = std::move(code);
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

bool readNumber(const Json &obj, const char *key, double &out, const std::string &ptr, Diagnostics &diags)
{
    auto it = obj.find(key);
    if (it == obj.end())
        return false;
    if (!it->is_number()) {
        diags.push_back(sloError("slo.type", ptr + "/" + key, std::string(key) + " must be a number"));
        return false;
    }
    out = it->get<double>();
    return true;
}

void readLimit(const Json &v, SloLimit limit, double toUnit, const std::string &ptr, SloSpec &spec, Diagnostics &diags)
{
    if (!v.is_object()) {
        diags.push_back(sloError("slo.type", ptr, "an SLO limit must be an object like {\"threshold\": 1.0, \"weight\": 2}"));
        return;
    }
    double threshold = 0;
    const bool has = readNumber(v, "threshold", threshold, ptr, diags) || readNumber(v, "max", threshold, ptr, diags)
                     || readNumber(v, "max_gb", threshold, ptr, diags);
    if (!has) {
        diags.push_back(sloError("slo.missing", ptr, "the limit has no threshold (\"threshold\", \"max\" or \"max_gb\")"));
        return;
    }
    if (threshold <= 0) {
        diags.push_back(sloError("slo.range", ptr, "the threshold must be greater than 0"));
        return;
    }
    limit.threshold = threshold * toUnit;
    readNumber(v, "weight", limit.weight, ptr, diags);
    readNumber(v, "fail_ratio", limit.failRatio, ptr, diags);
    if (auto it = v.find("hard_fail"); it != v.end() && it->is_boolean())
        limit.hardFail = it->get<bool>();
    if (auto it = v.find("statistic"); it != v.end() && it->is_string())
        limit.statistic = it->get<std::string>();
    spec.limits.push_back(std::move(limit));
}

} // namespace

SloParseResult parseSlo(const Json &doc)
{
    SloParseResult r;
    if (!doc.is_object()) {
        r.diagnostics.push_back(sloError("slo.type", "", "the SLO file must hold a JSON object"));
        return r;
    }
    const Json *block = &doc;
    std::string base;
    for (const char *key : {"slo", "slo_constraints"}) {
        if (auto it = doc.find(key); it != doc.end()) {
            block = &*it;
            base = std::string("/") + key;
            break;
        }
    }
    if (!block->is_object()) {
        r.diagnostics.push_back(sloError("slo.type", base, "the SLO block must be an object"));
        return r;
    }
    SloSpec spec;
    // Thresholds are in seconds (autotuner, design doc); the table holds ms.
    for (auto it = block->begin(); it != block->end(); ++it) {
        const std::string &key = it.key();
        const std::string ptr = base + "/" + key;
        if (key == "ttft" || key == "tpot") {
            readLimit(*it, SloLimit{key, key, "mean", 0, 1.0, false, 0.5}, 1000.0, ptr, spec, r.diagnostics);
        } else if (key == "latency" && it->is_object()) {
            for (auto p = it->begin(); p != it->end(); ++p) {
                const auto stat = canonicalStatistic(p.key());
                if (!stat) {
                    r.diagnostics.push_back(sloError("slo.unknown-key", ptr + "/" + p.key(), "expected p50, p90 or p99"));
                    continue;
                }
                readLimit(*p, SloLimit{"latency." + p.key(), "e2e_latency", *stat, 0, 1.0, false, 0.5}, 1000.0,
                          ptr + "/" + p.key(), spec, r.diagnostics);
            }
        } else if (key == "memory") {
            readLimit(*it, SloLimit{"memory", "gpu_memory_used", "max", 0, 1.0, false, 0.5}, 1.0, ptr, spec, r.diagnostics);
        } else if (key == "steepness") {
            if (!it->is_number() || it->get<double>() <= 0)
                r.diagnostics.push_back(sloError("slo.range", ptr, "steepness must be a number greater than 0"));
            else
                spec.steepness = it->get<double>();
        } else {
            Diagnostic d = sloError("slo.unknown-key", ptr, "unknown SLO key '" + key + "' (known: ttft, tpot, latency, memory, steepness)");
            d.severity = Severity::Warning;
            r.diagnostics.push_back(d);
        }
    }
    if (base.empty() && spec.limits.empty() && !hasErrors(r.diagnostics)) // {"foo": 1}: no block, no limit
        r.diagnostics.insert(r.diagnostics.begin(), sloError("slo.missing", "", "no slo or slo_constraints block and no limit (ttft, tpot, latency, memory)"));
    if (!hasErrors(r.diagnostics))
        r.slo = std::move(spec);
    return r;
}

std::optional<Objective> objectiveFromName(std::string_view name)
{
    for (Objective o : {Objective::MaximizeThroughput, Objective::MinimizeLatency, Objective::MinimizeTtft, Objective::MinimizeTpot})
        if (name == objectiveName(o))
            return o;
    return std::nullopt;
}

const char *objectiveName(Objective o)
{
    switch (o) {
    case Objective::MaximizeThroughput: return "maximize_throughput";
    case Objective::MinimizeLatency: return "minimize_latency";
    case Objective::MinimizeTtft: return "minimize_ttft";
    case Objective::MinimizeTpot: return "minimize_tpot";
    }
    return "";
}

std::optional<double> headlineValue(const ResultTable &table, std::uint32_t run, std::string_view metric)
{
    if (auto v = table.metricValue(run, metric, "value"))
        return v;
    return table.metricValue(run, metric, "mean");
}

namespace {

std::optional<double> statValue(const ResultTable &table, std::uint32_t run, const std::string &metric, const std::string &stat)
{
    if (auto v = table.metricValue(run, metric, stat))
        return v;
    // A single reported figure ("value", e.g. a tidy CSV column without a statistic) stands for the mean.
    return stat == "mean" ? table.metricValue(run, metric, "value") : std::nullopt;
}

// Peak memory: the largest value of any statistic of gpu_memory_used or its per-GPU series.
std::optional<double> peakMemory(const ResultTable &table, std::uint32_t run)
{
    std::optional<double> best;
    for (const Row &row : table.rows()) {
        if (row.run != run)
            continue;
        const std::string_view m = table.str(table.seriesAt(row.series).metric);
        if (m == "gpu_memory_used" || m.rfind("gpu_memory_used/", 0) == 0)
            best = best ? std::max(*best, row.value) : row.value;
    }
    return best;
}

std::optional<double> baseValue(const ResultTable &table, std::uint32_t run, Objective o)
{
    switch (o) {
    case Objective::MinimizeLatency:
        if (auto v = statValue(table, run, "e2e_latency", "mean"))
            return v;
        return table.metricValue(run, "e2e_latency", "median");
    case Objective::MinimizeTtft: return statValue(table, run, "ttft", "mean");
    case Objective::MinimizeTpot: return statValue(table, run, "tpot", "mean");
    case Objective::MaximizeThroughput: {
        // Total tokens/s per GPU, as the autotuner; without per-GPU figures divide by the GPU count or tp label.
        if (auto v = headlineValue(table, run, "total_throughput_per_gpu"))
            return -*v;
        std::optional<double> total = headlineValue(table, run, "total_throughput");
        if (!total)
            total = headlineValue(table, run, "output_throughput");
        if (!total)
            return std::nullopt;
        for (const char *key : {"gpu_count", "tp"}) {
            if (auto l = table.label(run, key)) {
                double n = 0;
                auto res = std::from_chars(l->data(), l->data() + l->size(), n);
                if (res.ec == std::errc() && n > 0)
                    return -*total / n;
            }
        }
        return -*total;
    }
    }
    return std::nullopt;
}

} // namespace

Ranking rankRuns(const ResultTable &table, const SloSpec &slo, Objective objective)
{
    Ranking ranking;
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::uint32_t i = 0; i < table.runs().size(); ++i) {
        ScoredRun s;
        s.run = i;
        s.base = baseValue(table, i, objective);
        double penalties = 0;
        for (const SloLimit &limit : slo.limits) {
            const std::optional<double> actual =
                limit.metric == "gpu_memory_used" ? peakMemory(table, i) : statValue(table, i, limit.metric, limit.statistic);
            if (!actual) {
                s.unmeasured.push_back(limit.name);
                continue;
            }
            if (*actual <= limit.threshold)
                continue;
            Violation v{limit.name, *actual, limit.threshold, (*actual - limit.threshold) / limit.threshold, 0, false};
            // The autotuner's code uses '>' (its document says '≥'); we follow the code.
            if (limit.hardFail && v.ratio > limit.failRatio)
                v.hardFail = s.hardFailed = true;
            else
                v.penalty = limit.weight * std::exp(v.ratio / slo.steepness);
            penalties += v.penalty;
            s.violations.push_back(v);
        }
        if (const auto status = failedStatus(table, i))
            s.failed = std::string(*status);
        if (!s.base || s.hardFailed || !s.failed.empty())
            s.score = inf;
        else
            s.score = *s.base + penalties * std::abs(*s.base);
        s.meetsSlo = s.base && s.violations.empty() && s.unmeasured.empty() && s.failed.empty();
        ranking.runs.push_back(std::move(s));
    }
    std::stable_sort(ranking.runs.begin(), ranking.runs.end(), [](const ScoredRun &a, const ScoredRun &b) {
        return a.score < b.score;
    });
    for (std::size_t i = 0; i < ranking.runs.size(); ++i) {
        if (ranking.runs[i].meetsSlo) {
            ranking.best = i;
            break;
        }
    }
    return ranking;
}

void markParetoFront(std::vector<ParetoPoint> &points)
{
    // Sweep by rising latency (higher throughput first on ties): a point is on the front when its
    // throughput beats every point with lower latency. Exact duplicates of a front point stay on it.
    std::stable_sort(points.begin(), points.end(), [](const ParetoPoint &a, const ParetoPoint &b) {
        return a.latency != b.latency ? a.latency < b.latency : a.throughput > b.throughput;
    });
    double bestThr = -std::numeric_limits<double>::infinity();
    double bestLat = 0;
    for (ParetoPoint &p : points) {
        if (p.throughput > bestThr) {
            p.onFront = true;
            bestThr = p.throughput;
            bestLat = p.latency;
        } else if (p.throughput == bestThr && p.latency == bestLat) {
            p.onFront = true;
        }
    }
}

std::vector<ParetoPoint> paretoFront(const ResultTable &table, std::string_view latencyMetric, std::string_view latencyStatistic,
                                     std::string_view throughputMetric)
{
    std::vector<ParetoPoint> points;
    for (std::uint32_t i = 0; i < table.runs().size(); ++i) {
        if (failedStatus(table, i))
            continue; // its figures do not describe the configuration
        const auto thr = headlineValue(table, i, throughputMetric);
        const auto lat = statValue(table, i, std::string(latencyMetric), std::string(latencyStatistic));
        if (thr && lat)
            points.push_back(ParetoPoint{i, *thr, *lat, false});
    }
    markParetoFront(points);
    return points;
}

} // namespace quantcfg::bench
