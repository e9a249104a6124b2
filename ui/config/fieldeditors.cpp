#include "ui/config/fieldeditors.h"

#include "core/methods.h"
#include "ui/config/methodeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHelpEvent>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QToolTip>

#include <algorithm>
#include <limits>

namespace quantcfg::ui {

namespace {

QString jsonText(const Json &v)
{
    return QString::fromStdString(v.is_string() ? v.get<std::string>() : toCompactJson(v));
}

// Enumerations: the first entry means "not set"; a value outside the enumeration (typed in the
// JSON tab) is shown as an extra entry so the field says what the file holds.
class EnumEditor final : public FieldEditor
{
public:
    EnumEditor(std::string pointer, const Json &schema, QWidget *parent)
        : FieldEditor(std::move(pointer), new QComboBox(parent))
        , m_combo(static_cast<QComboBox *>(widget()))
    {
        m_combo->addItem(unsetText(schema));
        for (const Json &v : schema["enum"])
            m_combo->addItem(jsonText(v), QString::fromStdString(v.dump()));
        m_fixedCount = m_combo->count();
        m_combo->setMaxVisibleItems(16);
        connect(m_combo, &QComboBox::activated, this, [this](int index) {
            if (index == 0) {
                edited(std::nullopt);
                return;
            }
            edited(Json::parse(m_combo->itemData(index).toString().toStdString()));
        });
    }

    void setValue(const Json *value) override
    {
        const QSignalBlocker blocker(m_combo);
        while (m_combo->count() > m_fixedCount)
            m_combo->removeItem(m_combo->count() - 1);
        if (!value) {
            m_combo->setCurrentIndex(0);
            return;
        }
        const QString key = QString::fromStdString(value->dump());
        int index = m_combo->findData(key);
        if (index < 0) {
            m_combo->addItem(tr("%1 (not allowed)").arg(jsonText(*value)), key);
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(index);
    }

private:
    QComboBox *m_combo;
    int m_fixedCount = 0;
};

// Integers: the value just below the minimum stands for "not set".
class IntEditor final : public FieldEditor
{
public:
    IntEditor(std::string pointer, const Json &schema, QWidget *parent)
        : FieldEditor(std::move(pointer), new QSpinBox(parent))
        , m_spin(static_cast<QSpinBox *>(widget()))
    {
        const int minimum = schema.contains("minimum") ? schema["minimum"].get<int>() : 0;
        const int maximum = schema.contains("maximum") ? schema["maximum"].get<int>() : 4096;
        m_spin->setRange(minimum - 1, maximum);
        m_spin->setSpecialValueText(unsetText(schema));
        m_spin->setAccelerated(true);
        connect(m_spin, &QSpinBox::valueChanged, this, [this](int v) {
            edited(v == m_spin->minimum() ? std::nullopt : std::optional<Json>(v));
        });
    }

    void setValue(const Json *value) override
    {
        const QSignalBlocker blocker(m_spin);
        m_spin->setValue(value && value->is_number_integer() ? value->get<int>() : m_spin->minimum());
    }

private:
    QSpinBox *m_spin;
};

// Numbers: the (exclusive) minimum stands for "not set".
class NumberEditor final : public FieldEditor
{
public:
    NumberEditor(std::string pointer, const Json &schema, QWidget *parent)
        : FieldEditor(std::move(pointer), new QDoubleSpinBox(parent))
        , m_spin(static_cast<QDoubleSpinBox *>(widget()))
    {
        m_spin->setDecimals(2);
        m_spin->setSingleStep(0.05);
        const double maximum = schema.contains("maximum") ? schema["maximum"].get<double>() : 1e6;
        double minimum = 0.0;
        if (schema.contains("exclusiveMinimum"))
            minimum = schema["exclusiveMinimum"].get<double>();
        else if (schema.contains("minimum"))
            minimum = schema["minimum"].get<double>() - m_spin->singleStep();
        m_spin->setRange(minimum, maximum);
        m_spin->setSpecialValueText(unsetText(schema));
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
            edited(v <= m_spin->minimum() ? std::nullopt : std::optional<Json>(v));
        });
    }

    void setValue(const Json *value) override
    {
        const QSignalBlocker blocker(m_spin);
        m_spin->setValue(value && value->is_number() ? value->get<double>() : m_spin->minimum());
    }

private:
    QDoubleSpinBox *m_spin;
};

class BoolEditor final : public FieldEditor
{
public:
    BoolEditor(std::string pointer, QWidget *parent)
        : FieldEditor(std::move(pointer), new QCheckBox(parent))
        , m_check(static_cast<QCheckBox *>(widget()))
    {
        connect(m_check, &QCheckBox::toggled, this, [this](bool on) { edited(Json(on)); });
    }

    void setValue(const Json *value) override
    {
        const QSignalBlocker blocker(m_check);
        m_check->setChecked(value && value->is_boolean() && value->get<bool>());
    }

private:
    QCheckBox *m_check;
};

// Free text: an empty field removes the key.
class TextEditor final : public FieldEditor
{
public:
    TextEditor(std::string pointer, const Json &schema, QWidget *parent)
        : FieldEditor(std::move(pointer), new QLineEdit(parent))
        , m_edit(static_cast<QLineEdit *>(widget()))
    {
        m_edit->setPlaceholderText(schema.contains("default") ? jsonText(schema["default"]) : unsetText(schema));
        m_edit->setClearButtonEnabled(true);
        m_edit->installEventFilter(this);
        connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
            edited(text.isEmpty() ? std::nullopt : std::optional<Json>(text.toStdString()));
        });
    }

    // A value longer than the field (a Description of two sentences at 1280 pixels) is cut at the
    // field's end: its tooltip then starts with the whole value.
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_edit || event->type() != QEvent::ToolTip || !isCut())
            return FieldEditor::eventFilter(watched, event);
        const QString tip = m_edit->toolTip();
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                           tip.isEmpty() ? m_edit->text() : m_edit->text() + QLatin1StringView("\n\n") + tip, m_edit);
        return true;
    }

    void setValue(const Json *value) override
    {
        const QString text = value ? jsonText(*value) : QString();
        if (text == m_edit->text())
            return; // keeps the cursor where the user is typing
        const QSignalBlocker blocker(m_edit);
        m_edit->setText(text);
        m_edit->setCursorPosition(0); // show the start of long values, not their tail
    }

private:
    bool isCut() const
    {
        QStyleOptionFrame option;
        option.initFrom(m_edit);
        const QRect text = m_edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, m_edit);
        // The clear button, shown beside a non-empty value, takes about the field's height.
        const int room = text.width() - m_edit->textMargins().left() - m_edit->textMargins().right()
                         - (m_edit->isClearButtonEnabled() ? m_edit->height() : 0);
        return m_edit->fontMetrics().horizontalAdvance(m_edit->text()) > room;
    }

    QLineEdit *m_edit;
};

} // namespace

FieldEditor::FieldEditor(std::string pointer, QWidget *widget)
    : m_pointer(std::move(pointer))
    , m_widget(widget)
{
}

FieldEditor::~FieldEditor() = default;

void FieldEditor::edited(const std::optional<Json> &value) const
{
    if (m_edited)
        m_edited(value);
}

QString FieldEditor::unsetText(const Json &schema)
{
    if (schema.contains("default"))
        return tr("(default: %1)").arg(jsonText(schema["default"]));
    return tr("(not set)");
}

std::unique_ptr<FieldEditor> FieldEditor::create(const std::string &pointer, const Json &schema, QWidget *parent, ConfigAnalysis *analysis)
{
    if (schema.contains("enum")) {
        // A list of quantization methods (every value is one in the catalogue) says what each is
        // and where it runs.
        const MethodCatalogue &catalogue = MethodCatalogue::builtIn();
        const Json &values = schema["enum"];
        if (analysis && std::all_of(values.begin(), values.end(), [&](const Json &v) { return v.is_string() && catalogue.find(v.get<std::string>()); }))
            return std::make_unique<MethodEditor>(pointer, schema, analysis, parent);
        return std::make_unique<EnumEditor>(pointer, schema, parent);
    }
    const std::string type = schema.value("type", std::string());
    if (type == "integer")
        return std::make_unique<IntEditor>(pointer, schema, parent);
    if (type == "number")
        return std::make_unique<NumberEditor>(pointer, schema, parent);
    if (type == "boolean")
        return std::make_unique<BoolEditor>(pointer, parent);
    if (type == "string")
        return std::make_unique<TextEditor>(pointer, schema, parent);
    return nullptr;
}

} // namespace quantcfg::ui
