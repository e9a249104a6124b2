#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

/// Benchmark results: one tidy table for every supported tool (see docs/benchmarks.md).
namespace quantcfg::bench {

/// Index of a string in a StringPool.
using StrId = std::uint32_t;
/// "No string": an absent run id, unit or label.
inline constexpr StrId kNoString = std::numeric_limits<StrId>::max();

/// Interns strings so that the millions of cells of a large file share one copy of each label,
/// metric and unit name. Ids are dense (0, 1, 2, …) and stable.
class StringPool
{
public:
    StringPool() = default;
    /// Copies re-point the index at the copy's own strings (the default copy would keep views into
    /// the source's strings, which dangle once it is gone).
    StringPool(const StringPool &other);
    StringPool &operator=(const StringPool &other);
    StringPool(StringPool &&) noexcept = default; // a moved deque keeps its elements where they are
    StringPool &operator=(StringPool &&) noexcept = default;

    /// Returns the id of @p s, adding it when new.
    StrId intern(std::string_view s);
    /// Returns the id of @p s, or kNoString when it was never interned.
    StrId find(std::string_view s) const;
    /// The string of @p id ("" for kNoString).
    std::string_view view(StrId id) const;
    std::size_t size() const { return m_strings.size(); }

private:
    std::deque<std::string> m_strings; // deque: growing never moves the strings the map points into
    std::unordered_map<std::string_view, StrId> m_ids;
};

/// The tool that wrote a file.
enum class Tool : std::uint8_t { TidyCsv, GenAiPerf, AiPerf, Vllm, Sglang, GuideLlm, GenAiBench, Autotuner, LlmPerf };

/// "tidy-csv", "genai-perf", "aiperf", "vllm", "sglang", "guidellm", "genai-bench", "autotuner", "llmperf".
const char *toolName(Tool t);

/// The load a run was measured at. Both fields may be set (vLLM with a rate limit and a
/// concurrency cap). A request rate of +infinity means "unbounded" (all requests at once).
struct Load
{
    double concurrency = std::numeric_limits<double>::quiet_NaN(); ///< NaN = not given
    double requestRate = std::numeric_limits<double>::quiet_NaN(); ///< requests/s; +inf = unbounded; NaN = not given
    bool trace = false;                                            ///< replayed from a trace file

    bool hasConcurrency() const { return !std::isnan(concurrency); }
    bool hasRequestRate() const { return !std::isnan(requestRate); }
    bool unbounded() const { return !hasConcurrency() && std::isinf(requestRate); }
    bool known() const { return hasConcurrency() || hasRequestRate() || trace; }
    bool operator==(const Load &o) const;
};

/// "concurrency=8", "rate=4/s", "unbounded", "trace", "concurrency=8,rate=4/s" or "" when unknown.
std::string loadText(const Load &load);

/// One label of a run, e.g. engine=vllm, preset=universal-fp8, tp=2.
struct Label
{
    StrId key;
    StrId value;
    bool operator==(const Label &o) const { return key == o.key && value == o.value; }
};

/// One measured run: a configuration at one load level, from one file.
struct Run
{
    StrId source = kNoString;   ///< the file it came from
    StrId runId = kNoString;    ///< the tool's run id, when it has one (else use source:line)
    std::uint32_t labelSet = 0; ///< index for ResultTable::labels()
    std::uint32_t line = 0;     ///< 1-based line where the run starts in the source (0 = whole file)
    Tool tool = Tool::TidyCsv;
    Load load;
};

/// What a value measures: metric (canonical, e.g. "ttft"), statistic ("mean", "median", "p99",
/// "p99.9", "min", "max", "std", or "value" for a single figure), the normalised unit ("ms",
/// "tokens/s", "requests/s", "GB", "tokens", "count", …) and the unit the file used.
struct Series
{
    StrId metric = kNoString;
    StrId statistic = kNoString;
    StrId unit = kNoString;
    StrId originalUnit = kNoString;
};

/// One cell of the tidy table: 16 bytes, so a 100 MB file stays well under its size in memory.
struct Row
{
    std::uint32_t run;    ///< index into ResultTable::runs()
    std::uint32_t series; ///< index into ResultTable::series()
    double value;         ///< in Series::unit; missing values are never stored
};

/// The tidy table every importer fills: rows of (run, series, value) with interned strings.
///
/// Iterate rows() and resolve each row through run()/seriesAt()/str(); labels of a run are
/// labels(run.labelSet). For lookups by name use metricValue().
class ResultTable
{
public:
    ResultTable();

    StringPool &strings() { return m_strings; }
    const StringPool &strings() const { return m_strings; }
    /// Shortcut for strings().view(id).
    std::string_view str(StrId id) const { return m_strings.view(id); }

    const std::vector<Run> &runs() const { return m_runs; }
    const std::vector<Row> &rows() const { return m_rows; }
    const std::vector<Series> &series() const { return m_series; }
    const Run &run(std::uint32_t index) const { return m_runs[index]; }
    const Series &seriesAt(std::uint32_t index) const { return m_series[index]; }

    /// The labels of a label set, sorted by key id.
    std::span<const Label> labels(std::uint32_t labelSet) const;
    /// The value of label @p key of run @p runIndex, or nullopt.
    std::optional<std::string_view> label(std::uint32_t runIndex, std::string_view key) const;
    /// Every label key used by any run, in first-seen order.
    std::vector<StrId> labelKeys() const;

    /// Interns a label set (duplicate keys: the first wins) and returns its index.
    std::uint32_t addLabelSet(std::vector<Label> labels);
    /// Appends a run and returns its index.
    std::uint32_t addRun(const Run &run);
    /// Returns the index of the series (metric, statistic, unit, original unit), adding it when new.
    std::uint32_t seriesId(std::string_view metric, std::string_view statistic, std::string_view unit,
                           std::string_view originalUnit);
    /// Appends a value. Non-finite values are not stored: missing stays missing.
    void addRow(std::uint32_t run, std::uint32_t series, double value);

    /// The value of @p metric / @p statistic for run @p runIndex (first match), or nullopt.
    /// Linear in the number of rows the first time; an index is then kept until rows change.
    std::optional<double> metricValue(std::uint32_t runIndex, std::string_view metric, std::string_view statistic) const;

    /// Gives run @p runIndex the label set @p labelSet (from addLabelSet()).
    void setRunLabels(std::uint32_t runIndex, std::uint32_t labelSet) { m_runs[runIndex].labelSet = labelSet; }
    /// Gives run @p runIndex the load @p load.
    void setRunLoad(std::uint32_t runIndex, const Load &load) { m_runs[runIndex].load = load; }
    /// Removes the rows from @p firstRow on for which @p drop returns true, keeping the order.
    template <typename Drop>
    void eraseRows(std::size_t firstRow, Drop drop)
    {
        if (firstRow >= m_rows.size())
            return;
        m_rows.erase(std::remove_if(m_rows.begin() + static_cast<std::ptrdiff_t>(firstRow), m_rows.end(), drop), m_rows.end());
        m_valueIndexRows = static_cast<std::size_t>(-1);
    }
    /// A run to fold into an earlier one: see foldRuns().
    struct Fold
    {
        std::uint32_t from; ///< a run at or after foldRuns()' firstRun
        std::uint32_t into; ///< a run before it
    };
    /// Folds runs into earlier ones (the same run read from a second file): the rows of each
    /// Fold::from move to its Fold::into, except rows of a series that run already has (the first
    /// file's value stays); the folded runs are removed and the runs after them renumbered. The
    /// rows of runs from @p firstRun on must all be at or after @p firstRow.
    void foldRuns(std::size_t firstRun, std::size_t firstRow, const std::vector<Fold> &folds);
    /// Drops runs and rows added after the given sizes (used to undo a cancelled import).
    void truncate(std::size_t runCount, std::size_t rowCount);

private:
    StringPool m_strings;
    std::vector<Run> m_runs;
    std::vector<Row> m_rows;
    std::vector<Series> m_series;
    std::map<std::array<StrId, 4>, std::uint32_t> m_seriesIndex;
    std::vector<std::vector<Label>> m_labelSets;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_labelSetIndex; // hash → candidates
    struct ValueKey
    {
        std::uint32_t run;
        StrId metric;
        StrId statistic;
        bool operator==(const ValueKey &o) const = default;
    };
    struct ValueKeyHash
    {
        std::size_t operator()(const ValueKey &k) const;
    };
    mutable std::unordered_map<ValueKey, double, ValueKeyHash> m_valueIndex;
    mutable std::size_t m_valueIndexRows = 0;
};

} // namespace quantcfg::bench
