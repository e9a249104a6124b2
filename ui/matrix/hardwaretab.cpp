#include "ui/matrix/hardwaretab.h"

#include "core/engines/profile.h"
#include "core/hardware/gpudatabase.h"
#include "ui/matrix/matrixmodel.h"
#include "ui/shared/statusstyle.h"
#include "ui/state/studiosession.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace quantcfg::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

HardwareTab::HardwareTab(StudioSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MatrixModel(this))
    , m_engines(new QComboBox(this))
    , m_banner(new QLabel(tr("Detecting GPUs…"), this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("HardwareTab"));
    m_engines->setObjectName(QStringLiteral("MatrixEngine"));
    m_engines->setAccessibleName(tr("Engine"));
    m_engines->addItem(tr("All engines (default versions, best state per cell)"), QString());
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    for (const std::string &engine : registry.engines()) {
        for (const EngineProfile *p : registry.versions(engine))
            m_engines->addItem(tr("%1 %2").arg(q(p->displayName()), q(p->version())), q(engine + "@" + p->version()));
    }
    connect(m_engines, &QComboBox::currentIndexChanged, this, &HardwareTab::rebuild);

    m_banner->setObjectName(QStringLiteral("DetectionBanner"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);

    m_view->setObjectName(QStringLiteral("MatrixView"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Compatibility matrix"));
    m_view->setToolTip(tr("Double-click a cell to use that method and GPU architecture"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Whole words, never elided: columns take their contents' width and the table scrolls
    // sideways on narrow windows (setDetection() scrolls the detected column into view).
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit applyRequested(index.data(MatrixModel::MethodRole).toString(), index.data(MatrixModel::ComputeCapabilityRole).toInt());
    });

    auto *legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Legend:"), this));
    for (Support state : MatrixModel::allStates()) {
        auto *icon = new QLabel(this);
        icon->setPixmap(supportIcon(state).pixmap(16, 16));
        legend->addWidget(icon);
        legend->addWidget(new QLabel(supportText(state), this));
        legend->addSpacing(8);
    }
    legend->addStretch(1);
    auto *csv = new QPushButton(tr("Export &CSV…"), this);
    auto *png = new QPushButton(tr("Export &PNG…"), this);
    connect(csv, &QPushButton::clicked, this, [this] { exportInteractive(false); });
    connect(png, &QPushButton::clicked, this, [this] { exportInteractive(true); });
    legend->addWidget(csv);
    legend->addWidget(png);

    auto *top = new QHBoxLayout;
    auto *engineLabel = new QLabel(tr("Eng&ine:"), this);
    engineLabel->setBuddy(m_engines);
    top->addWidget(engineLabel);
    top->addWidget(m_engines);
    top->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(legend);
    auto *hint = new QLabel(tr("Highlighted (★): the target GPU's column, as chosen in the toolbar, and the current method's row; "
                               "the detected GPU's column says \"detected\". Hover a cell for the reason; "
                               "double-click to apply its method and architecture (undoable)."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    rebuild();
    connect(m_session, &StudioSession::detectionFinished, this, &HardwareTab::showDetection);
    connect(m_session, &StudioSession::targetGpuChanged, this, &HardwareTab::showTarget);
    showDetection();
}

void HardwareTab::showTarget()
{
    const std::optional<GpuTarget> target = m_session->targetGpu();
    m_model->setHighlightedCapability(target ? target->computeCapability : 0);
    if (const int column = m_model->highlightedColumn(); column >= 0)
        m_view->scrollTo(m_model->index(std::max(0, m_model->highlightedRow()), column));
    if (const std::optional<Detection> &detection = m_session->detection())
        m_banner->setText(bannerText(*detection, target));
}

void HardwareTab::rebuild()
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    const QString spec = m_engines->currentData().toString();
    if (!spec.isEmpty()) {
        if (const EngineProfile *p = registry.findSpec(spec.toStdString())) {
            m_model->setMatrix(buildMatrix(*p));
            return;
        }
    }
    std::vector<const EngineProfile *> profiles;
    for (const std::string &engine : registry.engines())
        profiles.push_back(registry.find(engine));
    m_model->setMatrix(buildSummaryMatrix(profiles));
}

void HardwareTab::selectEngine(const QString &spec)
{
    const int index = m_engines->findData(spec);
    if (index >= 0)
        m_engines->setCurrentIndex(index);
}

void HardwareTab::showDetection()
{
    const std::optional<Detection> &detection = m_session->detection();
    if (!detection)
        m_banner->setText(tr("Detecting GPUs…"));
    m_model->setDetectedCapability(detection && !detection->gpus.empty() ? detection->gpus.front().computeCapability : 0);
    showTarget();
}

void HardwareTab::setConfigMethod(const QString &method)
{
    m_model->setHighlightedMethod(method);
}

QString HardwareTab::bannerText(const Detection &detection, const std::optional<GpuTarget> &target)
{
    const QString targetText = !target ? QString()
                               : target->computeCapability > 0 && !QString::fromStdString(target->name).startsWith(QLatin1StringView("sm_"))
                                   ? tr("%1 (sm_%2)").arg(q(target->name)).arg(target->computeCapability)
                                   : q(target->name);
    if (detection.gpus.empty()) {
        const QString none = detection.amdGpu ? tr("No NVIDIA GPU detected (an AMD GPU is present; quantcfg does not model it)")
                                              : tr("No NVIDIA GPU detected");
        return target ? tr("%1 — checking for the target %2").arg(none, targetText) : tr("%1 — choose a target").arg(none);
    }
    const DetectedGpu &gpu = detection.gpus.front();
    QString name = q(gpu.name);
    if (detection.gpus.size() > 1)
        name = detection.mixed() ? tr("%1 and %2 more (mixed models)").arg(name).arg(detection.gpus.size() - 1)
                                 : tr("%1 × %2").arg(detection.gpus.size()).arg(name);
    QStringList facts;
    facts << (gpu.computeCapability ? QStringLiteral("sm_%1").arg(gpu.computeCapability) : tr("compute capability unknown"));
    if (!gpu.architecture.empty())
        facts.back() += QLatin1Char(' ') + q(gpu.architecture);
    if (gpu.memoryGiB > 0)
        facts << tr("%1 GiB").arg(gpu.memoryGiB, 0, 'f', 0);
    const std::string driver = detection.driverVersion.empty() ? gpu.driverVersion : detection.driverVersion;
    if (!driver.empty())
        facts << tr("driver %1").arg(q(driver));
    const QString detected = tr("Detected: %1 — %2").arg(name, facts.join(QLatin1String(", ")));
    if (target && target->computeCapability != gpu.computeCapability)
        return tr("%1; checking for the target %2").arg(detected, targetText);
    return detected;
}

bool HardwareTab::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(m_model->toCsv().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool HardwareTab::exportPng(const QString &path, QString *error) const
{
    if (!m_view->grab().save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1").arg(path);
        return false;
    }
    return true;
}

void HardwareTab::exportInteractive(bool png)
{
    const QString path = QFileDialog::getSaveFileName(this, png ? tr("Export Matrix as PNG") : tr("Export Matrix as CSV"),
                                                      png ? QStringLiteral("matrix.png") : QStringLiteral("matrix.csv"),
                                                      png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (png ? exportPng(path, &error) : exportCsv(path, &error))
        emit message(tr("Exported %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export failed"), tr("Could not export the matrix: %1").arg(error));
}

} // namespace quantcfg::ui
