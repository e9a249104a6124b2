#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace quantcfg::ui {

class ConfigDocument;

/// The raw configuration as editable JSON, synced both ways with the document. Text that does not
/// parse is never applied: the status line shows the line and column of the error and the document
/// keeps its last valid state. Its objectName is "JsonEditorTab", the text's "JsonText".
class JsonEditorTab final : public QWidget
{
    Q_OBJECT

public:
    explicit JsonEditorTab(ConfigDocument *document, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    /// The parse error shown, or an empty string when the text is valid.
    QString errorText() const;
    /// Puts the cursor on the key of @p pointer's last step, if the text has it.
    bool revealPointer(const std::string &pointer);

private:
    void onTextChanged();
    void showDocument();
    void showError(const QString &message, int line, int column);

    ConfigDocument *m_document;
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    bool m_applying = false; // the document change comes from this editor
    bool m_showing = false;  // the text change comes from the document
};

} // namespace quantcfg::ui
