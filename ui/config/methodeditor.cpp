#include "ui/config/methodeditor.h"

#include "ui/config/methoddelegate.h"
#include "ui/config/methodlistmodel.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace quantcfg::ui {

namespace {

std::vector<std::string> enumValues(const Json &schema)
{
    std::vector<std::string> values;
    for (const Json &v : schema["enum"])
        values.push_back(v.get<std::string>());
    return values;
}

} // namespace

MethodEditor::MethodEditor(std::string pointer, const Json &schema, ConfigAnalysis *analysis, QWidget *parent)
    : FieldEditor(std::move(pointer), new QComboBox(parent))
    , m_combo(static_cast<QComboBox *>(widget()))
    , m_model(new MethodListModel(enumValues(schema), unsetText(schema), analysis, this))
{
    m_combo->setModel(m_model);
    MethodDelegate::install(m_combo);
    m_combo->setMaxVisibleItems(16);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString value = m_combo->itemData(index, MethodListModel::ValueRole).toString();
        if (value.isEmpty())
            edited(std::nullopt);
        else
            edited(Json::parse(value.toStdString()));
    });
}

void MethodEditor::setValue(const Json *value)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(m_model->setStrayValue(value ? std::optional<QString>(QString::fromStdString(value->dump())) : std::nullopt));
}

} // namespace quantcfg::ui
