#include "ui/targetgpupicker.h"

#include <QProcess>
#include <QStandardPaths>

#include <array>

namespace quantcfg::ui {

namespace {

struct Capability
{
    int cc;
    const char *architecture;
};

// Compute capabilities that decide what quantized kernels exist (manual entries).
constexpr std::array<Capability, 7> kCapabilities{{
    {75, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Turing")},
    {80, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Ampere A100")},
    {86, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Ampere RTX 30, A10, A40")},
    {89, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Ada L4, L40S, RTX 40")},
    {90, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Hopper H100, H200")},
    {100, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Blackwell B200, GB200")},
    {120, QT_TRANSLATE_NOOP("quantcfg::ui::TargetGpuPicker", "Blackwell RTX 50, RTX PRO")},
}};

const QString kNone = QStringLiteral("none");
const QString kDetected = QStringLiteral("detected");

} // namespace

TargetGpuPicker::TargetGpuPicker(QWidget *parent)
    : QComboBox(parent)
{
    setAccessibleName(tr("Target GPU"));
    setToolTip(tr("The GPU the commands are checked against"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("No target GPU"), kNone);
    for (const Capability &c : kCapabilities) {
        const QString sm = QStringLiteral("sm_%1").arg(c.cc);
        addTarget(sm, tr("%1 (%2)").arg(sm, tr(c.architecture)), GpuTarget{sm.toStdString(), c.cc, 0.0});
    }
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit targetChanged(); });
}

TargetGpuPicker::~TargetGpuPicker()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void TargetGpuPicker::addTarget(const QString &id, const QString &text, const GpuTarget &target)
{
    addItem(text, id);
    m_targets.push_back(target);
}

std::optional<GpuTarget> TargetGpuPicker::parseNvidiaSmiLine(const QString &line)
{
    const QStringList parts = line.split(QLatin1Char(','));
    if (parts.size() < 2)
        return std::nullopt;
    const QStringList cc = parts[1].trimmed().split(QLatin1Char('.'));
    bool okMajor = false;
    bool okMinor = false;
    const int major = cc.value(0).toInt(&okMajor);
    const int minor = cc.value(1).toInt(&okMinor);
    const QString name = parts[0].trimmed();
    if (name.isEmpty() || !okMajor || !okMinor)
        return std::nullopt;
    GpuTarget target{name.toStdString(), major * 10 + minor, 0.0};
    bool okMemory = false;
    const double mib = parts.value(2).trimmed().toDouble(&okMemory);
    if (okMemory)
        target.memoryGiB = mib / 1024.0;
    return target;
}

void TargetGpuPicker::detect(const QString &keepId)
{
    const QString smi = QStandardPaths::findExecutable(QStringLiteral("nvidia-smi"));
    if (smi.isEmpty() || m_process)
        return;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this, keepId](int exitCode, QProcess::ExitStatus status) {
        const QString out = QString::fromLocal8Bit(m_process->readAllStandardOutput());
        m_process->deleteLater();
        m_process = nullptr;
        if (status != QProcess::NormalExit || exitCode != 0)
            return;
        const auto target = parseNvidiaSmiLine(out.section(QLatin1Char('\n'), 0, 0));
        if (!target)
            return;
        const QString sm = QStringLiteral("sm_%1").arg(target->computeCapability);
        insertItem(1, tr("%1 (detected, %2)").arg(QString::fromStdString(target->name), sm), kDetected);
        m_targets.insert(m_targets.begin(), *target);
        if (keepId.isEmpty() || keepId == kDetected)
            setCurrentIndex(1);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        m_process->deleteLater();
        m_process = nullptr;
    });
    m_process->start(smi, {QStringLiteral("--query-gpu=name,compute_cap,memory.total"), QStringLiteral("--format=csv,noheader,nounits")});
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
