#include "core/bench/resulttable.h"

#include <algorithm>
#include <charconv>
#include <functional>

namespace quantcfg::bench {

StringPool::StringPool(const StringPool &other)
    : m_strings(other.m_strings)
{
    m_ids.reserve(m_strings.size());
    for (std::size_t i = 0; i < m_strings.size(); ++i)
        m_ids.emplace(std::string_view(m_strings[i]), static_cast<StrId>(i));
}

StringPool &StringPool::operator=(const StringPool &other)
{
    if (this != &other) {
        StringPool copy(other);
        *this = std::move(copy);
    }
    return *this;
}

StrId StringPool::intern(std::string_view s)
{
    if (auto it = m_ids.find(s); it != m_ids.end())
        return it->second;
    const auto id = static_cast<StrId>(m_strings.size());
    const std::string &stored = m_strings.emplace_back(s);
    m_ids.emplace(std::string_view(stored), id);
    return id;
}

StrId StringPool::find(std::string_view s) const
{
    auto it = m_ids.find(s);
    return it == m_ids.end() ? kNoString : it->second;
}

std::string_view StringPool::view(StrId id) const
{
    return id < m_strings.size() ? std::string_view(m_strings[id]) : std::string_view();
}

const char *toolName(Tool t)
{
    switch (t) {
    case Tool::TidyCsv: return "tidy-csv";
    case Tool::GenAiPerf: return "genai-perf";
    case Tool::AiPerf: return "aiperf";
    case Tool::Vllm: return "vllm";
    case Tool::Sglang: return "sglang";
    case Tool::GuideLlm: return "guidellm";
    case Tool::GenAiBench: return "genai-bench";
    case Tool::Autotuner: return "autotuner";
    case Tool::LlmPerf: return "llmperf";
    }
    return "unknown";
}

namespace {

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

std::string number(double v)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

} // namespace

bool Load::operator==(const Load &o) const
{
    return sameNumber(concurrency, o.concurrency) && sameNumber(requestRate, o.requestRate) && trace == o.trace;
}

std::string loadText(const Load &load)
{
    if (load.trace)
        return "trace";
    if (load.unbounded())
        return "unbounded";
    std::string s;
    if (load.hasConcurrency())
        s.append("concurrency=").append(number(load.concurrency));
    // append(), not "literal" + string: GCC 12 warns falsely (-Wrestrict, bug 105329) on the latter at -O3.
    if (load.hasRequestRate() && !std::isinf(load.requestRate))
        s.append(s.empty() ? "" : ",").append("rate=").append(number(load.requestRate)).append("/s");
    return s;
}

std::size_t ResultTable::ValueKeyHash::operator()(const ValueKey &k) const
{
    const std::uint64_t a = (std::uint64_t(k.run) << 32) ^ (std::uint64_t(k.metric) << 16) ^ k.statistic;
    return std::hash<std::uint64_t>{}(a);
}

ResultTable::ResultTable()
{
    m_labelSets.emplace_back(); // set 0: no labels
    m_labelSetIndex[0].push_back(0);
}

std::span<const Label> ResultTable::labels(std::uint32_t labelSet) const
{
    return labelSet < m_labelSets.size() ? std::span<const Label>(m_labelSets[labelSet]) : std::span<const Label>();
}

std::optional<std::string_view> ResultTable::label(std::uint32_t runIndex, std::string_view key) const
{
    const StrId k = m_strings.find(key);
    if (k == kNoString || runIndex >= m_runs.size())
        return std::nullopt;
    for (const Label &l : labels(m_runs[runIndex].labelSet))
        if (l.key == k)
            return m_strings.view(l.value);
    return std::nullopt;
}

std::vector<StrId> ResultTable::labelKeys() const
{
    std::vector<StrId> keys;
    std::vector<bool> seen;
    for (const Run &r : m_runs) {
        for (const Label &l : labels(r.labelSet)) {
            if (l.key >= seen.size())
                seen.resize(l.key + 1, false);
            if (!seen[l.key]) {
                seen[l.key] = true;
                keys.push_back(l.key);
            }
        }
    }
    return keys;
}

std::uint32_t ResultTable::addLabelSet(std::vector<Label> labels)
{
    // Keep the first of duplicate keys: importers add the most trusted source first.
    std::stable_sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.key < b.key; });
    labels.erase(std::unique(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.key == b.key; }),
                 labels.end());
    std::uint64_t h = 1469598103934665603ull;
    for (const Label &l : labels)
        h = (h ^ ((std::uint64_t(l.key) << 32) | l.value)) * 1099511628211ull;
    if (labels.empty())
        h = 0;
    std::vector<std::uint32_t> &candidates = m_labelSetIndex[h];
    for (std::uint32_t c : candidates)
        if (m_labelSets[c] == labels)
            return c;
    const auto id = static_cast<std::uint32_t>(m_labelSets.size());
    m_labelSets.push_back(std::move(labels));
    candidates.push_back(id);
    return id;
}

std::uint32_t ResultTable::addRun(const Run &run)
{
    m_runs.push_back(run);
    return static_cast<std::uint32_t>(m_runs.size() - 1);
}

std::uint32_t ResultTable::seriesId(std::string_view metric, std::string_view statistic, std::string_view unit,
                                    std::string_view originalUnit)
{
    const std::array<StrId, 4> key{m_strings.intern(metric), m_strings.intern(statistic), m_strings.intern(unit),
                                   m_strings.intern(originalUnit)};
    auto [it, added] = m_seriesIndex.emplace(key, static_cast<std::uint32_t>(m_series.size()));
    if (added)
        m_series.push_back(Series{key[0], key[1], key[2], key[3]});
    return it->second;
}

void ResultTable::addRow(std::uint32_t run, std::uint32_t series, double value)
{
    if (std::isfinite(value))
        m_rows.push_back(Row{run, series, value});
}

std::optional<double> ResultTable::metricValue(std::uint32_t runIndex, std::string_view metric,
                                               std::string_view statistic) const
{
    if (m_valueIndexRows != m_rows.size()) {
        m_valueIndex.clear();
        for (const Row &r : m_rows) {
            const Series &s = m_series[r.series];
            m_valueIndex.emplace(ValueKey{r.run, s.metric, s.statistic}, r.value);
        }
        m_valueIndexRows = m_rows.size();
    }
    const StrId m = m_strings.find(metric);
    const StrId st = m_strings.find(statistic);
    if (m == kNoString || st == kNoString)
        return std::nullopt;
    auto it = m_valueIndex.find(ValueKey{runIndex, m, st});
    if (it == m_valueIndex.end())
        return std::nullopt;
    return it->second;
}

void ResultTable::foldRuns(std::size_t firstRun, std::size_t firstRow, const std::vector<Fold> &folds)
{
    if (folds.empty())
        return;
    constexpr std::uint32_t kKept = std::numeric_limits<std::uint32_t>::max();
    // For each run from firstRun on: the run it folds into, or kKept.
    std::vector<std::uint32_t> foldInto(m_runs.size() - firstRun, kKept);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> seriesOf; // into → series it has
    for (const Fold &f : folds) {
        foldInto[f.from - firstRun] = f.into;
        seriesOf.emplace(f.into, std::vector<std::uint32_t>());
    }
    for (std::size_t i = 0; i < firstRow; ++i)
        if (auto it = seriesOf.find(m_rows[i].run); it != seriesOf.end())
            it->second.push_back(m_rows[i].series);
    for (auto &[run, series] : seriesOf)
        std::sort(series.begin(), series.end());
    // The new index of each kept run.
    std::vector<std::uint32_t> renumbered(foldInto.size(), kKept);
    std::uint32_t next = static_cast<std::uint32_t>(firstRun);
    for (std::size_t i = 0; i < foldInto.size(); ++i)
        if (foldInto[i] == kKept)
            renumbered[i] = next++;
    std::size_t out = firstRow;
    for (std::size_t i = firstRow; i < m_rows.size(); ++i) {
        Row row = m_rows[i];
        const std::uint32_t into = foldInto[row.run - firstRun];
        if (into == kKept) {
            row.run = renumbered[row.run - firstRun];
        } else {
            // Series the earlier file gave keep its values (several per series, one per GPU, stay).
            const std::vector<std::uint32_t> &had = seriesOf[into];
            if (std::binary_search(had.begin(), had.end(), row.series))
                continue;
            row.run = into;
        }
        m_rows[out++] = row;
    }
    m_rows.resize(out);
    std::size_t kept = firstRun;
    for (std::size_t i = 0; i < foldInto.size(); ++i)
        if (foldInto[i] == kKept)
            m_runs[kept++] = m_runs[firstRun + i];
    m_runs.resize(kept);
    m_valueIndexRows = static_cast<std::size_t>(-1);
}

void ResultTable::truncate(std::size_t runCount, std::size_t rowCount)
{
    if (runCount < m_runs.size())
        m_runs.resize(runCount);
    if (rowCount < m_rows.size())
        m_rows.resize(rowCount);
    m_valueIndexRows = static_cast<std::size_t>(-1);
}

} // namespace quantcfg::bench
