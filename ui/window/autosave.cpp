#include "ui/window/autosave.h"

#include "ui/state/configdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace quantcfg::ui {

namespace {

// The autosave file's own keys; the document is kept whole (unknown keys and order included).
constexpr const char *kFormatKey = "quantcfg_autosave";
constexpr int kFormatVersion = 1;

// "<dir>/<id>.json" <-> "<dir>/<id>.lock": the autosave and its lock share the id.
QString withSuffix(const QString &path, QLatin1StringView suffix)
{
    const QFileInfo info(path);
    return info.dir().filePath(info.completeBaseName() + suffix);
}

QString lockPathFor(const QString &autosavePath)
{
    return withSuffix(autosavePath, QLatin1StringView(".lock"));
}

Autosave::Recoverable readAutosave(const QString &path)
{
    Autosave::Recoverable entry;
    entry.autosavePath = path;
    entry.savedAt = QFileInfo(path).lastModified();
    const JsonResult parsed = loadJsonFile(path.toStdString());
    if (!parsed.value) {
        entry.error = parsed.diagnostics.empty() ? QObject::tr("unreadable")
                                                 : QString::fromStdString(parsed.diagnostics.front().message);
        return entry;
    }
    const Json &root = *parsed.value;
    if (!root.is_object() || !root.contains(kFormatKey) || !root.contains("document") || !root["document"].is_object()) {
        entry.error = QObject::tr("not a quantcfg autosave");
        return entry;
    }
    if (root.contains("file") && root["file"].is_string())
        entry.originalPath = QString::fromStdString(root["file"].get<std::string>());
    if (root.contains("saved_at") && root["saved_at"].is_string()) {
        const QDateTime at = QDateTime::fromString(QString::fromStdString(root["saved_at"].get<std::string>()), Qt::ISODate);
        if (at.isValid())
            entry.savedAt = at;
    }
    entry.document = root["document"];
    return entry;
}

} // namespace

Autosave::Autosave(ConfigDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_path = QDir(m_directory).filePath(m_id + QLatin1StringView(".json"));
    QDir().mkpath(m_directory);
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
    // Never stale by age: only a dead owner makes another studio's lock stale.
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    removeStaleLocks();

    m_timer.setSingleShot(true);
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::write);
    connect(m_document, &ConfigDocument::changed, &m_timer, qOverload<>(&QTimer::start));
    connect(m_document, &ConfigDocument::filePathChanged, &m_timer, qOverload<>(&QTimer::start));
    connect(m_document, &ConfigDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            // Saved or back at the saved state: nothing is at risk any more.
            m_timer.stop();
            write();
        }
    });
}

Autosave::~Autosave()
{
    QFile::remove(m_path);
    m_lock->unlock();
}

QString Autosave::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("autosave"));
}

void Autosave::removeStaleLocks() const
{
    // A studio that was killed with nothing unsaved leaves only its lock behind.
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        const QString lockPath = dir.filePath(name);
        if (lockPath == lockPathFor(m_path) || QFile::exists(withSuffix(lockPath, QLatin1StringView(".json"))))
            continue;
        QLockFile stale(lockPath);
        stale.setStaleLockTime(0);
        if (stale.tryLock(0))
            stale.unlock(); // removes the file
    }
}

void Autosave::setDelay(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void Autosave::flush()
{
    m_timer.stop();
    write();
}

void Autosave::write()
{
    if (!m_document->isModified()) {
        QFile::remove(m_path);
        return;
    }
    Json root = Json::object();
    root[kFormatKey] = kFormatVersion;
    if (!m_document->filePath().isEmpty())
        root["file"] = QFileInfo(m_document->filePath()).absoluteFilePath().toStdString();
    root["saved_at"] = QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toStdString();
    root["document"] = m_document->json();
    QDir().mkpath(m_directory);
    if (const auto problem = writeFileAtomic(m_path.toStdString(), toPrettyJson(root))) {
        if (!m_failing)
            emit failed(tr("Could not autosave unsaved changes to %1: %2")
                            .arg(QDir::toNativeSeparators(m_path), QString::fromStdString(problem->message)));
        m_failing = true;
        return;
    }
    m_failing = false;
}

std::vector<Autosave::Recoverable> Autosave::recoverable() const
{
    std::vector<Recoverable> out;
    const QStringList names = QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : names) {
        const QString path = QDir(m_directory).filePath(name);
        if (path == m_path)
            continue;
        QLockFile lock(lockPathFor(path));
        lock.setStaleLockTime(0);
        // Held by a running studio: its unsaved work is its own business.
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        out.push_back(readAutosave(path));
    }
    std::sort(out.begin(), out.end(), [](const Recoverable &a, const Recoverable &b) { return a.savedAt > b.savedAt; });
    return out;
}

bool Autosave::discard(const Recoverable &entry) const
{
    return QFile::remove(entry.autosavePath);
}

QString Autosave::setAside(const Recoverable &entry) const
{
    const QString target = entry.autosavePath + QLatin1StringView(".unreadable");
    QFile::remove(target);
    return QFile::rename(entry.autosavePath, target) ? target : QString();
}

} // namespace quantcfg::ui
