#include "ui/benchmarks/charts/benchmarkchart.h"

#include "ui/benchmarks/charts/chartnavigator.h"
#include "ui/benchmarks/charts/paretolabels.h"
#include "ui/benchmarks/charts/seriescolours.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/shared/counts.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

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

// The name a series is known by in the legend's hidden set: its feed's name, without the run
// count that the legend text adds (it changes with the filter).
constexpr const char *kFeedName = "feedName";

// Takes @p series out of the legend (its marker, not the series).
void hideLegendEntry(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QAbstractAxis *makeAxis(bool log, const QString &title)
{
    QAbstractAxis *axis = nullptr;
    if (log) {
        auto *l = new QLogValueAxis;
        l->setBase(10);
        l->setLabelFormat(QStringLiteral("%g"));
        l->setMinorTickCount(-1); // ticks at 2, 3, … 9 between the powers of ten
        axis = l;
    } else {
        axis = new QValueAxis;
    }
    axis->setTitleText(title);
    return axis;
}

// Sets the range of a value axis (on nice numbers: ticks at 0, 500, 1000) or a log axis.
void setAxisRange(QAbstractAxis *axis, double min, double max)
{
    if (auto *value = qobject_cast<QValueAxis *>(axis)) {
        value->setRange(min, max);
        value->applyNiceNumbers();
    } else if (auto *log = qobject_cast<QLogValueAxis *>(axis)) {
        log->setRange(min, max);
    }
}

double axisMin(const QAbstractAxis *axis)
{
    if (const auto *value = qobject_cast<const QValueAxis *>(axis))
        return value->min();
    const auto *log = qobject_cast<const QLogValueAxis *>(axis);
    return log ? log->min() : 0;
}

double axisMax(const QAbstractAxis *axis)
{
    if (const auto *value = qobject_cast<const QValueAxis *>(axis))
        return value->max();
    const auto *log = qobject_cast<const QLogValueAxis *>(axis);
    return log ? log->max() : 0;
}

// Sets the range of either kind of axis as it is (no nice numbers: a zoom is what the user chose).
void setExactRange(QAbstractAxis *axis, double min, double max)
{
    if (auto *value = qobject_cast<QValueAxis *>(axis))
        value->setRange(min, max);
    else if (auto *log = qobject_cast<QLogValueAxis *>(axis))
        log->setRange(min, max);
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
    m_view->viewport()->installEventFilter(this); // its tooltip events: see eventFilter()
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
    layout->setSpacing(0);
    if (kind != Kind::Bars)
        layout->addWidget(buildToolBar());
    layout->addWidget(m_view);
}

// Lines and scatter: the reset button, the scatter's log boxes, and how to zoom and pan.
QWidget *BenchmarkChart::buildToolBar()
{
    auto *navigator = new ChartNavigator(m_view);
    connect(navigator, &ChartNavigator::navigated, this, &BenchmarkChart::rememberZoom);
    connect(navigator, &ChartNavigator::clicked, this, [this](const QPointF &at) {
        if (const int row = runAt(at); row >= 0)
            emit runClicked(row);
    });
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 0);
    auto *reset = new QToolButton(bar);
    reset->setObjectName(QStringLiteral("ResetZoom"));
    reset->setText(tr("Reset zoom"));
    reset->setToolTip(tr("Show every point again"));
    connect(reset, &QToolButton::clicked, this, &BenchmarkChart::resetZoom);
    row->addWidget(reset);
    if (m_kind == Kind::Scatter) {
        for (auto [name, text, flag] : {std::tuple{"LogLatency", tr("Log latency"), &m_logX}, std::tuple{"LogThroughput", tr("Log throughput"), &m_logY}}) {
            auto *box = new QCheckBox(text, bar);
            box->setObjectName(QLatin1String(name));
            box->setToolTip(tr("A logarithmic axis: outliers no longer squash the rest (points at zero are left out)"));
            connect(box, &QCheckBox::toggled, this, [this, target = flag](bool on) {
                *target = on;
                m_zoomed = false; // ranges of a linear axis mean nothing on a log one
                scheduleRefresh();
            });
            row->addWidget(box);
        }
    }
    auto *hint = new QLabel(tr("Wheel: zoom · drag: zoom into a box · middle or Shift+drag: pan · right click: zoom out · click a point: select its run"), bar);
    hint->setEnabled(false); // a hint, greyed
    row->addWidget(hint, 1);
    return bar;
}

void BenchmarkChart::rememberZoom()
{
    const QList<QAbstractAxis *> xs = m_chart->axes(Qt::Horizontal), ys = m_chart->axes(Qt::Vertical);
    if (xs.isEmpty() || ys.isEmpty())
        return;
    const QRectF now(QPointF(axisMin(xs[0]), axisMin(ys[0])), QPointF(axisMax(xs[0]), axisMax(ys[0])));
    m_zoomed = now != m_autoRange;
    m_zoom = now;
}

void BenchmarkChart::resetZoom()
{
    m_zoomed = false;
    refresh();
}

int BenchmarkChart::runAt(const QPointF &at) const
{
    const auto [series, index] = pointAt(at);
    return series ? m_pointRows.value(series)[static_cast<std::size_t>(index)] : -1;
}

std::pair<QAbstractSeries *, qsizetype> BenchmarkChart::pointAt(const QPointF &at) const
{
    constexpr double kReach = 8; // pixels
    std::pair<QAbstractSeries *, qsizetype> best{nullptr, -1};
    double bestDistance = kReach * kReach;
    for (auto it = m_pointRows.cbegin(); it != m_pointRows.cend(); ++it) {
        auto *xy = qobject_cast<QXYSeries *>(const_cast<QAbstractSeries *>(it.key()));
        if (!xy || !xy->isVisible())
            continue;
        const QList<QPointF> points = xy->points();
        for (qsizetype i = 0; i < points.size() && static_cast<std::size_t>(i) < it->size(); ++i) {
            const QPointF onView = m_view->mapFromScene(m_chart->mapToScene(m_chart->mapToPosition(points[i], xy)));
            const QPointF d = onView - at;
            const double distance = QPointF::dotProduct(d, d);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = {xy, i};
            }
        }
    }
    return best;
}

QPointF BenchmarkChart::pointOnView(int row) const
{
    for (auto it = m_pointRows.cbegin(); it != m_pointRows.cend(); ++it) {
        const auto *xy = qobject_cast<const QXYSeries *>(it.key());
        const auto found = std::find(it->begin(), it->end(), row);
        if (!xy || found == it->end())
            continue;
        const QPointF value = xy->at(static_cast<qsizetype>(found - it->begin()));
        return m_view->mapFromScene(m_chart->mapToScene(m_chart->mapToPosition(value, const_cast<QXYSeries *>(xy))));
    }
    return {-1, -1};
}

void BenchmarkChart::setHighlightedRun(int row)
{
    m_highlight = row;
    updateHighlight();
}

// The selected run drawn as a ring around its point (the lines: at its load; the scatter: at its
// latency and throughput), when the chart draws it.
void BenchmarkChart::updateHighlight()
{
    const QList<QAbstractAxis *> xs = m_chart->axes(Qt::Horizontal), ys = m_chart->axes(Qt::Vertical);
    if (m_kind == Kind::Bars || xs.isEmpty() || ys.isEmpty())
        return;
    if (!m_highlightSeries) {
        if (m_highlight < 0)
            return; // made when a run is first selected: until then the chart has only its own series
        m_highlightSeries = new QScatterSeries;
        m_highlightSeries->setName(tr("selected run"));
        m_highlightSeries->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        m_highlightSeries->setMarkerSize(18);
        m_highlightSeries->setBrush(Qt::NoBrush);
        m_highlightSeries->setPen(QPen(QColor(0x21, 0x21, 0x21), 2.5));
        m_chart->addSeries(m_highlightSeries);
        m_highlightSeries->attachAxis(xs[0]);
        m_highlightSeries->attachAxis(ys[0]);
        hideLegendEntry(m_chart, m_highlightSeries);
        // Above the selected run's point, the ring takes its hover: it names the run too.
        attachHover(m_highlightSeries, {});
    }
    QList<QPointF> at;
    if (m_runs && m_highlight >= 0 && m_highlight < m_runs->rowCount()) {
        const bool scatter = m_kind == Kind::Scatter;
        const QPointF p(m_runs->value(m_highlight, scatter ? m_metric : m_x), m_runs->value(m_highlight, scatter ? m_x : m_metric));
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            at << p;
    }
    m_pointRows[m_highlightSeries] = at.isEmpty() ? std::vector<int>{} : std::vector<int>{m_highlight};
    m_highlightSeries->replace(at);
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
    m_hoverText.clear(); // the hovered point goes with its series
    if (m_paretoLabels)
        m_paretoLabels->removeItems();
    delete m_paretoLabels;
    m_paretoLabels = nullptr;
    m_highlightSeries = nullptr; // removed with the others
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
    if (m_kind != Kind::Bars)
        finishXY();
    wireLegend();
}

// Lines and scatter: the ranges as built, the user's zoom over them, and the selected run's ring.
void BenchmarkChart::finishXY()
{
    const QList<QAbstractAxis *> xs = m_chart->axes(Qt::Horizontal), ys = m_chart->axes(Qt::Vertical);
    if (xs.isEmpty() || ys.isEmpty())
        return;
    m_autoRange = QRectF(QPointF(axisMin(xs[0]), axisMin(ys[0])), QPointF(axisMax(xs[0]), axisMax(ys[0])));
    if (m_zoomed) {
        setExactRange(xs[0], m_zoom.left(), m_zoom.right());
        setExactRange(ys[0], m_zoom.top(), m_zoom.bottom());
    }
    updateHighlight();
}

// The scatter's region that meets the SLO's latency limit (every latency up to it), shaded.
void BenchmarkChart::addSloRegion(QAbstractAxis *x, QAbstractAxis *y)
{
    for (const SloLine &l : m_slo) {
        if (l.column != m_metric)
            continue;
        // Wider than the plot, so that a zoom or pan still finds it shaded (the plot clips it); not
        // by much more: Qt Charts draws a polygon of huge coordinates across the whole plot.
        const double xSpan = axisMax(x) - axisMin(x), ySpan = axisMax(y) - axisMin(y);
        const double left = m_logX ? std::min(axisMin(x), l.threshold) / 100 : std::min(0.0, axisMin(x)) - 10 * xSpan;
        const double bottom = m_logY ? axisMin(y) / 100 : axisMin(y) - 10 * ySpan;
        const double top = m_logY ? axisMax(y) * 100 : axisMax(y) + 10 * ySpan;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->append({QPointF(left, top), QPointF(l.threshold, top)});
        lower->append({QPointF(left, bottom), QPointF(l.threshold, bottom)});
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area); // the area does not own its edges; removing it must delete them
        lower->setParent(area);
        area->setName(tr("meets %1").arg(l.name));
        area->setProperty(kFeedName, area->name());
        area->setColor(QColor(0x2e, 0x7d, 0x32, 28));
        area->setBorderColor(Qt::transparent);
        m_chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        hideLegendEntry(m_chart, area); // the SLO line's entry names the limit
    }
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
                showHoverText(QString());
            else if (missing.value(index, true))
                showHoverText(tr("%1, %2: no runs").arg(set->label(), categories.value(index)));
            else
                showHoverText(tr("%1, %2: %3 (mean of the runs shown)").arg(set->label(), categories.value(index), measurementText(set->at(index))));
        });
        series->append(set);
    }
    m_chart->addSeries(series); // themes the sets: the colours below come after
        for (qsizetype i = 0; i < series->count(); ++i) {
        QBarSet *set = series->barSets().at(i);
        const SeriesPoints &sp = feed.sets[static_cast<std::size_t>(i)];
        const QColor colour = seriesColour(sp.base);
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
        pen.setColor(seriesColour(sp.base));
        pen.setStyle(sp.after ? Qt::DashLine : Qt::SolidLine);
        series->setPen(pen);
        series->attachAxis(x);
        series->attachAxis(y);
        // Not the series' hovered signal: Qt Charts takes hover on a line's stroke only, so a
        // line of one point has none. eventFilter() finds the point under the pointer.
        m_pointRows.insert(series, sp.rows);
        first = first ? first : series;
    }
    for (const SloLine &l : m_slo)
        maxY = l.column == m_metric ? std::max(maxY, l.threshold) : maxY;
    if (minX <= maxX) {
        const double margin = maxX > minX ? (maxX - minX) * 0.03 : 0.5; // points at the ends stay whole
        // A load is never negative: the margin stops at zero.
        x->setRange(std::max(0.0, minX - margin), maxX + margin);
        x->applyNiceNumbers();
        if (x->min() < 0)
            x->setMin(0);
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
    if (m_logX || m_logY) {
        // A log axis has no place for zero or less: those points are left out.
        const auto drawable = [this](SeriesPoints &sp) {
            SeriesPoints kept = sp;
            kept.points.clear();
            kept.rows.clear();
            for (qsizetype i = 0; i < sp.points.size(); ++i) {
                if ((!m_logX || sp.points[i].x() > 0) && (!m_logY || sp.points[i].y() > 0)) {
                    kept.points << sp.points[i];
                    kept.rows.push_back(sp.rows[static_cast<std::size_t>(i)]);
                }
            }
            sp = std::move(kept);
        };
        for (SeriesPoints &sp : m_scatter.groups)
            drawable(sp);
        drawable(m_scatter.front);
    }
    QAbstractAxis *x = makeAxis(m_logX, axisTitle(m_metric));
    QAbstractAxis *y = makeAxis(m_logY, axisTitle(m_x));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    double minX = std::numeric_limits<double>::infinity(), maxX = -minX, minY = minX, maxY = 0;
    for (const SeriesPoints &sp : m_scatter.groups) {
        for (const QPointF &p : sp.points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    }
    for (const SloLine &l : m_slo)
        maxX = l.column == m_metric ? std::max(maxX, l.threshold) : maxX;
    if (minX <= maxX)
        setAxisRange(x, m_logX ? minX / 1.5 : 0, maxX * (m_logX ? 1.5 : 1.1));
    else
        setAxisRange(x, m_logX ? 1 : 0, m_logX ? 10 : 1);
    if (maxY > 0)
        setAxisRange(y, m_logY ? minY / 1.5 : 0, maxY * (m_logY ? 1.5 : 1.15));
    else
        setAxisRange(y, m_logY ? 1 : 0, m_logY ? 10 : 1);
    // The shaded region first: a series added later is drawn above it, and the topmost item that
    // takes hover events gets them. Above the points, the region would take every hover in it.
    addSloRegion(x, y);
    for (const SeriesPoints &sp : m_scatter.groups) {
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
            series->setMarkerShape(sp.failed            ? QScatterSeries::MarkerShapeRotatedRectangle
                                   : sp.meetsSlo == 1 ? QScatterSeries::MarkerShapeCircle
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
                const QColor colour = seriesColour(sp.base);
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
    m_chart->addSeries(front);
    front->attachAxis(x);
    front->attachAxis(y);
    attachHover(front, m_scatter.front.rows);
    m_chart->setTitle(tr("%1 against %2, Pareto front").arg(axisTitle(m_x), axisTitle(m_metric)));
    addSloLines(axisMin(y), axisMax(y), true, front);
    // The front's throughputs, where they do not cover each other (the rest in their tooltips).
    QStringList texts;
    if (m_scatter.front.points.size() <= 40) {
        for (const QPointF &p : std::as_const(m_scatter.front.points))
            texts << measurementText(p.y());
    }
    m_paretoLabels = new ParetoLabels(m_chart, front, texts, this);
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
        showHoverText(state ? pointToolTip(xy, point) : QString());
    });
}

void BenchmarkChart::showHoverText(const QString &text)
{
    m_hoverText = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, m_view);
}

bool BenchmarkChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        // Once the pointer rests, an active window gets a tooltip event; the view hands it to the
        // scene, which finds no item with a tooltip and hides the one the hover showed. (Without a
        // window manager no window is active, so the tooltip stayed there and not under one.)
        if (event->type() == QEvent::ToolTip && !m_hoverText.isEmpty()) {
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), m_hoverText, m_view);
            return true;
        }
        if (event->type() == QEvent::MouseMove && m_kind == Kind::Lines && static_cast<QMouseEvent *>(event)->buttons() == Qt::NoButton) {
            const auto [series, index] = pointAt(static_cast<QMouseEvent *>(event)->position());
            const QString text = series ? pointToolTip(series, qobject_cast<QXYSeries *>(series)->at(index)) : QString();
            if (text != m_hoverText)
                showHoverText(text);
        }
        if (event->type() == QEvent::Leave)
            m_hoverText.clear(); // the series may not say so (a redraw deletes the hovered item)
    }
    return QWidget::eventFilter(watched, event);
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
    const int row = (*rows)[static_cast<std::size_t>(best)];
    QString text = tr("%1\n%2: %3, %4: %5")
                       .arg(runText(row), x ? x->titleText() : QString(), measurementText(points[best].x()), y ? y->titleText() : QString(),
                            measurementText(points[best].y()));
    // Where tools define the metrics differently, the point says whose definitions it follows.
    if (m_runs) {
        if (const auto methodology = m_runs->table()->label(static_cast<std::uint32_t>(row), "methodology"))
            text += tr("\nmeasured by %1").arg(QString::fromUtf8(methodology->data(), static_cast<qsizetype>(methodology->size())));
    }
    return text;
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
