#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

class QAbstractItemModel;

namespace quantcfg::ui::charts {

/// Points of one chart series read from the runs model, with the model row of each point (for
/// tooltips naming the run).
struct SeriesPoints
{
    QString name;
    QList<QPointF> points;
    std::vector<int> rows;
    int meetsSlo = -1; ///< scatter groups: 1 meets the SLO, 0 violates it, -1 no verdict
    bool after = false; ///< overlay: from the later import (drawn dashed / hollow)
};

/// Grouped bars: one value per category (preset) per set (engine), the mean over the runs shown.
struct BarFeed
{
    QStringList categories;
    std::vector<SeriesPoints> sets; ///< point x = category index, y = value (NaN = no runs)
};

/// Scatter: the points by SLO verdict (and import when overlaid), decimated to the plot's pixels,
/// and the Pareto front (maximal throughput y against minimal latency x) of every point shown.
struct ScatterFeed
{
    std::vector<SeriesPoints> groups;
    SeriesPoints front;
    std::size_t total = 0; ///< points before decimation
};

/// How the feeds read the model: its numeric values come from @c valueRole (double, NaN when
/// missing), series names from @c configurationRole, the import from @c importColumn and the SLO
/// verdict from @c meetsRole. ResultTableModel's roles are the defaults.
struct FeedRoles
{
    int valueRole;
    int configurationRole;
    int meetsRole;
    int importColumn;
    int engineColumn;
    int presetColumn;
    static FeedRoles resultTable();
};

/// The bar chart's data: @p metricColumn per preset (categories) per engine (sets); with
/// @p overlay each import is its own set.
BarFeed barFeed(const QAbstractItemModel &model, int metricColumn, bool overlay, const FeedRoles &roles = FeedRoles::resultTable());

/// The line chart's data: @p yColumn against @p xColumn, one series per configuration (and per
/// import with @p overlay), sorted by x, each reduced to @p maxPoints by LTTB. @p read (optional)
/// receives the number of points before decimation.
std::vector<SeriesPoints> lineFeed(const QAbstractItemModel &model, int xColumn, int yColumn, bool overlay, std::size_t maxPoints,
                                   std::size_t *read = nullptr, const FeedRoles &roles = FeedRoles::resultTable());

/// The scatter chart's data: throughput (@p yColumn) against latency (@p xColumn), grouped by SLO
/// verdict (and import with @p overlay), each group decimated to one point per cell of a
/// @p columns × @p rows grid; the Pareto front is never decimated.
ScatterFeed scatterFeed(const QAbstractItemModel &model, int xColumn, int yColumn, bool overlay, int columns, int rows,
                        const FeedRoles &roles = FeedRoles::resultTable());

} // namespace quantcfg::ui::charts
