#include "ui/window/filedroprouter.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QUrl>

#include <algorithm>

namespace quantcfg::ui {

namespace {

bool hasLocalFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
}

// A widget that takes a drop as text: the field itself, its parts (a spin box's line edit) or a
// text editor's viewport.
bool isTextField(const QWidget *w)
{
    if (qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QComboBox *>(w)
        || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w))
        return true;
    const QWidget *parent = w->parentWidget();
    return parent && (qobject_cast<const QPlainTextEdit *>(parent) || qobject_cast<const QTextEdit *>(parent))
        && static_cast<const QAbstractScrollArea *>(parent)->viewport() == w;
}

QWidget *enclosingDropTarget(QWidget *field)
{
    for (QWidget *w = field->parentWidget(); w; w = w->parentWidget()) {
        if (w->acceptDrops() && w->isEnabled() && !isTextField(w))
            return w;
        if (w->isWindow())
            break;
    }
    return nullptr;
}

} // namespace

FileDropRouter::FileDropRouter(QObject *parent)
    : QObject(parent)
{
}

bool FileDropRouter::eventFilter(QObject *watched, QEvent *event)
{
    // QApplication offers a drag's enter to the widget under the cursor, then to its parents that
    // accept drops until one accepts it, and sends the moves and the drop to that one. So a field
    // that lets the enter go unaccepted hands the whole drag on.
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop && type != QEvent::DragLeave)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget)
        return false;
    if (type != QEvent::DragEnter) {
        if (widget != m_pathField)
            return false;
        if (type == QEvent::DragMove) {
            static_cast<QDragMoveEvent *>(event)->acceptProposedAction();
        } else if (type == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            insertPaths(m_pathField, drop->mimeData(), drop->position().toPoint());
            drop->acceptProposedAction();
            m_pathField = nullptr;
        } else {
            m_pathField = nullptr;
        }
        return true;
    }

    m_pathField = nullptr;
    auto *enter = static_cast<QDragEnterEvent *>(event);
    if (!isTextField(widget) || !hasLocalFiles(enter->mimeData()))
        return false;
    if (QWidget *target = enclosingDropTarget(widget)) {
        QDragEnterEvent asked(widget->mapTo(target, enter->position().toPoint()), enter->possibleActions(), enter->mimeData(),
                              enter->buttons(), enter->modifiers());
        asked.setAccepted(false);
        QCoreApplication::sendEvent(target, &asked);
        if (asked.isAccepted()) {
            enter->ignore();
            return true;
        }
    }
    // Files no page takes: a one-line field gets their paths (a model folder on "Model id or
    // path"), not their file:// URLs. Other text widgets keep their own handling.
    auto *edit = qobject_cast<QLineEdit *>(widget);
    if (!edit || edit->isReadOnly() || qobject_cast<QAbstractSpinBox *>(edit->parentWidget())
        || qobject_cast<QComboBox *>(edit->parentWidget()))
        return false;
    m_pathField = edit;
    enter->acceptProposedAction();
    return true;
}

void FileDropRouter::insertPaths(QLineEdit *edit, const QMimeData *mime, QPoint at)
{
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << QDir::toNativeSeparators(url.toLocalFile());
    }
    edit->setCursorPosition(edit->cursorPositionAt(at));
    edit->insert(paths.join(QLatin1Char(' '))); // an edit like typing: textEdited, one undo step
    edit->setFocus(Qt::OtherFocusReason);
}

} // namespace quantcfg::ui
