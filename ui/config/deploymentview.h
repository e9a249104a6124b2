#pragma once

#include "core/engines/deploy.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace quantcfg::ui {

/// One engine's multi-node deployment under its command: a line saying nodes, GPUs and launcher,
/// a tab per node (head first: "Node 0 · head", "Node 1", …) with that node's command as core's
/// renderer writes it (environment included) and Copy, and Export… for a chosen rendering (node
/// scripts, sbatch, Ray, docker). Hidden while the configuration runs on one node. It shows what
/// ConfigAnalysis computed; Export asks the window (exportRequested) to write the files.
/// objectNames: Deployment (itself), DeploymentSummary, DeploymentNodes (the tabs), NodeCommand:N
/// and CopyNode:N (per node rank), DeployTarget (the rendering) and ExportDeployment.
class DeploymentView final : public QWidget
{
    Q_OBJECT

public:
    explicit DeploymentView(QWidget *parent = nullptr);

    /// Shows @p deployment's nodes, or hides the view (nullptr: one node).
    void setDeployment(const Deployment *deployment);

signals:
    /// Export… was pressed for the rendering named @p target ("nodes", "slurm", "ray", "docker").
    void exportRequested(const QString &target);
    /// A status-bar message ("Copied node 1's command").
    void message(const QString &text);

private:
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QComboBox *m_target;
    QPushButton *m_export;
};

} // namespace quantcfg::ui
