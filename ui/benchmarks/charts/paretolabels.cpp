#include "ui/benchmarks/charts/paretolabels.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLogValueAxis>
#include <QTimer>
#include <QValueAxis>
#include <QXYSeries>

namespace quantcfg::ui::charts {

ParetoLabels::ParetoLabels(QChart *chart, QXYSeries *front, const QStringList &texts, QObject *parent)
    : QObject(parent)
    , m_chart(chart)
    , m_front(front)
{
    for (const QString &text : texts) {
        auto *item = new QGraphicsSimpleTextItem(text, chart);
        item->setData(0, QStringLiteral("ParetoLabel"));
        item->setZValue(20); // above the series
        m_items << item;
    }
    // Placed once the chart has laid out, and again whenever the plot moves under them.
    connect(chart, &QChart::plotAreaChanged, this, &ParetoLabels::place);
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *value = qobject_cast<QValueAxis *>(axis))
            connect(value, &QValueAxis::rangeChanged, this, &ParetoLabels::place);
        else if (auto *log = qobject_cast<QLogValueAxis *>(axis))
            connect(log, &QLogValueAxis::rangeChanged, this, &ParetoLabels::place);
    }
    QTimer::singleShot(0, this, &ParetoLabels::place);
    place();
}

void ParetoLabels::removeItems()
{
    qDeleteAll(m_items);
    m_items.clear();
}

void ParetoLabels::place()
{
    const QList<QPointF> points = m_front->points();
    const QRectF plot = m_chart->plotArea();
    QList<QRectF> taken;
    constexpr double kMarker = 5; // half a front marker, plus a little air
    QList<QPointF> at;
    for (const QPointF &p : points) {
        at << m_chart->mapToPosition(p, m_front);
        taken << QRectF(at.back() - QPointF(kMarker, kMarker), QSizeF(2 * kMarker, 2 * kMarker));
    }
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        QGraphicsSimpleTextItem *item = m_items[i];
        if (i >= at.size() || !plot.contains(at[i]) || !m_front->isVisible()) {
            item->hide();
            continue;
        }
        const QSizeF size = item->boundingRect().size();
        const QPointF p = at[i];
        const double gap = kMarker + 1;
        // Right, above right, above, above left, left, below left, below, below right.
        const QPointF places[] = {{p.x() + gap, p.y() - size.height() / 2},   {p.x() + gap, p.y() - gap - size.height()},
                                  {p.x() - size.width() / 2, p.y() - gap - size.height()}, {p.x() - gap - size.width(), p.y() - gap - size.height()},
                                  {p.x() - gap - size.width(), p.y() - size.height() / 2}, {p.x() - gap - size.width(), p.y() + gap},
                                  {p.x() - size.width() / 2, p.y() + gap},             {p.x() + gap, p.y() + gap}};
        bool placed = false;
        for (const QPointF &topLeft : places) {
            const QRectF box(topLeft, size);
            if (!m_chart->rect().contains(box))
                continue;
            bool free = true;
            for (const QRectF &other : taken)
                free = free && !other.intersects(box);
            if (free) {
                item->setPos(topLeft);
                taken << box;
                placed = true;
                break;
            }
        }
        item->setVisible(placed);
    }
}

} // namespace quantcfg::ui::charts
