#pragma once

#include "ui/benchmarkimporter.h"
#include "ui/charts/chartfeed.h"
#include "ui/settings.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressDialog;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace quantcfg::ui {

namespace charts {
class BenchmarkChart;
}
class DiagnosticsModel;
class ResultTableModel;
class SloEditor;

/// The "Benchmarks" tab: imports result files (dialog or drag and drop, on a worker thread with a
/// cancellable progress dialog; warnings in an issues list), lists the imports with their labels
/// (editable: relabelling re-imports), shows the runs in a sortable, filterable table and draws
/// three charts from that same table's proxy: bars per preset and engine, a metric against load,
/// and throughput against latency with the Pareto front (two chosen imports overlaid as before and
/// after). An SLO editor scores and ranks the runs and draws its limits on the charts.
class BenchmarksTab final : public QWidget
{
    Q_OBJECT

public:
    explicit BenchmarksTab(QWidget *parent = nullptr);

    /// Imports @p paths as one import named by the name field (or "import N"; a name already used
    /// gets a number), with the engine,
    /// preset and version fields as labels for the runs whose files lack them. Returns at once;
    /// importFinished() follows.
    void importFiles(const QStringList &paths);
    /// Changes the labels of import @p index and re-imports everything (engine, preset and version
    /// still only fill gaps).
    void relabel(int index, const ImportBatch &batch);
    /// Asks a running import to stop; nothing of it is added.
    void cancelImport();
    /// Removes every import.
    void clear();
    const std::vector<ImportBatch> &imports() const { return m_batches; }
    bool isImporting() const;

    ResultTableModel *runsModel() const { return m_runs; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *runsView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QStandardItemModel *importsModel() const { return m_importsModel; }
    DiagnosticsModel *issuesModel() const { return m_issues; }
    SloEditor *sloEditor() const { return m_slo; }
    charts::BenchmarkChart *chart(int kind) const;
    QTabWidget *chartTabs() const { return m_chartTabs; }
    QComboBox *metricPicker() const { return m_metric; }
    QComboBox *statisticPicker() const { return m_statistic; }
    QComboBox *loadPicker() const { return m_load; }
    QComboBox *latencyPicker() const { return m_latency; }
    QCheckBox *overlayBox() const { return m_overlay; }
    /// The imports overlaid as "before" and "after" (item data: the index in imports()).
    QComboBox *beforePicker() const { return m_before; }
    QComboBox *afterPicker() const { return m_after; }
    /// The overlay the charts draw now (inactive unless the box is checked and two imports exist).
    charts::Overlay overlay() const;
    /// "Recent benchmark files": one entry per file, choosing one imports it.
    QMenu *recentMenu() const { return m_recentMenu; }
    QLabel *bestLabel() const { return m_best; }
    QLineEdit *labelEdit(const char *key) const;

    /// The charts export the current chart to PNG or SVG (by the file's suffix).
    bool exportChart(const QString &path, QString *error = nullptr) const;

signals:
    void importFinished();
    void message(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildImportBar();
    QWidget *buildChartArea();
    QWidget *buildChartCorner(QWidget *parent);
    void startImport(std::vector<ImportBatch> batches, bool replace);
    void onImportFinished();
    void rescore();
    void updateCharts();
    void refreshImportsModel();
    void refreshOverlayPickers();
    void refreshRecentMenu();
    void importRecent(const QString &path);
    void exportInteractive();
    QString uniqueImportName(const QString &name, int except) const;
    void restoreView();
    void saveView();

    std::vector<ImportBatch> m_batches;
    std::vector<ImportBatch> m_pending;
    bool m_replacing = false;
    bool m_fillingImports = false; // refreshImportsModel() is writing: not a user's relabel
    int m_importCounter = 0;
    BenchmarkImporter *m_importer;
    QProgressDialog *m_progress = nullptr;
    ResultTableModel *m_runs;
    QSortFilterProxyModel *m_proxy;
    QStandardItemModel *m_importsModel;
    DiagnosticsModel *m_issues;
    QTableView *m_table = nullptr;
    QTableView *m_importsView = nullptr;
    QTreeView *m_issuesView = nullptr;
    QLineEdit *m_filter = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_engine = nullptr;
    QLineEdit *m_preset = nullptr;
    QLineEdit *m_version = nullptr;
    QComboBox *m_metric = nullptr;
    QComboBox *m_statistic = nullptr;
    QComboBox *m_load = nullptr;
    QComboBox *m_latency = nullptr;
    QCheckBox *m_overlay = nullptr;
    QComboBox *m_before = nullptr;
    QComboBox *m_after = nullptr;
    QMenu *m_recentMenu = nullptr;
    Settings *m_settings = new Settings(this); // the chart, pickers, SLO and recent files, restored when built
    bool m_restoring = true; // until restoreView() has set the pickers: do not save half a state (or the defaults)
    QLabel *m_best = nullptr;
    SloEditor *m_slo = nullptr;
    QTabWidget *m_chartTabs = nullptr;
    std::vector<charts::BenchmarkChart *> m_charts;
};

} // namespace quantcfg::ui
