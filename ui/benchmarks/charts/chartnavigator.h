#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>

class QChartView;

namespace quantcfg::ui::charts {

/// Zoom, pan and clicks for a chart view (installed on its viewport): the wheel zooms about the
/// cursor, a drag with the middle button (or with Shift and the left one) pans, the view's own
/// rubber band zooms into a box and its right click zooms out; a left click that does not move
/// is reported. After each of these, navigated() says the visible ranges changed by hand.
class ChartNavigator final : public QObject
{
    Q_OBJECT

public:
    explicit ChartNavigator(QChartView *view);

    /// Zooms in by @p factor (below 1: out) keeping the point under @p at (viewport pixels) in place.
    void zoom(double factor, const QPointF &at);
    /// Moves the visible ranges so that the plot follows the mouse by @p by pixels.
    void pan(const QPointF &by);

signals:
    /// A left click that did not move, at @p at (viewport pixels).
    void clicked(const QPointF &at);
    /// The user zoomed or panned.
    void navigated();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QChartView *m_view;
    QPoint m_pressAt;
    QPoint m_panFrom;
    bool m_pressed = false;
    bool m_panning = false;
};

} // namespace quantcfg::ui::charts
