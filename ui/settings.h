#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace quantcfg::ui {

/// The one typed wrapper over QSettings. Every key the studio remembers is declared here once,
/// with its type and default; nothing else in ui/ or app/ touches QSettings.
class Settings final
{
public:
    Settings();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Saved state of the splitter called @p name ("main", "top", ...).
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    /// Chosen profile version of @p engine ("vllm"); empty means the engine's default.
    QString engineVersion(const QString &engine) const;
    void setEngineVersion(const QString &engine, const QString &version);

    /// Whether commands are shown one option per line (default) or on one line.
    bool multiLineCommands() const;
    void setMultiLineCommands(bool multiLine);

    /// Id of the chosen target GPU entry; empty means "use the detected GPU, if any".
    QString targetGpu() const;
    void setTargetGpu(const QString &id);

    QString lastFile() const;
    void setLastFile(const QString &path);

    /// The model config.json or folder last loaded in the memory fit tab; empty when none.
    QString fitModelPath() const;
    void setFitModelPath(const QString &path);

    /// Recently opened or saved files, most recent first (at most kMaxRecentFiles).
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    static constexpr int kMaxRecentFiles = 8;

private:
    QSettings m_settings;
};

} // namespace quantcfg::ui
