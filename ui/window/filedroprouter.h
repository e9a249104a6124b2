#pragma once

#include <QLineEdit>
#include <QObject>
#include <QPointer>

class QMimeData;
class QWidget;

namespace quantcfg::ui {

/// Sends files dragged onto a text field to the page that takes files. Text fields accept any drop
/// and insert it as text, so a configuration dropped on a form field became a "file:///…" string
/// in that field instead of opening, and result files dropped on the benchmarks tab's fields were
/// not imported. Installed on the application: when local files are dragged over a line edit, a
/// spin box, a combo box or a text editor, the nearest enclosing widget that accepts drops (the
/// main window, the benchmarks tab) is asked first; if it takes them, the field lets the drag pass
/// to it. Files no page takes give a one-line field their local paths (a model folder dropped on
/// "Model id or path"), not their file:// URLs; dragged text stays the field's business.
class FileDropRouter final : public QObject
{
    Q_OBJECT

public:
    explicit FileDropRouter(QObject *parent = nullptr);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static void insertPaths(QLineEdit *edit, const QMimeData *mime, QPoint at);

    QPointer<QLineEdit> m_pathField; ///< the field taking the current drag's paths, if one does
};

} // namespace quantcfg::ui
