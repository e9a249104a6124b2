#include "ui/config/deploymentview.h"

#include "ui/shared/statusstyle.h"
#include "ui/shared/wrappedlabel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace quantcfg::ui {

namespace {

constexpr int kCopiedFeedbackMs = 1500;
constexpr int kMaxNodeLines = 8;

// One node's page: its command (read-only, wrapped, monospace) and Copy.
QWidget *nodePage(const DeployNode &node, DeploymentView *view)
{
    auto *page = new QWidget;
    const QString rank = QString::number(node.rank);
    auto *text = new QPlainTextEdit(page);
    text->setObjectName(QStringLiteral("NodeCommand:") + rank);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text->setTabChangesFocus(true);
    text->setAccessibleName(DeploymentView::tr("Node %1 command").arg(rank));
    text->setPlainText(QString::fromStdString(renderNodeCommand(node)));
    // A few lines: the command wraps, and the tab widget must not hold the pane up.
    const QFontMetrics fm(text->font());
    // Roughly the wrapped lines at a third of a 1280-pixel screen (about 45 characters a line).
    const int chars = static_cast<int>(text->toPlainText().size());
    const int lines = std::clamp(chars / 45 + text->document()->blockCount(), 3, kMaxNodeLines);
    text->setFixedHeight(lines * fm.lineSpacing() + 2 * text->frameWidth() + 2 * static_cast<int>(text->document()->documentMargin()) + 2);

    auto *copy = new QPushButton(studioIcon(QLatin1StringView("copy.svg")), DeploymentView::tr("Copy"), page);
    copy->setObjectName(QStringLiteral("CopyNode:") + rank);
    copy->setToolTip(DeploymentView::tr("Copy node %1's command to the clipboard").arg(rank));
    QObject::connect(copy, &QPushButton::clicked, view, [view, copy, text, rank] {
        QApplication::clipboard()->setText(text->toPlainText());
        copy->setText(DeploymentView::tr("Copied"));
        emit view->message(DeploymentView::tr("Copied node %1's command to the clipboard").arg(rank));
        QTimer::singleShot(kCopiedFeedbackMs, copy, [copy] { copy->setText(DeploymentView::tr("Copy")); });
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(text);
    layout->addLayout(buttons);
    return page;
}

QString targetLabel(DeployTarget target)
{
    switch (target) {
    case DeployTarget::Nodes: return DeploymentView::tr("Node scripts");
    case DeployTarget::Slurm: return DeploymentView::tr("sbatch script");
    case DeployTarget::Ray: return DeploymentView::tr("Ray cluster");
    case DeployTarget::Docker: return DeploymentView::tr("docker run per node");
    }
    return QString::fromLatin1(deployTargetName(target));
}

} // namespace

DeploymentView::DeploymentView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new WrappedLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_target(new QComboBox(this))
    , m_export(new QPushButton(tr("Export…"), this))
{
    setObjectName(QStringLiteral("Deployment"));
    m_summary->setObjectName(QStringLiteral("DeploymentSummary"));
    m_tabs->setObjectName(QStringLiteral("DeploymentNodes"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Deployment nodes"));
    m_target->setObjectName(QStringLiteral("DeployTarget"));
    m_target->setAccessibleName(tr("Deployment rendering"));
    // The --as values of quantcfg deploy, in core's order.
    for (DeployTarget target : deployTargets())
        m_target->addItem(targetLabel(target), QString::fromLatin1(deployTargetName(target)));
    m_export->setObjectName(QStringLiteral("ExportDeployment"));
    m_export->setToolTip(tr("Write the deployment's files (node scripts, sbatch script, …) into a folder"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_target);
    header->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs);
    connect(m_export, &QPushButton::clicked, this, [this] { emit exportRequested(m_target->currentData().toString()); });
    setVisible(false);
}

void DeploymentView::setDeployment(const Deployment *deployment)
{
    setVisible(deployment != nullptr);
    if (!deployment)
        return;
    const QString launcher = QString::fromStdString(deployment->launcher);
    if (deployment->nodes.empty())
        m_summary->setText(tr("Deployment: %1 node(s), launcher %2: no commands (see the notes)").arg(deployment->nodeCount).arg(launcher));
    else
        m_summary->setText(tr("Deployment: %1 node(s) × %2 GPU(s), launcher %3").arg(deployment->nodeCount).arg(deployment->gpusPerNode).arg(launcher));
    const int current = m_tabs->currentIndex();
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    for (const DeployNode &node : deployment->nodes) {
        const QString title = node.isHead() ? tr("Node %1 · head").arg(node.rank) : tr("Node %1").arg(node.rank);
        m_tabs->addTab(nodePage(node, this), title);
    }
    m_tabs->setVisible(!deployment->nodes.empty());
    if (current >= 0 && current < m_tabs->count())
        m_tabs->setCurrentIndex(current);
}

} // namespace quantcfg::ui
