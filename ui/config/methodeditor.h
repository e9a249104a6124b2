#pragma once

#include "ui/config/fieldeditors.h"

class QComboBox;

namespace quantcfg::ui {

class ConfigAnalysis;
class MethodListModel;

/// The editor of a quantization-method field (Method, Fallback method): a combo box over a
/// MethodListModel drawn by MethodDelegate, so the open list shows each method's description and
/// per-engine support for the target GPU, while the closed box shows the name. The first row means
/// "not set"; a value outside the enumeration is shown as one more row.
class MethodEditor final : public FieldEditor
{
    Q_OBJECT

public:
    /// @p schema: the field's sub-schema, whose enumeration holds only methods of the catalogue.
    MethodEditor(std::string pointer, const Json &schema, ConfigAnalysis *analysis, QWidget *parent);

    void setValue(const Json *value) override;

private:
    QComboBox *m_combo;
    MethodListModel *m_model;
};

} // namespace quantcfg::ui
