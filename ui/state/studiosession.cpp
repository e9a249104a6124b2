#include "ui/state/studiosession.h"

#include "core/hardware/gpudatabase.h"

#include <QThread>

#include <algorithm>
#include <memory>

namespace quantcfg::ui {

namespace {

const QString kNone = QStringLiteral("none");
const QString kDetected = QStringLiteral("detected");

QString gib(double value)
{
    return value > 0 ? QStringLiteral(", %1 GiB").arg(value, 0, 'f', 0) : QString();
}

} // namespace

StudioSession::StudioSession(QObject *parent)
    : QObject(parent)
{
    m_choices.push_back({kNone, tr("No target GPU"), std::nullopt});
    for (const GpuSpec &spec : gpuDatabase()) {
        m_choices.push_back({QStringLiteral("gpu:") + QString::fromStdString(spec.name),
                             tr("%1 (sm_%2%3)").arg(QString::fromStdString(spec.name)).arg(spec.computeCapability).arg(gib(spec.memoryGiB)),
                             targetFromSpec(spec)});
    }
    for (const ArchitectureInfo &arch : architectures()) {
        const QString sm = QStringLiteral("sm_%1").arg(arch.computeCapability);
        m_choices.push_back({sm, tr("%1 (%2, any GPU)").arg(sm, QString::fromStdString(arch.name)), targetFromComputeCapability(arch.computeCapability)});
    }
    // A remembered "detected" (or an entry that is gone) waits for detection; until then: none.
    const QString remembered = m_settings.targetGpu();
    const bool known = std::any_of(m_choices.begin(), m_choices.end(), [&](const TargetChoice &c) { return c.id == remembered; });
    m_targetId = known ? remembered : kNone;
    connect(&m_settings, &Settings::engineVersionChanged, this, &StudioSession::engineVersionChanged);
}

StudioSession::~StudioSession()
{
    if (m_thread) {
        // detectGpus() gives up after its own timeouts; wait for it rather than leave it running.
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

std::optional<GpuTarget> StudioSession::targetGpu() const
{
    for (const TargetChoice &c : m_choices) {
        if (c.id == m_targetId)
            return c.target;
    }
    return std::nullopt;
}

bool StudioSession::setTargetGpuId(const QString &id)
{
    const bool known = std::any_of(m_choices.begin(), m_choices.end(), [&](const TargetChoice &c) { return c.id == id; });
    if (!known)
        return false;
    m_settings.setTargetGpu(id);
    if (id != m_targetId) {
        m_targetId = id;
        emit targetGpuChanged();
    }
    return true;
}

void StudioSession::detectGpus()
{
    if (m_thread)
        return;
    auto result = std::make_shared<Detection>();
    m_thread = QThread::create([result] { *result = quantcfg::detectGpus(); });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        setDetection(*result);
    });
    m_thread->start();
}

void StudioSession::setDetection(const Detection &detection)
{
    m_detection = detection;
    if (!detection.gpus.empty()) {
        const DetectedGpu &gpu = detection.gpus.front();
        const int count = static_cast<int>(detection.gpus.size());
        const QString label = count > 1 ? tr("%1 × %2 (detected, sm_%3)").arg(count).arg(QString::fromStdString(gpu.name)).arg(gpu.computeCapability)
                                        : tr("%1 (detected, sm_%2)").arg(QString::fromStdString(gpu.name)).arg(gpu.computeCapability);
        std::erase_if(m_choices, [](const TargetChoice &c) { return c.id == kDetected; });
        m_choices.insert(m_choices.begin() + 1, TargetChoice{kDetected, label, targetFromDetected(gpu, count)});
        emit targetChoicesChanged();
        // The detected GPU is chosen unless the user chose another entry before.
        const QString remembered = m_settings.targetGpu();
        const bool keep = !remembered.isEmpty() && remembered != kDetected
                          && std::any_of(m_choices.begin(), m_choices.end(), [&](const TargetChoice &c) { return c.id == remembered; });
        if (!keep && m_targetId != kDetected) {
            m_targetId = kDetected;
            emit targetGpuChanged();
        } else if (m_targetId == kDetected) {
            emit targetGpuChanged(); // a new detection may have found other GPUs
        }
    }
    emit detectionFinished();
}

std::string StudioSession::engineVersion(const std::string &engine) const
{
    return m_settings.engineVersion(QString::fromStdString(engine)).toStdString();
}

void StudioSession::setEngineVersion(const std::string &engine, const std::string &version)
{
    m_settings.setEngineVersion(QString::fromStdString(engine), QString::fromStdString(version)); // emits when it changes
}

} // namespace quantcfg::ui
