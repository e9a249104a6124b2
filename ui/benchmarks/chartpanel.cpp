#include "ui/benchmarks/chartpanel.h"

#include "ui/benchmarks/charts/benchmarkchart.h"
#include "ui/benchmarks/importlistmodel.h"
#include "ui/benchmarks/methodologynote.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/state/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace quantcfg::ui {

using charts::BenchmarkChart;

namespace {

// The chart tabs by the name Settings keeps them under.
const char *const kChartNames[] = {"bars", "lines", "scatter"};

} // namespace

ChartPanel::ChartPanel(QAbstractItemModel *runs, ImportListModel *imports, QWidget *parent)
    : QWidget(parent)
    , m_imports(imports)
    , m_settings(new Settings(this))
{
    auto *pickers = new QHBoxLayout;
    const auto add = [&](const QString &text, QComboBox *combo) {
        auto *label = new QLabel(text, this);
        label->setBuddy(combo);
        combo->setAccessibleName(text);
        pickers->addWidget(label);
        pickers->addWidget(combo);
        pickers->addSpacing(8);
        connect(combo, &QComboBox::currentIndexChanged, this, &ChartPanel::update);
    };
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("MetricPicker"));
    for (int column : ResultTableModel::metricColumns())
        m_metric->addItem(ResultTableModel::columnTitle(column), column);
    m_statistic = new QComboBox(this);
    m_statistic->setObjectName(QStringLiteral("StatisticPicker"));
    for (const char *stat : {"mean", "median", "p90", "p99"})
        m_statistic->addItem(QLatin1String(stat), QLatin1String(stat));
    m_load = new QComboBox(this);
    m_load->setObjectName(QStringLiteral("LoadPicker"));
    m_load->addItem(tr("Concurrency"), int(ResultTableModel::ConcurrencyColumn));
    m_load->addItem(tr("Request rate"), int(ResultTableModel::RequestRateColumn));
    m_latency = new QComboBox(this);
    m_latency->setObjectName(QStringLiteral("LatencyPicker"));
    for (int column : {ResultTableModel::TtftColumn, ResultTableModel::TpotColumn, ResultTableModel::ItlColumn, ResultTableModel::E2eColumn})
        m_latency->addItem(ResultTableModel::columnTitle(column), column);
    m_latency->setCurrentIndex(3);
    add(tr("Met&ric:"), m_metric);
    add(tr("&Statistic:"), m_statistic);
    add(tr("L&oad axis:"), m_load);
    add(tr("&Latency axis:"), m_latency);
    pickers->addStretch(1);

    m_chartTabs = new QTabWidget(this);
    m_chartTabs->setObjectName(QStringLiteral("ChartTabs"));
    const std::pair<BenchmarkChart::Kind, QString> kinds[] = {{BenchmarkChart::Kind::Bars, tr("Per preset and engine")},
                                                              {BenchmarkChart::Kind::Lines, tr("Against load")},
                                                              {BenchmarkChart::Kind::Scatter, tr("Throughput vs latency")}};
    for (const auto &[kind, title] : kinds) {
        auto *chart = new BenchmarkChart(kind, m_chartTabs);
        chart->setObjectName(QStringLiteral("Chart:") + QLatin1String(kChartNames[m_charts.size()]));
        chart->setModel(runs);
        connect(chart, &BenchmarkChart::runClicked, this, &ChartPanel::runClicked);
        m_charts.push_back(chart);
        m_chartTabs->addTab(chart, title);
    }
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &ChartPanel::saveView);
    m_chartTabs->setCornerWidget(buildCorner(m_chartTabs), Qt::TopRightCorner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pickers);
    layout->addWidget(new MethodologyNote(runs, this));
    layout->addWidget(m_chartTabs, 1);

    // The overlay pickers list the imports model; when it is reset they keep the chosen imports
    // while those exist (otherwise the first is "before" and the second "after").
    connect(m_imports, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_lastBefore = m_before->currentIndex();
        m_lastAfter = m_after->currentIndex();
    });
    connect(m_imports, &QAbstractItemModel::modelReset, this, &ChartPanel::followImports);
    restoreView();
    update();
}

// Beside the chart tabs, where that row has room (so the pickers fit a 1280-pixel window): the
// overlay's box with its two imports, and the export button.
QWidget *ChartPanel::buildCorner(QWidget *parent)
{
    auto *corner = new QWidget(parent);
    auto *row = new QHBoxLayout(corner);
    row->setContentsMargins(0, 0, 0, 2);
    m_overlay = new QCheckBox(tr("Overl&ay"), corner);
    m_overlay->setObjectName(QStringLiteral("OverlayBox"));
    m_overlay->setToolTip(tr("Draw only the runs of two imports, the \"after\" one dashed, hatched or hollow"));
    m_overlay->setEnabled(false); // until there are two imports
    m_before = new QComboBox(corner);
    m_before->setObjectName(QStringLiteral("BeforePicker"));
    m_after = new QComboBox(corner);
    m_after->setObjectName(QStringLiteral("AfterPicker"));
    for (QComboBox *combo : {m_before, m_after}) {
        combo->setModel(m_imports);
        combo->setModelColumn(ImportListModel::OverlayColumn);
        // File names can be long: the combo stays compact and its list shows them whole.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
        combo->setEnabled(false);
        connect(combo, &QComboBox::currentIndexChanged, this, &ChartPanel::update);
    }
    m_before->setAccessibleName(tr("Before import"));
    m_after->setAccessibleName(tr("After import"));
    m_before->setToolTip(tr("Before: the import drawn solid"));
    m_after->setToolTip(tr("After: the import drawn dashed, hatched or hollow"));
    connect(m_overlay, &QCheckBox::toggled, this, [this](bool on) {
        m_before->setEnabled(on);
        m_after->setEnabled(on);
        update();
    });
    auto *versus = new QLabel(tr("→"), corner);
    versus->setAccessibleName(tr("compared with"));
    auto *exportButton = new QPushButton(tr("E&xport chart…"), corner);
    exportButton->setToolTip(tr("PNG or SVG, by the file name's suffix"));
    connect(exportButton, &QPushButton::clicked, this, &ChartPanel::exportInteractive);
    for (QWidget *w : std::initializer_list<QWidget *>{m_overlay, m_before, versus, m_after})
        row->addWidget(w);
    row->addSpacing(16);
    row->addWidget(exportButton);
    return corner;
}

charts::BenchmarkChart *ChartPanel::chart(int kind) const
{
    return m_charts.at(static_cast<std::size_t>(kind));
}

QString ChartPanel::statistic() const
{
    return m_statistic->currentData().toString();
}

void ChartPanel::followImports()
{
    const int count = m_imports->rowCount();
    const int before = m_lastBefore >= 0 && m_lastBefore < count ? m_lastBefore : 0;
    const int after = m_lastAfter >= 0 && m_lastAfter < count ? m_lastAfter : (before == 0 ? 1 : 0);
    {
        const QSignalBlocker blockBefore(m_before), blockAfter(m_after);
        m_before->setCurrentIndex(count > 0 ? before : -1);
        m_after->setCurrentIndex(count > 1 ? after : -1);
    }
    m_overlay->setEnabled(count >= 2 || m_overlay->isChecked());
    update();
}

void ChartPanel::update()
{
    emit statisticChanged(statistic());
    const int metric = m_metric->currentData().toInt();
    chart(0)->setMetricColumn(metric);
    chart(1)->setMetricColumn(metric);
    chart(1)->setXColumn(m_load->currentData().toInt());
    chart(2)->setMetricColumn(m_latency->currentData().toInt());
    chart(2)->setXColumn(ResultTableModel::ThroughputColumn);
    const charts::Overlay shown = overlay();
    for (BenchmarkChart *c : m_charts)
        c->setOverlay(shown);
    saveView();
}

charts::Overlay ChartPanel::overlay() const
{
    const auto nameAt = [this](const QComboBox *combo) {
        const ImportBatch *b = m_imports->importAt(combo->currentIndex());
        return b ? b->name : QString();
    };
    return m_overlay->isChecked() ? charts::Overlay{nameAt(m_before), nameAt(m_after)} : charts::Overlay{};
}

void ChartPanel::setOverlayShown(bool shown)
{
    m_overlay->setChecked(shown);
}

void ChartPanel::setSloLines(const std::vector<charts::SloLine> &lines)
{
    for (BenchmarkChart *c : m_charts)
        c->setSloLines(lines);
}

void ChartPanel::setHighlightedRun(int row)
{
    for (BenchmarkChart *c : m_charts)
        c->setHighlightedRun(row);
}

bool ChartPanel::exportChart(const QString &path, QString *error) const
{
    const auto *c = static_cast<const BenchmarkChart *>(m_chartTabs->currentWidget());
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? c->exportSvg(path, error) : c->exportPng(path, error);
}

void ChartPanel::exportInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("chart.png"),
                                                      tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChart(path, &error))
        emit message(tr("Exported %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export failed"), tr("Could not export the chart: %1").arg(error));
}

void ChartPanel::restoreView()
{
    const BenchmarkView v = m_settings->benchmarkView();
    m_restoring = true;
    const auto choose = [](QComboBox *combo, const QVariant &value) {
        if (const int index = combo->findData(value); index >= 0)
            combo->setCurrentIndex(index);
    };
    const auto columnOf = [](const QString &metric) {
        for (int column : ResultTableModel::metricColumns()) {
            if (ResultTableModel::metricOf(column) == metric)
                return column;
        }
        return -1;
    };
    for (int i = 0; i < m_chartTabs->count(); ++i) {
        if (v.chart == QLatin1String(kChartNames[i]))
            m_chartTabs->setCurrentIndex(i);
    }
    choose(m_metric, columnOf(v.metric));
    choose(m_statistic, v.statistic);
    choose(m_load, v.loadAxis == QLatin1String("request_rate") ? int(ResultTableModel::RequestRateColumn)
                   : v.loadAxis == QLatin1String("concurrency") ? int(ResultTableModel::ConcurrencyColumn)
                                                                 : -1);
    choose(m_latency, columnOf(v.latencyAxis));
    m_restoring = false;
}

void ChartPanel::saveView()
{
    if (m_restoring)
        return;
    BenchmarkView v = m_settings->benchmarkView(); // the SLO's part is the SLO panel's
    v.chart = QLatin1String(kChartNames[std::max(0, m_chartTabs->currentIndex())]);
    v.metric = ResultTableModel::metricOf(m_metric->currentData().toInt());
    v.statistic = statistic();
    v.loadAxis = m_load->currentData().toInt() == ResultTableModel::RequestRateColumn ? QStringLiteral("request_rate")
                                                                                      : QStringLiteral("concurrency");
    v.latencyAxis = ResultTableModel::metricOf(m_latency->currentData().toInt());
    m_settings->setBenchmarkView(v);
}

} // namespace quantcfg::ui
