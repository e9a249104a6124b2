#include "ui/config/configform.h"

#include "core/applicability.h"
#include "core/engines/profile.h"
#include "core/schema.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/fieldeditors.h"
#include "ui/shared/fieldlabels.h"
#include "ui/shared/statusstyle.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace quantcfg::ui {

namespace {

// The findings under a field, one line per engine that reports, wrapped. Never shorter than its
// lines at its width: Qt 6.4's QFormLayout kept the row height it had worked out before the
// message was shown (the label's size hint, laid out 80 characters wide), and a message of several
// engines was cut at both ends. A minimum height is honoured by every layout.
class FieldMessage final : public QLabel
{
public:
    explicit FieldMessage(QWidget *parent)
        : QLabel(parent)
    {
        setWordWrap(true);
    }

    void setMessage(const QString &text)
    {
        setText(text);
        fitHeight();
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        if (event->size().width() != event->oldSize().width())
            fitHeight();
    }

private:
    void fitHeight() { setMinimumHeight(text().isEmpty() || width() <= 0 ? 0 : heightForWidth(width())); }
};

} // namespace

struct ConfigForm::Row
{
    std::unique_ptr<FieldEditor> editor;
    QLabel *label = nullptr;
    FieldMessage *message = nullptr;
    QString description;
    Diagnostics diagnostics;
    QString inapplicableReason;
};

namespace {

QString joinValues(const std::vector<std::string> &values)
{
    QStringList list;
    for (const std::string &v : values)
        list << QString::fromStdString(v);
    if (list.size() <= 1)
        return list.join(QString());
    const QString last = list.takeLast();
    return ConfigForm::tr("%1 or %2").arg(list.join(QLatin1StringView(", ")), last);
}

// The engine's display name ("vllm" → "vLLM") for messages at a field.
QString engineDisplayName(const std::string &engine)
{
    const EngineProfile *profile = ProfileRegistry::builtIn().find(engine);
    return QString::fromStdString(profile ? profile->displayName() : engine);
}

QString reasonText(const FieldApplicability &a)
{
    switch (a.rule) {
    case FieldApplicability::Rule::Applies:
        return {};
    case FieldApplicability::Rule::RequiresValue:
        return ConfigForm::tr("Applies only when %1 is %2.").arg(fieldLabel(a.dependsOn), joinValues(a.values));
    case FieldApplicability::Rule::RequiresMethod:
        return ConfigForm::tr("Applies only when a quantization method is chosen.");
    case FieldApplicability::Rule::RequiresLowBits:
        return ConfigForm::tr("Applies only to methods with 4 or fewer weight bits.");
    }
    return {};
}

} // namespace

ConfigForm::ConfigForm(ConfigDocument *document, ConfigAnalysis *analysis, const Schema &schema, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
    , m_analysis(analysis)
{
    setObjectName(QStringLiteral("ConfigForm"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Configuration form"));
    build(schema);
    connect(m_analysis, &ConfigAnalysis::updated, this, &ConfigForm::refresh);
    refresh();
}

ConfigForm::~ConfigForm() = default;

void ConfigForm::build(const Schema &schema)
{
    // Sections: each top-level object is one; top-level enumerations get their own (Data type);
    // top-level free text is collected under "General".
    std::map<int, std::pair<std::string, std::vector<std::string>>> sections;
    const Json &props = schema.document()["properties"];
    int schemaOrder = 0;
    for (auto it = props.begin(); it != props.end(); ++it, ++schemaOrder) {
        const std::string key = it.key();
        const Json *sub = schema.subschema("/" + key);
        if (!sub)
            continue;
        const bool isObject = sub->value("type", std::string()) == "object";
        if (isObject && !sub->contains("properties"))
            continue; // a free-form map (engine_versions): edited in the JSON text, not by fields
        const std::string section = isObject || sub->contains("enum") ? key : std::string();
        const int known = sectionRank(section);
        const int rank = known >= 0 ? known : 1000 + schemaOrder;
        auto &entry = sections[rank];
        entry.first = section;
        if (isObject && sub->contains("properties")) {
            // A nested object with named keys (deployment.image: one per engine) gives one field per key.
            for (auto p = (*sub)["properties"].begin(); p != (*sub)["properties"].end(); ++p) {
                const std::string pointer = "/" + key + "/" + p.key();
                if (p->value("type", std::string()) == "object" && p->contains("properties")) {
                    for (auto q = (*p)["properties"].begin(); q != (*p)["properties"].end(); ++q)
                        entry.second.push_back(pointer + "/" + q.key());
                } else {
                    entry.second.push_back(pointer);
                }
            }
        } else if (!isObject) {
            entry.second.push_back("/" + key);
        }
    }

    auto *container = new QWidget;
    auto *layout = new QVBoxLayout(container);
    for (const auto &[rank, section] : sections)
        addSection(container, sectionTitle(section.first), section.second, schema);
    layout->addStretch(1);
    setWidget(container);
}

void ConfigForm::addSection(QWidget *container, const QString &title, const std::vector<std::string> &pointers, const Schema &schema)
{
    auto *group = new QGroupBox(title, container);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    for (const std::string &pointer : pointers) {
        const Json *sub = schema.subschema(pointer);
        auto *field = new QWidget(group);
        auto editor = sub ? FieldEditor::create(pointer, *sub, field) : nullptr;
        if (!editor) {
            delete field;
            continue;
        }
        auto row = std::make_unique<Row>();
        row->description = QString::fromStdString(schema.description(pointer));
        row->label = new QLabel(fieldLabel(pointer), group);
        row->label->setBuddy(editor->widget());
        row->label->setToolTip(row->description);
        row->message = new FieldMessage(field);
        row->message->setObjectName(QStringLiteral("message:") + QString::fromStdString(pointer));
        // Not selectable: a selectable label lays its text out as a rich-text document, which made
        // these (a dozen are shown at once) most of the form's layout time. The same findings can
        // be copied from the diagnostics list (Ctrl+C).
        row->message->hide();

        auto *fieldLayout = new QVBoxLayout(field);
        fieldLayout->setContentsMargins(0, 0, 0, 0);
        fieldLayout->setSpacing(2);
        fieldLayout->addWidget(editor->widget());
        fieldLayout->addWidget(row->message);

        QWidget *w = editor->widget();
        w->setToolTip(row->description);
        w->setAccessibleName(fieldLabel(pointer));
        w->setAccessibleDescription(row->description);
        w->setObjectName(QString::fromStdString(pointer));
        editor->setEditedHandler([this, pointer](const std::optional<Json> &value) { m_document->setValue(pointer, value); });
        row->editor = std::move(editor);
        form->addRow(row->label, field);
        m_rows.push_back(std::move(row));
    }
    container->layout()->addWidget(group);
}

void ConfigForm::refresh()
{
    const Json &doc = m_document->json();
    const Config &config = m_document->config();
    for (auto &row : m_rows) {
        const std::string &pointer = row->editor->pointer();
        const Json *value = findPointer(doc, pointer);
        row->editor->setValue(value);
        row->inapplicableReason = reasonText(fieldApplicability(config, pointer));
        // A field that does not apply stays editable while it holds a value, so it can be cleared.
        const bool enabled = row->inapplicableReason.isEmpty() || value;
        row->editor->widget()->setEnabled(enabled);
        row->label->setEnabled(enabled);
        row->diagnostics.clear();
        // Errors and warnings are marked at the field; notes (infos) stay in the diagnostics list.
        for (const Diagnostic &d : m_analysis->diagnostics()) {
            if (d.pointer == pointer && d.severity != Severity::Info)
                row->diagnostics.push_back(d);
        }
        updateMessage(*row);
    }
}

void ConfigForm::updateMessage(Row &row)
{
    QStringList lines;
    std::optional<Severity> worst;
    for (const Diagnostic &d : row.diagnostics) {
        QString line = QString::fromStdString(d.message);
        if (!d.engine.empty())
            line = QStringLiteral("%1: %2").arg(engineDisplayName(d.engine), line);
        lines << line;
        if (!worst || static_cast<int>(d.severity) < static_cast<int>(*worst))
            worst = d.severity;
    }
    if (!row.inapplicableReason.isEmpty())
        lines << row.inapplicableReason;
    row.message->setVisible(!lines.isEmpty());
    row.message->setMessage(lines.join(QLatin1Char('\n')));
    QPalette palette = row.message->palette();
    palette.setColor(QPalette::WindowText, severityColor(worst.value_or(Severity::Info), palette));
    row.message->setPalette(palette);

    QWidget *w = row.editor->widget();
    const QString tip = lines.isEmpty() ? row.description : row.description + QLatin1StringView("\n\n") + lines.join(QLatin1Char('\n'));
    w->setToolTip(tip);
    w->setAccessibleDescription(tip);
    w->setProperty("qcfgSeverity", worst ? QVariant(static_cast<int>(*worst)) : QVariant());
}

ConfigForm::Row *ConfigForm::findRow(const std::string &pointer) const
{
    for (const auto &row : m_rows) {
        if (row->editor->pointer() == pointer)
            return row.get();
    }
    const std::string prefix = pointer + "/";
    for (const auto &row : m_rows) {
        if (row->editor->pointer().starts_with(prefix))
            return row.get();
    }
    return nullptr;
}

bool ConfigForm::focusField(const std::string &pointer)
{
    Row *row = pointer.empty() ? nullptr : findRow(pointer);
    if (!row)
        return false;
    ensureWidgetVisible(row->editor->widget());
    row->editor->widget()->setFocus(Qt::OtherFocusReason);
    return true;
}

QString ConfigForm::fieldMessage(const std::string &pointer) const
{
    for (const auto &row : m_rows) {
        if (row->editor->pointer() == pointer)
            return row->message->isVisibleTo(row->message->parentWidget()) ? row->message->text() : QString();
    }
    return {};
}

std::vector<std::string> ConfigForm::fieldPointers() const
{
    std::vector<std::string> out;
    for (const auto &row : m_rows)
        out.push_back(row->editor->pointer());
    return out;
}

} // namespace quantcfg::ui
