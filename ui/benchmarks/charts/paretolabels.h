#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

class QChart;
class QGraphicsSimpleTextItem;
class QXYSeries;

namespace quantcfg::ui::charts {

/// The value labels of a Pareto front's points, placed so that they never cover each other: each
/// label, in the front's order, takes the first of eight places around its point (right, above
/// right, above, …) that overlaps no label placed before it and no front point; a label with no
/// free place, or whose point is outside the plot (zoomed away), is hidden (its tooltip still
/// names the run). Placed again when the plot area or the axes change. The items carry
/// data(0) == "ParetoLabel"; they belong to the chart (and die with it): removeItems() takes them
/// off sooner.
class ParetoLabels final : public QObject
{
    Q_OBJECT

public:
    ParetoLabels(QChart *chart, QXYSeries *front, const QStringList &texts, QObject *parent = nullptr);
    void place();
    /// Deletes the labels (before the chart is rebuilt).
    void removeItems();

private:
    QChart *m_chart;
    QXYSeries *m_front;
    QList<QGraphicsSimpleTextItem *> m_items;
};

} // namespace quantcfg::ui::charts
