#include "ui/benchmarks/charts/chartfeed.h"

#include "core/bench/decimate.h"
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
        if (side == Side::None)
            return -1;
        QString preset = model.labelSetText(labelSet, ResultTableModel::PresetColumn);
        QString engine = model.labelSetText(labelSet, ResultTableModel::EngineColumn);
        preset = preset.isEmpty() ? QObject::tr("(no preset)") : preset;
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
    const std::span<const double> xs = model.values(xColumn), ys = model.values(yColumn);
    Names names;
    const auto keyOf = [&](std::uint32_t labelSet) {
        const Side side = sideOf(model, labelSet, overlay);
        const QString configuration = model.configuration(labelSet);
        return side == Side::None ? -1 : names.add(withImport(configuration, model, labelSet, overlay), configuration, side == Side::After);
    };
    const std::vector<std::vector<int>> groups = rowsByGroup(runs, xs, ys, keyOf, [](int key, int) { return key; });
    for (const int group : names.order()) {
        const std::vector<int> &rows = groups[static_cast<std::size_t>(group)];
        if (read)
            *read += rows.size();
        // Sorted by x for LTTB (equal x in the view's order).
        std::vector<double> px = gather(xs, rows);
        const std::vector<std::uint32_t> order = bench::sortOrder(px);
        std::vector<int> sorted(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            sorted.data()[i] = rows.data()[order.data()[i]];
        px = gather(xs, sorted);
        const std::vector<double> py = gather(ys, sorted);
        SeriesPoints sp = names.series(group);
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
    // Groups by import side and SLO verdict (-1 none, 0 violates, 1 meets): side * 3 + verdict + 1.
    const auto keyOf = [&](std::uint32_t labelSet) {
        const Side side = sideOf(model, labelSet, overlay);
        return side == Side::None ? -1 : side == Side::After ? 1 : 0;
    };
    const auto groupOf = [&model](int side, int row) { return side * 3 + model.meetsSlo(row) + 1; };
    const std::vector<std::vector<int>> groups = rowsByGroup(runs, xs, ys, keyOf, groupOf);
    for (std::size_t group = 0; group < groups.size(); ++group) {
        const std::vector<int> &points = groups[group];
        if (points.empty())
            continue;
        feed.total += points.size();
        SeriesPoints sp;
        sp.meetsSlo = static_cast<int>(group % 3) - 1;
        sp.after = group >= 3;
        sp.base = sp.meetsSlo == 1 ? QObject::tr("meets SLO") : sp.meetsSlo == 0 ? QObject::tr("violates SLO") : QObject::tr("runs");
        sp.name = overlay.active() ? QStringLiteral("%1 [%2]").arg(sp.base, sp.after ? overlay.after : overlay.before) : sp.base;
        const std::vector<double> px = gather(xs, points), py = gather(ys, points);
        for (std::size_t i : bench::decimateScatter(px, py, columns, rows)) {
            sp.points << QPointF(px[i], py[i]);
            sp.rows.push_back(points[i]);
        }
        feed.groups.push_back(std::move(sp));
    }
    feed.front = paretoFront(xs, ys, groups);
    return feed;
}

} // namespace quantcfg::ui::charts
