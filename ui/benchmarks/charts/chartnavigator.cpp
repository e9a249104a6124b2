#include "ui/benchmarks/charts/chartnavigator.h"

#include <QChart>
#include <QChartView>
#include <QMouseEvent>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

namespace quantcfg::ui::charts {

namespace {

// A press and release this close (Manhattan pixels) are a click, not a drag.
constexpr int kClickSlop = 4;

} // namespace

ChartNavigator::ChartNavigator(QChartView *view)
    : QObject(view)
    , m_view(view)
{
    view->viewport()->installEventFilter(this);
}

void ChartNavigator::zoom(double factor, const QPointF &at)
{
    QChart *chart = m_view->chart();
    const QRectF plot = chart->plotArea();
    const QPointF centre = chart->mapFromScene(m_view->mapToScene(at.toPoint()));
    if (!plot.contains(centre) || factor <= 0)
        return;
    // The rectangle that becomes the plot area: smaller to zoom in, larger to zoom out.
    const QRectF to(centre.x() - (centre.x() - plot.left()) / factor, centre.y() - (centre.y() - plot.top()) / factor,
                    plot.width() / factor, plot.height() / factor);
    chart->zoomIn(to);
    emit navigated();
}

void ChartNavigator::pan(const QPointF &by)
{
    m_view->chart()->scroll(-by.x(), by.y());
    emit navigated();
}

bool ChartNavigator::eventFilter(QObject *watched, QEvent *event)
{
    Q_UNUSED(watched);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const int steps = wheel->angleDelta().y();
        if (steps == 0)
            return false;
        zoom(std::pow(1.25, steps / 120.0), wheel->position());
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressAt = mouse->position().toPoint();
        m_pressed = mouse->button() == Qt::LeftButton;
        if (mouse->button() == Qt::MiddleButton || (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ShiftModifier))) {
            m_panning = true;
            m_pressed = false;
            m_panFrom = m_pressAt;
            return true; // not the rubber band's
        }
        return false;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_panning)
            return false;
        const QPoint at = mouse->position().toPoint();
        pan(at - m_panFrom);
        m_panFrom = at;
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_panning) {
            m_panning = false;
            return true;
        }
        if (m_pressed && mouse->button() == Qt::LeftButton && (mouse->position().toPoint() - m_pressAt).manhattanLength() <= kClickSlop)
            emit clicked(mouse->position());
        m_pressed = false;
        // The view zooms on this release (its rubber band, or a right click out): after it has.
        if (mouse->button() == Qt::LeftButton || mouse->button() == Qt::RightButton)
            QTimer::singleShot(0, this, &ChartNavigator::navigated);
        return false;
    }
    default:
        return false;
    }
}

} // namespace quantcfg::ui::charts
