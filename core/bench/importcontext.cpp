#include "core/bench/importcontext.h"

#include "core/bench/methodology.h"

namespace quantcfg::bench {

ImportContext::ImportContext(ResultTable &t, const ImportOptions &o, FileReport &r, const std::filesystem::path &p,
                             std::uint64_t totalBytes, std::uint64_t bytesBefore)
    : table(t)
    , options(o)
    , report(r)
    , path(p)
    , m_source(t.strings().intern(p.string()))
    , m_total(totalBytes)
    , m_before(bytesBefore)
{
    if (o.labelsFromPath) {
        m_pathLabels = labelsFromPath(p);
        m_pathLoad = loadFromPath(p);
    }
}

bool ImportContext::progress(std::uint64_t bytesDone)
{
    if (report.cancelled)
        return false;
    // Every 4 MiB is often enough for a progress bar and keeps the callback off the hot path.
    if (!options.progress || (bytesDone - m_lastReport < (4u << 20) && bytesDone < m_total))
        return true;
    m_lastReport = bytesDone;
    if (!options.progress(m_before + bytesDone, m_total)) {
        report.cancelled = true;
        return false;
    }
    return true;
}

namespace {

Diagnostic warning(std::uint64_t line, std::uint64_t column, std::string code, std::string message, std::string value)
{
    Diagnostic d;
    d.severity = Severity::Warning;
    d.code = std::move(code);
    d.message = std::move(message);
    d.value = std::move(value);
    d.line = static_cast<int>(line);
    d.column = static_cast<int>(column);
    return d;
}

} // namespace

void ImportContext::badRow(std::uint64_t line, std::uint64_t column, std::string code, std::string message, std::string value)
{
    ++report.skippedRows;
    if (report.skippedRows <= options.maxReported)
        report.diagnostics.push_back(warning(line, column, std::move(code), std::move(message), std::move(value)));
}

void ImportContext::warn(std::uint64_t line, std::string code, std::string message, std::string value, const std::string &onceKey)
{
    if (onceKey.empty() || m_warned.insert(onceKey).second)
        report.diagnostics.push_back(warning(line, 0, std::move(code), std::move(message), std::move(value)));
}

std::uint32_t ImportContext::addRun(Tool tool, const LabelPairs &labels, Load load, std::string_view runId, std::uint64_t line)
{
    LabelPairs all = options.extraLabels;
    mergeLabels(all, labels);
    if (std::string methodology = methodologyOf(tool, toolVersion); !methodology.empty())
        mergeLabels(all, {{"methodology", std::move(methodology)}});
    mergeLabels(all, m_pathLabels);
    mergeLabels(all, options.fallbackLabels);
    if (!load.hasConcurrency())
        load.concurrency = m_pathLoad.concurrency;
    if (!load.hasRequestRate())
        load.requestRate = m_pathLoad.requestRate;
    Run run;
    run.source = m_source;
    run.runId = runId.empty() ? kNoString : table.strings().intern(runId);
    run.labelSet = internLabels(table, all);
    run.line = static_cast<std::uint32_t>(line);
    run.tool = tool;
    run.load = load;
    ++report.runs;
    return table.addRun(run);
}

ImportContext::SeriesRef ImportContext::resolve(const MetricDef &metric, std::string_view statistic, std::string_view unit,
                                                std::uint64_t line)
{
    m_key.assign(metric.name).append(1, '\x1f').append(statistic).append(1, '\x1f').append(unit);
    auto it = m_seriesCache.find(m_key);
    if (it != m_seriesCache.end())
        return it->second;
    SeriesRef ref;
    // A metric no importer knows, with an explicit unit ("queue_wait_s"): the unit says what it is.
    Quantity quantity = metric.quantity;
    if (quantity == Quantity::Other)
        quantity = quantityOfUnit(unit).value_or(Quantity::Other);
    if (auto n = normalise(quantity, unit, 1.0)) {
        // Metrics we do not know keep the unit the file gave.
        const std::string_view normUnit = quantity == Quantity::Other ? unit : std::string_view(n->unit);
        ref = SeriesRef{table.seriesId(metric.name, statistic, normUnit, unit), n->value, true};
    } else {
        warn(line, "bench.unit", "unit '" + std::string(unit) + "' does not fit metric '" + metric.name + "'; values dropped",
             std::string(unit), metric.name + "\x1f" + std::string(unit));
    }
    m_seriesCache.emplace(m_key, ref);
    return ref;
}

void ImportContext::addValue(std::uint32_t run, const MetricDef &metric, std::string_view statistic, std::string_view unit,
                             double value, std::uint64_t line)
{
    if (std::isfinite(value)) // missing stays missing; do not even create the series
        addValue(run, resolve(metric, statistic, unit, line), value);
}

double loadNumber(const Json &v)
{
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (s == "inf" || s == "Infinity" || s == "infinity")
            return std::numeric_limits<double>::infinity();
        const Cell c = parseCell(s, false);
        if (c.kind == CellKind::Number)
            return c.value;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace quantcfg::bench
