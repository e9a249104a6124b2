#include "ui/configanalysis.h"

#include "core/engines/profile.h"
#include "core/engines/versiondiff.h"
#include "core/validation.h"
#include "ui/configdocument.h"

#include <QElapsedTimer>

namespace quantcfg::ui {

ConfigAnalysis::ConfigAnalysis(ConfigDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_engines(ProfileRegistry::builtIn().engines())
{
    connect(m_document, &ConfigDocument::changed, this, &ConfigAnalysis::recompute);
}

std::string ConfigAnalysis::engineVersion(const std::string &engine) const
{
    const auto it = m_versions.find(engine);
    const EngineProfile *profile = ProfileRegistry::builtIn().find(engine, it == m_versions.end() ? std::string() : it->second);
    if (!profile)
        profile = ProfileRegistry::builtIn().find(engine);
    return profile ? profile->version() : std::string();
}

void ConfigAnalysis::setEngineVersion(const std::string &engine, const std::string &version)
{
    if (engineVersion(engine) == version && m_versions.count(engine))
        return;
    const LaunchPlan *current = plan(engine);
    const std::optional<LaunchPlan> before = current ? std::optional<LaunchPlan>(*current) : std::nullopt;
    m_versions[engine] = version;
    emit mappingInputsChanged();
    recompute();
    const LaunchPlan *after = plan(engine);
    if (before && after && before->version != after->version) {
        const std::string summary = after->engineName + " " + before->version + " → " + after->version + ": "
                                    + summarizeCommandChange(compareCommands(*before, *after));
        emit engineVersionSwitched(QString::fromStdString(engine), QString::fromStdString(summary));
    }
}

void ConfigAnalysis::setTargetGpu(const std::optional<GpuTarget> &gpu)
{
    const bool same = gpu.has_value() == m_gpu.has_value()
                      && (!gpu || (gpu->name == m_gpu->name && gpu->computeCapability == m_gpu->computeCapability));
    if (same)
        return;
    m_gpu = gpu;
    emit mappingInputsChanged();
    recompute();
}

MapOptions ConfigAnalysis::mapOptions() const
{
    MapOptions options;
    options.gpu = m_gpu;
    return options;
}

std::vector<LaunchPlan> ConfigAnalysis::mapAll(const Config &config) const
{
    std::vector<LaunchPlan> plans;
    const MapOptions options = mapOptions();
    for (const std::string &engine : m_engines) {
        if (const EngineProfile *profile = ProfileRegistry::builtIn().find(engine, engineVersion(engine)))
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

void ConfigAnalysis::recompute()
{
    QElapsedTimer timer;
    timer.start();
    m_diagnostics = validateDocument(m_document->json());
    m_plans = mapAll(m_document->config());
    for (const LaunchPlan &p : m_plans) {
        for (Diagnostic d : p.diagnostics) {
            if (d.engine.empty())
                d.engine = p.engine;
            m_diagnostics.push_back(std::move(d));
        }
    }
    sortDiagnostics(m_diagnostics);
    m_lastMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit updated();
}

} // namespace quantcfg::ui
