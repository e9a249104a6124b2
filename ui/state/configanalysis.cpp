#include "ui/state/configanalysis.h"

#include "core/engines/profile.h"
#include "core/engines/versiondiff.h"
#include "core/validation.h"
#include "ui/state/configdocument.h"
#include "ui/state/studiosession.h"

#include <QElapsedTimer>

namespace quantcfg::ui {

ConfigAnalysis::ConfigAnalysis(ConfigDocument *document, StudioSession *session, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_session(session)
{
    connect(m_document, &ConfigDocument::changed, this, &ConfigAnalysis::recompute);
    connect(m_session, &StudioSession::engineVersionChanged, this, &ConfigAnalysis::onEngineVersionChosen);
    connect(m_session, &StudioSession::targetGpuChanged, this, [this] {
        emit mappingInputsChanged();
        recompute();
    });
}

const std::vector<std::string> &ConfigAnalysis::engines() const
{
    // Asked for when first needed rather than at construction: at start-up the profiles may still
    // be loading on the preload threads while the window builds the parts that do not need them.
    if (m_engines.empty())
        m_engines = ProfileRegistry::builtIn().engines();
    return m_engines;
}

std::string ConfigAnalysis::engineVersion(const std::string &engine) const
{
    const EngineProfile *profile = ProfileRegistry::builtIn().forConfig(m_document->config(), engine, m_session->engineVersion(engine));
    return profile ? profile->version() : std::string();
}

bool ConfigAnalysis::isEngineVersionPinned(const std::string &engine) const
{
    return ProfileRegistry::builtIn().pinned(m_document->config(), engine) != nullptr;
}

void ConfigAnalysis::onEngineVersionChosen(const QString &engine)
{
    const LaunchPlan *current = plan(engine.toStdString());
    const std::optional<LaunchPlan> before = current ? std::optional<LaunchPlan>(*current) : std::nullopt;
    emit mappingInputsChanged();
    recompute();
    const LaunchPlan *after = plan(engine.toStdString());
    if (before && after && before->version != after->version) {
        const std::string summary = after->engineName + " " + before->version + " → " + after->version + ": "
                                    + summarizeCommandChange(compareCommands(*before, *after));
        emit engineVersionSwitched(engine, QString::fromStdString(summary));
    }
}

MapOptions ConfigAnalysis::mapOptions() const
{
    MapOptions options;
    options.gpu = m_session->targetGpu();
    return options;
}

std::vector<LaunchPlan> ConfigAnalysis::mapAll(const Config &config) const
{
    std::vector<LaunchPlan> plans;
    const MapOptions options = mapOptions();
    for (const std::string &engine : engines()) {
        if (const EngineProfile *profile = ProfileRegistry::builtIn().forConfig(config, engine, m_session->engineVersion(engine)))
            plans.push_back(mapConfig(config, *profile, options));
    }
    return plans;
}

const LaunchPlan *ConfigAnalysis::plan(const std::string &engine) const
{
    for (const LaunchPlan &p : m_plans) {
        if (p.engine == engine)
            return &p;
    }
    return nullptr;
}

bool ConfigAnalysis::isMultiNode() const
{
    const DeploymentSettings &d = m_document->config().deployment;
    return d.nodeCount() > 1 || d.launcherOrDefault() != "single";
}

const Deployment *ConfigAnalysis::deployment(const std::string &engine) const
{
    for (const Deployment &d : m_deployments) {
        if (d.plan.engine == engine)
            return &d;
    }
    return nullptr;
}

std::optional<Deployment> ConfigAnalysis::deploymentAs(const std::string &engine, DeployTarget target) const
{
    const EngineProfile *profile = ProfileRegistry::builtIn().forConfig(m_document->config(), engine, m_session->engineVersion(engine));
    if (!profile)
        return std::nullopt;
    return deploy(m_document->config(), *profile, {mapOptions(), target});
}

void ConfigAnalysis::recompute()
{
    QElapsedTimer timer;
    timer.start();
    m_diagnostics = validateDocument(m_document->json(), m_document->config()); // the Config built once, by the document
    m_deployments.clear();
    if (isMultiNode()) {
        // The deployment maps the configuration itself: its plan is the engine's plan, mapped once.
        m_plans.clear();
        for (const std::string &engine : engines()) {
            if (std::optional<Deployment> d = deploymentAs(engine, DeployTarget::Nodes)) {
                m_plans.push_back(d->plan);
                m_deployments.push_back(std::move(*d));
            }
        }
    } else {
        m_plans = mapAll(m_document->config());
    }
    for (const LaunchPlan &p : m_plans) {
        for (Diagnostic d : p.diagnostics) {
            if (d.engine.empty())
                d.engine = p.engine;
            m_diagnostics.push_back(std::move(d));
        }
    }
    for (const Deployment &dep : m_deployments) {
        for (Diagnostic d : deploymentFindings(dep)) {
            if (d.engine.empty())
                d.engine = dep.plan.engine;
            m_diagnostics.push_back(std::move(d));
        }
    }
    sortDiagnostics(m_diagnostics);
    m_lastMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit updated();
}

} // namespace quantcfg::ui
