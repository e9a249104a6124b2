#pragma once

#include "ui/window/startoptions.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace quantcfg::ui {

class ConfigAnalysis;
class ConfigDocument;
class ConfigForm;
class DocumentFiles;
class DiagnosticsModel;
class EnginePane;
class BenchmarksTab;
class HardwareTab;
class MemoryFitPanel;
class JsonEditorTab;
class LazyPages;
class PresetPanel;
class Settings;
class StudioSession;
class TargetGpuPicker;

/// The studio's main window: presets on the left, the configuration (form and JSON) in the middle,
/// the diagnostics on the right and the three engine panes below. It owns the actions and menus and
/// wires the views to the document and its analysis; the views do the rest. The form and JSON tabs
/// are named "ConfigTabs" and the diagnostics list "Diagnostics" (objectName), for tests and
/// automation tools.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Applies @p options (the file to open, else the default preset stays; the page to show, a
    /// model for the memory fit, benchmark imports) and shows the window.
    void start(const StartOptions &options = {});

    /// The document's files: open, save, recent files, the unsaved-changes guard, autosave and
    /// recovery, exports.
    DocumentFiles *files() const { return m_files; }

    /// Shows the field of @p pointer: in the form, or else in the JSON text.
    void revealField(const QString &pointer);

    ConfigDocument *document() const { return m_document; }
    /// The session state every view follows: target GPU, GPU detection, chosen engine versions.
    StudioSession *session() const { return m_session; }
    ConfigAnalysis *analysis() const { return m_analysis; }
    /// The window's pages, in this order (StartOptions::Page has the same).
    enum Page { ConfigPage, MatrixPage, FitPage, BenchmarksPage };
    /// The window's tabs: Config, Hardware matrix, Memory fit, Benchmarks.
    LazyPages *pages() const { return m_pages; }
    /// The pages beside the configuration, built on first use (first shown or asked for).
    HardwareTab *hardwareTab();
    MemoryFitPanel *memoryFitPanel();
    BenchmarksTab *benchmarksTab();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void buildActions();
    /// Creates the tabs next to the configuration editor and wires them (mainwindowtabs.cpp).
    void buildPages();
    /// Applies @p method and the architecture of @p computeCapability (matrix double-click).
    void applyMatrixCell(const QString &method, int computeCapability);
    void restoreSettings();
    void saveSettings();
    void reloadPresets(const QString &select = {});
    void onPresetChosen(int row);
    void saveAsPreset();
    void onAnalysisUpdated();
    void updateTitle();
    void setMultiLine(bool multiLine);
    void showStatus(const QString &text);

    std::unique_ptr<Settings> m_settings; // the window's own: geometry, splitters, files, layout
    StudioSession *m_session;
    ConfigDocument *m_document;
    ConfigAnalysis *m_analysis;
    PresetPanel *m_presets = nullptr;
    QTabWidget *m_tabs = nullptr;
    LazyPages *m_pages = nullptr;
    ConfigForm *m_form = nullptr;
    JsonEditorTab *m_json = nullptr;
    DiagnosticsModel *m_diagnostics = nullptr;
    QTreeView *m_diagnosticsView = nullptr;
    QLabel *m_diagnosticsTitle = nullptr;
    TargetGpuPicker *m_gpu = nullptr;
    std::vector<EnginePane *> m_panes;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    QSplitter *m_engineSplitter = nullptr;
    QLabel *m_timing = nullptr;
    QAction *m_oneLineAction = nullptr;
    DocumentFiles *m_files = nullptr;
};

} // namespace quantcfg::ui
