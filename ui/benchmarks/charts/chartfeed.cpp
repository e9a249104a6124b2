#include "ui/benchmarks/charts/chartfeed.h"

#include "core/bench/decimate.h"
#include "core/bench/labels.h"
#include "core/bench/scoring.h"
#include "ui/benchmarks/resulttablemodel.h"

#include <QAbstractProxyModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace quantcfg::ui::charts {

namespace {

// Series names in the order they are first met, with their base (the name without the import)
// and whether each is the overlay's "after".
class Names
{
public:
    int add(const QString &name, const QString &base, bool after)
    {
        const auto it = m_index.constFind(name);
        if (it != m_index.cend())
            return *it;
        m_names << name;
        m_bases << base;
        m_after.push_back(after);
        return m_index[name] = static_cast<int>(m_names.size() - 1);
    }
    int size() const { return static_cast<int>(m_names.size()); }
    // The "before" series first, then the "after" ones, each in the order met.
    std::vector<int> order() const
    {
        std::vector<int> o(static_cast<std::size_t>(m_names.size()));
        std::iota(o.begin(), o.end(), 0);
        std::stable_sort(o.begin(), o.end(), [this](int a, int b) { return !m_after[std::size_t(a)] && m_after[std::size_t(b)]; });
        return o;
    }
    // The series of @p index, without its points.
    SeriesPoints series(int index) const
    {
        SeriesPoints sp;
        sp.name = m_names[index];
        sp.base = m_bases[index];
        sp.after = m_after[static_cast<std::size_t>(index)];
        return sp;
    }

private:
    QStringList m_names;
    QStringList m_bases;
    QHash<QString, int> m_index;
    std::vector<bool> m_after;
};

// Which side of the overlay the runs of a label set are on: none (not drawn), before (also every
// run when there is no overlay) or after.
enum class Side { None, Before, After };

Side sideOf(const ResultTableModel &model, std::uint32_t labelSet, const Overlay &overlay)
{
    if (!overlay.active())
        return Side::Before;
    const QString import = model.labelSetText(labelSet, ResultTableModel::ImportColumn);
    return import == overlay.before ? Side::Before : import == overlay.after ? Side::After : Side::None;
}

QString withImport(const QString &name, const ResultTableModel &model, std::uint32_t labelSet, const Overlay &overlay)
{
    const QString import = overlay.active() ? model.labelSetText(labelSet, ResultTableModel::ImportColumn) : QString();
    return import.isEmpty() ? name : QStringLiteral("%1 [%2]").arg(name, import);
}

// The shown rows whose x and y are both finite, by group, each group in the view's order.
// @p keyOf(labelSet) is asked once per label set (a negative key: its runs are not drawn) and
// @p groupOf(key, row) once per row. One pass over plain arrays: a feed reads a million rows per
// redraw, and a debug build calls every std accessor it is given.
template<typename KeyOf, typename GroupOf>
std::vector<std::vector<int>> rowsByGroup(const FeedRows &runs, std::span<const double> xs, std::span<const double> ys, KeyOf keyOf,
                                          GroupOf groupOf)
{
    constexpr int kUnasked = std::numeric_limits<int>::min();
    const bench::Run *run = runs.model->table()->runs().data();
    const int *row = runs.rows.data();
    const double *x = xs.data();
    const double *y = ys.data();
    const std::size_t n = runs.rows.size();
    std::vector<int> keys; // per label set
    std::vector<int> groupOfShown(n, -1);
    std::vector<std::size_t> sizes;
    for (std::size_t i = 0; i < n; ++i) {
        const int r = row[i];
        if (!std::isfinite(x[r]) || !std::isfinite(y[r]))
            continue;
        const std::uint32_t labelSet = run[r].labelSet;
        if (labelSet >= keys.size())
            keys.resize(labelSet + 1, kUnasked);
        int *key = keys.data() + labelSet;
        if (*key == kUnasked)
            *key = keyOf(labelSet);
        if (*key < 0)
            continue;
        const int group = groupOf(*key, r);
        if (static_cast<std::size_t>(group) >= sizes.size())
            sizes.resize(static_cast<std::size_t>(group) + 1);
        ++sizes.data()[group];
        groupOfShown.data()[i] = group;
    }
    std::vector<std::vector<int>> out(sizes.size());
    std::vector<int *> next(sizes.size());
    for (std::size_t g = 0; g < sizes.size(); ++g) {
        out[g].resize(sizes[g]);
        next[g] = out[g].data();
    }
    int **cursor = next.data();
    const int *group = groupOfShown.data();
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] >= 0)
            *cursor[group[i]]++ = row[i];
    }
    return out;
}

// @p column's values at @p rows.
std::vector<double> gather(std::span<const double> column, const std::vector<int> &rows)
{
    std::vector<double> out(rows.size());
    const double *from = column.data();
    const int *row = rows.data();
    double *to = out.data();
    for (std::size_t i = 0, n = rows.size(); i < n; ++i)
        to[i] = from[row[i]];
    return out;
}

// The Pareto front (core's markParetoFront()) of the points (@p xs latency, @p ys throughput) of
// @p groups, without sorting a million of them: a point in a lower latency bucket than p with at
// least p's throughput has a strictly lower latency, so it dominates p, which is then not even a
// candidate. Only the candidates (above the best throughput of every lower bucket: few) are
// sorted and swept.
SeriesPoints paretoFront(std::span<const double> xs, std::span<const double> ys, const std::vector<std::vector<int>> &groups)
{
    constexpr int kBuckets = 4096;
    const double *x = xs.data();
    const double *y = ys.data();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const std::vector<int> &rows : groups) {
        for (const int r : rows) {
            lo = std::min(lo, x[r]);
            hi = std::max(hi, x[r]);
        }
    }
    const double scale = hi > lo ? kBuckets / (hi - lo) : 0;
    const auto bucket = [lo, scale](double v) { return static_cast<std::size_t>(std::min(kBuckets - 1, static_cast<int>((v - lo) * scale))); };
    std::vector<double> below(kBuckets, -std::numeric_limits<double>::infinity()); // the best throughput in each bucket…
    double *best = below.data();
    for (const std::vector<int> &rows : groups) {
        for (const int r : rows)
            best[bucket(x[r])] = std::max(best[bucket(x[r])], y[r]);
    }
    double lower = -std::numeric_limits<double>::infinity(); // … then in every bucket below it
    for (double &b : below)
        lower = std::max(lower, std::exchange(b, lower));
    std::vector<bench::ParetoPoint> candidates;
    for (const std::vector<int> &rows : groups) {
        for (const int r : rows) {
            if (y[r] > best[bucket(x[r])])
                candidates.push_back(bench::ParetoPoint{static_cast<std::uint32_t>(r), y[r], x[r], false});
        }
    }
    bench::markParetoFront(candidates);
    SeriesPoints front;
    front.name = QObject::tr("Pareto front");
    for (const bench::ParetoPoint &p : candidates) {
        if (p.onFront) {
            front.points << QPointF(p.latency, p.throughput);
            front.rows.push_back(static_cast<int>(p.run));
        }
    }
    return front;
}

// The whole identity of a sweep but its import, "key=value, …" in key order: what its line's colour
// comes from, so that it stays when the filter changes the names, and an overlay's "after" line
// has its "before" line's colour.
QString sweepKey(const bench::ResultTable &table, const std::vector<bench::Label> &labels)
{
    std::vector<std::pair<std::string_view, std::string_view>> pairs;
    for (const bench::Label &l : labels) {
        if (table.str(l.key) != "import")
            pairs.emplace_back(table.str(l.key), table.str(l.value));
    }
    std::sort(pairs.begin(), pairs.end());
    QStringList parts;
    for (const auto &[key, value] : pairs)
        parts << QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())) + QLatin1Char('=')
                     + QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
    return parts.join(QStringLiteral(", "));
}

// Names for the lines of @p sweeps: the values of the labels that tell them apart (model, engine,
// preset, version and quantization by value, other labels as key=value), or the configuration
// when there is one sweep. The import is left out with an overlay (the series adds it).
template<typename Sweeps>
std::vector<QString> sweepNames(const ResultTableModel &model, const Sweeps &sweeps, bool overlay)
{
    const bench::ResultTable &table = *model.table();
    std::map<bench::StrId, std::set<bench::StrId>> values;
    std::map<bench::StrId, std::size_t> counts;
    for (const auto &sweep : sweeps) {
        for (const bench::Label &l : sweep.labels) {
            values[l.key].insert(l.value);
            ++counts[l.key];
        }
    }
    const bench::StrId import = table.strings().find("import");
    std::vector<bench::StrId> differing;
    static const char *const byValue[] = {"model", "engine", "preset", "engine_version", "quantization"};
    for (const char *key : byValue) {
        const bench::StrId id = table.strings().find(key);
        if (values.contains(id) && (values[id].size() > 1 || counts[id] < sweeps.size()))
            differing.push_back(id);
    }
    for (const auto &[key, set] : values) {
        if ((set.size() > 1 || counts[key] < sweeps.size()) && std::find(differing.begin(), differing.end(), key) == differing.end()
            && !(overlay && key == import))
            differing.push_back(key);
    }
    const auto isByValue = [&table](bench::StrId key) {
        return std::any_of(std::begin(byValue), std::end(byValue), [&](const char *k) { return table.str(key) == k; });
    };
    std::vector<QString> names;
    for (const auto &sweep : sweeps) {
        QStringList parts;
        for (const bench::StrId key : differing) {
            for (const bench::Label &l : sweep.labels) {
                if (l.key != key)
                    continue;
                const std::string_view v = table.str(l.value);
                const QString value = QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
                parts << (isByValue(key) ? value : QStringLiteral("%1=%2").arg(QString::fromUtf8(table.str(key).data(), static_cast<qsizetype>(table.str(key).size())), value));
            }
        }
        names.push_back(parts.isEmpty() ? model.configuration(sweep.labelSet) : parts.join(QStringLiteral(" · ")));
    }
    return names;
}

} // namespace

FeedRows FeedRows::of(const QAbstractItemModel &view)
{
    FeedRows out;
    if (const auto *model = qobject_cast<const ResultTableModel *>(&view)) {
        out.model = model->table() ? model : nullptr;
        out.rows.resize(static_cast<std::size_t>(out.model ? model->rowCount() : 0));
        std::iota(out.rows.begin(), out.rows.end(), 0);
        return out;
    }
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(&view);
    if (!proxy || !proxy->sourceModel())
        return out;
    out = of(*proxy->sourceModel());
    const int shown = out.model ? proxy->rowCount() : 0;
    // An unsorted filter proxy that accepts every row shows the source's rows in their order.
    const auto *filter = qobject_cast<const QSortFilterProxyModel *>(proxy);
    if (filter && filter->sortColumn() < 0 && static_cast<std::size_t>(shown) == out.rows.size())
        return out;
    std::vector<int> mapped;
    mapped.reserve(static_cast<std::size_t>(shown));
    for (int r = 0; r < shown; ++r) {
        const int source = proxy->mapToSource(proxy->index(r, 0)).row();
        if (source >= 0 && static_cast<std::size_t>(source) < out.rows.size())
            mapped.push_back(out.rows[static_cast<std::size_t>(source)]);
    }
    out.rows = std::move(mapped);
    return out;
}

BarFeed barFeed(const FeedRows &runs, int metricColumn, const Overlay &overlay)
{
    BarFeed feed;
    if (!runs.model)
        return feed;
    const ResultTableModel &model = *runs.model;
    const std::span<const double> values = model.values(metricColumn);
    // One group per (set, category) pair, numbered as met.
    Names sets, categories;
    std::map<std::pair<int, int>, int> groupOf;
    const auto keyOf = [&](std::uint32_t labelSet) {
        const Side side = sideOf(model, labelSet, overlay);
        // A failed run's figures are no configuration's: they stay out of the means.
        if (side == Side::None || model.labelSetText(labelSet, ResultTableModel::StatusColumn).startsWith(QLatin1String("failed")))
            return -1;
        QString preset = model.labelSetText(labelSet, ResultTableModel::PresetColumn);
        QString engine = model.labelSetText(labelSet, ResultTableModel::EngineColumn);
        preset = preset.isEmpty() ? QObject::tr("(no preset)") : preset;
        // Runs of different models are never one bar.
        if (const QString modelName = model.labelSetText(labelSet, ResultTableModel::ModelColumn); !modelName.isEmpty())
            preset = QStringLiteral("%1 · %2").arg(preset, modelName);
        engine = engine.isEmpty() ? QObject::tr("(no engine)") : engine;
        const int set = sets.add(withImport(engine, model, labelSet, overlay), engine, side == Side::After);
        const int category = categories.add(preset, preset, false);
        return groupOf.emplace(std::pair{set, category}, static_cast<int>(groupOf.size())).first->second;
    };
    const std::vector<std::vector<int>> groups = rowsByGroup(runs, values, values, keyOf, [](int key, int) { return key; });
    for (int c = 0; c < categories.size(); ++c)
        feed.categories << categories.series(c).name;
    for (const int set : sets.order()) {
        SeriesPoints sp = sets.series(set);
        for (int c = 0; c < feed.categories.size(); ++c) {
            const auto it = groupOf.find({set, c});
            const std::vector<int> *rows = it != groupOf.end() && static_cast<std::size_t>(it->second) < groups.size()
                                               ? &groups[static_cast<std::size_t>(it->second)]
                                               : nullptr;
            const std::vector<double> v = rows ? gather(values, *rows) : std::vector<double>();
            sp.points << QPointF(c, v.empty() ? std::nan("") : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()));
            sp.rows.push_back(v.empty() ? -1 : rows->front());
        }
        feed.sets.push_back(std::move(sp));
    }
    return feed;
}

std::vector<SeriesPoints> lineFeed(const FeedRows &runs, int xColumn, int yColumn, const Overlay &overlay, std::size_t maxPoints,
                                   std::size_t *read)
{
    std::vector<SeriesPoints> out;
    if (!runs.model)
        return out;
    const ResultTableModel &model = *runs.model;
    const bench::ResultTable &table = *model.table();
    const std::span<const double> xs = model.values(xColumn), ys = model.values(yColumn);
    // One line per sweep (bench::sweepLabels(): the runs that differ only in their load).
    struct Sweep
    {
        std::vector<bench::Label> labels;
        std::uint32_t labelSet;
        bool after;
    };
    std::vector<Sweep> sweeps;
    std::map<std::vector<std::uint64_t>, int> ids;
    const auto keyOf = [&](std::uint32_t labelSet) {
        const Side side = sideOf(model, labelSet, overlay);
        if (side == Side::None)
            return -1;
        std::vector<bench::Label> labels = bench::sweepLabels(table, labelSet);
        std::vector<std::uint64_t> key;
        for (const bench::Label &l : labels)
            key.push_back(std::uint64_t(l.key) << 32 | l.value);
        const auto [it, added] = ids.emplace(std::move(key), static_cast<int>(sweeps.size()));
        if (added)
            sweeps.push_back({std::move(labels), labelSet, side == Side::After});
        return it->second;
    };
    const std::vector<std::vector<int>> groups = rowsByGroup(runs, xs, ys, keyOf, [](int key, int) { return key; });
    const std::vector<QString> names = sweepNames(model, sweeps, overlay.active());
    std::vector<int> order(sweeps.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&sweeps](int a, int b) { return !sweeps[std::size_t(a)].after && sweeps[std::size_t(b)].after; });
    for (const int sweep : order) {
        if (static_cast<std::size_t>(sweep) >= groups.size() || groups[static_cast<std::size_t>(sweep)].empty())
            continue;
        const std::vector<int> &rows = groups[static_cast<std::size_t>(sweep)];
        if (read)
            *read += rows.size();
        // Sorted by x for LTTB (equal x in the view's order).
        std::vector<double> px = gather(xs, rows);
        const std::vector<std::uint32_t> sorted0 = bench::sortOrder(px);
        std::vector<int> sorted(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            sorted.data()[i] = rows.data()[sorted0.data()[i]];
        px = gather(xs, sorted);
        const std::vector<double> py = gather(ys, sorted);
        SeriesPoints sp;
        const Sweep &sw = sweeps[static_cast<std::size_t>(sweep)];
        sp.name = withImport(names[static_cast<std::size_t>(sweep)], model, sw.labelSet, overlay);
        sp.base = sweepKey(table, sw.labels);
        sp.after = sw.after;
        for (std::size_t i : bench::lttb(px, py, maxPoints)) {
            sp.points << QPointF(px[i], py[i]);
            sp.rows.push_back(sorted[i]);
        }
        out.push_back(std::move(sp));
    }
    return out;
}

ScatterFeed scatterFeed(const FeedRows &runs, int xColumn, int yColumn, const Overlay &overlay, int columns, int rows)
{
    ScatterFeed feed;
    if (!runs.model)
        return feed;
    const ResultTableModel &model = *runs.model;
    const std::span<const double> xs = model.values(xColumn), ys = model.values(yColumn);
    // Groups by import side and verdict (0 no SLO verdict, 1 violates, 2 meets, 3 the run failed):
    // side * 4 + verdict.
    constexpr int kVerdicts = 4;
    constexpr int kFailed = 3;
    const auto keyOf = [&](std::uint32_t labelSet) {
        const Side side = sideOf(model, labelSet, overlay);
        return side == Side::None ? -1 : side == Side::After ? 1 : 0;
    };
    const auto groupOf = [&model](int side, int row) { return side * kVerdicts + (model.failed(row) ? kFailed : model.meetsSlo(row) + 1); };
    std::vector<std::vector<int>> groups = rowsByGroup(runs, xs, ys, keyOf, groupOf);
    for (std::size_t group = 0; group < groups.size(); ++group) {
        const std::vector<int> &points = groups[group];
        if (points.empty())
            continue;
        feed.total += points.size();
        SeriesPoints sp;
        const int verdict = static_cast<int>(group % kVerdicts);
        sp.failed = verdict == kFailed;
        sp.meetsSlo = sp.failed ? 0 : verdict - 1;
        sp.after = group >= kVerdicts;
        sp.base = sp.failed ? QObject::tr("failed runs")
                  : sp.meetsSlo == 1 ? QObject::tr("meets SLO")
                  : sp.meetsSlo == 0 ? QObject::tr("violates SLO")
                                     : QObject::tr("runs");
        sp.name = overlay.active() ? QStringLiteral("%1 [%2]").arg(sp.base, sp.after ? overlay.after : overlay.before) : sp.base;
        const std::vector<double> px = gather(xs, points), py = gather(ys, points);
        for (std::size_t i : bench::decimateScatter(px, py, columns, rows)) {
            sp.points << QPointF(px[i], py[i]);
            sp.rows.push_back(points[i]);
        }
        feed.groups.push_back(std::move(sp));
    }
    // A failed run is never on the front (as bench::paretoFront(), which `bench pareto` prints).
    for (std::size_t group = kFailed; group < groups.size(); group += kVerdicts)
        groups[group].clear();
    feed.front = paretoFront(xs, ys, groups);
    return feed;
}

} // namespace quantcfg::ui::charts
