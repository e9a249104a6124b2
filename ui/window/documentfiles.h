#pragma once

#include "core/engines/deploy.h"
#include "ui/window/autosave.h"

#include <QMessageBox>
#include <QObject>

#include <functional>
#include <optional>
#include <string>

class QAction;
class QMenu;
class QWidget;

namespace quantcfg::ui {

class ConfigAnalysis;
class ConfigDocument;
class JsonEditorTab;
class Settings;

/// The document's files: new, open, save, save as, the recent files, the unsaved-changes guard,
/// the autosave and the recovery of unsaved work after a crash, and writing what the engines need
/// (launch scripts, extra files such as TensorRT-LLM's YAML). Its actions (New, Open…, Save,
/// Save As…) and its recent-files menu go into the window's menus and toolbar. Dialogs belong to
/// the window it is given; tests replace them with the prompt setters.
class DocumentFiles final : public QObject
{
    Q_OBJECT

public:
    /// Works on @p document; exports @p analysis's plans; asks about @p json's unparsed text.
    DocumentFiles(ConfigDocument *document, ConfigAnalysis *analysis, JsonEditorTab *json, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    /// "Open Recent": the recent files of the settings file (it follows their changes).
    QMenu *recentMenu() const { return m_recentMenu; }
    Autosave *autosave() const { return m_autosave; }

    /// Asks what to do with unsaved changes; returns Save, Discard or Cancel. Tests replace it.
    using UnsavedChangesPrompt = std::function<QMessageBox::StandardButton(const QString &documentName)>;
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt);
    /// Asks whether to throw away JSON text that does not parse; returns Discard or Cancel. Tests replace it.
    using UnparsedTextPrompt = std::function<QMessageBox::StandardButton(const QString &error)>;
    void setUnparsedTextPrompt(UnparsedTextPrompt prompt);
    /// Asks for a file name to save to (empty = cancelled). Tests replace it.
    using SaveFileChooser = std::function<QString(const QString &title, const QString &suggestedPath, const QString &filter)>;
    void setSaveFileChooser(SaveFileChooser chooser);
    /// Asks for a folder to write into (empty = cancelled). Tests replace it.
    using FolderChooser = std::function<QString(const QString &title, const QString &suggestedDir)>;
    void setFolderChooser(FolderChooser chooser);
    /// Asks for the name and description of a configuration changed from preset @p presetName
    /// before it is saved (empty name = cancelled). Tests replace it.
    struct Naming
    {
        QString name;
        QString description;
    };
    using NamingPrompt = std::function<Naming(const QString &presetName, const Naming &suggested)>;
    void setNamingPrompt(NamingPrompt prompt);
    /// What to do with unsaved work left by a studio that did not exit normally.
    enum class RecoveryChoice { Recover, Discard, Later };
    /// Asks about one recoverable autosave. Tests replace it.
    using RecoveryPrompt = std::function<RecoveryChoice(const Autosave::Recoverable &entry)>;
    void setRecoveryPrompt(RecoveryPrompt prompt);

    /// Offers the unsaved work of studios that crashed or were killed, newest first, until one is
    /// recovered. Unreadable autosaves are set aside with a message. True when one was recovered.
    bool offerRecovery();
    /// Starts a new document from the default preset (after the unsaved-changes guard).
    bool newDocument();
    /// Opens @p path (after the unsaved-changes guard). Reports failures in a message box.
    bool openFile(const QString &path);
    bool save();
    /// Asks for a file (and, for a configuration changed from a preset that still carries the
    /// preset's name, a name of its own first, so the file does not pass for the preset).
    bool saveAs();
    /// Saves to @p path without asking.
    bool saveTo(const QString &path);
    /// Writes @p engine's launch script to @p path and makes it executable.
    bool exportScript(const QString &engine, const QString &path);
    /// Writes @p engine's extra file (TensorRT-LLM YAML) to @p path.
    bool saveExtraFile(const QString &engine, const QString &path);
    /// Asks where, then exportScript() / saveExtraFile().
    void exportScriptInteractive(const QString &engine);
    /// Writes @p engine's deployment, rendered as @p target ("nodes", "slurm", "ray", "docker"),
    /// into folder @p dir with core's writer (the files `quantcfg deploy --out` writes).
    bool exportDeployment(const QString &engine, const QString &target, const QString &dir);
    /// Says why when there is nothing to write; else asks for the folder and writes there.
    void exportDeploymentInteractive(const QString &engine, const QString &target);
    void saveExtraFileInteractive(const QString &engine);
    /// Writes an inference-autotuner task for the document to @p path: the same code as `quantcfg
    /// task` (docs/autotuner.md), SGLang at the version the document is mapped for (the
    /// autotuner's default image when that version is not a release). Says why in a message box
    /// when no task can be written; what the task loses goes to the status bar.
    bool exportAutotunerTask(const QString &path);
    /// Asks where, then exportAutotunerTask(). File ▸ Export Autotuner Task…
    void exportAutotunerTaskInteractive();
    /// The unsaved-changes guard: true when it is fine to drop the current document. JSON text that
    /// does not parse (and so is not in the document) is asked about first.
    bool maybeSave();

signals:
    /// The document was replaced: by preset @p presetName (New), or by a file or recovered work
    /// (empty name).
    void documentReplaced(const QString &presetName);
    /// The JSON text that does not parse was kept: show it.
    void showJsonText();
    /// A status-bar message.
    void message(const QString &text);

private:
    QString dialogDirectory() const;
    QString chooseSavePath(const QString &title, const QString &suggested, const QString &filter);
    /// @p engine's deployment as @p target, or nullopt after saying why there is nothing to write.
    std::optional<Deployment> deploymentToExport(const QString &engine, const QString &target);
    bool writeDeployment(const Deployment &deployment, const QString &dir);
    /// Writes @p content to @p path atomically (optionally executable); reports failures.
    bool writeOutput(const QString &path, const std::string &content, bool executable);
    void rememberFile(const QString &path);
    /// When the document still carries the name of the preset it was changed from, asks for a
    /// name (and description) of its own and applies it as one undo step. False when cancelled.
    bool nameChangedPreset();
    void updateRecentMenu();

    ConfigDocument *m_document;
    ConfigAnalysis *m_analysis;
    JsonEditorTab *m_json;
    QWidget *m_window;
    Settings *m_settings;
    Autosave *m_autosave;
    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QMenu *m_recentMenu;
    UnsavedChangesPrompt m_prompt;
    UnparsedTextPrompt m_unparsedPrompt;
    RecoveryPrompt m_recoveryPrompt;
    NamingPrompt m_namingPrompt;
    SaveFileChooser m_chooser;
    FolderChooser m_folderChooser;
};

} // namespace quantcfg::ui
