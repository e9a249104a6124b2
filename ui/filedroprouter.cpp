#include "ui/filedroprouter.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
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
    // Only the enter decides: QApplication offers a drag to the widget under the cursor, then to
    // its parents that accept drops until one accepts it, and sends the moves and the drop to that
    // one. A field that lets the enter go unaccepted hands the whole drag on.
    if (event->type() != QEvent::DragEnter)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    auto *enter = static_cast<QDragEnterEvent *>(event);
    if (!widget || !isTextField(widget) || !hasLocalFiles(enter->mimeData()))
        return false;
    QWidget *target = enclosingDropTarget(widget);
    if (!target)
        return false;
    QDragEnterEvent asked(widget->mapTo(target, enter->position().toPoint()), enter->possibleActions(), enter->mimeData(),
                          enter->buttons(), enter->modifiers());
    asked.setAccepted(false);
    QCoreApplication::sendEvent(target, &asked);
    if (!asked.isAccepted())
        return false; // not files the page takes: the field may still take them as text
    enter->ignore();
    return true;
}

} // namespace quantcfg::ui
