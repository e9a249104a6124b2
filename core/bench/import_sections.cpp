// Multi-header CSVs: GenAI-Perf / AIPerf profile exports and GuideLLM ≥ 0.4.
#include "core/bench/importcontext.h"
#include "core/bench/jsonstream.h"

#include <algorithm>

namespace quantcfg::bench {

namespace {

std::string statisticOfColumn(const std::string &name)
{
    if (name == "Value")
        return "value";
    const auto st = canonicalStatistic(name);
    return st ? *st : snakeCase(name);
}

} // namespace

void importGenAiPerfCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &firstHeader, Tool tool)
{
    // One run per file: the load is only in the folder name (formats.md §3 2.1).
    const std::uint32_t run = ctx.addRun(tool, {}, Load{}, {}, 0);
    std::vector<std::string> header = firstHeader;
    bool expectHeader = false;
    while (reader.next()) {
        if (!ctx.progress(reader.bytesRead()))
            return;
        const auto &f = reader.fields();
        if (reader.blank()) {
            expectHeader = true; // sections are separated by an empty row and restart with "Metric,…"
            continue;
        }
        if (expectHeader || (f[0] == "Metric" && !reader.quoted(0))) {
            header.assign(f.begin(), f.end());
            expectHeader = false;
            continue;
        }
        if (f.size() != header.size()) {
            ctx.badRow(reader.line(), 1, "bench.bad-row",
                       std::to_string(f.size()) + " fields where the section header has " + std::to_string(header.size()));
            continue;
        }
        ColumnMeaning m = parseColumnName(f[0]);
        if (m.metric.name == "request_count")
            m.metric = perfAnalyzerMetric(m.metric.name);
        if (m.unit.empty() && m.metric.quantity == Quantity::Time)
            m.unit = "ms";
        std::string metricName = m.metric.name;
        bool bad = false;
        std::vector<std::pair<std::string, double>> cells;
        for (std::size_t i = 1; i < f.size() && !bad; ++i) {
            if (header[i] == "GPU") { // telemetry per GPU: "gpu_memory_used/gpu0"
                metricName = m.metric.name + "/" + std::string(trim(f[i]));
                continue;
            }
            const Cell c = parseCell(f[i], false);
            if (c.kind == CellKind::Invalid) {
                ctx.badRow(reader.line(), i + 1, "bench.bad-number", std::string("'").append(f[i]).append("' is not a number"),
                           std::string(f[i]));
                bad = true;
            } else if (c.kind == CellKind::Number) {
                cells.emplace_back(statisticOfColumn(header[i]), c.value);
            }
        }
        if (bad)
            continue;
        MetricDef def = m.metric;
        def.name = metricName;
        for (const auto &[stat, value] : cells)
            ctx.addValue(run, def, stat, m.unit, value, reader.line());
    }
}

namespace {

struct GuideColumn
{
    std::string group, field, stat;
};

// Metric and unit of a GuideLLM distribution column: group "Time to First Token", field "Successful ms".
bool guideMetric(const GuideColumn &c, MetricDef &metric, std::string &unit)
{
    std::string field = c.field;
    if (field.rfind("Successful ", 0) != 0)
        return false; // incomplete/errored/total: the default view is successful requests (formats.md §4.14)
    field = field.substr(11);
    struct Entry
    {
        const char *group;
        const char *field;
        const char *metric;
        const char *unit;
    };
    static const Entry table[] = {
        {"Request Latency", "Sec", "e2e_latency", "s"},
        {"Time to First Token", "ms", "ttft", "ms"},
        {"Time to First Output Token", "ms", "ttfot", "ms"},
        {"Time per Output Token", "ms", "tpot", "ms"},
        {"Inter Token Latency", "ms", "itl", "ms"},
        {"Server Throughput", "Requests/Sec", "request_throughput", "requests/s"},
        {"Server Throughput", "Concurrency", "measured_concurrency", "count"},
        {"Token Metrics", "Input Tokens", "input_tokens", "tokens"},
        {"Token Metrics", "Output Tokens", "output_tokens", "tokens"},
        {"Token Metrics", "Total Tokens", "total_tokens", "tokens"},
        {"Token Throughput", "Input Tokens/Sec", "input_throughput", "tokens/s"},
        {"Token Throughput", "Output Tokens/Sec", "output_throughput", "tokens/s"},
        {"Token Throughput", "Total Tokens/Sec", "total_throughput", "tokens/s"},
    };
    for (const Entry &e : table) {
        if (c.group == e.group && field == e.field) {
            metric = canonicalMetric(e.metric);
            unit = e.unit;
            return true;
        }
    }
    // Other groups keep their own names with the units as written.
    metric = MetricDef{snakeCase(c.group + " " + field), Quantity::Other, false};
    unit = field;
    return true;
}

Load guideLoad(std::string_view strategy, const Json *profile, int runIndex)
{
    Load load;
    auto pick = [runIndex](const Json &v) {
        if (v.is_array())
            return runIndex >= 0 && static_cast<std::size_t>(runIndex) < v.size() ? loadNumber(v[static_cast<std::size_t>(runIndex)])
                                                                                 : std::numeric_limits<double>::quiet_NaN();
        return loadNumber(v);
    };
    if (strategy == "synchronous")
        load.concurrency = 1;
    else if (strategy == "throughput")
        load.requestRate = std::numeric_limits<double>::infinity();
    else if (strategy == "trace")
        load.trace = true;
    else if (profile && strategy == "concurrent" && profile->contains("streams"))
        load.concurrency = pick((*profile)["streams"]);
    else if (profile && (strategy == "constant" || strategy == "poisson") && profile->contains("rate"))
        load.requestRate = pick((*profile)["rate"]);
    return load;
}

} // namespace

void importGuideLlmCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &groups)
{
    std::vector<GuideColumn> cols(groups.size());
    for (std::size_t row = 1; row < 3; ++row) {
        if (!reader.next()) {
            ctx.badRow(reader.line(), 1, "bench.bad-row", "GuideLLM CSV ends inside its three header rows");
            return;
        }
        const auto &f = reader.fields();
        for (std::size_t i = 0; i < cols.size() && i < f.size(); ++i)
            (row == 1 ? cols[i].field : cols[i].stat) = std::string(trim(f[i]));
    }
    for (std::size_t i = 0; i < cols.size(); ++i)
        cols[i].group = groups[i];
    const auto find = [&cols](const char *group, const char *field) {
        for (std::size_t i = 0; i < cols.size(); ++i)
            if (cols[i].group == group && cols[i].field == field)
                return static_cast<long>(i);
        return -1L;
    };
    const long runIdCol = find("Run Info", "Run ID"), indexCol = find("Run Info", "Run Index"),
               profileCol = find("Run Info", "Profile"), strategyCol = find("Benchmark", "Strategy"),
               idCol = find("Benchmark", "ID"), backendCol = find("Run Info", "Backend"),
               metadataCol = find("Runtime Info", "Metadata");
    static const char *const kLadder[] = {"min", "p0.1", "p1", "p5", "p10", "p25", "p75", "p90", "p95", "p99", "max"};
    while (reader.next()) {
        if (!ctx.progress(reader.bytesRead()))
            return;
        if (reader.blank())
            continue;
        const auto &f = reader.fields();
        const std::uint64_t line = reader.line();
        if (f.size() != cols.size()) {
            ctx.badRow(line, 1, "bench.bad-row", std::to_string(f.size()) + " fields where the header has " + std::to_string(cols.size()));
            continue;
        }
        auto cell = [&f](long i) { return i >= 0 ? std::string(trim(f[static_cast<std::size_t>(i)])) : std::string(); };
        Diagnostic ignored;
        std::optional<Json> profile = profileCol >= 0 ? parseLenient(cell(profileCol), ignored) : std::nullopt;
        const Cell index = parseCell(cell(indexCol), false);
        std::string strategy = cell(strategyCol);
        LabelPairs labels;
        if (!strategy.empty())
            labels.emplace_back("strategy", strategy);
        // The model and the tool's version sit in cells that hold JSON objects (0.6: Run Info /
        // Backend {"model": …}, Runtime Info / Metadata {"guidellm_version": …}).
        const auto member = [&](long col, const char *key) {
            std::optional<Json> obj = col >= 0 ? parseLenient(cell(col), ignored) : std::nullopt;
            return obj && obj->is_object() && obj->contains(key) && (*obj)[key].is_string() ? (*obj)[key].get<std::string>() : std::string();
        };
        if (std::string model = member(backendCol, "model"); !model.empty())
            labels.emplace_back("model", std::move(model));
        ctx.toolVersion = member(metadataCol, "guidellm_version");
        const Load load = guideLoad(strategy, profile && profile->is_object() ? &*profile : nullptr,
                                    index.kind == CellKind::Number ? static_cast<int>(index.value) : -1);
        const std::string runId = idCol >= 0 && !cell(idCol).empty() ? cell(idCol) : cell(runIdCol);
        const std::uint32_t run = ctx.addRun(Tool::GuideLlm, labels, load, runId, line);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const GuideColumn &c = cols[i];
            const std::string_view v = trim(f[i]);
            if (c.group == "Timings" && c.field == "Duration") {
                if (const Cell d = parseCell(v, false); d.kind == CellKind::Number)
                    ctx.addValue(run, canonicalMetric("duration"), "value", "s", d.value, line);
                continue;
            }
            if (c.group == "Request Counts") {
                static const std::pair<const char *, const char *> counts[] = {
                    {"Successful", "requests_completed"}, {"Errored", "requests_failed"}, {"Incomplete", "requests_incomplete"}, {"Total", "request_count"}};
                for (const auto &[field, metric] : counts)
                    if (c.field == field)
                        if (const Cell d = parseCell(v, false); d.kind == CellKind::Number)
                            ctx.addValue(run, MetricDef{metric, Quantity::Count, true}, "value", "count", d.value, line);
                continue;
            }
            MetricDef metric;
            std::string unit;
            if (c.stat.empty() || !guideMetric(c, metric, unit))
                continue;
            if (c.stat == "Percentiles") {
                if (v.size() < 2 || v.front() != '[' || v.back() != ']')
                    continue;
                std::string_view list = v.substr(1, v.size() - 2);
                std::size_t k = 0;
                while (!list.empty() && k < std::size(kLadder)) {
                    const auto comma = list.find(',');
                    const Cell p = parseCell(list.substr(0, comma), false);
                    if (p.kind == CellKind::Number)
                        ctx.addValue(run, metric, kLadder[k], unit, p.value, line);
                    ++k;
                    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
                }
                continue;
            }
            const Cell d = parseCell(v, false);
            if (d.kind == CellKind::Invalid)
                ctx.badRow(line, i + 1, "bench.bad-number", "'" + std::string(v) + "' is not a number", std::string(v));
            else if (d.kind == CellKind::Number)
                ctx.addValue(run, metric, statisticOfColumn(c.stat), unit, d.value, line);
        }
    }
}

} // namespace quantcfg::bench
