#pragma once

#include "core/jsonio.h"

#include <QUndoCommand>

#include <string>

namespace quantcfg::ui {

class ConfigDocument;

/// Ids of the commands that merge (QUndoCommand::id()); one enum for all of them.
enum class CommandId {
    SetField = 1,
    EditJson = 2,
};

/// Base of the document's commands: configurations are a few hundred bytes, so each command keeps
/// the whole document before and after the edit, which makes undo exact (unknown keys, order).
class SnapshotCommand : public QUndoCommand
{
public:
    SnapshotCommand(ConfigDocument *document, Json before, Json after, const QString &text);
    void undo() override;
    void redo() override;

protected:
    /// Takes @p other's result as this command's result (for mergeWith).
    void absorb(const SnapshotCommand &other);

private:
    ConfigDocument *m_document;
    Json m_before;
    Json m_after;
};

/// An edit of one field. Typing in the same form field merges into one step; an edit made as a
/// step of its own (Merge::Never: a matrix cell applied) merges with nothing before or after it.
class SetFieldCommand final : public SnapshotCommand
{
public:
    enum class Merge { SameField, Never };
    SetFieldCommand(ConfigDocument *document, Json before, Json after, std::string pointer, Merge merge, const QString &text);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    std::string m_pointer;
    Merge m_merge = Merge::SameField;
};

/// The whole document replaced: a preset loaded, or text typed in the JSON editor (which merges).
class ReplaceDocumentCommand final : public SnapshotCommand
{
public:
    enum class Kind { LoadPreset, EditJson, Recover };
    ReplaceDocumentCommand(ConfigDocument *document, Json before, Json after, Kind kind, const QString &text);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Kind m_kind;
};

} // namespace quantcfg::ui
