#include "ui/benchmarks/charts/benchmarkchart.h"

#include "ui/shared/counts.h"
#include "ui/benchmarks/resulttablemodel.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace quantcfg::ui::charts {

namespace {

// Gives a scatter series its points once it is styled and on the chart. Qt Charts (6.4) restyles
// every marker item on each style change with a linear search per item, quadratic in the points,
// and its item first makes the markers with the default shape, then throws them away and makes
// them again with the series' shape. Styled first, then one point (the shape is fixed on it), then
// all points: the markers are made once and never restyled.
void setScatterPoints(QScatterSeries *series, const QList<QPointF> &points)
{
    if (points.size() > 1)
        series->replace(points.mid(0, 1));
    series->replace(points);
}

// The colour of the series of @p sp in one chart: one per base name, in the order met, from ten
// that stay apart (Tableau 10; the Qt theme has five, and ten configurations got two blues). An
// "after" series thus has the colour of the "before" one with the same base, so the two read as one
// configuration before and after; the style (hatched, dashed, hollow) tells them apart.
QColor colourOf(QHash<QString, QColor> &byBase, const SeriesPoints &sp)
{
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    const auto it = byBase.constFind(sp.base);
    if (it != byBase.cend())
        return *it;
    const QColor colour(palette[byBase.size() % std::size(palette)]);
    byBase.insert(sp.base, colour);
    return colour;
}

// The name a series is known by in the legend's hidden set: its feed's name, without the run
// count that the legend text adds (it changes with the filter).
constexpr const char *kFeedName = "feedName";

// Takes @p series out of the legend (its marker, not the series).
void hideLegendEntry(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace

BenchmarkChart::BenchmarkChart(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_refreshTimer(new QTimer(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    // Files dropped on a chart are for the benchmarks tab around it: the view (which takes every
    // drag into its scene) must not take them.
    m_view->setAcceptDrops(false);
    m_view->viewport()->setAcceptDrops(false);
    m_view->setRubberBand(kind == Kind::Bars ? QChartView::NoRubberBand : QChartView::RectangleRubberBand);
    // Lines and scatter groups have long names (configuration, import): a column on the right shows
    // them whole, where a row under the plot cut them to "vllm · universal-f…".
    m_chart->legend()->setAlignment(kind == Kind::Bars ? Qt::AlignBottom : Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &BenchmarkChart::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void BenchmarkChart::setModel(QAbstractItemModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    connect(model, &QAbstractItemModel::modelReset, this, &BenchmarkChart::scheduleRefresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &BenchmarkChart::scheduleRefresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &BenchmarkChart::scheduleRefresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &BenchmarkChart::scheduleRefresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &BenchmarkChart::scheduleRefresh);
    scheduleRefresh();
}

void BenchmarkChart::setMetricColumn(int column)
{
    m_metric = column;
    scheduleRefresh();
}

void BenchmarkChart::setXColumn(int column)
{
    m_x = column;
    scheduleRefresh();
}

void BenchmarkChart::setSloLines(std::vector<SloLine> lines)
{
    m_slo = std::move(lines);
    scheduleRefresh();
}

void BenchmarkChart::setOverlay(const Overlay &overlay)
{
    m_overlay = overlay;
    scheduleRefresh();
}

void BenchmarkChart::setMaxPoints(int points)
{
    m_maxPoints = points;
    scheduleRefresh();
}

void BenchmarkChart::scheduleRefresh()
{
    m_refreshTimer->start();
}

void BenchmarkChart::refresh()
{
    m_refreshTimer->stop();
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_readPoints = 0;
    m_scatter = {};
    m_parts.clear();
    m_pointRows.clear();
    m_hiddenBars.clear();
    m_runs = nullptr;
    if (!m_model || m_metric < 0)
        return;
    const FeedRows runs = FeedRows::of(*m_model);
    m_runs = runs.model;
    switch (m_kind) {
    case Kind::Bars:
        buildBars(runs);
        break;
    case Kind::Lines:
        buildLines(runs);
        break;
    case Kind::Scatter:
        buildScatter(runs);
        break;
    }
    wireLegend();
}

QString BenchmarkChart::axisTitle(int column) const
{
    // The table's header puts the unit on a second line; an axis title is one line.
    return m_model ? m_model->headerData(column, Qt::Horizontal).toString().replace(QLatin1Char('\n'), QLatin1Char(' ')) : QString();
}

void BenchmarkChart::buildBars(const FeedRows &runs)
{
    const BarFeed feed = barFeed(runs, m_metric, m_overlay);
    auto *series = new QBarSeries;
    double top = 0;
    for (const SeriesPoints &sp : feed.sets) {
        auto *set = new QBarSet(sp.name);
        // QBarSet has no gaps: a category without runs gets a zero-height bar, and its tooltip
        // says there is no value rather than showing 0.
        QList<bool> missing;
        for (const QPointF &p : sp.points) {
            missing << !std::isfinite(p.y());
            *set << (missing.back() ? 0.0 : p.y());
            top = std::max(top, missing.back() ? 0.0 : p.y());
        }
        m_readPoints += static_cast<std::size_t>(sp.points.size());
        connect(set, &QBarSet::hovered, this, [this, set, missing, categories = feed.categories](bool status, int index) {
            if (!status)
                return;
            if (missing.value(index, true))
                QToolTip::showText(QCursor::pos(), tr("%1, %2: no runs").arg(set->label(), categories.value(index)));
            else
                QToolTip::showText(QCursor::pos(), tr("%1, %2: %3 (mean of the runs shown)")
                                                       .arg(set->label(), categories.value(index), measurementText(set->at(index))));
        });
        series->append(set);
    }
    m_chart->addSeries(series); // themes the sets: the colours below come after
    QHash<QString, QColor> colours;
    for (qsizetype i = 0; i < series->count(); ++i) {
        QBarSet *set = series->barSets().at(i);
        const SeriesPoints &sp = feed.sets[static_cast<std::size_t>(i)];
        const QColor colour = colourOf(colours, sp);
        set->setBrush(sp.after ? QBrush(colour, Qt::Dense3Pattern) : QBrush(colour));
        set->setBorderColor(colour);
    }
    auto *x = new QBarCategoryAxis;
    x->append(feed.categories);
    x->setTitleText(tr("Preset"));
    auto *y = new QValueAxis;
    y->setTitleText(axisTitle(m_metric));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    for (const SloLine &l : m_slo)
        top = l.column == m_metric ? std::max(top, l.threshold) : top;
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->applyNiceNumbers(); // ticks at 0, 500, 1000 rather than at 0, 470.3, 940.6
    m_chart->setTitle(tr("%1 per preset and engine").arg(axisTitle(m_metric)));
    addSloLines(-0.5, feed.categories.size() - 0.5, false, series);
}

void BenchmarkChart::buildLines(const FeedRows &runs)
{
    const int plotWidth = std::max(100, m_view->width());
    // One point per pixel of width per series: LTTB keeps the shape at that resolution.
    const std::size_t maxPoints = static_cast<std::size_t>(m_maxPoints > 0 ? m_maxPoints : plotWidth);
    const std::vector<SeriesPoints> feed = lineFeed(runs, m_x, m_metric, m_overlay, maxPoints, &m_readPoints);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(axisTitle(m_x));
    y->setTitleText(axisTitle(m_metric));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX, minY = 0, maxY = 0;
    QAbstractSeries *first = nullptr;
    QHash<QString, QColor> colours;
    for (const SeriesPoints &sp : feed) {
        auto *series = new QLineSeries;
        series->setName(sp.name);
        series->setProperty(kFeedName, sp.name);
        series->replace(sp.points);
        series->setPointsVisible(sp.points.size() < 60);
        for (const QPointF &p : sp.points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        m_chart->addSeries(series); // themes it: its colour comes after
        QPen pen = series->pen();
        pen.setColor(colourOf(colours, sp));
        pen.setStyle(sp.after ? Qt::DashLine : Qt::SolidLine);
        series->setPen(pen);
        series->attachAxis(x);
        series->attachAxis(y);
        attachHover(series, sp.rows);
        first = first ? first : series;
    }
    for (const SloLine &l : m_slo)
        maxY = l.column == m_metric ? std::max(maxY, l.threshold) : maxY;
    if (minX <= maxX) {
        const double margin = maxX > minX ? (maxX - minX) * 0.03 : 0.5; // points at the ends stay whole
        x->setRange(minX - margin, maxX + margin);
        x->applyNiceNumbers();
    }
    y->setRange(minY, maxY > 0 ? maxY * 1.1 : 1);
    y->applyNiceNumbers();
    // Antialiased polylines of thousands of segments are what makes a redraw slow; dense lines
    // look the same without it.
    std::size_t drawn = 0;
    for (const SeriesPoints &sp : feed)
        drawn += static_cast<std::size_t>(sp.points.size());
    m_view->setRenderHint(QPainter::Antialiasing, drawn < 4000);
    m_chart->setTitle(tr("%1 against %2").arg(axisTitle(m_metric), axisTitle(m_x)));
    if (first && minX <= maxX)
        addSloLines(x->min(), x->max(), false, first);
}

void BenchmarkChart::buildScatter(const FeedRows &runs)
{
    // One point per marker-sized cell: markers closer than their size overlap anyway, and Qt Charts
    // makes a graphics item per scatter point, so what is drawn must stay in the thousands.
    constexpr int kCell = 5;
    const QSize plot = m_view->size();
    const int cols = m_maxPoints > 0 ? m_maxPoints : std::max(50, plot.width() / kCell);
    const int rows = m_maxPoints > 0 ? m_maxPoints : std::max(50, plot.height() / kCell);
    m_scatter = scatterFeed(runs, m_metric, m_x, m_overlay, cols, rows);
    m_readPoints = m_scatter.total;
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(axisTitle(m_metric));
    y->setTitleText(axisTitle(m_x));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX, maxY = 0;
    QHash<QString, QColor> colours;
    for (const SeriesPoints &sp : m_scatter.groups) {
        for (const QPointF &p : sp.points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        // Qt Charts keeps a series' markers in one item group, and adding an item to a group costs
        // a pass over the items already there: n markers cost n² (9,000 took a third of a second).
        // A dense group is drawn as series of at most kMarkersPerSeries markers, one legend entry.
        constexpr qsizetype kMarkersPerSeries = 512;
        QScatterSeries *first = nullptr;
        for (qsizetype from = 0; from < std::max<qsizetype>(1, sp.points.size()); from += kMarkersPerSeries) {
            auto *series = new QScatterSeries;
            series->setName(tr("%1 (%2)").arg(sp.name, runCount(static_cast<qsizetype>(sp.points.size()))));
            series->setProperty(kFeedName, sp.name);
            // Not colour alone: the verdict is the marker's shape.
            series->setMarkerShape(sp.meetsSlo == 1 ? QScatterSeries::MarkerShapeCircle
                                   : sp.meetsSlo == 0 ? QScatterSeries::MarkerShapeRectangle
                                                      : QScatterSeries::MarkerShapeTriangle);
            series->setMarkerSize(sp.points.size() > 2000 ? kCell : 9);
            m_chart->addSeries(series); // themes it: its colour comes after
            if (first) {
                // The other parts look like the first (the theme gave each a colour of its own).
                series->setBrush(first->brush());
                series->setPen(first->pen());
                hideLegendEntry(m_chart, series);
                m_parts[first] << series;
            } else {
                const QColor colour = colourOf(colours, sp);
                series->setBrush(sp.after ? QBrush(Qt::NoBrush) : QBrush(colour));
                QPen pen = series->pen();
                pen.setColor(sp.after ? colour : colour.darker(130));
                pen.setWidthF(sp.after ? 1.5 : 1);
                series->setPen(pen);
                first = series;
            }
            series->attachAxis(x);
            series->attachAxis(y);
            setScatterPoints(series, sp.points.mid(from, kMarkersPerSeries));
            attachHover(series, std::vector<int>(sp.rows.begin() + from, sp.rows.begin() + std::min(from + kMarkersPerSeries, sp.points.size())));
        }
    }
    auto *front = new QLineSeries;
    front->setName(tr("Pareto front (%1)").arg(runCount(static_cast<qsizetype>(m_scatter.front.points.size()))));
    front->setProperty(kFeedName, m_scatter.front.name);
    front->replace(m_scatter.front.points);
    front->setPointsVisible(true);
    front->setPen(QPen(QColor(0x33, 0x33, 0x33), 2)); // not a palette colour: it is no group
    if (m_scatter.front.points.size() <= 12) {
        front->setPointLabelsVisible(true);
        front->setPointLabelsFormat(QStringLiteral("@yPoint"));
        front->setPointLabelsClipping(false);
    }
    m_chart->addSeries(front);
    front->attachAxis(x);
    front->attachAxis(y);
    attachHover(front, m_scatter.front.rows);
    for (const SloLine &l : m_slo)
        maxX = l.column == m_metric ? std::max(maxX, l.threshold) : maxX;
    if (minX <= maxX)
        x->setRange(0, maxX * 1.1);
    y->setRange(0, maxY > 0 ? maxY * 1.15 : 1);
    x->applyNiceNumbers();
    y->applyNiceNumbers();
    m_chart->setTitle(tr("%1 against %2, Pareto front").arg(axisTitle(m_x), axisTitle(m_metric)));
    addSloLines(y->min(), y->max(), true, front);
}

void BenchmarkChart::addSloLines(double from, double to, bool vertical, QAbstractSeries *anySeries)
{
    const auto axes = anySeries->attachedAxes();
    for (const SloLine &l : m_slo) {
        if (l.column != m_metric)
            continue;
        auto *line = new QLineSeries;
        line->setName(l.name);
        line->setProperty(kFeedName, l.name);
        QPen pen(QColor(0xc6, 0x28, 0x28));
        pen.setStyle(Qt::DashDotLine);
        pen.setWidth(2);
        line->setPen(pen);
        if (vertical)
            line->append({QPointF(l.threshold, from), QPointF(l.threshold, to)});
        else
            line->append({QPointF(from, l.threshold), QPointF(to, l.threshold)});
        m_chart->addSeries(line);
        for (QAbstractAxis *axis : axes)
            line->attachAxis(axis);
    }
}

void BenchmarkChart::attachHover(QAbstractSeries *series, std::vector<int> rows)
{
    m_pointRows.insert(series, std::move(rows));
    auto *xy = qobject_cast<QXYSeries *>(series);
    connect(xy, &QXYSeries::hovered, this, [this, xy](const QPointF &point, bool state) {
        const QString text = state ? pointToolTip(xy, point) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(QCursor::pos(), text, m_view);
    });
}

QString BenchmarkChart::pointToolTip(QAbstractSeries *series, const QPointF &at) const
{
    auto *xy = qobject_cast<QXYSeries *>(series);
    const auto rows = m_pointRows.constFind(series);
    if (!xy || rows == m_pointRows.cend())
        return {};
    // The hovered position is not exactly a point: take the nearest one on screen.
    const QList<QPointF> points = xy->points();
    qsizetype best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    const QPointF position = m_chart->mapToPosition(at, xy);
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF d = m_chart->mapToPosition(points[i], xy) - position;
        const double distance = QPointF::dotProduct(d, d);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    if (best < 0 || static_cast<std::size_t>(best) >= rows->size())
        return {};
    const QAbstractAxis *x = m_chart->axes(Qt::Horizontal).value(0);
    const QAbstractAxis *y = m_chart->axes(Qt::Vertical).value(0);
    return tr("%1\n%2: %3, %4: %5")
        .arg(runText((*rows)[static_cast<std::size_t>(best)]), x ? x->titleText() : QString(), measurementText(points[best].x()),
             y ? y->titleText() : QString(), measurementText(points[best].y()));
}

QString BenchmarkChart::runText(int row) const
{
    return m_runs && row >= 0 && row < m_runs->rowCount() ? m_runs->index(row, 0).data(ResultTableModel::LabelRole).toString() : QString();
}

void BenchmarkChart::wireLegend()
{
    QSet<const QAbstractSeries *> parts; // further parts of scatter groups: their first part's entry stands for them
    for (const QList<QAbstractSeries *> &more : std::as_const(m_parts)) {
        for (const QAbstractSeries *part : more)
            parts.insert(part);
    }
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        if (parts.contains(marker->series()))
            continue;
        auto *bar = qobject_cast<QBarLegendMarker *>(marker);
        const QVariant feedName = marker->series()->property(kFeedName);
        const QString name = bar ? bar->barset()->label() : feedName.isValid() ? feedName.toString() : marker->series()->name();
        if (m_hidden.contains(name))
            applyHidden(marker, true);
        connect(marker, &QLegendMarker::clicked, this, [this, marker, name] {
            const bool hide = !m_hidden.contains(name);
            if (hide)
                m_hidden.insert(name);
            else
                m_hidden.remove(name);
            applyHidden(marker, hide);
        });
    }
}

void BenchmarkChart::applyHidden(QLegendMarker *marker, bool hidden)
{
    if (auto *bar = qobject_cast<QBarLegendMarker *>(marker)) {
        // A set of a bar series cannot be hidden on its own (hiding the series hides every set):
        // its bars drop to zero height, the other sets stay where they are, and the values come
        // back when it is shown again.
        QBarSet *set = bar->barset();
        if (hidden && !m_hiddenBars.contains(set)) {
            QList<qreal> values;
            for (int i = 0; i < set->count(); ++i) {
                values << set->at(i);
                set->replace(i, 0);
            }
            m_hiddenBars.insert(set, values);
        } else if (!hidden && m_hiddenBars.contains(set)) {
            const QList<qreal> values = m_hiddenBars.take(set);
            for (int i = 0; i < values.size(); ++i)
                set->replace(i, values[i]);
        }
    } else {
        QAbstractSeries *series = marker->series();
        series->setVisible(!hidden);
        for (QAbstractSeries *part : m_parts.value(series)) {
            part->setVisible(!hidden);
            hideLegendEntry(m_chart, part); // showing a series shows its entry
        }
        marker->setVisible(true); // hiding a series hides its entry: keep it to click again
    }
    QFont font = marker->font();
    font.setStrikeOut(hidden);
    marker->setFont(font);
}

int BenchmarkChart::drawnPoints() const
{
    int n = 0;
    for (QAbstractSeries *s : m_chart->series()) {
        if (auto *xy = qobject_cast<QXYSeries *>(s))
            n += static_cast<int>(xy->count());
        else if (auto *bars = qobject_cast<QBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets())
                n += static_cast<int>(set->count());
        }
    }
    return n;
}

bool BenchmarkChart::exportPng(const QString &path, QString *error) const
{
    if (m_view->grab().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Could not write %1").arg(path);
    return false;
}

bool BenchmarkChart::exportSvg(const QString &path, QString *error) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(m_view->size());
    generator.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    generator.setTitle(m_chart->title());
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("Could not write %1").arg(path);
        return false;
    }
    m_view->render(&painter);
    painter.end();
    return true;
}

} // namespace quantcfg::ui::charts
