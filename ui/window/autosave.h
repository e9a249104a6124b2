#pragma once

#include "core/jsonio.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace quantcfg::ui {

class ConfigDocument;

/// Keeps a copy of the document's unsaved changes on disk, so a crash, a kill or a power cut loses
/// at most the last couple of seconds of editing.
///
/// Each running studio owns one autosave file, `<directory>/<id>.json`, and holds the lock file
/// `<id>.lock` next to it for as long as it runs. The autosave is written (atomically) shortly
/// after the document changes while it has unsaved changes, and removed as soon as it has none
/// (saved, undone back to the saved state, discarded) and when the studio exits normally. An
/// autosave whose lock is no longer held belongs to a studio that did not exit normally: that is
/// what recoverable() lists, never the files of another studio that is still running.
class Autosave final : public QObject
{
    Q_OBJECT

public:
    /// One autosave left behind by a studio that did not exit normally.
    struct Recoverable
    {
        QString autosavePath;
        /// The file the unsaved changes belong to; empty for an untitled document.
        QString originalPath;
        QDateTime savedAt;
        /// The document with the unsaved changes (null when the autosave cannot be read).
        Json document;
        /// Why the autosave cannot be read; empty when it can.
        QString error;
    };

    /// Watches @p document and autosaves it into @p directory (created when needed).
    Autosave(ConfigDocument *document, const QString &directory = defaultDirectory(), QObject *parent = nullptr);
    /// A normal exit: the autosave is removed.
    ~Autosave() override;

    /// `<application data>/autosave`, e.g. ~/.local/share/quantcfg/quantcfg-studio/autosave.
    static QString defaultDirectory();

    /// How long after an edit the autosave is written (default 1.5 s).
    void setDelay(int milliseconds);
    /// This studio's autosave file (exists only while there are unsaved changes).
    QString filePath() const { return m_path; }
    /// Writes (or removes) the autosave now instead of after the delay.
    void flush();

    /// Autosaves of studios that did not exit normally, newest first.
    std::vector<Recoverable> recoverable() const;
    /// Deletes a recoverable autosave (recovered into the document, or discarded by the user).
    bool discard(const Recoverable &entry) const;
    /// Renames an unreadable autosave to `<name>.unreadable`, so it is kept for inspection but not
    /// offered again. Returns the new path (empty on failure).
    QString setAside(const Recoverable &entry) const;

signals:
    /// Writing the autosave failed (disk full, folder not writable); reported once per failure run.
    void failed(const QString &message);

private:
    void write();
    void removeStaleLocks() const;

    ConfigDocument *m_document;
    QString m_directory;
    QString m_id;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    bool m_failing = false;
};

} // namespace quantcfg::ui
