#pragma once

#include "ui/benchmarks/benchmarkimporter.h"
#include "ui/benchmarks/charts/chartfeed.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace quantcfg::ui {

namespace charts {
class BenchmarkChart;
}
class ChartPanel;
class DiagnosticsModel;
class ImportListModel;
class ImportProgress;
class RecentBenchmarkMenu;
class ResultTableModel;
class RunsPanel;
class SloEditor;
class SloPanel;

/// The "Benchmarks" page: imports result files (dialog, recent files or drag and drop, on a worker
/// thread with a cancellable progress dialog; warnings in an issues list) and lays out the panels
/// that show them: the runs table with its filter (RunsPanel), the imports list (ImportListModel,
/// editable: relabelling re-imports), the SLO and ranking (SloPanel) and the charts (ChartPanel).
/// This class owns the import itself: the batches, the importer and the runs model. The import
/// bar's label fields are named ImportName, ImportEngine, ImportPreset and ImportVersion
/// (objectName), its "Recent benchmark files" menu RecentBenchmarkFiles; the panels name theirs.
class BenchmarksTab final : public QWidget
{
    Q_OBJECT

public:
    explicit BenchmarksTab(QWidget *parent = nullptr);

    /// Imports @p paths as one import named by the name field (or "import N"; a name already used
    /// gets a number), with the engine, preset and version fields as labels for the runs whose
    /// files lack them. Returns at once; importFinished() follows.
    void importFiles(const QStringList &paths);
    /// Imports @p paths as one import called @p name ("import N" when empty; a name already used
    /// gets a number), with the label fields as for importFiles(). Returns at once.
    void importFiles(const QStringList &paths, const QString &name);
    /// Changes the labels of import @p index and re-imports everything (engine, preset and version
    /// still only fill gaps).
    void relabel(int index, const ImportBatch &batch);
    /// Asks a running import to stop; nothing of it is added.
    void cancelImport();
    /// Removes every import.
    void clear();
    const std::vector<ImportBatch> &imports() const;
    bool isImporting() const;

    ResultTableModel *runsModel() const { return m_runs; }
    ImportListModel *importsModel() const { return m_imports; }
    DiagnosticsModel *issuesModel() const { return m_issues; }
    /// The runs as the table shows them (sorted, filtered): what the charts draw.
    QSortFilterProxyModel *proxy() const;
    /// The overlay the charts draw now (inactive unless the box is checked and two imports exist).
    charts::Overlay overlay() const;
    /// Draws the overlay of the two chosen imports (or stops drawing it).
    void setOverlayShown(bool shown);
    /// Exports the current chart to PNG or SVG (by the file's suffix).
    bool exportChart(const QString &path, QString *error = nullptr) const;

signals:
    void importFinished();
    void message(const QString &text);
    /// The winner card asks to open the winning run's preset @p preset in the editor.
    void openConfigurationRequested(const QString &preset);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildImportBar();
    void startImport(std::vector<ImportBatch> batches, bool replace);
    void onImportFinished();

    std::vector<ImportBatch> m_pending;
    bool m_replacing = false;
    int m_importCounter = 0;
    BenchmarkImporter *m_importer;
    ImportProgress *m_progress;
    ResultTableModel *m_runs;
    ImportListModel *m_imports;
    DiagnosticsModel *m_issues;
    RunsPanel *m_runsPanel = nullptr;
    SloPanel *m_sloPanel = nullptr;
    ChartPanel *m_chartPanel = nullptr;
    RecentBenchmarkMenu *m_recentMenu = nullptr;
    QTableView *m_importsView = nullptr;
    QTreeView *m_issuesView = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_engine = nullptr;
    QLineEdit *m_preset = nullptr;
    QLineEdit *m_version = nullptr;
};

} // namespace quantcfg::ui
