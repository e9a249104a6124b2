#include "ui/config/enginepane.h"

#include "core/engines/render.h"
#include "ui/config/deploymentview.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/shared/statusstyle.h"
#include "ui/shared/wrappedlabel.h"
#include "ui/shared/wrappingdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace quantcfg::ui {

namespace {

constexpr int kCopiedFeedbackMs = 1500;
constexpr int kMaxCommandLines = 16;
constexpr int kMaxFileLines = 8;

QPlainTextEdit *codeView(QWidget *parent, const QString &accessibleName)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped at the pane's width: a command is never hidden behind a horizontal scroll bar.
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setTabChangesFocus(true);
    view->setAccessibleName(accessibleName);
    return view;
}

// Lines @p view needs to show @p text when it is @p viewWidth wide (wrapped).
int neededLines(const QPlainTextEdit *view, const QString &text, int viewWidth)
{
    const QFontMetrics fm(view->font());
    const int chrome = 2 * view->frameWidth() + 2 * static_cast<int>(view->document()->documentMargin()) + 4;
    const int width = std::max(viewWidth - chrome, fm.averageCharWidth() * 10);
    int lines = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        lines += std::max(1, (fm.horizontalAdvance(line) + width - 1) / width);
    return lines;
}

// The notes: as tall as their rows (wrapped at the view's width), so that one or two notes do not
// sit in a box that takes the rest of the pane; shorter, with a scroll bar, when the pane has
// less room than that.
class NotesView final : public QTreeView
{
public:
    using QTreeView::QTreeView;

    QSize sizeHint() const override
    {
        QSize hint = QTreeView::sizeHint();
        hint.setHeight(contentHeight(model() ? model()->rowCount() : 0));
        return hint;
    }

    // Three lines of text, as before, or less when the notes are shorter. Not a row's height: a
    // row wraps to many lines while the pane is narrow, and that would hold the window up.
    QSize minimumSizeHint() const override
    {
        QSize hint = QTreeView::minimumSizeHint();
        hint.setHeight(std::min(contentHeight(model() ? model()->rowCount() : 0), fontMetrics().height() * 3 + 2 * frameWidth()));
        return hint;
    }

protected:
    // Called once the rows are laid out again (new notes, another width): the height follows.
    void updateGeometries() override
    {
        QTreeView::updateGeometries();
        const int height = contentHeight(model() ? model()->rowCount() : 0);
        if (height != m_height) {
            m_height = height;
            updateGeometry();
        }
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QTreeView::resizeEvent(event);
        if (event->size().width() != event->oldSize().width()) {
            // The messages wrap at the width: the rows are laid out again (their heights were kept
            // from the old width, and a note was cut at the end of a box with room to spare),
            // and then the height follows (updateGeometries).
            scheduleDelayedItemsLayout();
            updateGeometry();
        }
    }

private:
    // The height of the first @p rows rows and the frame; a row's height comes from its delegate
    // (wrapped at the column's width).
    int contentHeight(int rows) const
    {
        int height = 2 * frameWidth();
        for (int row = 0; row < rows; ++row)
            height += indexRowSizeHint(model()->index(row, 0));
        if (!isHeaderHidden())
            height += header()->sizeHint().height();
        return height;
    }

    int m_height = -1;
};

} // namespace

// Makes @p view exactly as tall as its text (up to @p maxLines), so commands are not cut off and
// the notes get the rest of the pane. Measuring is a text layout of every line, and a layout pass
// resizes the pane several times at the same width: the count is kept for the last text, font and
// width (@p memo).
void EnginePane::fitHeight(QPlainTextEdit *view, int viewWidth, int maxLines, LineCount &memo)
{
    const QFontMetrics fm(view->font());
    const QString text = view->toPlainText();
    if (memo.width != viewWidth || memo.text != text || memo.font != view->font())
        memo = {text, view->font(), viewWidth, neededLines(view, text, viewWidth)};
    const int lines = std::min(memo.lines, maxLines);
    const int margins = 2 * view->frameWidth() + 2 * static_cast<int>(view->document()->documentMargin()) + 2;
    view->setFixedHeight(lines * fm.lineSpacing() + margins);
}

EnginePane::EnginePane(std::string engine, QWidget *parent)
    : QFrame(parent)
    , m_engine(std::move(engine))
    , m_title(new QLabel(this))
    , m_versions(new QComboBox(this))
    , m_badge(new QLabel(this))
    , m_statusText(new QLabel(this))
    , m_command(codeView(this, tr("Command")))
    , m_copy(new QPushButton(studioIcon(QLatin1StringView("copy.svg")), tr("&Copy"), this))
    , m_layoutButton(new QToolButton(this))
    , m_export(new QPushButton(tr("Export script…"), this))
    , m_gpuCheck(new WrappedLabel(this))
    , m_env(new WrappedLabel(this))
    , m_deployment(new DeploymentView(this))
    , m_fileTitle(new QLabel(this))
    , m_file(codeView(this, tr("Extra file")))
    , m_copyFile(new QPushButton(studioIcon(QLatin1StringView("copy.svg")), tr("Copy YAML"), this))
    , m_saveFile(new QPushButton(tr("Save YAML…"), this))
    , m_fileButtons(new QWidget(this))
    , m_notesTitle(new QLabel(this))
    , m_notes(new NotesView(this))
    , m_notesModel(new DiagnosticsModel(this))
{
    // The names tests and automation tools find the pane and its controls by.
    setObjectName(QStringLiteral("EnginePane:") + QString::fromStdString(m_engine));
    m_versions->setObjectName(QStringLiteral("VersionPicker"));
    m_command->setObjectName(QStringLiteral("CommandText"));
    m_copy->setObjectName(QStringLiteral("CopyCommand"));
    m_layoutButton->setObjectName(QStringLiteral("CommandLayout"));
    m_copyFile->setObjectName(QStringLiteral("CopyFile"));
    m_notes->setObjectName(QStringLiteral("Notes"));
    setFrameShape(QFrame::StyledPanel);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_versions->setAccessibleName(tr("Engine version"));
    // The labels ("main 2026-08-21 (≈ v0.29-dev) · default") are long: the box may elide them so
    // that three panes fit side by side at 1280 pixels; its list shows them whole.
    m_versions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_versions->setMinimumWidth(m_versions->fontMetrics().averageCharWidth() * 18);
    m_badge->setFixedSize(16, 16);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_versions);
    header->addStretch(1);
    header->addWidget(m_badge);
    header->addWidget(m_statusText);

    m_layoutButton->setText(tr("One line"));
    m_layoutButton->setCheckable(true);
    m_layoutButton->setToolTip(tr("Show the command on one line instead of one option per line"));
    m_layoutButton->setAccessibleName(tr("One-line command"));
    m_copy->setToolTip(tr("Copy the command to the clipboard"));
    m_export->setToolTip(tr("Write an executable launch script (.sh) for this engine"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_layoutButton);
    buttons->addStretch(1);
    buttons->addWidget(m_export);

    m_gpuCheck->setObjectName(QStringLiteral("gpuCheck"));
    m_env->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The file's title and its buttons share one row, to leave the notes room on small screens.
    auto *fileButtons = new QHBoxLayout(m_fileButtons);
    fileButtons->setContentsMargins(0, 0, 0, 0);
    fileButtons->addWidget(m_fileTitle, 1);
    fileButtons->addWidget(m_copyFile);
    fileButtons->addWidget(m_saveFile);

    m_notesModel->attachView(m_notes);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setColumnHidden(DiagnosticsModel::SourceColumn, true);
    m_notes->setHeaderHidden(true);
    m_notes->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_command);
    layout->addLayout(buttons);
    layout->addWidget(m_gpuCheck);
    layout->addWidget(m_env);
    layout->addWidget(m_deployment);
    layout->addWidget(m_fileButtons);
    layout->addWidget(m_file);
    layout->addWidget(m_notesTitle);
    layout->addWidget(m_notes);
    layout->addStretch(1); // below the notes, not inside their box

    connect(m_versions, &QComboBox::activated, this, [this](int index) {
        emit versionChosen(QString::fromStdString(m_engine), m_versions->itemData(index).toString());
    });
    connect(m_layoutButton, &QToolButton::toggled, this, [this](bool oneLine) {
        setMultiLine(!oneLine);
        emit multiLineToggled(!oneLine);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { copy(commandText(), m_copy); });
    connect(m_copyFile, &QPushButton::clicked, this, [this] { copy(extraFileText(), m_copyFile); });
    connect(m_export, &QPushButton::clicked, this, [this] { emit exportScriptRequested(QString::fromStdString(m_engine)); });
    connect(m_deployment, &DeploymentView::exportRequested, this,
            [this](const QString &target) { emit exportDeploymentRequested(QString::fromStdString(m_engine), target); });
    connect(m_deployment, &DeploymentView::message, this, &EnginePane::message);
    connect(m_saveFile, &QPushButton::clicked, this, [this] { emit saveFileRequested(QString::fromStdString(m_engine)); });
    setPlan(LaunchPlan{});
}

void EnginePane::setVersions(const std::vector<std::pair<std::string, std::string>> &versions)
{
    m_versions->clear();
    for (const auto &[id, label] : versions) {
        m_versions->addItem(QString::fromStdString(label), QString::fromStdString(id));
        m_versions->setItemData(m_versions->count() - 1, QString::fromStdString(label), Qt::ToolTipRole);
    }
    m_versions->view()->setMinimumWidth(m_versions->view()->sizeHintForColumn(0) + 2 * m_versions->view()->frameWidth());
}

void EnginePane::setCurrentVersion(const std::string &version)
{
    m_versions->setCurrentIndex(m_versions->findData(QString::fromStdString(version)));
}

std::string EnginePane::currentVersion() const
{
    return m_versions->currentData().toString().toStdString();
}

void EnginePane::setVersionPinned(bool pinned)
{
    m_versions->setEnabled(!pinned);
    m_versions->setToolTip(pinned ? tr("Pinned by the configuration (engine_versions); change or remove it there") : QString());
}

bool EnginePane::isVersionPinned() const
{
    return !m_versions->isEnabled();
}

void EnginePane::setPlan(const LaunchPlan &plan, const std::optional<GpuTarget> &target)
{
    m_plan = plan;
    if (!target) {
        m_gpuCheck->setText(tr("No target GPU: GPU checks are off (choose one in the toolbar)."));
    } else {
        const QString name = QString::fromStdString(target->name);
        const QString gpu = name.startsWith(QLatin1StringView("sm_")) || target->computeCapability <= 0
                                ? name
                                : tr("%1 (sm_%2)").arg(name).arg(target->computeCapability);
        const bool findings = std::any_of(plan.diagnostics.begin(), plan.diagnostics.end(),
                                          [](const Diagnostic &d) { return d.code.rfind("gpu.", 0) == 0; });
        m_gpuCheck->setText(findings ? tr("Checked for %1: GPU findings in the notes below.").arg(gpu)
                                     : tr("Checked for %1: no GPU issues.").arg(gpu));
    }
    const QString name = QString::fromStdString(plan.engineName.empty() ? m_engine : plan.engineName);
    m_title->setText(name);
    setAccessibleName(tr("%1 launch command").arg(name));
    m_badge->setPixmap(planStatusIcon(plan.status).pixmap(16, 16));
    m_statusText->setText(planStatusText(plan.status));
    m_badge->setToolTip(planStatusText(plan.status));
    showCommand();

    QStringList env;
    for (const EnvVar &e : plan.env)
        env << QString::fromStdString(e.name + "=" + shellQuote(e.value));
    m_env->setVisible(!env.isEmpty());
    m_env->setText(tr("Environment: %1").arg(env.join(QLatin1Char(' '))));

    const bool hasFile = !plan.files.empty();
    m_file->setVisible(hasFile);
    m_fileButtons->setVisible(hasFile);
    if (hasFile) {
        const ExtraFile &f = plan.files.front();
        m_fileTitle->setText(QString::fromStdString(f.name));
        m_fileTitle->setToolTip(QString::fromStdString(f.purpose));
        m_file->setAccessibleDescription(QString::fromStdString(f.purpose));
        m_file->setPlainText(QString::fromStdString(f.content));
    }
    fitHeights();
    showNotes();
}

void EnginePane::setDeployment(const Deployment *deployment)
{
    m_deployment->setDeployment(deployment);
    m_deploymentFindings = deployment ? deploymentFindings(*deployment) : Diagnostics{};
    showNotes();
}

void EnginePane::showNotes()
{
    Diagnostics notes = m_plan.diagnostics;
    notes.insert(notes.end(), m_deploymentFindings.begin(), m_deploymentFindings.end());
    m_notesModel->setDiagnostics(notes);
    m_notesTitle->setText(notes.empty() ? tr("No notes: every setting is expressed.")
                                        : tr("Notes (%1): what was skipped or changed, and why").arg(notes.size()));
    m_notes->setVisible(!notes.empty());
}

void EnginePane::setMultiLine(bool multiLine)
{
    if (m_multiLine == multiLine && m_layoutButton->isChecked() == !multiLine)
        return;
    m_multiLine = multiLine;
    const QSignalBlocker blocker(m_layoutButton);
    m_layoutButton->setChecked(!multiLine);
    showCommand();
}

QString EnginePane::gpuCheckText() const
{
    return m_gpuCheck->text();
}

QString EnginePane::commandText() const
{
    if (m_plan.argv.empty())
        return {};
    return QString::fromStdString(renderCommand(m_plan, m_multiLine ? CommandLayout::MultiLine : CommandLayout::OneLine));
}

QString EnginePane::extraFileText() const
{
    return m_plan.files.empty() ? QString() : QString::fromStdString(m_plan.files.front().content);
}

void EnginePane::showCommand()
{
    const QString text = commandText();
    m_command->setPlainText(text.isEmpty() ? tr("(%1 cannot run this configuration: see the notes below)").arg(m_title->text()) : text);
    m_copy->setEnabled(!text.isEmpty());
    m_export->setEnabled(!text.isEmpty());
    fitHeights();
}

void EnginePane::fitHeights()
{
    // The views' own width is not final during a resize: derive it from the pane's.
    const QMargins margins = layout()->contentsMargins();
    const int viewWidth = contentsRect().width() - margins.left() - margins.right();
    fitHeight(m_command, viewWidth, kMaxCommandLines, m_commandLines);
    if (m_file->isVisibleTo(this))
        fitHeight(m_file, viewWidth, kMaxFileLines, m_fileLines);
}

void EnginePane::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitHeights(); // wrapping depends on the width
}

void EnginePane::copy(const QString &text, QPushButton *button)
{
    QApplication::clipboard()->setText(text);
    const QString original = button == m_copy ? tr("&Copy") : tr("Copy YAML");
    button->setText(tr("Copied"));
    emit message(tr("Copied the %1 to the clipboard").arg(button == m_copy ? tr("command") : tr("YAML")));
    QTimer::singleShot(kCopiedFeedbackMs, button, [button, original] { button->setText(original); });
}

} // namespace quantcfg::ui
