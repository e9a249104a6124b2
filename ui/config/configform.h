#pragma once

#include "core/diagnostic.h"

#include <QScrollArea>

#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;

namespace quantcfg {
class Schema;
}

namespace quantcfg::ui {

class ConfigAnalysis;
class ConfigDocument;
class FieldEditor;
class Settings;

/// The form view of the document, generated from the schema: the essentials first (model, method,
/// weight bits, KV-cache and data types, parallel sizes: group "Essentials"), then one group per
/// section for the other fields, one editor per field, tooltips from the schema descriptions.
/// Fields that do not apply are hidden, or, with "Show N fields that do not apply" (check box
/// "ShowInapplicableFields", remembered in the settings), shown disabled with the reason; hiding
/// never changes the document. Each field shows its own diagnostics under it. It follows
/// @p analysis: once the analysis of an edit is done, each row is refreshed once (value,
/// applicability and diagnostics together). Its objectName is "ConfigForm"; each field's editor is
/// named by the field's JSON pointer ("/quantization/method").
class ConfigForm final : public QScrollArea
{
    Q_OBJECT

public:
    ConfigForm(ConfigDocument *document, ConfigAnalysis *analysis, const Schema &schema, QWidget *parent = nullptr);
    ~ConfigForm() override;

    /// Scrolls to and focuses the field at @p pointer, or the first field below it, showing it if
    /// it was hidden. Returns false when the form has no such field.
    bool focusField(const std::string &pointer);

    /// The text shown under the field at @p pointer (diagnostics, or why it is disabled), also
    /// while the field is hidden.
    QString fieldMessage(const std::string &pointer) const;
    std::vector<std::string> fieldPointers() const;

private:
    struct Row;
    void build(const Schema &schema);
    Row *addRow(const std::string &pointer, const QString &label, QWidget *group, const Schema &schema);
    void addEssentials(QWidget *container, const Schema &schema);
    void addSection(QWidget *container, const QString &title, const std::vector<std::string> &pointers, const Schema &schema);
    void refresh();
    void updateVisibility();
    void updateMessage(Row &row);
    Row *findRow(const std::string &pointer) const;

    ConfigDocument *m_document;
    ConfigAnalysis *m_analysis;
    std::unique_ptr<Settings> m_settings;
    std::vector<std::unique_ptr<Row>> m_rows;
    QCheckBox *m_showInapplicable = nullptr;
    std::string m_revealed; ///< a hidden field focusField() showed

};

} // namespace quantcfg::ui
