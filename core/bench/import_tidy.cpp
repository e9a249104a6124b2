// Hand-made tidy CSVs (long or wide) and the autotuner's result table.
#include "core/bench/importcontext.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace quantcfg::bench {

namespace {

enum class Role { Label, Concurrency, RequestRate, RunId, Metric, MetricName, Statistic, Unit, Value, Undecided };

struct Column
{
    Role role = Role::Undecided;
    std::string labelKey;
    ColumnMeaning meaning; // Role::Metric
    std::string unit;      // Role::Metric: unit used for conversion
};

bool oneOf(const std::string &s, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&s](const char *n) { return s == n; });
}

Role roleOf(const std::string &header, bool longForm, std::string &labelKey)
{
    const std::string h = snakeCase(header);
    if (oneOf(h, {"concurrency", "max_concurrency", "num_concurrency", "concurrency_level", "conc", "users", "streams"}))
        return Role::Concurrency;
    if (oneOf(h, {"request_rate", "rate", "qps", "target_rate", "request_rate_qps"}))
        return Role::RequestRate;
    if (oneOf(h, {"run", "run_id", "runid", "experiment_id", "id"}))
        return Role::RunId;
    if (longForm) {
        if (h == "metric")
            return Role::MetricName;
        if (oneOf(h, {"statistic", "stat", "statistics", "aggregation"}))
            return Role::Statistic;
        if (oneOf(h, {"unit", "units"}))
            return Role::Unit;
        if (h == "value")
            return Role::Value;
        labelKey = canonicalLabelKey(header);
        return Role::Label;
    }
    labelKey = canonicalLabelKey(header);
    if (isQuantKey(header)
        || oneOf(labelKey, {"tp", "pp", "ep", "gpu", "gpu_count", "engine", "engine_version", "quantization", "kv_cache_dtype",
                            "preset", "model", "backend", "label", "config", "name", "scenario", "dataset", "status", "notes",
                            "comment", "tag", "date", "source", "tool"}))
        return Role::Label;
    return Role::Undecided;
}

Load loadOf(const std::vector<Column> &cols, const std::vector<std::string_view> &f, bool decimalComma)
{
    Load load;
    for (std::size_t i = 0; i < cols.size() && i < f.size(); ++i) {
        if (cols[i].role != Role::Concurrency && cols[i].role != Role::RequestRate)
            continue;
        const std::string_view cell = trim(f[i]);
        double v = std::numeric_limits<double>::quiet_NaN();
        if (cell == "inf" || cell == "unbounded" || cell == "Infinity" || cell == "max")
            v = std::numeric_limits<double>::infinity();
        else if (Cell c = parseCell(cell, decimalComma); c.kind == CellKind::Number)
            v = c.value;
        if (cols[i].role == Role::Concurrency && !std::isinf(v))
            load.concurrency = v;
        else
            load.requestRate = v;
    }
    return load;
}

LabelPairs labelsOf(const std::vector<Column> &cols, const std::vector<std::string_view> &f, std::string &runId)
{
    LabelPairs labels;
    for (std::size_t i = 0; i < cols.size() && i < f.size(); ++i) {
        if (cols[i].role == Role::RunId)
            runId = std::string(trim(f[i]));
        if (cols[i].role != Role::Label)
            continue;
        const std::string_view v = trim(f[i]);
        if (parseCell(v, false).kind != CellKind::Missing) // "", "N/A", "null": no label
            labels.emplace_back(cols[i].labelKey, std::string(v));
    }
    return labels;
}

// A row has the header's field count; trailing empty fields (a separator at the end) are allowed.
bool rightWidth(const std::vector<std::string_view> &f, std::size_t width)
{
    if (f.size() < width)
        return false;
    for (std::size_t i = width; i < f.size(); ++i)
        if (!trim(f[i]).empty())
            return false;
    return true;
}

} // namespace

void importTidyCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &header, Tool tool)
{
    // A decimal comma is only possible when the comma does not separate fields (formats.md §4.2).
    const bool decimalComma = reader.delimiter() != ',';
    std::vector<std::string> names;
    for (const std::string &h : header)
        names.push_back(snakeCase(h));
    const bool longForm = std::count(names.begin(), names.end(), "metric") == 1 && std::count(names.begin(), names.end(), "value") == 1;
    // The autotuner writes seconds everywhere; a hand-made file without a unit is assumed to be in ms.
    const std::string defaultTimeUnit = tool == Tool::Autotuner ? "s" : "ms";
    std::vector<Column> cols(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        cols[i].role = roleOf(header[i], longForm, cols[i].labelKey);
        if (cols[i].role != Role::Undecided)
            continue;
        cols[i].meaning = parseColumnName(header[i]);
        if (cols[i].meaning.metric.known || !cols[i].meaning.statistic.empty() || !cols[i].meaning.unit.empty())
            cols[i].role = Role::Metric;
    }
    const auto unitFor = [&](const ColumnMeaning &m, std::uint64_t line, const std::string &what) {
        if (!m.unit.empty() || m.metric.quantity != Quantity::Time)
            return m.unit;
        if (tool == Tool::TidyCsv)
            ctx.warn(line, "bench.unit-assumed", "no unit for '" + what + "'; assuming " + defaultTimeUnit, what, "unit:" + what);
        return defaultTimeUnit;
    };
    bool decided = false;
    std::unordered_map<std::string, std::uint32_t> runsByKey;
    std::unordered_map<std::string, ImportContext::SeriesRef> longSeries;
    std::string key;
    std::string lastRunKey;
    std::uint32_t lastRun = 0;
    std::vector<double> values(header.size());

    while (reader.next()) {
        if (!ctx.progress(reader.bytesRead()))
            return;
        const auto &f = reader.fields();
        if (reader.blank() || (!f.empty() && !f[0].empty() && f[0][0] == '#' && !reader.quoted(0)))
            continue;
        const std::uint64_t line = reader.line();
        if (!rightWidth(f, header.size())) {
            ctx.badRow(line, 1, "bench.bad-row", std::to_string(f.size()) + " fields where the header has " + std::to_string(header.size()));
            continue;
        }
        if (!decided) {
            // Columns the header alone does not explain: numbers make a metric, text a label.
            for (std::size_t i = 0; i < cols.size(); ++i) {
                if (cols[i].role != Role::Undecided)
                    continue;
                const bool text = parseCell(f[i], decimalComma).kind == CellKind::Invalid;
                cols[i].role = text ? Role::Label : Role::Metric;
                cols[i].labelKey = canonicalLabelKey(header[i]);
            }
            for (std::size_t i = 0; i < cols.size(); ++i)
                if (cols[i].role == Role::Metric)
                    cols[i].unit = unitFor(cols[i].meaning, line, header[i]);
            decided = true;
        }
        if (longForm) {
            std::size_t metricCol = 0, statCol = SIZE_MAX, unitCol = SIZE_MAX, valueCol = 0;
            key.clear();
            for (std::size_t i = 0; i < cols.size(); ++i) {
                switch (cols[i].role) {
                case Role::MetricName: metricCol = i; break;
                case Role::Statistic: statCol = i; break;
                case Role::Unit: unitCol = i; break;
                case Role::Value: valueCol = i; break;
                default: key.append(f[i]).append(1, '\x1f'); break;
                }
            }
            const Cell cell = parseCell(f[valueCol], decimalComma);
            if (cell.kind == CellKind::Invalid) {
                ctx.badRow(line, valueCol + 1, "bench.bad-number", "'" + std::string(f[valueCol]) + "' is not a number",
                           std::string(f[valueCol]));
                continue;
            }
            if (cell.kind == CellKind::Missing)
                continue;
            // Rows of one run are usually adjacent: compare with the previous row before hashing.
            if (key != lastRunKey || ctx.report.runs == 0) {
                auto runIt = runsByKey.find(key);
                if (runIt == runsByKey.end()) {
                    std::string runId;
                    const LabelPairs labels = labelsOf(cols, f, runId);
                    runIt = runsByKey.emplace(key, ctx.addRun(tool, labels, loadOf(cols, f, decimalComma), runId, line)).first;
                }
                lastRun = runIt->second;
                lastRunKey = key;
            }
            key.assign(f[metricCol]).append(1, '\x1f');
            if (statCol != SIZE_MAX)
                key.append(f[statCol]);
            key.append(1, '\x1f');
            if (unitCol != SIZE_MAX)
                key.append(f[unitCol]);
            auto sIt = longSeries.find(key);
            if (sIt == longSeries.end()) {
                ColumnMeaning m = parseColumnName(f[metricCol]);
                if (statCol != SIZE_MAX && !trim(f[statCol]).empty()) {
                    const auto st = canonicalStatistic(trim(f[statCol]));
                    m.statistic = st ? *st : snakeCase(f[statCol]);
                }
                if (unitCol != SIZE_MAX && !trim(f[unitCol]).empty())
                    m.unit = std::string(trim(f[unitCol]));
                const ImportContext::SeriesRef ref =
                    ctx.resolve(m.metric, m.statistic.empty() ? "value" : m.statistic, unitFor(m, line, m.metric.name), line);
                sIt = longSeries.emplace(key, ref).first;
            }
            ctx.addValue(lastRun, sIt->second, cell.value);
            continue;
        }
        // Wide form: one run per row; a bad number drops the whole row.
        bool bad = false;
        for (std::size_t i = 0; i < cols.size() && !bad; ++i) {
            if (cols[i].role != Role::Metric)
                continue;
            const Cell cell = parseCell(f[i], decimalComma);
            if (cell.kind == CellKind::Invalid) {
                ctx.badRow(line, i + 1, "bench.bad-number", "'" + std::string(f[i]) + "' in column '" + header[i] + "' is not a number",
                           std::string(f[i]));
                bad = true;
            }
            values[i] = cell.kind == CellKind::Number ? cell.value : std::numeric_limits<double>::quiet_NaN();
        }
        if (bad)
            continue;
        std::string runId;
        const LabelPairs labels = labelsOf(cols, f, runId);
        const std::uint32_t run = ctx.addRun(tool, labels, loadOf(cols, f, decimalComma), runId, line);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            if (cols[i].role != Role::Metric)
                continue;
            const ColumnMeaning &m = cols[i].meaning;
            ctx.addValue(run, m.metric, m.statistic.empty() ? "value" : m.statistic, cols[i].unit, values[i], line);
        }
    }
    if (reader.unterminatedQuote())
        ctx.badRow(reader.line(), 1, "bench.bad-row", "a quoted field is not closed before the end of the file");
}

} // namespace quantcfg::bench
