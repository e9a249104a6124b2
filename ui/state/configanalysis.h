#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/engines/deploy.h"
#include "core/engines/launchplan.h"
#include "core/engines/mapper.h"
#include "core/hardware/gputarget.h"

#include <QObject>

#include <optional>
#include <string>
#include <vector>

namespace quantcfg::ui {

class ConfigDocument;
class StudioSession;

/// Recomputes everything the studio shows about the document after each change, synchronously
/// (a few milliseconds): validation, the launch plan of every engine at its version for the
/// session's target GPU, the multi-node deployment of every engine when the configuration's
/// deployment section asks for one, and the combined diagnostics. Widgets read the results; none compute them.
/// An engine's version is the one the configuration pins (engine_versions), else the session's
/// choice, else the default. Recomputes when the document or the session changes.
class ConfigAnalysis final : public QObject
{
    Q_OBJECT

public:
    ConfigAnalysis(ConfigDocument *document, StudioSession *session, QObject *parent = nullptr);

    /// Engine ids in display order ("vllm", "sglang", "trtllm").
    const std::vector<std::string> &engines() const;
    /// The profile version @p engine is mapped at for the document: its pin, else the session's
    /// choice, else the default.
    std::string engineVersion(const std::string &engine) const;
    /// True when the document pins @p engine's version (so the session's choice does not apply).
    bool isEngineVersionPinned(const std::string &engine) const;

    /// Options every mapping uses (the target GPU).
    MapOptions mapOptions() const;
    /// @p config mapped on every engine at the chosen versions (also used for preset badges).
    std::vector<LaunchPlan> mapAll(const Config &config) const;

    const std::vector<LaunchPlan> &plans() const { return m_plans; }
    /// The plan of @p engine, or nullptr.
    const LaunchPlan *plan(const std::string &engine) const;
    /// True when the document's deployment has more than one node or a launcher other than single.
    bool isMultiNode() const;
    /// @p engine's deployment as node commands (its plan is plan(@p engine)), or nullptr when the
    /// configuration runs on one node (isMultiNode() is false).
    const Deployment *deployment(const std::string &engine) const;
    /// @p engine's deployment written as @p target (Export asks for it), from the current
    /// document; nullopt when the engine has no profile.
    std::optional<Deployment> deploymentAs(const std::string &engine, DeployTarget target) const;

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
    /// The session's choice switched @p engine to another version; @p summary says in one line what
    /// that did to its command ("vLLM main-2026-08-14 → main-2026-08-21: command unchanged").
    void engineVersionSwitched(const QString &engine, const QString &summary);

private:
    void onEngineVersionChosen(const QString &engine);

    ConfigDocument *m_document;
    StudioSession *m_session;
    mutable std::vector<std::string> m_engines; // filled on first use
    std::vector<LaunchPlan> m_plans;
    std::vector<Deployment> m_deployments; // per engine, only when isMultiNode()
    Diagnostics m_diagnostics;
    double m_lastMs = 0.0;
};

} // namespace quantcfg::ui
