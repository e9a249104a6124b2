#include "ui/targetgpupicker.h"

#include "core/hardware/gpudatabase.h"

#include <QThread>

namespace quantcfg::ui {

namespace {

const QString kNone = QStringLiteral("none");
const QString kDetected = QStringLiteral("detected");

QString gib(double value)
{
    return value > 0 ? QStringLiteral(", %1 GiB").arg(value, 0, 'f', 0) : QString();
}

} // namespace

TargetGpuPicker::TargetGpuPicker(QWidget *parent)
    : QComboBox(parent)
{
    setAccessibleName(tr("Target GPU"));
    setToolTip(tr("The GPU the commands are checked against"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMaxVisibleItems(20);
    addItem(tr("No target GPU"), kNone);
    // Every GPU of the database, then the architectures by compute capability alone.
    for (const GpuSpec &spec : gpuDatabase()) {
        const GpuTarget target = targetFromSpec(spec);
        addTarget(QStringLiteral("gpu:") + QString::fromStdString(spec.name),
                  tr("%1 (sm_%2%3)").arg(QString::fromStdString(spec.name)).arg(spec.computeCapability).arg(gib(spec.memoryGiB)), target);
    }
    for (const ArchitectureInfo &arch : architectures()) {
        const QString sm = QStringLiteral("sm_%1").arg(arch.computeCapability);
        addTarget(sm, tr("%1 (%2, any GPU)").arg(sm, QString::fromStdString(arch.name)), targetFromComputeCapability(arch.computeCapability));
    }
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit targetChanged(); });
}

TargetGpuPicker::~TargetGpuPicker()
{
    if (m_thread) {
        // detectGpus() gives up after its own timeouts; wait for it rather than leave it running.
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void TargetGpuPicker::addTarget(const QString &id, const QString &text, const GpuTarget &target)
{
    addItem(text, id);
    m_targets.push_back(target);
}

void TargetGpuPicker::detect(const QString &keepId)
{
    if (m_thread)
        return;
    auto result = std::make_shared<Detection>();
    m_thread = QThread::create([result] { *result = detectGpus(); });
    connect(m_thread, &QThread::finished, this, [this, result, keepId] {
        m_thread->deleteLater();
        m_thread = nullptr;
        applyDetection(*result, keepId);
    });
    m_thread->start();
}

void TargetGpuPicker::applyDetection(const Detection &detection, const QString &keepId)
{
    m_detection = detection;
    if (!detection.gpus.empty()) {
        const DetectedGpu &gpu = detection.gpus.front();
        const int count = static_cast<int>(detection.gpus.size());
        const GpuTarget target = targetFromDetected(gpu, count);
        const QString label = count > 1 ? tr("%1 × %2 (detected, sm_%3)").arg(count).arg(QString::fromStdString(gpu.name)).arg(gpu.computeCapability)
                                        : tr("%1 (detected, sm_%2)").arg(QString::fromStdString(gpu.name)).arg(gpu.computeCapability);
        const QSignalBlocker blocker(this);
        insertItem(1, label, kDetected);
        m_targets.insert(m_targets.begin(), target);
        if (keepId.isEmpty() || keepId == kDetected || findData(keepId) < 0)
            setCurrentIndex(1);
    }
    emit detectionFinished();
    emit targetChanged();
}

bool TargetGpuPicker::selectId(const QString &id)
{
    const int index = findData(id);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

QString TargetGpuPicker::currentId() const
{
    return currentData().toString();
}

std::optional<GpuTarget> TargetGpuPicker::currentTarget() const
{
    const int index = currentIndex();
    if (index <= 0 || static_cast<std::size_t>(index - 1) >= m_targets.size())
        return std::nullopt;
    return m_targets[static_cast<std::size_t>(index - 1)];
}

} // namespace quantcfg::ui
