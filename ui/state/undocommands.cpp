#include "ui/state/undocommands.h"

#include "ui/state/configdocument.h"

namespace quantcfg::ui {

SnapshotCommand::SnapshotCommand(ConfigDocument *document, Json before, Json after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void SnapshotCommand::undo()
{
    m_document->apply(m_before);
}

void SnapshotCommand::redo()
{
    m_document->apply(m_after);
}

void SnapshotCommand::absorb(const SnapshotCommand &other)
{
    m_after = other.m_after;
    // Typing a value and deleting it again leaves nothing to undo.
    setObsolete(m_after == m_before);
}

SetFieldCommand::SetFieldCommand(ConfigDocument *document, Json before, Json after, std::string pointer, Merge merge, const QString &text)
    : SnapshotCommand(document, std::move(before), std::move(after), text)
    , m_pointer(std::move(pointer))
    , m_merge(merge)
{
}

int SetFieldCommand::id() const
{
    // -1: QUndoStack merges neither this command into the previous one nor the next one into it.
    return m_merge == Merge::Never ? -1 : static_cast<int>(CommandId::SetField);
}

bool SetFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetFieldCommand *>(other);
    if (o->m_pointer != m_pointer)
        return false;
    absorb(*o);
    return true;
}

ReplaceDocumentCommand::ReplaceDocumentCommand(ConfigDocument *document, Json before, Json after, Kind kind, const QString &text)
    : SnapshotCommand(document, std::move(before), std::move(after), text)
    , m_kind(kind)
{
}

int ReplaceDocumentCommand::id() const
{
    return m_kind == Kind::EditJson ? static_cast<int>(CommandId::EditJson) : -1;
}

bool ReplaceDocumentCommand::mergeWith(const QUndoCommand *other)
{
    absorb(*static_cast<const SnapshotCommand *>(other));
    return true;
}

} // namespace quantcfg::ui
