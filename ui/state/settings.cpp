#include "ui/state/settings.h"

#include <vector>

namespace quantcfg::ui {

namespace {

// A key with its type and default, so each setting is spelled and typed exactly once.
template<typename T>
struct Key
{
    const char *name;
    T defaultValue;

    T get(const QSettings &s, const QString &suffix = {}) const
    {
        const QVariant v = s.value(path(suffix));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : defaultValue;
    }
    void set(QSettings &s, const T &value, const QString &suffix = {}) const { s.setValue(path(suffix), value); }
    QString path(const QString &suffix) const
    {
        const QString base = QLatin1StringView(name);
        return suffix.isEmpty() ? base : base.arg(suffix);
    }
};

const Key<QByteArray> kGeometry{"window/geometry", {}};
const Key<QByteArray> kWindowState{"window/state", {}};
const Key<QByteArray> kSplitter{"window/splitters/%1", {}};
const Key<QString> kEngineVersion{"engines/%1/version", {}};
const Key<bool> kMultiLine{"engines/multiLineCommands", true};
const Key<bool> kShowTimings{"window/showTimings", false};
const Key<bool> kShowInapplicable{"form/showInapplicableFields", false};
const Key<QString> kTargetGpu{"hardware/targetGpu", {}};
const Key<QString> kLastFile{"files/last", {}};
const Key<QStringList> kRecentFiles{"files/recent", {}};
const Key<QString> kFitModel{"fit/model", {}};
const Key<QString> kBenchChart{"benchmarks/chart", {}};
const Key<QString> kBenchMetric{"benchmarks/metric", {}};
const Key<QString> kBenchStatistic{"benchmarks/statistic", {}};
const Key<QString> kBenchLoadAxis{"benchmarks/loadAxis", {}};
const Key<QString> kBenchLatencyAxis{"benchmarks/latencyAxis", {}};
const Key<QString> kBenchObjective{"benchmarks/objective", {}};
const Key<bool> kSloEnabled{"benchmarks/slo/%1/enabled", false};
const Key<double> kSloThreshold{"benchmarks/slo/%1/threshold", -1};
const Key<QStringList> kRecentBenchmarkFiles{"benchmarks/recentFiles", {}};

// @p paths first (in their order), then the rest of @p list, without repeats, at most @p max.
QStringList withRecent(QStringList list, const QStringList &paths, int max)
{
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        list.removeAll(*it);
        list.prepend(*it);
    }
    while (list.size() > max)
        list.removeLast();
    return list;
}

QStringList without(QStringList list, const QString &path)
{
    list.removeAll(path);
    return list;
}

// Every live Settings: each is a handle onto the one settings file, so a change made through one
// is announced by all (the GUI thread's objects only).
std::vector<Settings *> &liveSettings()
{
    static std::vector<Settings *> all;
    return all;
}

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
{
    liveSettings().push_back(this);
}

Settings::~Settings()
{
    std::erase(liveSettings(), this);
}

QByteArray Settings::windowGeometry() const { return kGeometry.get(m_settings); }
void Settings::setWindowGeometry(const QByteArray &geometry) { kGeometry.set(m_settings, geometry); }
QByteArray Settings::windowState() const { return kWindowState.get(m_settings); }
void Settings::setWindowState(const QByteArray &state) { kWindowState.set(m_settings, state); }

QByteArray Settings::splitterState(const QString &name) const { return kSplitter.get(m_settings, name); }
void Settings::setSplitterState(const QString &name, const QByteArray &state) { kSplitter.set(m_settings, state, name); }

QString Settings::engineVersion(const QString &engine) const { return kEngineVersion.get(m_settings, engine); }
void Settings::setEngineVersion(const QString &engine, const QString &version)
{
    if (engineVersion(engine) == version)
        return;
    kEngineVersion.set(m_settings, version, engine);
    for (Settings *s : liveSettings())
        emit s->engineVersionChanged(engine);
}

bool Settings::multiLineCommands() const { return kMultiLine.get(m_settings); }
void Settings::setMultiLineCommands(bool multiLine) { kMultiLine.set(m_settings, multiLine); }
bool Settings::showTimings() const { return kShowTimings.get(m_settings); }
void Settings::setShowTimings(bool show) { kShowTimings.set(m_settings, show); }
bool Settings::showInapplicableFields() const { return kShowInapplicable.get(m_settings); }
void Settings::setShowInapplicableFields(bool show) { kShowInapplicable.set(m_settings, show); }

QString Settings::targetGpu() const { return kTargetGpu.get(m_settings); }
void Settings::setTargetGpu(const QString &id)
{
    if (targetGpu() == id)
        return;
    kTargetGpu.set(m_settings, id);
    for (Settings *s : liveSettings())
        emit s->targetGpuChanged(id);
}

QString Settings::lastFile() const { return kLastFile.get(m_settings); }
void Settings::setLastFile(const QString &path) { kLastFile.set(m_settings, path); }

QString Settings::fitModelPath() const { return kFitModel.get(m_settings); }
void Settings::setFitModelPath(const QString &path) { kFitModel.set(m_settings, path); }

QStringList Settings::recentFiles() const { return kRecentFiles.get(m_settings); }

void Settings::addRecentFile(const QString &path)
{
    kRecentFiles.set(m_settings, withRecent(recentFiles(), {path}, kMaxRecentFiles));
    for (Settings *s : liveSettings())
        emit s->recentFilesChanged();
}

void Settings::removeRecentFile(const QString &path)
{
    kRecentFiles.set(m_settings, without(recentFiles(), path));
    for (Settings *s : liveSettings())
        emit s->recentFilesChanged();
}

BenchmarkView Settings::benchmarkView() const
{
    BenchmarkView v;
    v.chart = kBenchChart.get(m_settings);
    v.metric = kBenchMetric.get(m_settings);
    v.statistic = kBenchStatistic.get(m_settings);
    v.loadAxis = kBenchLoadAxis.get(m_settings);
    v.latencyAxis = kBenchLatencyAxis.get(m_settings);
    v.objective = kBenchObjective.get(m_settings);
    for (auto [name, limit] : {std::pair{"ttft", &v.ttft}, std::pair{"tpot", &v.tpot}, std::pair{"memory", &v.memory}}) {
        limit->enabled = kSloEnabled.get(m_settings, QLatin1StringView(name));
        limit->threshold = kSloThreshold.get(m_settings, QLatin1StringView(name));
    }
    return v;
}

void Settings::setBenchmarkView(const BenchmarkView &view)
{
    kBenchChart.set(m_settings, view.chart);
    kBenchMetric.set(m_settings, view.metric);
    kBenchStatistic.set(m_settings, view.statistic);
    kBenchLoadAxis.set(m_settings, view.loadAxis);
    kBenchLatencyAxis.set(m_settings, view.latencyAxis);
    kBenchObjective.set(m_settings, view.objective);
    for (auto [name, limit] : {std::pair{"ttft", &view.ttft}, std::pair{"tpot", &view.tpot}, std::pair{"memory", &view.memory}}) {
        kSloEnabled.set(m_settings, limit->enabled, QLatin1StringView(name));
        kSloThreshold.set(m_settings, limit->threshold, QLatin1StringView(name));
    }
}

QStringList Settings::recentBenchmarkFiles() const { return kRecentBenchmarkFiles.get(m_settings); }

void Settings::addRecentBenchmarkFiles(const QStringList &paths)
{
    kRecentBenchmarkFiles.set(m_settings, withRecent(recentBenchmarkFiles(), paths, kMaxRecentBenchmarkFiles));
    for (Settings *s : liveSettings())
        emit s->recentBenchmarkFilesChanged();
}

void Settings::removeRecentBenchmarkFile(const QString &path)
{
    kRecentBenchmarkFiles.set(m_settings, without(recentBenchmarkFiles(), path));
    for (Settings *s : liveSettings())
        emit s->recentBenchmarkFilesChanged();
}

void Settings::clearRecentBenchmarkFiles()
{
    kRecentBenchmarkFiles.set(m_settings, {});
    for (Settings *s : liveSettings())
        emit s->recentBenchmarkFilesChanged();
}

} // namespace quantcfg::ui
