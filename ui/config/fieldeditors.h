#pragma once

#include "core/jsonio.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <string>

class QWidget;

namespace quantcfg::ui {

class ConfigAnalysis;

/// One editable field of the form, made from its sub-schema: a combo box for an enumeration, a
/// spin box with the schema's limits for a number, a check box for a boolean, a line edit for
/// free text. An unset field shows "(not set)" or the schema default; clearing it removes the key.
class FieldEditor : public QObject
{
    Q_OBJECT

public:
    /// The editor for @p schema (a resolved sub-schema), or nullptr for types the form does not
    /// edit (objects, arrays: those are edited in the JSON tab). With @p analysis, a list of
    /// quantization methods is a MethodEditor (per-engine support for the session's target GPU).
    static std::unique_ptr<FieldEditor> create(const std::string &pointer, const Json &schema, QWidget *parent,
                                               ConfigAnalysis *analysis = nullptr);

    ~FieldEditor() override;

    const std::string &pointer() const { return m_pointer; }
    QWidget *widget() const { return m_widget; }

    /// Shows @p value (nullptr: unset) without emitting edited().
    virtual void setValue(const Json *value) = 0;

    /// Called when the user changes the value; an empty value means "remove the key". (A callback,
    /// not a signal: Json is not a Qt meta type.)
    using EditedHandler = std::function<void(const std::optional<Json> &value)>;
    void setEditedHandler(EditedHandler handler) { m_edited = std::move(handler); }

protected:
    void edited(const std::optional<Json> &value) const;
    FieldEditor(std::string pointer, QWidget *widget);
    /// "(not set)", or "(default: X)" when the schema has a default.
    static QString unsetText(const Json &schema);

private:
    std::string m_pointer;
    QWidget *m_widget;
    EditedHandler m_edited;
};

} // namespace quantcfg::ui
