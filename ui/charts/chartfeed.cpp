#include "ui/charts/chartfeed.h"

#include "core/bench/decimate.h"
#include "core/bench/scoring.h"
#include "ui/resulttablemodel.h"

#include <QAbstractItemModel>

#include <algorithm>
#include <cmath>
#include <map>

namespace quantcfg::ui::charts {

namespace {

double valueAt(const QAbstractItemModel &model, int row, int column, const FeedRoles &roles)
{
    return model.index(row, column).data(roles.valueRole).toDouble();
}

QString textAt(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

// The imports in the order they appear: the first is "before", any later one "after".
QStringList importsOf(const QAbstractItemModel &model, const FeedRoles &roles)
{
    QStringList imports;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString name = textAt(model, r, roles.importColumn);
        if (!imports.contains(name))
            imports << name;
    }
    return imports;
}

QString withImport(const QString &name, const QString &import, bool overlay)
{
    return overlay && !import.isEmpty() ? QStringLiteral("%1 [%2]").arg(name, import) : name;
}

} // namespace

FeedRoles FeedRoles::resultTable()
{
    return {ResultTableModel::ValueRole,    ResultTableModel::ConfigurationRole, ResultTableModel::MeetsSloRole,
            ResultTableModel::ImportColumn, ResultTableModel::EngineColumn,      ResultTableModel::PresetColumn};
}

BarFeed barFeed(const QAbstractItemModel &model, int metricColumn, bool overlay, const FeedRoles &roles)
{
    BarFeed feed;
    const QStringList imports = importsOf(model, roles);
    struct Sum
    {
        double total = 0;
        int count = 0;
        std::vector<int> rows;
    };
    std::map<std::pair<int, int>, Sum> sums; // (set, category) → sum
    QStringList setNames;
    for (int r = 0; r < model.rowCount(); ++r) {
        const double v = valueAt(model, r, metricColumn, roles);
        if (!std::isfinite(v))
            continue;
        QString preset = textAt(model, r, roles.presetColumn);
        if (preset.isEmpty())
            preset = QObject::tr("(no preset)");
        QString engine = textAt(model, r, roles.engineColumn);
        if (engine.isEmpty())
            engine = QObject::tr("(no engine)");
        engine = withImport(engine, textAt(model, r, roles.importColumn), overlay);
        if (!feed.categories.contains(preset))
            feed.categories << preset;
        if (!setNames.contains(engine))
            setNames << engine;
        Sum &s = sums[{static_cast<int>(setNames.indexOf(engine)), static_cast<int>(feed.categories.indexOf(preset))}];
        s.total += v;
        ++s.count;
        s.rows.push_back(r);
    }
    for (int set = 0; set < setNames.size(); ++set) {
        SeriesPoints sp;
        sp.name = setNames[set];
        sp.after = overlay && imports.size() > 1 && !sp.name.endsWith(QStringLiteral("[%1]").arg(imports.front()));
        for (int c = 0; c < feed.categories.size(); ++c) {
            const auto it = sums.find({set, c});
            sp.points << QPointF(c, it == sums.end() ? std::nan("") : it->second.total / it->second.count);
            sp.rows.push_back(it == sums.end() ? -1 : it->second.rows.front());
        }
        feed.sets.push_back(std::move(sp));
    }
    return feed;
}

std::vector<SeriesPoints> lineFeed(const QAbstractItemModel &model, int xColumn, int yColumn, bool overlay, std::size_t maxPoints,
                                   std::size_t *read, const FeedRoles &roles)
{
    const QStringList imports = overlay ? importsOf(model, roles) : QStringList();
    std::map<QString, std::vector<std::pair<QPointF, int>>> groups;
    QStringList order;
    for (int r = 0; r < model.rowCount(); ++r) {
        const double x = valueAt(model, r, xColumn, roles);
        const double y = valueAt(model, r, yColumn, roles);
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        QString name = model.index(r, 0).data(roles.configurationRole).toString();
        if (overlay)
            name = withImport(name, textAt(model, r, roles.importColumn), true);
        if (!groups.count(name))
            order << name;
        groups[name].push_back({QPointF(x, y), r});
    }
    std::vector<SeriesPoints> out;
    for (const QString &name : order) {
        auto &points = groups[name];
        if (read)
            *read += points.size();
        std::stable_sort(points.begin(), points.end(), [](const auto &a, const auto &b) { return a.first.x() < b.first.x(); });
        std::vector<double> xs(points.size()), ys(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            xs[i] = points[i].first.x();
            ys[i] = points[i].first.y();
        }
        SeriesPoints sp;
        sp.name = name;
        sp.after = overlay && imports.size() > 1 && !name.endsWith(QStringLiteral("[%1]").arg(imports.front()));
        for (std::size_t i : bench::lttb(xs, ys, maxPoints)) {
            sp.points << points[i].first;
            sp.rows.push_back(points[i].second);
        }
        out.push_back(std::move(sp));
    }
    return out;
}

ScatterFeed scatterFeed(const QAbstractItemModel &model, int xColumn, int yColumn, bool overlay, int columns, int rows,
                        const FeedRoles &roles)
{
    ScatterFeed feed;
    const QStringList imports = overlay ? importsOf(model, roles) : QStringList();
    struct Group
    {
        std::vector<double> xs, ys;
        std::vector<int> rows;
        int meets;
        QString import;
    };
    std::map<std::pair<QString, int>, Group> groups;
    std::vector<bench::ParetoPoint> all;
    for (int r = 0; r < model.rowCount(); ++r) {
        const double x = valueAt(model, r, xColumn, roles);
        const double y = valueAt(model, r, yColumn, roles);
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        const int meets = model.index(r, 0).data(roles.meetsRole).toInt();
        const QString import = overlay ? textAt(model, r, roles.importColumn) : QString();
        Group &g = groups[{import, meets}];
        g.meets = meets;
        g.import = import;
        g.xs.push_back(x);
        g.ys.push_back(y);
        g.rows.push_back(r);
        all.push_back(bench::ParetoPoint{static_cast<std::uint32_t>(r), y, x, false});
    }
    feed.total = all.size();
    for (auto &[key, g] : groups) {
        SeriesPoints sp;
        const QString verdict = g.meets == 1 ? QObject::tr("meets SLO") : g.meets == 0 ? QObject::tr("violates SLO") : QObject::tr("runs");
        sp.name = withImport(verdict, g.import, overlay);
        sp.meetsSlo = g.meets;
        sp.after = overlay && imports.size() > 1 && g.import != imports.front();
        for (std::size_t i : bench::decimateScatter(g.xs, g.ys, columns, rows)) {
            sp.points << QPointF(g.xs[i], g.ys[i]);
            sp.rows.push_back(g.rows[i]);
        }
        feed.groups.push_back(std::move(sp));
    }
    bench::markParetoFront(all);
    feed.front.name = QObject::tr("Pareto front");
    for (const bench::ParetoPoint &p : all) {
        if (p.onFront) {
            feed.front.points << QPointF(p.latency, p.throughput);
            feed.front.rows.push_back(static_cast<int>(p.run));
        }
    }
    return feed;
}

} // namespace quantcfg::ui::charts
