#pragma once

#include "core/hardware/detect.h"
#include "core/hardware/gputarget.h"
#include "ui/state/settings.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QThread;

namespace quantcfg::ui {

/// The studio's session state, owned here once and remembered in Settings: the target GPU the
/// commands are checked against (with the GPU detection that offers one) and the engine version
/// chosen for each engine. Views read it and listen to its signals; none keeps a copy.
///
/// A configuration may pin engine versions (engine_versions); such a pin wins over the choice made
/// here (ConfigAnalysis resolves both through ProfileRegistry::forConfig()). The GPU count is not
/// session state: it follows from the configuration's parallelism.
class StudioSession final : public QObject
{
    Q_OBJECT

public:
    /// One entry the target GPU can be: "none", "detected", "gpu:H100 SXM", "sm_90".
    struct TargetChoice
    {
        QString id;
        QString label;
        std::optional<GpuTarget> target; ///< empty for "none"
    };

    /// Reads the remembered target GPU and engine versions from Settings.
    explicit StudioSession(QObject *parent = nullptr);
    ~StudioSession() override;

    /// Every target the user can choose, in display order: no target, the detected GPU (once
    /// detection found one), each GPU of the database, each architecture by compute capability.
    const std::vector<TargetChoice> &targetChoices() const { return m_choices; }
    QString targetGpuId() const { return m_targetId; }
    std::optional<GpuTarget> targetGpu() const;
    /// Chooses the target by id and remembers it; false (and nothing changes) when no entry has it.
    bool setTargetGpuId(const QString &id);

    /// Starts GPU detection on a worker thread (never blocking the UI thread); setDetection() is
    /// called with its result. Does nothing while one is running.
    void detectGpus();
    /// Applies a detection result: a found GPU becomes the "detected" entry and is chosen unless the
    /// user chose another entry before.
    void setDetection(const Detection &detection);
    /// The last detection result (empty before detection finished).
    const std::optional<Detection> &detection() const { return m_detection; }

    /// The version chosen for @p engine ("vllm"): a profile id; empty means the engine's default.
    std::string engineVersion(const std::string &engine) const;
    /// Chooses @p version for @p engine and remembers it.
    void setEngineVersion(const std::string &engine, const std::string &version);

signals:
    /// The chosen target GPU changed (read targetGpu()).
    void targetGpuChanged();
    /// An entry was added to targetChoices() (the detected GPU).
    void targetChoicesChanged();
    /// Detection finished (read detection()).
    void detectionFinished();
    /// The version chosen for @p engine changed.
    void engineVersionChanged(const QString &engine);

private:
    Settings m_settings;
    std::vector<TargetChoice> m_choices;
    QString m_targetId;
    std::optional<Detection> m_detection;
    QThread *m_thread = nullptr;
};

} // namespace quantcfg::ui
