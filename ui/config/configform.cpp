#include "ui/config/configform.h"

#include "core/applicability.h"
#include "core/engines/profile.h"
#include "core/schema.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/fieldeditors.h"
#include "ui/shared/fieldlabels.h"
#include "ui/shared/statusstyle.h"
#include "ui/state/settings.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <map>

namespace quantcfg::ui {

namespace {

// The findings under a field, one line per engine that reports, wrapped. Never shorter than its
// lines at its width: Qt 6.4's QFormLayout (which the form used then) kept the row height it had
// worked out before the message was shown (the label's size hint, laid out 80 characters wide),
// and a message of several engines was cut at both ends. A minimum height is honoured by every
// layout.
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
    // QLabel's heightForWidth() is never less than the minimum height: without the reset, a height
    // worked out while the label was narrow (the first layout, before the group has its width)
    // stayed as the least, and a message at the top of the form left a screen of empty lines.
    void fitHeight()
    {
        setMinimumHeight(0);
        setMinimumHeight(text().isEmpty() || width() <= 0 ? 0 : heightForWidth(width()));
    }
};

} // namespace

struct ConfigForm::Row
{
    std::unique_ptr<FieldEditor> editor;
    QLabel *label = nullptr;
    QWidget *group = nullptr; // the group box the row is in
    FieldMessage *message = nullptr; // on a line of its own under the editor, as wide as the group allows
    QString messageText;             // what the message says about the field
    QString messagePrefix;           // "Method — ", for a message placed apart from its editor
    QString description;
    Diagnostics diagnostics;
    QString inapplicableReason;
    bool isSet = false; // the document holds a value for it
    bool shown = true;  // not hidden as a field that does not apply
};

namespace {

// The settings the commands are mostly about, in one group at the top of the form, two to a line,
// so that they are in view without scrolling at 1280×800 (issue 18): the model, the method and its
// weight bits, the KV-cache and model data types, the parallel sizes. Their sections keep the
// rest. A label given here replaces the field's own where it is ambiguous out of its section (the
// KV cache's "Data type").
struct Essential
{
    std::string_view pointer;
    const char *label = nullptr;
};
constexpr std::array<Essential, 8> kEssentials{{
    {"/model/id_or_path"},
    {"/quantization/method"},
    {"/quantization/weight_bits"},
    {"/kv_cache/dtype", QT_TRANSLATE_NOOP("quantcfg::ui::ConfigForm", "KV-cache type")},
    {"/dtype"},
    {"/parallelism/tensor_parallel_size"},
    {"/parallelism/pipeline_parallel_size"},
    {"/parallelism/data_parallel_size"},
}};

bool isEssential(const std::string &pointer)
{
    return std::any_of(kEssentials.begin(), kEssentials.end(), [&](const Essential &e) { return e.pointer == pointer; });
}

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
    , m_settings(std::make_unique<Settings>())
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
    // top-level free text is collected under "General". The essentials are taken out of theirs.
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
        std::vector<std::string> pointers;
        if (isObject) {
            // A nested object with named keys (deployment.image: one per engine) gives one field per key.
            for (auto p = (*sub)["properties"].begin(); p != (*sub)["properties"].end(); ++p) {
                const std::string pointer = "/" + key + "/" + p.key();
                if (p->value("type", std::string()) == "object" && p->contains("properties")) {
                    for (auto q = (*p)["properties"].begin(); q != (*p)["properties"].end(); ++q)
                        pointers.push_back(pointer + "/" + q.key());
                } else {
                    pointers.push_back(pointer);
                }
            }
        } else {
            pointers.push_back("/" + key);
        }
        std::copy_if(pointers.begin(), pointers.end(), std::back_inserter(entry.second), [](const std::string &p) { return !isEssential(p); });
    }

    auto *container = new QWidget;
    auto *layout = new QVBoxLayout(container);
    addEssentials(container, schema);
    // Between the essentials and the rest, where the hidden fields would be; created here so that
    // Tab reaches it in that order too.
    m_showInapplicable = new QCheckBox(container);
    m_showInapplicable->setObjectName(QStringLiteral("ShowInapplicableFields"));
    m_showInapplicable->setChecked(m_settings->showInapplicableFields());
    m_showInapplicable->setToolTip(tr("Fields that have no effect under this configuration (another method's options) are hidden; "
                                      "a field that holds a value is always shown. Hiding a field never changes its value."));
    connect(m_showInapplicable, &QCheckBox::toggled, this, [this](bool show) {
        m_settings->setShowInapplicableFields(show);
        updateVisibility();
    });
    layout->addWidget(m_showInapplicable);
    for (const auto &[rank, section] : sections) {
        if (!section.second.empty())
            addSection(container, sectionTitle(section.first), section.second, schema);
    }
    layout->addStretch(1);
    setWidget(container);
}

ConfigForm::Row *ConfigForm::addRow(const std::string &pointer, const QString &label, QWidget *group, const Schema &schema)
{
    const Json *sub = schema.subschema(pointer);
    auto editor = sub ? FieldEditor::create(pointer, *sub, group, m_analysis) : nullptr;
    if (!editor)
        return nullptr;
    auto row = std::make_unique<Row>();
    row->group = group;
    row->description = QString::fromStdString(schema.description(pointer));
    row->label = new QLabel(label, group);
    row->label->setBuddy(editor->widget());
    row->label->setToolTip(row->description);
    row->message = new FieldMessage(group);
    row->message->setObjectName(QStringLiteral("message:") + QString::fromStdString(pointer));
    // Not selectable: a selectable label lays its text out as a rich-text document, which made
    // these (a dozen are shown at once) most of the form's layout time. The same findings can
    // be copied from the diagnostics list (Ctrl+C).
    row->message->hide();

    QWidget *w = editor->widget();
    w->setToolTip(row->description);
    w->setAccessibleName(label);
    w->setAccessibleDescription(row->description);
    w->setObjectName(QString::fromStdString(pointer));
    editor->setEditedHandler([this, pointer](const std::optional<Json> &value) { m_document->setValue(pointer, value); });
    row->editor = std::move(editor);
    m_rows.push_back(std::move(row));
    return m_rows.back().get();
}

namespace {

constexpr int kGridColumns = 4; // label, editor, label, editor

// Puts @p label and @p editor on @p line of @p grid at @p column, the editor @p span columns wide.
// (A grid, not a QFormLayout: Qt 6.4's QFormLayout wrote past its row arrays when rows were hidden
// and shown again.) A line whose widgets are all hidden takes no room.
void place(QGridLayout *grid, QLabel *label, QWidget *editor, int line, int column, int span)
{
    grid->addWidget(label, line, column);
    grid->addWidget(editor, line, column + 1, 1, span);
}

} // namespace

void ConfigForm::addEssentials(QWidget *container, const Schema &schema)
{
    auto *group = new QGroupBox(tr("Essentials"), container);
    group->setObjectName(QStringLiteral("Essentials"));
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    // The model's id or path is long: it has a line of its own; the others go two to a line.
    int line = -1;
    int column = kGridColumns;
    std::vector<Row *> rows;
    for (const Essential &e : kEssentials) {
        const std::string pointer(e.pointer);
        Row *row = addRow(pointer, e.label ? tr(e.label) : fieldLabel(pointer), group, schema);
        if (!row)
            continue;
        const bool wide = pointer == "/model/id_or_path";
        if (wide || column == kGridColumns) {
            ++line;
            column = 0;
        }
        place(grid, row->label, row->editor->widget(), line, column, wide ? kGridColumns - 1 : 1);
        column = wide ? kGridColumns : column + 2;
        rows.push_back(row);
    }
    // The findings come after all the essentials, each as wide as the group and headed by its
    // field's label: under its own editor, the Method's (one line per engine and finding) pushed
    // the KV-cache type and the parallel sizes out of view.
    for (Row *row : rows) {
        row->messagePrefix = tr("%1 — ").arg(row->label->text());
        grid->addWidget(row->message, ++line, 0, 1, kGridColumns);
    }
    container->layout()->addWidget(group);
}

void ConfigForm::addSection(QWidget *container, const QString &title, const std::vector<std::string> &pointers, const Schema &schema)
{
    auto *group = new QGroupBox(title, container);
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    int line = 0;
    for (const std::string &pointer : pointers) {
        if (Row *row = addRow(pointer, fieldLabel(pointer), group, schema)) {
            place(grid, row->label, row->editor->widget(), line, 0, 1);
            grid->addWidget(row->message, line + 1, 1); // under its editor
            line += 2;
        }
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
        row->isSet = value != nullptr;
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
    updateVisibility();
}

void ConfigForm::updateVisibility()
{
    // A field that does not apply is hidden unless asked for, or it holds a value (which the
    // validator warns about, and which the user must be able to see and clear), or it was revealed
    // by focusField(). Only the widgets are hidden: the document keeps every value.
    const bool showAll = m_showInapplicable->isChecked();
    int hideable = 0;
    std::map<QWidget *, bool> groupShown;
    for (auto &row : m_rows) {
        const bool canHide = !row->inapplicableReason.isEmpty() && !row->isSet;
        hideable += canHide ? 1 : 0;
        const bool shown = !canHide || showAll || row->editor->pointer() == m_revealed;
        row->shown = shown;
        row->label->setVisible(shown);
        row->editor->widget()->setVisible(shown);
        row->message->setVisible(shown && !row->messageText.isEmpty());
        groupShown[row->group] = groupShown[row->group] || shown;
    }
    for (const auto &[group, shown] : groupShown)
        group->setVisible(shown);
    m_showInapplicable->setText(hideable == 1 ? tr("Show 1 field that does not apply") : tr("Show %1 fields that do not apply").arg(hideable));
    m_showInapplicable->setVisible(hideable > 0);
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
    row.messageText = lines.join(QLatin1Char('\n'));
    row.message->setMessage(row.messageText.isEmpty() ? QString() : row.messagePrefix + row.messageText);
    row.message->setVisible(row.shown && !lines.isEmpty());
    QPalette palette = row.message->palette();
    palette.setColor(QPalette::WindowText, severityColor(worst.value_or(Severity::Info), palette));
    row.message->setPalette(palette);
    // The field's label takes the colour of an error or a warning too, so that a finding placed
    // apart from its editor (the essentials' come after them all) still points at its field.
    if (worst && *worst != Severity::Info) {
        QPalette labelPalette = row.label->palette();
        labelPalette.setColor(QPalette::WindowText, severityColor(*worst, labelPalette));
        row.label->setPalette(labelPalette);
    } else {
        row.label->setPalette(QPalette());
    }

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
    // A hidden field asked for (a diagnostic about it) is shown until another one is.
    const bool wasHidden = !row->shown;
    m_revealed = row->editor->pointer();
    updateVisibility();
    if (wasHidden)
        widget()->layout()->activate(); // its place, before scrolling to it
    ensureWidgetVisible(row->editor->widget());
    row->editor->widget()->setFocus(Qt::OtherFocusReason);
    return true;
}

QString ConfigForm::fieldMessage(const std::string &pointer) const
{
    for (const auto &row : m_rows) {
        if (row->editor->pointer() == pointer)
            return row->messageText; // empty when there is nothing to say
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
