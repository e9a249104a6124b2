#pragma once

// Internal to the importers: what every format importer needs while filling the table.

#include "core/bench/csv.h"
#include "core/bench/importers.h"
#include "core/bench/metrics.h"
#include "core/jsonio.h"

#include <cmath>
#include <unordered_map>
#include <set>

namespace quantcfg::bench {

class ImportContext
{
public:
    ImportContext(ResultTable &table, const ImportOptions &options, FileReport &report, const std::filesystem::path &path,
                  std::uint64_t totalBytes, std::uint64_t bytesBefore);

    ResultTable &table;
    const ImportOptions &options;
    FileReport &report;
    std::filesystem::path path;
    /// The version of the tool that wrote the runs being added, when the file names it: it picks
    /// the methodology label (methodologyOf()). Set by an importer before addRun().
    std::string toolVersion;

    /// Reports progress; false when the caller cancelled (report.cancelled is then set).
    bool progress(std::uint64_t bytesDone);

    /// A skipped bad row: counted, and reported while fewer than options.maxReported were.
    void badRow(std::uint64_t line, std::uint64_t column, std::string code, std::string message, std::string value = {});
    /// A warning, reported once per @p onceKey (empty: always).
    void warn(std::uint64_t line, std::string code, std::string message, std::string value = {}, const std::string &onceKey = {});

    /// Adds a run. @p labels come from the file (they win over names guessed from the path, the
    /// user's extra labels win over both, the user's fallback labels fill only keys still missing);
    /// a load field the file lacks is taken from the path. The run's "methodology" label comes
    /// from @p tool and toolVersion unless the file gives one.
    std::uint32_t addRun(Tool tool, const LabelPairs &labels, Load load, std::string_view runId, std::uint64_t line);

    /// Adds a value: converts @p value from @p unit to the metric's normalised unit. A unit that does
    /// not fit the metric is a warning (once per metric and unit) and the value is dropped.
    void addValue(std::uint32_t run, const MetricDef &metric, std::string_view statistic, std::string_view unit,
                  double value, std::uint64_t line = 0);

    /// A series with its unit conversion, resolved once for the hot loop of large files.
    struct SeriesRef
    {
        std::uint32_t series = 0;
        double factor = 1.0;
        bool ok = false; ///< false: the unit does not fit the metric (already warned)
    };
    /// Resolves (metric, statistic, unit) as addValue() does, warning once about an unfit unit.
    SeriesRef resolve(const MetricDef &metric, std::string_view statistic, std::string_view unit, std::uint64_t line);
    /// Adds a value through a resolved series (non-finite values are dropped).
    void addValue(std::uint32_t run, const SeriesRef &ref, double value)
    {
        if (ref.ok && std::isfinite(value)) {
            // A tool that writes one statistic twice (GuideLLM's median and percentiles.p50, vLLM's
            // median_* and p50_*) gives it once: the same run, series and value is one row.
            if (ref.series >= m_lastRow.size())
                m_lastRow.resize(ref.series + 1, LastRow{kNoRun, 0});
            LastRow &last = m_lastRow[ref.series];
            if (last.run == run && last.value == value)
                return;
            last = LastRow{run, value};
            table.addRow(run, ref.series, value * ref.factor);
            ++report.rows;
        }
    }

private:
    static constexpr std::uint32_t kNoRun = 0xffffffffu;
    struct LastRow
    {
        std::uint32_t run;
        double value;
    };
    std::vector<LastRow> m_lastRow; // per series: the last run and value added, to skip exact repeats
    StrId m_source;
    LabelPairs m_pathLabels;
    Load m_pathLoad;
    std::uint64_t m_total;
    std::uint64_t m_before;
    std::uint64_t m_lastReport = 0;
    std::set<std::string> m_warned;
    std::unordered_map<std::string, SeriesRef> m_seriesCache;
    std::string m_key;
};

// Format importers (one source file per family).
void importTidyCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &header, Tool tool);
void importGenAiPerfCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &header, Tool tool);
void importGuideLlmCsv(ImportContext &ctx, CsvReader &reader, const std::vector<std::string> &header);
Format detectJsonFormat(const Json &doc);
void importJsonDocument(ImportContext &ctx, const Json &doc, Format format, std::uint64_t line);

/// Load from strings/numbers as the tools write them: 8, "8", "inf", null.
double loadNumber(const Json &v);

} // namespace quantcfg::bench
