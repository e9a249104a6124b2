#pragma once

#include "ui/benchmarks/charts/chartfeed.h"

#include <QWidget>

#include <vector>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QTabWidget;

namespace quantcfg::ui {

namespace charts {
class BenchmarkChart;
struct SloLine;
} // namespace charts
class ImportListModel;
class Settings;

/// The benchmarks page's chart area: the metric, statistic, load and latency pickers, the three
/// charts (bars per preset and engine, a metric against load, throughput against latency) drawn
/// from the runs model it is given, the overlay of two imports (its pickers list the imports
/// model), and the chart export. Remembers the chart and the pickers in Settings. The charts are
/// named "Chart:bars", "Chart:lines" and "Chart:scatter" (objectName), their tabs "ChartTabs",
/// and the pickers MetricPicker, StatisticPicker, LoadPicker, LatencyPicker, OverlayBox,
/// BeforePicker and AfterPicker.
class ChartPanel final : public QWidget
{
    Q_OBJECT

public:
    ChartPanel(QAbstractItemModel *runs, ImportListModel *imports, QWidget *parent = nullptr);

    /// The chosen statistic ("mean", "median", "p90", "p99").
    QString statistic() const;
    /// The overlay the charts draw now (inactive unless the box is checked and two imports exist).
    charts::Overlay overlay() const;
    /// Checks or clears the overlay box: draws the two chosen imports overlaid, or every import.
    void setOverlayShown(bool shown);
    void setSloLines(const std::vector<charts::SloLine> &lines);
    /// Rings run @p row (runs model row) on every chart that draws it (-1: none).
    void setHighlightedRun(int row);
    /// Exports the current chart to PNG or SVG (by the file's suffix).
    bool exportChart(const QString &path, QString *error = nullptr) const;

signals:
    /// The statistic picker changed (the runs model and the SLO follow it).
    void statisticChanged(const QString &statistic);
    void message(const QString &text);
    /// A point of run @p row (runs model row) was clicked on a chart.
    void runClicked(int row);

private:
    /// The chart of kind @p kind (0 bars, 1 lines, 2 scatter).
    charts::BenchmarkChart *chart(int kind) const;
    QWidget *buildCorner(QWidget *parent);
    void update();
    void followImports();
    void exportInteractive();
    void restoreView();
    void saveView();

    ImportListModel *m_imports;
    Settings *m_settings;
    bool m_restoring = true; // until restoreView() has set the pickers: do not save half a state (or the defaults)
    int m_lastBefore = -1;    // the overlay's rows before the imports were reset
    int m_lastAfter = -1;
    QComboBox *m_metric = nullptr;
    QComboBox *m_statistic = nullptr;
    QComboBox *m_load = nullptr;
    QComboBox *m_latency = nullptr;
    QCheckBox *m_overlay = nullptr;
    QComboBox *m_before = nullptr;
    QComboBox *m_after = nullptr;
    QTabWidget *m_chartTabs = nullptr;
    std::vector<charts::BenchmarkChart *> m_charts;
};

} // namespace quantcfg::ui
