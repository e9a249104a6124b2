#include "ui/config/jsoneditortab.h"

#include "core/jsonio.h"
#include "ui/state/configdocument.h"
#include "ui/shared/statusstyle.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace quantcfg::ui {

JsonEditorTab::JsonEditorTab(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("JsonEditorTab"));
    m_editor->setObjectName(QStringLiteral("JsonText"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setAccessibleName(tr("Configuration JSON"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("JSON status"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonEditorTab::onTextChanged);
    connect(m_document, &ConfigDocument::changed, this, [this] {
        if (!m_applying)
            showDocument();
    });
    showDocument();
}

QString JsonEditorTab::errorText() const
{
    return m_status->property("error").toBool() ? m_status->text() : QString();
}

void JsonEditorTab::onTextChanged()
{
    if (m_showing)
        return;
    const std::string text = m_editor->toPlainText().toStdString();
    const JsonResult result = parseJson(text);
    if (!result.value) {
        const Diagnostic &d = result.diagnostics.front();
        showError(QString::fromStdString(d.message), d.line, d.column);
        return;
    }
    m_status->setProperty("error", false);
    m_status->setText(tr("Valid JSON: changes apply as you type."));
    m_status->setPalette(palette());
    m_applying = true;
    m_document->editJson(*result.value);
    m_applying = false;
}

void JsonEditorTab::showDocument()
{
    const QString text = QString::fromStdString(toPrettyJson(m_document->json()));
    if (text != m_editor->toPlainText()) {
        m_showing = true;
        const int position = m_editor->textCursor().position();
        m_editor->setPlainText(text);
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(std::min(position, static_cast<int>(text.size())));
        m_editor->setTextCursor(cursor);
        m_showing = false;
    }
    m_status->setProperty("error", false);
    m_status->setText(tr("Valid JSON: changes apply as you type."));
    m_status->setPalette(palette());
}

void JsonEditorTab::showError(const QString &message, int line, int column)
{
    m_status->setProperty("error", true);
    m_status->setText(tr("Line %1, column %2: %3 (the form and the commands keep the last valid configuration)")
                          .arg(line)
                          .arg(column)
                          .arg(message));
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, severityColor(Severity::Error, p));
    m_status->setPalette(p);
}

bool JsonEditorTab::revealPointer(const std::string &pointer)
{
    const auto slash = pointer.rfind('/');
    if (slash == std::string::npos)
        return false;
    const QString key = QLatin1Char('"') + QString::fromStdString(pointer.substr(slash + 1)) + QLatin1Char('"');
    const QTextCursor found = m_editor->document()->find(key);
    if (found.isNull())
        return false;
    m_editor->setTextCursor(found);
    m_editor->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace quantcfg::ui
