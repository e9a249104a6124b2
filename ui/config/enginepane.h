#pragma once

#include "core/engines/deploy.h"
#include "core/engines/launchplan.h"
#include "core/hardware/gputarget.h"

#include <QFont>
#include <QFrame>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QTreeView;

namespace quantcfg::ui {

class DeploymentView;
class DiagnosticsModel;

/// One engine's view of the configuration: version picker, status badge, the command (selectable,
/// monospace, one-line or multi-line) with Copy, environment variables, extra files such as
/// TensorRT-LLM's YAML with Copy/Save, and the notes on what was skipped or fell back (as tall as
/// they are, not a box that fills the pane). With a multi-node deployment its DeploymentView
/// (named Deployment) shows a tab per node under the command, and the deployment's findings join
/// the notes. Its objectName is "EnginePane:<engine>"; the controls
/// a user acts on are named VersionPicker, CommandText, CopyCommand, CommandLayout and CopyFile,
/// and the notes' list Notes.
class EnginePane final : public QFrame
{
    Q_OBJECT

public:
    explicit EnginePane(std::string engine, QWidget *parent = nullptr);

    const std::string &engine() const { return m_engine; }

    /// The versions to offer: (version id, label), newest first.
    void setVersions(const std::vector<std::pair<std::string, std::string>> &versions);
    void setCurrentVersion(const std::string &version);
    std::string currentVersion() const;
    /// Whether the configuration pins the version (engine_versions): the picker then shows the
    /// pinned version, disabled, and its tooltip says where to change it.
    void setVersionPinned(bool pinned);
    bool isVersionPinned() const;

    /// Shows @p plan, mapped for @p target (none: no GPU checks were made), and says which GPU
    /// the plan was checked for and whether that found anything.
    void setPlan(const LaunchPlan &plan, const std::optional<GpuTarget> &target = std::nullopt);
    const LaunchPlan &plan() const { return m_plan; }
    /// "Checked for A10G (sm_86): no GPU issues", "No target GPU: …" (the line under the buttons).
    QString gpuCheckText() const;

    /// Shows @p deployment (nullptr: one node, nothing shown) and adds its own findings to the
    /// notes. Call after setPlan().
    void setDeployment(const Deployment *deployment);

    void setMultiLine(bool multiLine);
    bool isMultiLine() const { return m_multiLine; }

    /// The command exactly as shown (and copied).
    QString commandText() const;
    /// The first extra file's content (the TensorRT-LLM YAML), or an empty string.
    QString extraFileText() const;

    DiagnosticsModel *notesModel() const { return m_notesModel; }

signals:
    void versionChosen(const QString &engine, const QString &version);
    void multiLineToggled(bool multiLine);
    void exportScriptRequested(const QString &engine);
    void saveFileRequested(const QString &engine);
    /// Export… of the deployment, for the rendering named @p target ("nodes", "slurm", …).
    void exportDeploymentRequested(const QString &engine, const QString &target);
    /// A status-bar message (e.g. "Copied").
    void message(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct LineCount
    {
        QString text;
        QFont font;
        int width = -1;
        int lines = 0;
    };

    void showCommand();
    void showNotes();
    void fitHeights();
    static void fitHeight(QPlainTextEdit *view, int viewWidth, int maxLines, LineCount &memo);
    void copy(const QString &text, QPushButton *button);

    std::string m_engine;
    LaunchPlan m_plan;
    Diagnostics m_deploymentFindings;
    bool m_multiLine = true;

    QLabel *m_title;
    QComboBox *m_versions;
    QLabel *m_badge;
    QLabel *m_statusText;
    QPlainTextEdit *m_command;
    QPushButton *m_copy;
    QToolButton *m_layoutButton;
    QPushButton *m_export;
    QLabel *m_gpuCheck;
    QLabel *m_env;
    DeploymentView *m_deployment;
    QLabel *m_fileTitle;
    QPlainTextEdit *m_file;
    QPushButton *m_copyFile;
    QPushButton *m_saveFile;
    QWidget *m_fileButtons;
    QLabel *m_notesTitle;
    QTreeView *m_notes;
    DiagnosticsModel *m_notesModel;
    LineCount m_commandLines;
    LineCount m_fileLines;
};

} // namespace quantcfg::ui
