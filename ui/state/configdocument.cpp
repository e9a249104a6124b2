#include "ui/state/configdocument.h"

#include "ui/shared/fieldlabels.h"
#include "ui/state/undocommands.h"

#include <QFileInfo>
#include <QUndoStack>

namespace quantcfg::ui {

namespace {

// Pushes the edit of the field at @p pointer, unless it changes nothing.
void pushFieldEdit(ConfigDocument *document, const std::string &pointer, const std::optional<Json> &value,
                   SetFieldCommand::Merge merge, const QString &text)
{
    Json after = withPointer(document->json(), pointer, value);
    if (after == document->json())
        return;
    document->undoStack()->push(new SetFieldCommand(document, document->json(), std::move(after), pointer, merge, text));
}

} // namespace

ConfigDocument::ConfigDocument(QObject *parent)
    : QObject(parent)
    , m_json(Json::object())
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ConfigDocument::~ConfigDocument() = default;

QString ConfigDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool ConfigDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void ConfigDocument::setValue(const std::string &pointer, const std::optional<Json> &value)
{
    // The menu says "Undo Change Method", in the form's words, not "Undo Change /quantization/method".
    pushFieldEdit(this, pointer, value, SetFieldCommand::Merge::SameField, tr("Change %1").arg(fieldLabel(pointer)));
}

void ConfigDocument::setValueAsStep(const std::string &pointer, const std::optional<Json> &value, const QString &text)
{
    pushFieldEdit(this, pointer, value, SetFieldCommand::Merge::Never, text);
}

void ConfigDocument::loadPreset(const Json &doc, const QString &presetName)
{
    if (doc == m_json)
        return;
    m_undoStack->push(new ReplaceDocumentCommand(this, m_json, doc, ReplaceDocumentCommand::Kind::LoadPreset,
                                                 tr("Load preset %1").arg(presetName)));
}

void ConfigDocument::editJson(const Json &doc)
{
    if (doc == m_json)
        return;
    m_undoStack->push(new ReplaceDocumentCommand(this, m_json, doc, ReplaceDocumentCommand::Kind::EditJson, tr("Edit JSON")));
}

void ConfigDocument::reset(const Json &doc)
{
    m_undoStack->clear();
    setFilePath({});
    apply(doc);
    emit modifiedChanged(false);
}

void ConfigDocument::recover(const Json &doc, const QString &originalPath)
{
    if (!originalPath.isEmpty() && QFileInfo::exists(originalPath) && load(originalPath)) {
        if (doc != m_json)
            m_undoStack->push(new ReplaceDocumentCommand(this, m_json, doc, ReplaceDocumentCommand::Kind::Recover,
                                                         tr("Recover unsaved changes")));
        return;
    }
    // Untitled, or the file is gone: the recovered text is all there is, and it is not saved anywhere.
    reset(doc);
    setFilePath(originalPath);
    m_undoStack->resetClean();
}

bool ConfigDocument::load(const QString &path, QString *error)
{
    const JsonResult result = loadJsonFile(path.toStdString());
    if (!result.value) {
        if (error && !result.diagnostics.empty()) {
            const Diagnostic &d = result.diagnostics.front();
            *error = d.line > 0 ? tr("Line %1, column %2: %3").arg(d.line).arg(d.column).arg(QString::fromStdString(d.message))
                                : QString::fromStdString(d.message);
        }
        return false;
    }
    m_undoStack->clear();
    setFilePath(path);
    apply(*result.value);
    emit modifiedChanged(false);
    return true;
}

bool ConfigDocument::save(const QString &path, QString *error)
{
    if (const auto problem = writeFileAtomic(path.toStdString(), toPrettyJson(m_json))) {
        if (error)
            *error = QString::fromStdString(problem->message);
        return false;
    }
    setFilePath(path);
    m_undoStack->setClean();
    return true;
}

void ConfigDocument::apply(const Json &doc)
{
    m_json = doc;
    m_config = Config::fromJson(m_json);
    emit changed();
}

void ConfigDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

} // namespace quantcfg::ui
