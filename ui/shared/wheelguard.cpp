#include "ui/shared/wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>
#include <QWidget>

namespace quantcfg::ui {

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

bool WheelGuard::guards(const QWidget *widget)
{
    if (!widget)
        return false;
    if (qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    return qobject_cast<const QAbstractSlider *>(widget) && !qobject_cast<const QScrollBar *>(widget);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish: {
        // Qt::WheelFocus (the default of combo and spin boxes) would focus the control the wheel
        // passes over, and a focused control takes the wheel.
        auto *widget = qobject_cast<QWidget *>(watched);
        if (guards(widget) && widget->focusPolicy() == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        break;
    }
    case QEvent::Wheel: {
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (guards(widget) && !widget->hasFocus()) {
            // Filtered but ignored: QApplication passes an ignored wheel event on to the parent,
            // up to the scroll area that holds the control.
            event->ignore();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace quantcfg::ui
