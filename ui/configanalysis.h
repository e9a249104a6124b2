#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/engines/launchplan.h"
#include "core/engines/mapper.h"
#include "core/hardware/gputarget.h"

#include <QObject>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quantcfg::ui {

class ConfigDocument;

/// Recomputes everything the studio shows about the document after each change, synchronously
/// (a few milliseconds): validation, the launch plan of every engine at its chosen version for the
/// chosen target GPU, and the combined diagnostics. Widgets read the results; none compute them.
class ConfigAnalysis final : public QObject
{
    Q_OBJECT

public:
    explicit ConfigAnalysis(ConfigDocument *document, QObject *parent = nullptr);

    /// Engine ids in display order ("vllm", "sglang", "trtllm").
    const std::vector<std::string> &engines() const { return m_engines; }
    /// The chosen profile version of @p engine (the default when none was chosen or it is unknown).
    std::string engineVersion(const std::string &engine) const;
    void setEngineVersion(const std::string &engine, const std::string &version);

    const std::optional<GpuTarget> &targetGpu() const { return m_gpu; }
    void setTargetGpu(const std::optional<GpuTarget> &gpu);

    /// Options every mapping uses (the target GPU).
    MapOptions mapOptions() const;
    /// @p config mapped on every engine at the chosen versions (also used for preset badges).
    std::vector<LaunchPlan> mapAll(const Config &config) const;

    const std::vector<LaunchPlan> &plans() const { return m_plans; }
    /// The plan of @p engine, or nullptr.
    const LaunchPlan *plan(const std::string &engine) const;
    /// Document diagnostics followed by engine and GPU findings, sorted by field.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// How long the last recompute took, in milliseconds.
    double lastDurationMs() const { return m_lastMs; }

    void recompute();

signals:
    /// New results are available.
    void updated();
    /// A version or the target GPU changed, so results for other configurations (badges) are stale.
    void mappingInputsChanged();
    /// setEngineVersion() switched @p engine to another version; @p summary says in one line what
    /// that did to its command ("vLLM main-2026-08-14 → main-2026-08-21: command unchanged").
    void engineVersionSwitched(const QString &engine, const QString &summary);

private:
    ConfigDocument *m_document;
    std::vector<std::string> m_engines;
    std::map<std::string, std::string> m_versions;
    std::optional<GpuTarget> m_gpu;
    std::vector<LaunchPlan> m_plans;
    Diagnostics m_diagnostics;
    double m_lastMs = 0.0;
};

} // namespace quantcfg::ui
