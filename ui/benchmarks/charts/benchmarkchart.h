#pragma once

#include "ui/benchmarks/charts/chartfeed.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QSet>
#include <QWidget>

#include <utility>
#include <vector>

class QAbstractItemModel;
class QAbstractSeries;
class QBarSet;
class QChart;
class QChartView;
class QAbstractAxis;
class QLegendMarker;
class QScatterSeries;
class QTimer;

namespace quantcfg::ui {
class ResultTableModel;
}

namespace quantcfg::ui::charts {

class ParetoLabels;

/// An SLO threshold drawn on a chart: a line at @c threshold on the axis of @c column.
struct SloLine
{
    int column = -1;
    double threshold = 0;
    QString name; ///< "TTFT p99 ≤ 500 ms"
};

/// One chart of the benchmarks tab (Qt Charts kept behind this seam). It reads the runs model it
/// is given (the table's proxy over a ResultTableModel, so its filter applies) through chartfeed.h
/// and redraws when the model changes: grouped bars of a metric per preset per engine, a metric against load (one line
/// per sweep), or throughput against latency with the Pareto front and the region that meets the
/// SLO shaded. Hovering a point names the run; clicking a point emits runClicked() and the selected
/// run is ringed (setHighlightedRun()); clicking a legend entry hides or shows its series; SLO
/// limits are drawn as lines. Lines and scatter zoom and pan (ChartNavigator; the zoom outlives a
/// redraw until "Reset zoom", objectName ResetZoom), and the scatter has log axes (check boxes
/// LogLatency and LogThroughput). Series colours come from seriesColour().
class BenchmarkChart final : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Bars, Lines, Scatter };

    explicit BenchmarkChart(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    /// @p model is a ResultTableModel or a proxy (chain) over one.
    void setModel(QAbstractItemModel *model);
    /// Bars and lines: the metric column drawn (y). Scatter: the latency column (x).
    void setMetricColumn(int column);
    /// Lines: the load column (x). Scatter: the throughput column (y).
    void setXColumn(int column);
    void setSloLines(std::vector<SloLine> lines);
    /// Draws only the runs of the overlay's two imports, each series split by import, the "after"
    /// one dashed, hatched or hollow (an inactive overlay draws every run).
    void setOverlay(const Overlay &overlay);
    const Overlay &overlay() const { return m_overlay; }
    /// Largest number of points drawn per line series / scatter grid resolution (default: the plot's pixels).
    void setMaxPoints(int points);

    /// Rebuilds the series from the model now (otherwise done on the next event loop turn).
    void refresh();
    /// Rings run @p row of the runs model where the chart draws it (-1: none).
    void setHighlightedRun(int row);
    /// Forgets the user's zoom and shows every point.
    void resetZoom();
    /// The runs model row of the drawn point nearest to @p at (viewport pixels) within 8 pixels, or -1.
    int runAt(const QPointF &at) const;
    /// Where run @p row's point is drawn (viewport pixels), or (-1, -1) when it is not.
    QPointF pointOnView(int row) const;

    QChart *chart() const { return m_chart; }
    QChartView *view() const { return m_view; }
    /// The Pareto front of the last scatter feed.
    const ScatterFeed &lastScatter() const { return m_scatter; }
    /// Points in all series now drawn, and read from the model before decimation.
    int drawnPoints() const;
    std::size_t readPoints() const { return m_readPoints; }

    bool exportPng(const QString &path, QString *error = nullptr) const;
    bool exportSvg(const QString &path, QString *error = nullptr) const;

    /// The text naming run @p row of the runs model (the run and its configuration).
    QString runText(int row) const;
    /// The tooltip of the point of @p series nearest to @p at (chart coordinates), naming its run,
    /// its configuration and the point's values; "" when the series has no such point. Hovering
    /// a point shows it.
    QString pointToolTip(QAbstractSeries *series, const QPointF &at) const;

    /// Whether the series or bar set named @p name (its name without the run count) was hidden by
    /// a click on its legend entry. It stays hidden when the chart is rebuilt, until clicked again.
    bool isHidden(const QString &name) const { return m_hidden.contains(name); }

signals:
    /// A click on the point of run @p row (runs model row).
    void runClicked(int row);

protected:
    /// The view's tooltip event (sent once the pointer rests, to an active window) shows the
    /// hovered point's text, where the scene would hide it: no graphics item has a tooltip.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolBar();
    void rememberZoom();
    void finishXY();
    void updateHighlight();
    void addSloRegion(QAbstractAxis *x, QAbstractAxis *y);
    void scheduleRefresh();
    void buildBars(const FeedRows &runs);
    void buildLines(const FeedRows &runs);
    void buildScatter(const FeedRows &runs);
    void addSloLines(double from, double to, bool vertical, QAbstractSeries *anySeries);
    void attachHover(QAbstractSeries *series, std::vector<int> rows);
    /// The drawn point nearest to @p at (viewport pixels) within 8 pixels: its series and index.
    std::pair<QAbstractSeries *, qsizetype> pointAt(const QPointF &at) const;
    /// Shows @p text as the tooltip of the point or bar under the pointer ("": hides it).
    void showHoverText(const QString &text);
    void wireLegend();
    void applyHidden(QLegendMarker *marker, bool hidden);
    QString axisTitle(int column) const;

    Kind m_kind;
    QChart *m_chart;
    QChartView *m_view;
    QAbstractItemModel *m_model = nullptr;
    const ResultTableModel *m_runs = nullptr; ///< the model under m_model (as of the last refresh)
    QTimer *m_refreshTimer;
    int m_metric = -1;
    int m_x = -1;
    Overlay m_overlay;
    int m_maxPoints = 0;
    std::vector<SloLine> m_slo;
    ScatterFeed m_scatter;
    QHash<const QAbstractSeries *, QList<QAbstractSeries *>> m_parts; ///< scatter series drawn in parts: first → the others
    QSet<QString> m_hidden;                                       ///< series hidden from the legend, by name
    QHash<const QAbstractSeries *, std::vector<int>> m_pointRows; ///< runs model row of each drawn point
    QHash<const QBarSet *, QList<qreal>> m_hiddenBars;           ///< values of the bar sets hidden now
    std::size_t m_readPoints = 0;
    bool m_logX = false; ///< scatter: latency on a log axis
    bool m_logY = false; ///< scatter: throughput on a log axis
    bool m_zoomed = false;
    QRectF m_zoom;      ///< the user's ranges (x left–right, y top–bottom as min–max) while m_zoomed
    QRectF m_autoRange; ///< the ranges as last built
    int m_highlight = -1;
    QScatterSeries *m_highlightSeries = nullptr;
    ParetoLabels *m_paretoLabels = nullptr;
    QString m_hoverText; ///< the tooltip of the point or bar under the pointer, "" when none
};

} // namespace quantcfg::ui::charts
