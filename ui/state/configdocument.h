#pragma once

#include "core/config.h"
#include "core/jsonio.h"

#include <QObject>
#include <QString>

#include <optional>
#include <string>

class QUndoStack;

namespace quantcfg::ui {

/// The configuration being edited: the JSON document (unknown keys included), its typed view,
/// the file it belongs to and the undo stack. Every edit goes through here as an undo command;
/// "modified" is the undo stack's clean state.
class ConfigDocument final : public QObject
{
    Q_OBJECT

public:
    explicit ConfigDocument(QObject *parent = nullptr);
    ~ConfigDocument() override;

    const Json &json() const { return m_json; }
    const Config &config() const { return m_config; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /// The file this document was opened from or saved to; empty for a new document.
    QString filePath() const { return m_filePath; }
    /// The file name, or "Untitled".
    QString displayName() const;
    bool isModified() const;

    /// Sets the value at @p pointer ("/quantization/method"), creating parent objects; nothing
    /// removes the key. Consecutive edits of the same field merge into one undo step.
    void setValue(const std::string &pointer, const std::optional<Json> &value);
    /// Like setValue(), but as an undo step of its own called @p text: it never merges with edits of
    /// the same field before or after it (a matrix cell applied is one deliberate step).
    void setValueAsStep(const std::string &pointer, const std::optional<Json> &value, const QString &text);
    /// Replaces the whole document with @p doc, e.g. a preset's configuration (one undo step).
    void loadPreset(const Json &doc, const QString &presetName);
    /// Replaces the whole document with text typed in the JSON editor; consecutive edits merge.
    void editJson(const Json &doc);

    /// Restores unsaved changes recovered after a crash: @p doc becomes the document, modified and
    /// belonging to @p originalPath (empty for an untitled one). When that file can still be read,
    /// the history starts from it, so one undo shows what is on disk.
    void recover(const Json &doc, const QString &originalPath);
    /// Starts over with @p doc: no file, empty history, not modified.
    void reset(const Json &doc);
    /// Reads @p path. On failure the document is unchanged and @p error says why.
    bool load(const QString &path, QString *error = nullptr);
    /// Writes the document to @p path atomically and marks it unmodified.
    bool save(const QString &path, QString *error = nullptr);

    /// Used by the undo commands only: makes @p doc the current document.
    void apply(const Json &doc);

signals:
    /// The document's content changed (edit, undo, redo, load).
    void changed();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void setFilePath(const QString &path);

    Json m_json;
    Config m_config;
    QString m_filePath;
    QUndoStack *m_undoStack;
};

} // namespace quantcfg::ui
