#include "ui/settings.h"

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
const Key<QString> kTargetGpu{"hardware/targetGpu", {}};
const Key<QString> kLastFile{"files/last", {}};
const Key<QStringList> kRecentFiles{"files/recent", {}};
const Key<QString> kFitModel{"fit/model", {}};

} // namespace

Settings::Settings() = default;

QByteArray Settings::windowGeometry() const { return kGeometry.get(m_settings); }
void Settings::setWindowGeometry(const QByteArray &geometry) { kGeometry.set(m_settings, geometry); }
QByteArray Settings::windowState() const { return kWindowState.get(m_settings); }
void Settings::setWindowState(const QByteArray &state) { kWindowState.set(m_settings, state); }

QByteArray Settings::splitterState(const QString &name) const { return kSplitter.get(m_settings, name); }
void Settings::setSplitterState(const QString &name, const QByteArray &state) { kSplitter.set(m_settings, state, name); }

QString Settings::engineVersion(const QString &engine) const { return kEngineVersion.get(m_settings, engine); }
void Settings::setEngineVersion(const QString &engine, const QString &version) { kEngineVersion.set(m_settings, version, engine); }

bool Settings::multiLineCommands() const { return kMultiLine.get(m_settings); }
void Settings::setMultiLineCommands(bool multiLine) { kMultiLine.set(m_settings, multiLine); }

QString Settings::targetGpu() const { return kTargetGpu.get(m_settings); }
void Settings::setTargetGpu(const QString &id) { kTargetGpu.set(m_settings, id); }

QString Settings::lastFile() const { return kLastFile.get(m_settings); }
void Settings::setLastFile(const QString &path) { kLastFile.set(m_settings, path); }

QString Settings::fitModelPath() const { return kFitModel.get(m_settings); }
void Settings::setFitModelPath(const QString &path) { kFitModel.set(m_settings, path); }

QStringList Settings::recentFiles() const { return kRecentFiles.get(m_settings); }

void Settings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    kRecentFiles.set(m_settings, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    kRecentFiles.set(m_settings, files);
}

} // namespace quantcfg::ui
