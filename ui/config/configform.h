#pragma once

#include "core/diagnostic.h"

#include <QScrollArea>

#include <memory>
#include <string>
#include <vector>

class QLabel;

namespace quantcfg {
class Schema;
}

namespace quantcfg::ui {

class ConfigAnalysis;
class ConfigDocument;
class FieldEditor;

/// The form view of the document, generated from the schema: one group per section, one editor
/// per field, tooltips from the schema descriptions. Fields that do not apply are disabled with the
/// reason; each field shows its own diagnostics under it. It follows @p analysis: once the analysis
/// of an edit is done, each row is refreshed once (value, applicability and diagnostics together).
/// Its objectName is "ConfigForm"; each field's editor is named by the field's JSON pointer
/// ("/quantization/method").
class ConfigForm final : public QScrollArea
{
    Q_OBJECT

public:
    ConfigForm(ConfigDocument *document, ConfigAnalysis *analysis, const Schema &schema, QWidget *parent = nullptr);
    ~ConfigForm() override;

    /// Scrolls to and focuses the field at @p pointer, or the first field below it. Returns false
    /// when the form has no such field.
    bool focusField(const std::string &pointer);

    /// The text shown under the field at @p pointer (diagnostics, or why it is disabled).
    QString fieldMessage(const std::string &pointer) const;
    std::vector<std::string> fieldPointers() const;

private:
    struct Row;
    void build(const Schema &schema);
    void addSection(QWidget *container, const QString &title, const std::vector<std::string> &pointers, const Schema &schema);
    void refresh();
    void updateMessage(Row &row);
    Row *findRow(const std::string &pointer) const;

    ConfigDocument *m_document;
    ConfigAnalysis *m_analysis;
    std::vector<std::unique_ptr<Row>> m_rows;
};

} // namespace quantcfg::ui
