#pragma once

#include "ui/autosave.h"

#include <QMainWindow>
#include <QMessageBox>

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
class DiagnosticsModel;
class EnginePane;
class BenchmarksTab;
class HardwareTab;
class MemoryFitPanel;
class JsonEditorTab;
class PresetPanel;
class Settings;
class StudioSession;
class TargetGpuPicker;

/// The studio's main window: presets on the left, the configuration (form and JSON) in the middle,
/// the diagnostics on the right and the three engine panes below. It owns the actions and menus and
/// wires the views to the document and its analysis; the views do the rest.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the file named in @p arguments (if any; otherwise starts on the default preset) and
    /// shows the window. Options (for demonstrations and screenshots): --tab config|matrix|fit|bench,
    /// --model PATH (memory fit), --bench FILE (repeatable; imported as one import),
    /// --bench-after FILE (a second import, overlaid).
    void start(const QStringList &arguments);

    /// Asks what to do with unsaved changes; returns Save, Discard or Cancel. Tests replace it.
    using UnsavedChangesPrompt = std::function<QMessageBox::StandardButton(const QString &documentName)>;
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt);
    /// Asks whether to throw away JSON text that does not parse; returns Discard or Cancel. Tests replace it.
    using UnparsedTextPrompt = std::function<QMessageBox::StandardButton(const QString &error)>;
    void setUnparsedTextPrompt(UnparsedTextPrompt prompt);
    /// Asks for a file name to save to (empty = cancelled). Tests replace it.
    using SaveFileChooser = std::function<QString(const QString &title, const QString &suggestedPath, const QString &filter)>;
    void setSaveFileChooser(SaveFileChooser chooser);

    /// What to do with unsaved work left by a studio that did not exit normally.
    enum class RecoveryChoice { Recover, Discard, Later };
    /// Asks about one recoverable autosave. Tests replace it.
    using RecoveryPrompt = std::function<RecoveryChoice(const Autosave::Recoverable &entry)>;
    void setRecoveryPrompt(RecoveryPrompt prompt);
    /// Offers the unsaved work of studios that crashed or were killed, newest first, until one is
    /// recovered (start() calls it once the window is shown). Unreadable autosaves are set aside
    /// with a message. Returns true when one was recovered into the document.
    bool offerRecovery();
    Autosave *autosave() const { return m_autosave; }

    /// Starts a new document from the default preset (after the unsaved-changes guard).
    bool newDocument();
    /// Opens @p path (after the unsaved-changes guard). Reports failures in a message box.
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    /// Saves to @p path without asking.
    bool saveTo(const QString &path);
    /// Writes @p engine's launch script to @p path and makes it executable.
    bool exportScript(const QString &engine, const QString &path);
    /// Writes @p engine's extra file (TensorRT-LLM YAML) to @p path.
    bool saveExtraFile(const QString &engine, const QString &path);
    /// The unsaved-changes guard: true when it is fine to drop the current document. JSON text that
    /// does not parse (and so is not in the document) is asked about first.
    bool maybeSave();
    /// Shows the field of @p pointer: in the form, or else in the JSON text.
    void revealField(const QString &pointer);

    ConfigDocument *document() const { return m_document; }
    /// The session state every view follows: target GPU, GPU detection, chosen engine versions.
    StudioSession *session() const { return m_session; }
    ConfigAnalysis *analysis() const { return m_analysis; }
    PresetPanel *presetPanel() const { return m_presets; }
    ConfigForm *form() const { return m_form; }
    JsonEditorTab *jsonTab() const { return m_json; }
    QTabWidget *configTabs() const { return m_tabs; }
    QTreeView *diagnosticsView() const { return m_diagnosticsView; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnostics; }
    EnginePane *enginePane(const QString &engine) const;
    const std::vector<EnginePane *> &enginePanes() const { return m_panes; }
    /// The window's tabs: Config, Hardware matrix, Memory fit, Benchmarks.
    QTabWidget *pages() const { return m_pages; }
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
    /// The tab page that holds page @p index once it is built.
    QWidget *pageHolder(int index) const;
    /// Puts the newly built @p page into its holder and shows it.
    void installPage(int index, QWidget *page);
    /// Applies @p method and the architecture of @p computeCapability (matrix double-click).
    void applyMatrixCell(const QString &method, int computeCapability);
    /// Applies the start options of start() and returns the remaining arguments.
    QStringList applyStartOptions(const QStringList &arguments);
    void restoreSettings();
    void saveSettings();
    void loadDefault();
    void reloadPresets(const QString &select = {});
    void onPresetChosen(int row);
    void saveAsPreset();
    void onAnalysisUpdated();
    void updateTitle();
    void updateRecentMenu();
    void rememberFile(const QString &path);
    void exportScriptInteractive(const QString &engine);
    void saveExtraFileInteractive(const QString &engine);
    void setMultiLine(bool multiLine);
    void showStatus(const QString &text);
    QString dialogDirectory() const;
    QString chooseSavePath(const QString &title, const QString &suggested, const QString &filter);
    /// Writes @p content to @p path atomically (optionally executable); reports failures.
    bool writeOutput(const QString &path, const std::string &content, bool executable);

    std::unique_ptr<Settings> m_settings; // the window's own: geometry, splitters, files, layout
    StudioSession *m_session;
    ConfigDocument *m_document;
    ConfigAnalysis *m_analysis;
    PresetPanel *m_presets = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_pages = nullptr;
    HardwareTab *m_hardware = nullptr;
    MemoryFitPanel *m_fit = nullptr;
    BenchmarksTab *m_bench = nullptr;
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
    QMenu *m_recentMenu = nullptr;
    QLabel *m_timing = nullptr;
    QAction *m_oneLineAction = nullptr;
    Autosave *m_autosave = nullptr;
    UnsavedChangesPrompt m_prompt;
    UnparsedTextPrompt m_unparsedPrompt;
    RecoveryPrompt m_recoveryPrompt;
    SaveFileChooser m_chooser;
};

} // namespace quantcfg::ui
