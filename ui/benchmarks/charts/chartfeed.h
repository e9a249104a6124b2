#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

class QAbstractItemModel;

namespace quantcfg::ui {
class ResultTableModel;
}

namespace quantcfg::ui::charts {

/// Points of one chart series read from the runs model, with the runs model row (the run's index
/// in the table) of each point, for tooltips naming the run.
struct SeriesPoints
{
    QString name;
    /// What the series' colour comes from (seriesColour()): the engine of a bar set, the verdict of
    /// a scatter group, a line's sweep labels but the import. An "after" series has the base, and
    /// so the colour, of the "before" one.
    QString base;
    QList<QPointF> points;
    std::vector<int> rows;
    int meetsSlo = -1; ///< scatter groups: 1 meets the SLO, 0 violates it, -1 no verdict
    bool after = false; ///< overlay: from the "after" import (drawn dashed / hollow)
    bool failed = false; ///< scatter groups: runs that failed (never on the Pareto front)
};

/// Grouped bars: one value per category (preset, and model when the runs name one) per set
/// (engine), the mean over the runs shown that did not fail.
struct BarFeed
{
    QStringList categories;
    std::vector<SeriesPoints> sets; ///< point x = category index, y = value (NaN = no runs)
};

/// Scatter: the points by SLO verdict (failed runs a group of their own; and import when overlaid),
/// decimated to the plot's pixels, and the Pareto front (maximal throughput y against minimal
/// latency x, bench::markParetoFront()) of every point shown that did not fail.
struct ScatterFeed
{
    std::vector<SeriesPoints> groups;
    SeriesPoints front;
    std::size_t total = 0; ///< points before decimation
};

/// The runs a chart draws: the rows of the ResultTableModel under a view model (the table's
/// proxy, or the model itself) that the view shows, in the view's order. The feeds read the
/// numbers of these rows through the model's typed accessors (ResultTableModel::values(), …), so
/// a million runs cost a pass over arrays rather than a QVariant per cell, while the proxy's
/// filter and sort still decide what is drawn: the charts show exactly what the table shows.
struct FeedRows
{
    const ResultTableModel *model = nullptr; ///< nullptr: the view is not over a ResultTableModel
    std::vector<int> rows;                   ///< model rows (run indices), in the view's order

    /// Maps every row of @p view (a ResultTableModel, or proxies over one) to the model's row.
    static FeedRows of(const QAbstractItemModel &view);
};

/// Before/after overlay of two imports (their "import" label, ImportBatch::name): only their runs
/// are drawn, every series is split by import and the "after" one is drawn dashed, hatched or
/// hollow. Off while either name is empty.
struct Overlay
{
    QString before;
    QString after;
    bool active() const { return !before.isEmpty() && !after.isEmpty(); }
};

/// The bar chart's data: @p metricColumn per preset (categories) per engine (sets), each import
/// its own set when @p overlay is active.
BarFeed barFeed(const FeedRows &runs, int metricColumn, const Overlay &overlay = {});

/// The line chart's data: @p yColumn against @p xColumn, one series per sweep (runs whose labels
/// are the same but for their load and status, bench::sweepLabels(); so per import too), named by
/// the labels that tell the sweeps shown apart, sorted by x, each reduced to @p maxPoints by LTTB. @p read (optional)
/// receives the number of points before decimation.
std::vector<SeriesPoints> lineFeed(const FeedRows &runs, int xColumn, int yColumn, const Overlay &overlay, std::size_t maxPoints,
                                   std::size_t *read = nullptr);

/// The scatter chart's data: throughput (@p yColumn) against latency (@p xColumn), grouped by SLO
/// verdict (and import with @p overlay), each group decimated to one point per cell of a
/// @p columns × @p rows grid; the Pareto front is never decimated.
ScatterFeed scatterFeed(const FeedRows &runs, int xColumn, int yColumn, const Overlay &overlay, int columns, int rows);

} // namespace quantcfg::ui::charts
