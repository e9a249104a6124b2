// The benchmarks tab: fixtures → runs model rows, import off the UI thread (cancel, relabel,
// issues), the three charts fed from the table's proxy (series and values), SLO lines, Pareto
// points, and PNG / SVG export.
#include "bench/syntheticruns.h"
#include "cliutil.h"
#include "core/bench/decimate.h"
#include "core/bench/importers.h"
#include "core/bench/labels.h"
#include "core/bench/scoring.h"
#include "ui/benchmarks/benchmarkstab.h"
#include "ui/benchmarks/charts/benchmarkchart.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/benchmarks/importlistmodel.h"
#include "ui/window/lazypages.h"
#include "ui/window/mainwindow.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/state/settings.h"
#include "ui/benchmarks/sloeditor.h"
#include "ui/window/startoptions.h"

#include "studiotestutil.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUrl>
#include <QValueAxis>
#include <QWheelEvent>
#include <QLogValueAxis>
#include <QAreaSeries>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace quantcfg;
using namespace quantcfg::ui;
using charts::BenchmarkChart;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(QCFG_TEST_DATA "/bench/") + QLatin1String(name);
}

QStringList allFixtures()
{
    return {fixture("tidy-wide.csv"), fixture("autotuner-fp8-sweep_results.json"), fixture("guidellm-benchmarks.json"),
            fixture("sglang_1112_200_1024_256.jsonl"), fixture("vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json"),
            fixture("tidy-long-semicolon.csv")};
}

std::vector<std::filesystem::path> paths(const QStringList &list)
{
    std::vector<std::filesystem::path> out;
    for (const QString &p : list)
        out.emplace_back(p.toStdString());
    return out;
}

int runsIn(const char *name)
{
    bench::ResultTable t;
    bench::importFiles(paths({fixture(name)}), t);
    return static_cast<int>(t.runs().size());
}

std::string label(const bench::ResultTable &t, std::uint32_t run, const char *key)
{
    const auto v = t.label(run, key);
    return v ? std::string(*v) : std::string();
}

// The page's controls, found by the objectNames the studio gives them.
BenchmarkChart *chartOf(const BenchmarksTab &tab, int kind)
{
    const char *const names[] = {"Chart:bars", "Chart:lines", "Chart:scatter"};
    return studiotest::child<BenchmarkChart>(&tab, names[kind]);
}
QTabWidget *chartTabs(const BenchmarksTab &tab)
{
    return studiotest::child<QTabWidget>(&tab, "ChartTabs");
}
QComboBox *picker(const BenchmarksTab &tab, const char *name)
{
    return studiotest::child<QComboBox>(&tab, name);
}
// Chooses the item of @p combo whose data is @p data, as a user picking it does.
void choose(QComboBox *combo, const QVariant &data)
{
    combo->setCurrentIndex(combo->findData(data));
}
QCheckBox *overlayBox(const BenchmarksTab &tab)
{
    return studiotest::child<QCheckBox>(&tab, "OverlayBox");
}
SloEditor *sloEditor(const BenchmarksTab &tab)
{
    return studiotest::child<SloEditor>(&tab, "SloEditor");
}
// The import bar's label fields: ImportName, ImportEngine, ImportPreset, ImportVersion.
QLineEdit *labelField(const BenchmarksTab &tab, const char *name)
{
    return studiotest::child<QLineEdit>(&tab, name);
}
QMenu *recentMenu(const BenchmarksTab &tab)
{
    return studiotest::child<QMenu>(&tab, "RecentBenchmarkFiles");
}

bool importInto(BenchmarksTab &tab, const QStringList &files)
{
    QSignalSpy done(&tab, &BenchmarksTab::importFinished);
    tab.importFiles(files);
    return done.wait(20000);
}

QList<QLineSeries *> sloLines(QChart *chart)
{
    QList<QLineSeries *> out;
    for (QAbstractSeries *s : chart->series()) {
        if (s->name().startsWith(QLatin1String("SLO")))
            out << qobject_cast<QLineSeries *>(s);
    }
    return out;
}

// The model rows a view shows, mapped by the view itself, one row at a time.
std::vector<int> shownRows(const QAbstractProxyModel &view)
{
    std::vector<int> rows;
    for (int r = 0; r < view.rowCount(); ++r) {
        QModelIndex index = view.index(r, 0);
        for (auto *proxy = &view; proxy; proxy = qobject_cast<const QAbstractProxyModel *>(proxy->sourceModel()))
            index = proxy->mapToSource(index);
        rows.push_back(index.row());
    }
    return rows;
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// Shows @p tab at a size where the charts have room.
bool shown(BenchmarksTab &tab)
{
    tab.resize(1200, 800);
    tab.show();
    return QTest::qWaitForWindowExposed(&tab);
}

// Clicks, as a user would, the legend entry of @p chart that reads @p text.
bool clickLegendEntry(BenchmarkChart *chart, const QString &text)
{
    QChartView *view = chart->view();
    for (QGraphicsItem *item : view->scene()->items()) {
        const auto *label = dynamic_cast<const QGraphicsTextItem *>(item);
        if (!label || !label->isVisible() || label->toPlainText() != text || !chart->chart()->legend()->isAncestorOf(item))
            continue;
        const QPoint at = view->mapFromScene(label->mapToScene(label->boundingRect().center()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        return true;
    }
    return false;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

// A file of the real-result corpus (tests/data/bench/real, SOURCES.md there).
QString realFile(const char *name)
{
    return QStringLiteral(QCFG_TEST_DATA "/bench/real/") + QLatin1String(name);
}

// The real files the issue-19 tests import: a vLLM run where every request failed and one that
// worked (facebook/opt-125m), SGLang 0.5.9 with TP 8 (Qwen3-8B), vLLM's legacy script (Llama 3.1).
QStringList identityFiles()
{
    return {realFile("vllm-bench-serve/er0080-all-requests-failed-v0.25.1.json"), realFile("vllm-bench-serve/er0080-bench-serve-v0.25.1.json"),
            realFile("sglang/scicom-v0.5.9-server_info-tp8_dp1_Qwen3-8B_in1024_out128_p100_c100_38769a.jsonl"),
            realFile("vllm-benchmark-serving/gunther520-vllm-infqps-Llama-3.1-8B-Instruct-20241120-032855.json")};
}

// The model rows @p view shows, in its order.
std::vector<int> viewRows(const QAbstractItemModel &view)
{
    std::vector<int> rows;
    for (int r = 0; r < view.rowCount(); ++r)
        rows.push_back(view.index(r, 0).data(ResultTableModel::RunRole).toInt());
    return rows;
}

} // namespace

class TestStudioBench : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        // Tabs write the studio's settings file: keep it out of the user's home.
        studiotest::isolateUserFiles(m_home);
    }

    // Each test starts from a tab with nothing remembered (tabs restore their view when built).
    void init() { QSettings().clear(); }

    void modelRowsFromFixture()
    {
        auto table = std::make_shared<bench::ResultTable>();
        bench::importFiles(paths({fixture("tidy-wide.csv"), fixture("tidy-long-semicolon.csv")}), *table);
        QVERIFY(table->runs().size() >= 5);
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(table);
        QCOMPARE(model.rowCount(), static_cast<int>(table->runs().size()));
        for (const char *stat : {"mean", "p99"}) {
            model.setStatistic(QLatin1String(stat));
            for (int r = 0; r < model.rowCount(); ++r) {
                const auto run = static_cast<std::uint32_t>(r);
                QCOMPARE(model.index(r, ResultTableModel::EngineColumn).data().toString().toStdString(), label(*table, run, "engine"));
                QCOMPARE(model.index(r, ResultTableModel::PresetColumn).data().toString().toStdString(), label(*table, run, "preset"));
                const auto thr = bench::headlineValue(*table, run, "output_throughput");
                const double got = model.value(r, ResultTableModel::ThroughputColumn);
                QCOMPARE(std::isnan(got), !thr.has_value());
                if (thr)
                    QCOMPARE(got, *thr);
                auto ttft = table->metricValue(run, "ttft", stat);
                if (!ttft && std::string_view(stat) == "mean")
                    ttft = table->metricValue(run, "ttft", "value");
                const double gotTtft = model.index(r, ResultTableModel::TtftColumn).data(ResultTableModel::ValueRole).toDouble();
                QCOMPARE(std::isnan(gotTtft), !ttft.has_value());
                if (ttft)
                    QCOMPARE(gotTtft, *ttft);
            }
        }
        // The first tidy-wide run: vllm, universal-fp8, TTFT p99 812.5 ms, 1520.7 tokens/s, 41.5 GB.
        QCOMPARE(model.index(0, ResultTableModel::TtftColumn).data().toString(), QStringLiteral("812.5"));
        QCOMPARE(model.index(0, ResultTableModel::ThroughputColumn).data().toString(), QStringLiteral("1520.7"));
        QCOMPARE(model.index(0, ResultTableModel::MemoryColumn).data().toString(), QStringLiteral("41.50"));
        QCOMPARE(model.index(0, ResultTableModel::ConcurrencyColumn).data().toString(), QStringLiteral("8"));
    }

    void typedAccessorsMatchTheRoles()
    {
        // The charts read the model through values(), meetsSlo(), labelSetText() and
        // configuration(): each must say what data() says for every run.
        auto table = std::make_shared<bench::ResultTable>();
        bench::importFiles(paths(allFixtures()), *table);
        ResultTableModel model;
        model.setTable(table);
        model.setStatistic(QStringLiteral("p99"));
        bench::SloSpec slo;
        slo.limits.push_back(bench::SloLimit{"ttft", "ttft", "p99", 700});
        model.setRanking(bench::rankRuns(*table, slo, bench::Objective::MaximizeThroughput));
        QVERIFY(model.values(ResultTableModel::EngineColumn).empty());
        QVERIFY(model.values(ResultTableModel::SloColumn).empty());
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = ResultTableModel::ConcurrencyColumn; c <= ResultTableModel::MemoryColumn; ++c) {
                const double role = model.index(r, c).data(ResultTableModel::ValueRole).toDouble();
                QVERIFY2(sameNumber(model.values(c)[static_cast<std::size_t>(r)], role), qPrintable(QStringLiteral("row %1 column %2").arg(r).arg(c)));
            }
            QCOMPARE(model.meetsSlo(r), model.index(r, 0).data(ResultTableModel::MeetsSloRole).toInt());
            const std::uint32_t labelSet = table->run(static_cast<std::uint32_t>(r)).labelSet;
            QCOMPARE(model.configuration(labelSet), model.index(r, 0).data(ResultTableModel::ConfigurationRole).toString());
            for (int c = ResultTableModel::ImportColumn; c <= ResultTableModel::QuantizationColumn; ++c)
                QCOMPARE(model.labelSetText(labelSet, c), model.index(r, c).data().toString());
        }
    }

    void chartsReadWhatTheTableShows()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, allFixtures()));
        QSortFilterProxyModel *proxy = tab.proxy();
        QCOMPARE(charts::FeedRows::of(*proxy).model, tab.runsModel());
        QCOMPARE(charts::FeedRows::of(*proxy).rows, shownRows(*proxy));
        studiotest::child<QLineEdit>(&tab, "RunsFilter")->setText(QStringLiteral("sglang"));
        QVERIFY(proxy->rowCount() > 0 && proxy->rowCount() < tab.runsModel()->rowCount());
        QCOMPARE(charts::FeedRows::of(*proxy).rows, shownRows(*proxy));
        studiotest::child<QTableView>(&tab, "RunsTable")->sortByColumn(ResultTableModel::ThroughputColumn, Qt::DescendingOrder);
        QCOMPARE(charts::FeedRows::of(*proxy).rows, shownRows(*proxy));
        QSortFilterProxyModel outer; // a proxy over the proxy
        outer.setSourceModel(proxy);
        outer.setFilterKeyColumn(ResultTableModel::PresetColumn);
        outer.setFilterFixedString(QStringLiteral("universal"));
        QVERIFY(outer.rowCount() > 0 && outer.rowCount() < proxy->rowCount());
        QCOMPARE(charts::FeedRows::of(outer).rows, shownRows(outer));

        // The scatter draws exactly the shown runs that have both numbers.
        BenchmarkChart *scatter = chartOf(tab, 2);
        scatter->refresh();
        std::size_t both = 0;
        for (int r : shownRows(*proxy))
            both += std::isfinite(tab.runsModel()->value(r, ResultTableModel::E2eColumn))
                    && std::isfinite(tab.runsModel()->value(r, ResultTableModel::ThroughputColumn));
        QVERIFY(both > 0);
        QCOMPARE(scatter->lastScatter().total, both);
    }

    void manyRunsFeedAsCoreComputes()
    {
        // Enough runs that the feeds take their fast paths (Pareto candidates, radix-sorted lines).
        const auto table = benchdata::syntheticRuns(30000);
        ResultTableModel model;
        model.setTable(table);
        const charts::FeedRows rows = charts::FeedRows::of(model);
        QCOMPARE(rows.rows.size(), table->runs().size());

        const charts::ScatterFeed scatter = charts::scatterFeed(rows, ResultTableModel::TtftColumn, ResultTableModel::ThroughputColumn, {}, 240, 140);
        std::vector<bench::ParetoPoint> all;
        for (int r = 0; r < model.rowCount(); ++r)
            all.push_back(bench::ParetoPoint{static_cast<std::uint32_t>(r), model.value(r, ResultTableModel::ThroughputColumn),
                                             model.value(r, ResultTableModel::TtftColumn), false});
        bench::markParetoFront(all);
        std::set<int> front;
        for (const bench::ParetoPoint &p : all) {
            if (p.onFront)
                front.insert(static_cast<int>(p.run));
        }
        QVERIFY(front.size() > 3);
        QCOMPARE(std::set<int>(scatter.front.rows.begin(), scatter.front.rows.end()), front);
        QCOMPARE(scatter.total, table->runs().size());

        // Each line: its configuration's runs sorted by concurrency (equal ones in row order), then LTTB.
        const std::vector<charts::SeriesPoints> lines = charts::lineFeed(rows, ResultTableModel::ConcurrencyColumn,
                                                                         ResultTableModel::ThroughputColumn, {}, 300);
        QCOMPARE(lines.size(), std::size_t(9));
        for (const charts::SeriesPoints &line : lines) {
            std::vector<int> runs;
            for (int r = 0; r < model.rowCount(); ++r) {
                if (model.index(r, 0).data(ResultTableModel::ConfigurationRole).toString() == line.name)
                    runs.push_back(r);
            }
            std::stable_sort(runs.begin(), runs.end(), [&model](int a, int b) {
                return model.value(a, ResultTableModel::ConcurrencyColumn) < model.value(b, ResultTableModel::ConcurrencyColumn);
            });
            std::vector<double> x, y;
            for (int r : runs) {
                x.push_back(model.value(r, ResultTableModel::ConcurrencyColumn));
                y.push_back(model.value(r, ResultTableModel::ThroughputColumn));
            }
            std::vector<int> expected;
            for (std::size_t i : bench::lttb(x, y, 300))
                expected.push_back(runs[i]);
            QCOMPARE(line.rows, expected);
        }
    }

    void importOffThreadWithIssues()
    {
        BenchmarksTab tab;
        QAbstractItemModelTester tester(tab.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList files = allFixtures();
        files << QStringLiteral(QCFG_TEST_DATA "/models/llama-3.1-8b/config.json"); // not a benchmark file
        labelField(tab, "ImportName")->setText(QStringLiteral("before"));
        QVERIFY(importInto(tab, files));
        bench::ResultTable expected;
        bench::ImportOptions options;
        options.extraLabels = {{"import", "before"}};
        bench::importFiles(paths(files), expected, options);
        QCOMPARE(tab.runsModel()->rowCount(), static_cast<int>(expected.runs().size()));
        QCOMPARE(tab.importsModel()->rowCount(), 1);
        QCOMPARE(tab.importsModel()->index(0, 0).data().toString(), QStringLiteral("before"));
        QCOMPARE(tab.runsModel()->index(0, ResultTableModel::ImportColumn).data().toString(), QStringLiteral("before"));
        bool unknownFormat = false;
        for (int r = 0; r < tab.issuesModel()->rowCount(); ++r)
            unknownFormat |= tab.issuesModel()->index(r, 0).data(DiagnosticsModel::CodeRole).toString() == QLatin1String("bench.unknown-format");
        QVERIFY(unknownFormat);

        // A second import adds to the first; renaming it re-imports with the new name.
        const int before = tab.runsModel()->rowCount();
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        QCOMPARE(tab.importsModel()->rowCount(), 2);
        QCOMPARE(tab.runsModel()->rowCount(), before + runsIn("tidy-wide.csv"));
        QSignalSpy done(&tab, &BenchmarksTab::importFinished);
        tab.importsModel()->setData(tab.importsModel()->index(1, ImportListModel::NameColumn), QStringLiteral("after"));
        QVERIFY(done.wait(20000));
        QCOMPARE(tab.runsModel()->rowCount(), before + runsIn("tidy-wide.csv"));
        for (int r = before; r < tab.runsModel()->rowCount(); ++r)
            QCOMPARE(tab.runsModel()->index(r, ResultTableModel::ImportColumn).data().toString(), QStringLiteral("after"));
        QCOMPARE(tab.runsModel()->index(0, ResultTableModel::ImportColumn).data().toString(), QStringLiteral("before"));
        QCOMPARE(tab.runsModel()->index(0, ResultTableModel::EngineColumn).data().toString().toStdString(), label(expected, 0, "engine"));
    }

    // The imports list is one model: the imports table edits it, both overlay pickers list it. An
    // edit asks for a re-import (a taken name gets a number) and changes nothing until it is done.
    void importListModel()
    {
        ImportListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImportBatch first;
        first.name = QStringLiteral("before");
        first.paths = {QStringLiteral("/a/x.json")};
        first.engine = QStringLiteral("vllm");
        ImportBatch second;
        second.name = QStringLiteral("after");
        second.paths = {QStringLiteral("/b/y.csv"), QStringLiteral("/b/z.csv")};
        model.setImports({first, second});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ImportListModel::EngineColumn).data().toString(), QStringLiteral("vllm"));
        QCOMPARE(model.index(1, ImportListModel::FilesColumn).data().toString(), QStringLiteral("y.csv, z.csv"));
        QCOMPARE(model.index(1, ImportListModel::OverlayColumn).data().toString(), QStringLiteral("after · y.csv +1 more"));
        QCOMPARE(model.index(1, ImportListModel::FilesColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("/b/y.csv\n/b/z.csv"));
        QVERIFY(model.flags(model.index(0, ImportListModel::VersionColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, ImportListModel::FilesColumn)) & Qt::ItemIsEditable));

        std::vector<std::pair<int, ImportBatch>> relabel;
        connect(&model, &ImportListModel::relabelRequested, this, [&](int row, const ImportBatch &b) { relabel.emplace_back(row, b); });
        QVERIFY(!model.setData(model.index(0, ImportListModel::EngineColumn), QStringLiteral("vllm"))); // no change
        QVERIFY(!model.setData(model.index(0, ImportListModel::FilesColumn), QStringLiteral("x")));
        QVERIFY(relabel.empty());
        QVERIFY(model.setData(model.index(1, ImportListModel::NameColumn), QStringLiteral("before")));
        QCOMPARE(relabel.size(), std::size_t(1));
        QCOMPARE(relabel.front().first, 1);
        QCOMPARE(relabel.front().second.name, QStringLiteral("before (2)"));
        QCOMPARE(model.index(1, ImportListModel::NameColumn).data().toString(), QStringLiteral("after")); // until re-imported

        // The page's pickers are views of its model, not copies.
        BenchmarksTab tab;
        QCOMPARE(picker(tab, "BeforePicker")->model(), tab.importsModel());
        QCOMPARE(picker(tab, "AfterPicker")->model(), tab.importsModel());
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        QVERIFY(importInto(tab, {fixture("tidy-long-semicolon.csv")}));
        QCOMPARE(picker(tab, "AfterPicker")->count(), 2);
        QCOMPARE(picker(tab, "BeforePicker")->currentIndex(), 0);
        QCOMPARE(picker(tab, "AfterPicker")->currentIndex(), 1);
        QCOMPARE(picker(tab, "AfterPicker")->currentText(), tab.importsModel()->index(1, ImportListModel::OverlayColumn).data().toString());
    }

    void relabelFillsOnlyGaps()
    {
        // Two runs name their engine, one does not; none names a version.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("engine,preset,concurrency,ttft_mean_ms\nvllm,universal-fp8,8,10\n,,16,12\nsglang,,4,9\n");
        }
        const auto column = [](BenchmarksTab &tab, int c) {
            QStringList values;
            for (int r = 0; r < tab.runsModel()->rowCount(); ++r)
                values << tab.runsModel()->index(r, c).data().toString();
            return values;
        };
        BenchmarksTab tab;
        labelField(tab, "ImportEngine")->setText(QStringLiteral("trtllm"));
        labelField(tab, "ImportPreset")->setText(QStringLiteral("high-quality"));
        labelField(tab, "ImportVersion")->setText(QStringLiteral("1.0"));
        QVERIFY(importInto(tab, {path}));
        QCOMPARE(column(tab, ResultTableModel::EngineColumn), (QStringList{QStringLiteral("vllm"), QStringLiteral("trtllm"), QStringLiteral("sglang")}));
        QCOMPARE(column(tab, ResultTableModel::PresetColumn),
                 (QStringList{QStringLiteral("universal-fp8"), QStringLiteral("high-quality"), QStringLiteral("high-quality")}));
        QCOMPARE(column(tab, ResultTableModel::VersionColumn), (QStringList{QStringLiteral("1.0"), QStringLiteral("1.0"), QStringLiteral("1.0")}));

        // Relabelling in the imports list follows the same rule.
        QSignalSpy done(&tab, &BenchmarksTab::importFinished);
        tab.importsModel()->setData(tab.importsModel()->index(0, ImportListModel::EngineColumn), QStringLiteral("lmdeploy"));
        QVERIFY(done.wait(20000));
        QCOMPARE(tab.imports().front().engine, QStringLiteral("lmdeploy"));
        QCOMPARE(column(tab, ResultTableModel::EngineColumn), (QStringList{QStringLiteral("vllm"), QStringLiteral("lmdeploy"), QStringLiteral("sglang")}));
        tab.importsModel()->setData(tab.importsModel()->index(0, ImportListModel::EngineColumn), QString()); // no engine given: the gap stays empty
        QVERIFY(done.wait(20000));
        QCOMPARE(column(tab, ResultTableModel::EngineColumn), (QStringList{QStringLiteral("vllm"), QString(), QStringLiteral("sglang")}));
    }

    void cancelLeavesTableUnchanged()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray text = "engine,preset,concurrency,ttft_mean_ms,output_throughput_tok_s\n";
            for (int i = 0; i < 400000; ++i)
                text += "vllm,p" + QByteArray::number(i % 7) + "," + QByteArray::number(i) + ",12.5,1000\n";
            f.write(text);
        }
        BenchmarksTab tab;
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        QSignalSpy done(&tab, &BenchmarksTab::importFinished);
        tab.importFiles({big});
        tab.cancelImport();
        QVERIFY(done.wait(20000));
        QCOMPARE(tab.runsModel()->rowCount(), runsIn("tidy-wide.csv"));
        QCOMPARE(tab.importsModel()->rowCount(), 1);
    }

    void barsAndFilter()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        BenchmarkChart *bars = chartOf(tab, 0);
        bars->refresh();
        const auto *series = qobject_cast<QBarSeries *>(bars->chart()->series().value(0));
        QVERIFY(series);
        // Sets = engines, categories = presets, value = the run's throughput (one run per pair).
        const auto table = tab.runsModel()->table();
        std::map<std::pair<std::string, std::string>, double> expected;
        for (std::uint32_t r = 0; r < table->runs().size(); ++r) {
            if (auto v = bench::headlineValue(*table, r, "output_throughput"))
                expected[{label(*table, r, "engine"), label(*table, r, "preset")}] = *v;
        }
        QCOMPARE(series->count(), 2);
        const charts::BarFeed feed = charts::barFeed(charts::FeedRows::of(*tab.proxy()), ResultTableModel::ThroughputColumn);
        int checked = 0;
        for (QBarSet *set : series->barSets()) {
            for (int c = 0; c < feed.categories.size(); ++c) {
                const auto it = expected.find({set->label().toStdString(), feed.categories[c].toStdString()});
                QCOMPARE(set->at(c), it == expected.end() ? 0.0 : it->second);
                checked += it == expected.end() ? 0 : 1;
            }
        }
        QCOMPARE(checked, static_cast<int>(expected.size()));

        studiotest::child<QLineEdit>(&tab, "RunsFilter")->setText(QStringLiteral("sglang"));
        bars->refresh();
        QCOMPARE(qobject_cast<QBarSeries *>(bars->chart()->series().value(0))->count(), 1);
        QCOMPARE(qobject_cast<QBarSeries *>(bars->chart()->series().value(0))->barSets().front()->label(), QStringLiteral("sglang"));
    }

    void linesPerConfiguration()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, allFixtures()));
        picker(tab, "MetricPicker")->setCurrentIndex(0); // throughput
        picker(tab, "LoadPicker")->setCurrentIndex(0);   // concurrency
        BenchmarkChart *lines = chartOf(tab, 1);
        lines->refresh();
        // One series per sweep (the runs whose labels are the same but for the load; issue 19) with
        // both numbers; every point is a run's (x, y).
        const ResultTableModel &m = *tab.runsModel();
        std::map<std::vector<std::pair<bench::StrId, bench::StrId>>, std::set<std::pair<double, double>>> bySweep;
        for (int r = 0; r < m.rowCount(); ++r) {
            const double x = m.value(r, ResultTableModel::ConcurrencyColumn), y = m.value(r, ResultTableModel::ThroughputColumn);
            std::vector<std::pair<bench::StrId, bench::StrId>> sweep;
            for (const bench::Label &l : bench::sweepLabels(*m.table(), m.table()->run(static_cast<std::uint32_t>(r)).labelSet))
                sweep.emplace_back(l.key, l.value);
            if (std::isfinite(x) && std::isfinite(y))
                bySweep[sweep].insert({x, y});
        }
        std::multiset<std::set<std::pair<double, double>>> expected, drawn;
        for (const auto &[sweep, points] : bySweep)
            expected.insert(points);
        QVERIFY(expected.size() >= 2);
        QCOMPARE(lines->chart()->series().size(), static_cast<qsizetype>(expected.size()));
        for (QAbstractSeries *s : lines->chart()->series()) {
            auto *line = qobject_cast<QLineSeries *>(s);
            std::set<std::pair<double, double>> got;
            double lastX = -1;
            for (const QPointF &p : line->points()) {
                QVERIFY(p.x() >= lastX);
                lastX = p.x();
                got.insert({p.x(), p.y()});
            }
            drawn.insert(got);
        }
        QCOMPARE(drawn, expected);
    }

    void scatterParetoAndSlo()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, allFixtures()));
        choose(picker(tab, "StatisticPicker"), QStringLiteral("p99"));
        picker(tab, "LatencyPicker")->setCurrentIndex(0); // TTFT
        BenchmarkChart *scatter = chartOf(tab, 2);
        scatter->refresh();
        // The front is core's Pareto front over the same runs.
        const auto core = bench::paretoFront(*tab.runsModel()->table(), "ttft", "p99");
        std::set<int> expectedFront;
        for (const bench::ParetoPoint &p : core) {
            if (p.onFront)
                expectedFront.insert(static_cast<int>(p.run));
        }
        QVERIFY(!expectedFront.empty());
        const auto &front = scatter->lastScatter().front.rows;
        QCOMPARE(std::set<int>(front.begin(), front.end()), expectedFront);
        QCOMPARE(scatter->lastScatter().total, core.size());

        // An SLO on TTFT: a vertical line on the scatter, a horizontal one on bars of TTFT, and
        // pass/fail marks matching core's ranking.
        sloEditor(tab)->setLimit(SloEditor::Ttft, 700);
        picker(tab, "MetricPicker")->setCurrentIndex(1); // TTFT
        for (BenchmarkChart *c : {chartOf(tab, 0), scatter})
            c->refresh();
        const auto vertical = sloLines(scatter->chart());
        QCOMPARE(vertical.size(), 1);
        QCOMPARE(vertical.front()->name(), QStringLiteral("SLO: TTFT p99 ≤ 700 ms"));
        QCOMPARE(vertical.front()->at(0).x(), 700.0);
        QCOMPARE(vertical.front()->at(1).x(), 700.0);
        const auto horizontal = sloLines(chartOf(tab, 0)->chart());
        QCOMPARE(horizontal.size(), 1);
        QCOMPARE(horizontal.front()->at(0).y(), 700.0);
        QCOMPARE(horizontal.front()->at(1).y(), 700.0);

        const bench::Ranking ranking = bench::rankRuns(*tab.runsModel()->table(), sloEditor(tab)->slo(), bench::Objective::MaximizeThroughput);
        int meets = 0, violates = 0;
        for (const bench::ScoredRun &s : ranking.runs) {
            const int shown = tab.runsModel()->index(static_cast<int>(s.run), 0).data(ResultTableModel::MeetsSloRole).toInt();
            QCOMPARE(shown, s.meetsSlo ? 1 : (s.violations.empty() ? -1 : 0));
            meets += s.meetsSlo ? 1 : 0;
            violates += s.violations.empty() ? 0 : 1;
        }
        QVERIFY(meets > 0 && violates > 0);
        int circles = 0, squares = 0;
        for (QAbstractSeries *s : scatter->chart()->series()) {
            if (auto *points = qobject_cast<QScatterSeries *>(s)) {
                circles += points->markerShape() == QScatterSeries::MarkerShapeCircle ? static_cast<int>(points->count()) : 0;
                squares += points->markerShape() == QScatterSeries::MarkerShapeRectangle ? static_cast<int>(points->count()) : 0;
            }
        }
        QVERIFY(circles > 0 && squares > 0);
        QVERIFY(studiotest::child<QLabel>(&tab, "BestRun")->text().startsWith(QLatin1String("Best run meeting the SLO")));
    }

    void overlaySplitsImports()
    {
        BenchmarksTab tab;
        labelField(tab, "ImportName")->setText(QStringLiteral("before"));
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        labelField(tab, "ImportName")->setText(QStringLiteral("after"));
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        BenchmarkChart *bars = chartOf(tab, 0);
        picker(tab, "MetricPicker")->setCurrentIndex(0);
        bars->refresh();
        QCOMPARE(qobject_cast<QBarSeries *>(bars->chart()->series().value(0))->count(), 2);
        overlayBox(tab)->setChecked(true);
        bars->refresh();
        QStringList names;
        for (QBarSet *set : qobject_cast<QBarSeries *>(bars->chart()->series().value(0))->barSets())
            names << set->label();
        QCOMPARE(names, (QStringList{QStringLiteral("vllm [before]"), QStringLiteral("sglang [before]"), QStringLiteral("vllm [after]"),
                                     QStringLiteral("sglang [after]")}));
    }

    void overlayOfTheChosenImports()
    {
        BenchmarksTab tab;
        const std::pair<const char *, const char *> imports[] = {
            {"first", "tidy-wide.csv"}, {"second", "tidy-long-semicolon.csv"}, {"third", "vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json"}};
        for (const auto &[name, file] : imports) {
            labelField(tab, "ImportName")->setText(QLatin1String(name));
            QVERIFY(importInto(tab, {fixture(file)}));
        }
        // The pickers list the imports by file name; the first two are the default.
        QCOMPARE(picker(tab, "BeforePicker")->count(), 3);
        QCOMPARE(picker(tab, "BeforePicker")->itemText(2), QStringLiteral("third · vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json"));
        QCOMPARE(picker(tab, "BeforePicker")->currentText(), QStringLiteral("first · tidy-wide.csv"));
        QCOMPARE(picker(tab, "AfterPicker")->currentText(), QStringLiteral("second · tidy-long-semicolon.csv"));
        QVERIFY(!tab.overlay().active());
        overlayBox(tab)->setChecked(true);
        picker(tab, "BeforePicker")->setCurrentIndex(2);
        picker(tab, "AfterPicker")->setCurrentIndex(0);
        QCOMPARE(tab.overlay().before, QStringLiteral("third"));
        QCOMPARE(tab.overlay().after, QStringLiteral("first"));

        // Bars: sets of the two chosen imports only, "before" first; the "after" set of an engine
        // is hatched in the colour of that engine's "before" set.
        picker(tab, "MetricPicker")->setCurrentIndex(0); // throughput
        BenchmarkChart *bars = chartOf(tab, 0);
        bars->refresh();
        const auto *barSeries = qobject_cast<QBarSeries *>(bars->chart()->series().value(0));
        QStringList names;
        for (QBarSet *set : barSeries->barSets())
            names << set->label();
        QCOMPARE(names, (QStringList{QStringLiteral("vllm [third]"), QStringLiteral("vllm [first]"), QStringLiteral("sglang [first]")}));
        QCOMPARE(barSeries->barSets().at(0)->brush().style(), Qt::SolidPattern);
        QCOMPARE(barSeries->barSets().at(1)->brush().style(), Qt::Dense3Pattern);
        QCOMPARE(barSeries->barSets().at(1)->brush().color(), barSeries->barSets().at(0)->color());

        // Lines and scatter: every series comes from one of the two, the "after" ones dashed or hollow.
        choose(picker(tab, "StatisticPicker"), QStringLiteral("p99"));
        picker(tab, "LatencyPicker")->setCurrentIndex(0); // TTFT
        chartOf(tab, 1)->refresh();
        chartOf(tab, 2)->refresh();
        int dashed = 0, solid = 0, hollow = 0, filled = 0;
        for (QAbstractSeries *s : chartOf(tab, 1)->chart()->series()) {
            QVERIFY2(s->name().endsWith(QLatin1String("[third]")) || s->name().endsWith(QLatin1String("[first]")), qPrintable(s->name()));
            (qobject_cast<QLineSeries *>(s)->pen().style() == Qt::DashLine ? dashed : solid) += 1;
            QCOMPARE(qobject_cast<QLineSeries *>(s)->pen().style() == Qt::DashLine, s->name().endsWith(QLatin1String("[first]")));
        }
        QVERIFY(dashed > 0 && solid > 0);
        for (QAbstractSeries *s : chartOf(tab, 2)->chart()->series()) {
            if (auto *points = qobject_cast<QScatterSeries *>(s)) {
                QVERIFY2(s->name().contains(QLatin1String("[third]")) || s->name().contains(QLatin1String("[first]")), qPrintable(s->name()));
                (points->brush().style() == Qt::NoBrush ? hollow : filled) += 1;
            }
        }
        QVERIFY(hollow > 0 && filled > 0);
        // The scatter's points are exactly the runs of the two imports.
        std::size_t both = 0;
        for (int r = 0; r < tab.runsModel()->rowCount(); ++r) {
            const QString import = tab.runsModel()->index(r, ResultTableModel::ImportColumn).data().toString();
            both += import != QLatin1String("second") && std::isfinite(tab.runsModel()->value(r, ResultTableModel::TtftColumn))
                    && std::isfinite(tab.runsModel()->value(r, ResultTableModel::ThroughputColumn));
        }
        QCOMPARE(chartOf(tab, 2)->lastScatter().total, both);

        // Off: every import, unsplit.
        overlayBox(tab)->setChecked(false);
        bars->refresh();
        QCOMPARE(qobject_cast<QBarSeries *>(bars->chart()->series().value(0))->count(), 2);
    }

    void importNamesAreUnique()
    {
        BenchmarksTab tab;
        for (int i = 0; i < 3; ++i) {
            labelField(tab, "ImportName")->setText(QStringLiteral("baseline"));
            QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        }
        QStringList names;
        for (const ImportBatch &b : tab.imports())
            names << b.name;
        QCOMPARE(names, (QStringList{QStringLiteral("baseline"), QStringLiteral("baseline (2)"), QStringLiteral("baseline (3)")}));
    }

    void viewAndRecentFilesAreRemembered()
    {
        const QString file = QFileInfo(fixture("tidy-wide.csv")).absoluteFilePath();
        {
            Settings settings;
            settings.clearRecentBenchmarkFiles();
            BenchmarksTab tab;
            chartTabs(tab)->setCurrentIndex(2);
            choose(picker(tab, "MetricPicker"), int(ResultTableModel::TpotColumn));
            choose(picker(tab, "StatisticPicker"), QStringLiteral("p90"));
            choose(picker(tab, "LoadPicker"), int(ResultTableModel::RequestRateColumn));
            choose(picker(tab, "LatencyPicker"), int(ResultTableModel::TtftColumn));
            sloEditor(tab)->setLimit(SloEditor::Ttft, 640);
            sloEditor(tab)->setLimit(SloEditor::Memory, 40);
            sloEditor(tab)->setLimit(SloEditor::Memory, -1); // off; its 40 GB is kept
            sloEditor(tab)->setObjective(bench::Objective::MinimizeTtft);
            QVERIFY(importInto(tab, {file}));
        }
        // In the settings file, by name.
        const QSettings stored(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("quantcfg"), QStringLiteral("quantcfg-studio"));
        QVERIFY(stored.fileName().startsWith(m_home.path()));
        QCOMPARE(stored.value(QStringLiteral("benchmarks/statistic")).toString(), QStringLiteral("p90"));
        Settings settings;
        const BenchmarkView v = settings.benchmarkView();
        QCOMPARE(QStringList({v.chart, v.metric, v.statistic, v.loadAxis, v.latencyAxis, v.objective}),
                 QStringList({QStringLiteral("scatter"), QStringLiteral("tpot"), QStringLiteral("p90"), QStringLiteral("request_rate"),
                              QStringLiteral("ttft"), QStringLiteral("minimize_ttft")}));
        QVERIFY(v.ttft == (BenchmarkView::Limit{true, 640}));
        QVERIFY(v.tpot == (BenchmarkView::Limit{false, 50}));
        QVERIFY(v.memory == (BenchmarkView::Limit{false, 40}));
        QCOMPARE(settings.recentBenchmarkFiles(), QStringList{file});

        // A new tab comes back as it was left, and offers the file without importing it.
        BenchmarksTab tab;
        QCOMPARE(chartTabs(tab)->currentIndex(), 2);
        QCOMPARE(picker(tab, "MetricPicker")->currentData().toInt(), int(ResultTableModel::TpotColumn));
        QCOMPARE(picker(tab, "StatisticPicker")->currentData().toString(), QStringLiteral("p90"));
        QCOMPARE(picker(tab, "LoadPicker")->currentData().toInt(), int(ResultTableModel::RequestRateColumn));
        QCOMPARE(picker(tab, "LatencyPicker")->currentData().toInt(), int(ResultTableModel::TtftColumn));
        QVERIFY(sloEditor(tab)->isLimitEnabled(SloEditor::Ttft));
        QCOMPARE(sloEditor(tab)->threshold(SloEditor::Ttft), 640.0);
        QVERIFY(!sloEditor(tab)->isLimitEnabled(SloEditor::Memory));
        QCOMPARE(sloEditor(tab)->threshold(SloEditor::Memory), 40.0);
        QCOMPARE(sloEditor(tab)->objective(), bench::Objective::MinimizeTtft);
        QCOMPARE(tab.runsModel()->rowCount(), 0);
        QAction *recent = recentMenu(tab)->actions().value(0);
        QVERIFY(recent);
        QCOMPARE(recent->data().toString(), file);
        QSignalSpy done(&tab, &BenchmarksTab::importFinished);
        recent->trigger();
        QVERIFY(done.wait(20000));
        QCOMPARE(tab.runsModel()->rowCount(), runsIn("tidy-wide.csv"));

        // A recent file that is gone is said so and taken off the list, not imported.
        QTemporaryDir dir;
        const QString gone = dir.filePath(QStringLiteral("gone.csv"));
        settings.addRecentBenchmarkFiles({gone});
        QCOMPARE(recentMenu(tab)->actions().value(0)->data().toString(), gone); // the menu follows the settings file
        QSignalSpy said(&tab, &BenchmarksTab::message);
        recentMenu(tab)->actions().value(0)->trigger();
        QCOMPARE(said.count(), 1);
        QVERIFY(said.front().front().toString().contains(QLatin1String("no longer exists")));
        QVERIFY(!tab.isImporting());
        QCOMPARE(settings.recentBenchmarkFiles(), QStringList{file});
        QCOMPARE(recentMenu(tab)->actions().value(0)->data().toString(), file);
    }

    // Start options reach the page through its API: --bench is one import, --bench-after a second
    // one started when the first has finished, overlaid on it.
    void startOptionsImportAndOverlay()
    {
        MainWindow w;
        StartOptions options;
        options.page = StartOptions::Page::Benchmarks;
        options.benchmarks = {fixture("tidy-wide.csv")};
        options.benchmarksAfter = {fixture("tidy-long-semicolon.csv")};
        w.start(options);
        BenchmarksTab *tab = w.benchmarksTab();
        QCOMPARE(w.pages()->currentWidget()->findChild<BenchmarksTab *>(), tab);
        QTRY_COMPARE_WITH_TIMEOUT(tab->imports().size(), std::size_t(2), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isImporting(), 20000);
        QCOMPARE(tab->imports().at(0).name, QStringLiteral("before"));
        QCOMPARE(tab->imports().at(1).name, QStringLiteral("after"));
        QCOMPARE(tab->overlay().before, QStringLiteral("before"));
        QCOMPARE(tab->overlay().after, QStringLiteral("after"));
        QCOMPARE(labelField(*tab, "ImportName")->text(), QString()); // nothing typed into the page
        w.close();
    }

    void mainWindowRemembersTheTab()
    {
        {
            MainWindow w;
            choose(picker(*w.benchmarksTab(), "StatisticPicker"), QStringLiteral("median"));
        }
        MainWindow w;
        QCOMPARE(picker(*w.benchmarksTab(), "StatisticPicker")->currentData().toString(), QStringLiteral("median"));
    }

    void hoverNamesTheRunAndItsConfiguration()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        labelField(tab, "ImportName")->setText(QStringLiteral("before"));
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        choose(picker(tab, "StatisticPicker"), QStringLiteral("p99"));
        picker(tab, "LatencyPicker")->setCurrentIndex(0); // TTFT
        chartTabs(tab)->setCurrentIndex(2);
        BenchmarkChart *scatter = chartOf(tab, 2);
        scatter->refresh();
        QScatterSeries *runs = nullptr;
        for (QAbstractSeries *s : scatter->chart()->series())
            runs = runs ? runs : qobject_cast<QScatterSeries *>(s);
        QVERIFY(runs);
        // Near, not on, the first run's point (TTFT p99 812.5 ms, 1520.7 tokens/s).
        emit runs->hovered(QPointF(815, 1515), true);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("run 1: before · vllm · universal-fp8 · 0.10.2 · concurrency=8\n"
                                                  "TTFT p99 (ms): 812.5, Output throughput (tokens/s): 1520.7"));
        QCOMPARE(scatter->pointToolTip(runs, QPointF(645, 1700)).section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("run 2: before · sglang · universal-fp8 · 0.5.2 · concurrency=8"));
        emit runs->hovered(QPointF(815, 1515), false);
        QTRY_VERIFY(!QToolTip::isVisible());

        // Bars: the engine, the preset and the mean.
        chartTabs(tab)->setCurrentIndex(0);
        picker(tab, "MetricPicker")->setCurrentIndex(0); // throughput
        chartOf(tab, 0)->refresh();
        QBarSet *vllm = qobject_cast<QBarSeries *>(chartOf(tab, 0)->chart()->series().value(0))->barSets().value(0);
        QCOMPARE(vllm->label(), QStringLiteral("vllm"));
        emit vllm->hovered(true, 0);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("vllm, universal-fp8: 1520.7 (mean of the runs shown)"));
    }

    void legendEntriesHideAndShowTheirSeries()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        QVERIFY(importInto(tab, allFixtures()));
        picker(tab, "MetricPicker")->setCurrentIndex(0); // throughput

        // Lines: a click hides the series and strikes its entry out; the series stays hidden when
        // the chart is rebuilt; a second click shows it.
        chartTabs(tab)->setCurrentIndex(1);
        BenchmarkChart *lines = chartOf(tab, 1);
        lines->refresh();
        QTest::qWait(50);
        auto *line = qobject_cast<QLineSeries *>(lines->chart()->series().value(0));
        const QString name = line->name();
        QVERIFY(clickLegendEntry(lines, name));
        QVERIFY(!line->isVisible());
        QVERIFY(lines->isHidden(name));
        QLegendMarker *marker = lines->chart()->legend()->markers(line).value(0);
        QVERIFY(marker->isVisible());
        QVERIFY(marker->font().strikeOut());
        lines->refresh();
        QTest::qWait(50);
        line = qobject_cast<QLineSeries *>(lines->chart()->series().value(0));
        QCOMPARE(line->name(), name);
        QVERIFY(!line->isVisible());
        QVERIFY(clickLegendEntry(lines, name));
        QVERIFY(line->isVisible());
        QVERIFY(!lines->chart()->legend()->markers(line).value(0)->font().strikeOut());

        // Bars: one engine's bars drop to zero, the other's stay; a second click brings them back.
        chartTabs(tab)->setCurrentIndex(0);
        BenchmarkChart *bars = chartOf(tab, 0);
        bars->refresh();
        QTest::qWait(50);
        const auto *series = qobject_cast<QBarSeries *>(bars->chart()->series().value(0));
        QBarSet *first = series->barSets().value(0), *second = series->barSets().value(1);
        const QList<qreal> firstValues = values(first), secondValues = values(second);
        QVERIFY(std::any_of(firstValues.begin(), firstValues.end(), [](qreal v) { return v > 0; }));
        QVERIFY(clickLegendEntry(bars, first->label()));
        QVERIFY(series->isVisible());
        QCOMPARE(values(first), QList<qreal>(firstValues.size(), 0.0));
        QCOMPARE(values(second), secondValues);
        QVERIFY(clickLegendEntry(bars, first->label()));
        QCOMPARE(values(first), firstValues);
    }

    void legendHidesEveryPartOfADenseScatterGroup()
    {
        ResultTableModel model;
        model.setTable(benchdata::syntheticRuns(30000));
        BenchmarkChart chart(BenchmarkChart::Kind::Scatter);
        chart.resize(1200, 700);
        chart.setModel(&model);
        chart.setMetricColumn(ResultTableModel::TtftColumn);
        chart.setXColumn(ResultTableModel::ThroughputColumn);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();
        QList<QScatterSeries *> parts;
        for (QAbstractSeries *s : chart.chart()->series()) {
            if (auto *points = qobject_cast<QScatterSeries *>(s))
                parts << points;
        }
        QVERIFY(parts.size() > 1); // one group, drawn in parts, under one legend entry
        const auto entries = [&chart, &parts] {
            int shown = 0;
            for (QScatterSeries *part : parts)
                shown += chart.chart()->legend()->markers(part).value(0)->isVisible() ? 1 : 0;
            return shown;
        };
        QTRY_COMPARE(entries(), 1);
        QVERIFY(clickLegendEntry(&chart, parts.front()->name()));
        for (QScatterSeries *part : parts)
            QVERIFY(!part->isVisible());
        QVERIFY(clickLegendEntry(&chart, parts.front()->name()));
        for (QScatterSeries *part : parts)
            QVERIFY(part->isVisible());
        QTRY_COMPARE(entries(), 1);
    }

    void droppedFilesAreImported()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        // Dragged over a chart: the chart does not take it, the tab does.
        QWidget *target = chartOf(tab, 0)->view()->viewport();
        const QPoint at = target->rect().center();

        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/results.json"))});
        QDragEnterEvent webEnter(at, Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &webEnter);
        QVERIFY(!webEnter.isAccepted()); // not a file

        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(fixture("tidy-wide.csv")), QUrl(QStringLiteral("https://example.com/results.json")),
                       QUrl::fromLocalFile(fixture("sglang_1112_200_1024_256.jsonl"))});
        QDragEnterEvent enter(at, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy done(&tab, &BenchmarksTab::importFinished);
        QSignalSpy messages(&tab, &BenchmarksTab::message);
        QDropEvent drop(QPointF(at), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(tab.isImporting());
        QVERIFY(done.wait(20000));
        QCOMPARE(tab.imports().size(), std::size_t(1));
        QCOMPARE(tab.imports().front().paths, (QStringList{fixture("tidy-wide.csv"), fixture("sglang_1112_200_1024_256.jsonl")}));
        QCOMPARE(tab.runsModel()->rowCount(), runsIn("tidy-wide.csv") + runsIn("sglang_1112_200_1024_256.jsonl"));
        QCOMPARE(messages.last().front().toString(), QStringLiteral("Imported %1 runs from 2 files").arg(tab.runsModel()->rowCount()));

        // One file is "1 file", not "1 files".
        QVERIFY(importInto(tab, {fixture("sglang_1112_200_1024_256.jsonl")}));
        const int one = runsIn("sglang_1112_200_1024_256.jsonl");
        QCOMPARE(messages.last().front().toString(),
                 one == 1 ? QStringLiteral("Imported 1 run from 1 file") : QStringLiteral("Imported %1 runs from 1 file").arg(one));
    }

    void exportsPngAndSvg()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        QVERIFY(importInto(tab, allFixtures()));
        QTemporaryDir dir;
        for (int kind = 0; kind < 3; ++kind) {
            chartTabs(tab)->setCurrentIndex(kind);
            chartOf(tab, kind)->refresh();
            const QSize size = chartOf(tab, kind)->view()->size();
            QVERIFY(size.width() > 200 && size.height() > 100);
            const QString png = dir.filePath(QStringLiteral("c%1.png").arg(kind));
            const QString svg = dir.filePath(QStringLiteral("c%1.svg").arg(kind));
            QVERIFY(tab.exportChart(png));
            QVERIFY(tab.exportChart(svg));
            const QImage image(png);
            QCOMPARE(image.size(), size * chartOf(tab, kind)->view()->devicePixelRatioF());
            QSvgRenderer renderer(svg);
            QVERIFY(renderer.isValid());
            QCOMPARE(renderer.viewBox().size(), size);
            QFile f(svg);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("<svg"));
        }
    }

    // The runs table's headers put the unit on a second line, so that at 1280 pixels the first
    // screen of columns ends on whole headers; the tooltip and the chart's axis titles keep one line.
    void headersPutTheUnitOnASecondLine()
    {
        ResultTableModel model;
        QCOMPARE(model.headerData(ResultTableModel::ThroughputColumn, Qt::Horizontal).toString(), QStringLiteral("Output throughput\n(tokens/s)"));
        QCOMPARE(model.headerData(ResultTableModel::ThroughputColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Output throughput (tokens/s)"));
        QCOMPARE(model.headerData(ResultTableModel::TtftColumn, Qt::Horizontal).toString(), QStringLiteral("TTFT mean\n(ms)"));
        QCOMPARE(model.headerData(ResultTableModel::EngineColumn, Qt::Horizontal).toString(), QStringLiteral("Engine"));

        BenchmarksTab tab;
        tab.resize(1280, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(importInto(tab, {fixture("tidy-wide.csv")}));
        QHeaderView *header = studiotest::child<QTableView>(&tab, "RunsTable")->horizontalHeader();
        for (int column : {int(ResultTableModel::RequestRateColumn), int(ResultTableModel::ThroughputColumn)}) {
            const QStringList lines = model.headerData(column, Qt::Horizontal).toString().split(u'\n');
            int widest = 0;
            for (const QString &line : lines)
                widest = std::max(widest, header->fontMetrics().horizontalAdvance(line));
            QVERIFY2(header->sectionSize(column) >= widest, qPrintable(lines.join(u' ')));
        }
        // The charts' axis titles, read from the header, stay on one line (chartHoverNamesTheRun).
    }

    // Issue 19 #1: every run says what it is (model, engine, quantization, GPU, TP, file, status,
    // success rate); the filter matches those, runs group by model, and a failed run reads as
    // failed and meets no SLO.
    void runsShowTheirIdentity()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, identityFiles()));
        const ResultTableModel &m = *tab.runsModel();
        QCOMPARE(m.rowCount(), 4);
        const auto cell = [&m](int row, int column) { return m.index(row, column).data().toString(); };
        QCOMPARE(cell(0, ResultTableModel::ModelColumn), QStringLiteral("facebook/opt-125m"));
        QCOMPARE(cell(0, ResultTableModel::EngineColumn), QStringLiteral("vllm"));
        QCOMPARE(cell(0, ResultTableModel::SourceColumn), QStringLiteral("er0080-all-requests-failed-v0.25.1.json"));
        QCOMPARE(cell(0, ResultTableModel::StatusColumn), QStringLiteral("failed: 0 of 8 requests completed"));
        QCOMPARE(m.index(0, ResultTableModel::SuccessRateColumn).data(ResultTableModel::ValueRole).toDouble(), 0.0);
        QVERIFY(m.index(0, 0).data(ResultTableModel::FailedRole).toBool());
        QCOMPARE(cell(1, ResultTableModel::StatusColumn), QStringLiteral("ok"));
        QVERIFY(!m.index(1, 0).data(ResultTableModel::FailedRole).toBool());
        QCOMPARE(cell(2, ResultTableModel::ModelColumn), QStringLiteral("/workspace/qwen-3-8b"));
        QCOMPARE(cell(2, ResultTableModel::TpColumn), QStringLiteral("8"));
        QCOMPARE(cell(2, ResultTableModel::VersionColumn), QStringLiteral("0.5.9"));
        QCOMPARE(cell(3, ResultTableModel::ModelColumn), QStringLiteral("meta-llama/Llama-3.1-8B-Instruct"));
        QCOMPARE(m.index(1, ResultTableModel::SuccessRateColumn).data(ResultTableModel::ValueRole).toDouble(), 100.0);
        QCOMPARE(cell(1, ResultTableModel::SuccessRateColumn), QStringLiteral("100 %"));
        // SGLang and vLLM's legacy script count the completed requests only: the share is unknown,
        // and shown empty.
        for (int r : {2, 3}) {
            QVERIFY(std::isnan(m.index(r, ResultTableModel::SuccessRateColumn).data(ResultTableModel::ValueRole).toDouble()));
            QCOMPARE(cell(r, ResultTableModel::SuccessRateColumn), QString());
        }

        // A failed run meets no SLO, however loose.
        SloEditor *slo = sloEditor(tab);
        slo->setLimit(SloEditor::Ttft, 1e9);
        QCOMPARE(m.index(0, 0).data(ResultTableModel::MeetsSloRole).toInt(), 0);
        QCOMPARE(cell(0, ResultTableModel::SloColumn), QStringLiteral("✗ run failed"));

        // The filter matches the model, the GPU's TP, the file and the status, not only engine and preset.
        QSortFilterProxyModel *proxy = tab.proxy();
        auto *filter = studiotest::child<QLineEdit>(&tab, "RunsFilter");
        filter->setText(QStringLiteral("QWEN"));
        QCOMPARE(viewRows(*proxy), std::vector<int>{2});
        filter->setText(QStringLiteral("opt-125m"));
        QCOMPARE(viewRows(*proxy), (std::vector<int>{0, 1}));
        filter->setText(QStringLiteral("gunther520"));
        QCOMPARE(viewRows(*proxy), std::vector<int>{3});
        filter->setText(QStringLiteral("failed"));
        QCOMPARE(viewRows(*proxy), std::vector<int>{0});
        filter->clear();
        QCOMPARE(proxy->rowCount(), 4);

        // Grouped by model: the models in order, each model's runs by the chosen column within.
        studiotest::child<QTableView>(&tab, "RunsTable")->sortByColumn(ResultTableModel::ThroughputColumn, Qt::DescendingOrder);
        studiotest::child<QCheckBox>(&tab, "GroupByModel")->setChecked(true);
        const std::vector<int> grouped = viewRows(*proxy);
        QCOMPARE(grouped.size(), std::size_t(4));
        for (std::size_t i = 1; i < grouped.size(); ++i) {
            const QString a = cell(grouped[i - 1], ResultTableModel::ModelColumn), b = cell(grouped[i], ResultTableModel::ModelColumn);
            QVERIFY2(a.compare(b, Qt::CaseInsensitive) <= 0, qPrintable(a + QStringLiteral(" / ") + b));
        }
        QCOMPARE(cell(grouped[0], ResultTableModel::ModelColumn), QStringLiteral("/workspace/qwen-3-8b"));
        QCOMPARE(cell(grouped[3], ResultTableModel::ModelColumn), QStringLiteral("meta-llama/Llama-3.1-8B-Instruct"));
        studiotest::child<QCheckBox>(&tab, "GroupByModel")->setChecked(false); // by throughput alone again
        int fastest = -1;
        for (int r = 0; r < m.rowCount(); ++r) {
            const double v = m.value(r, ResultTableModel::ThroughputColumn);
            if (std::isfinite(v) && (fastest < 0 || v > m.value(fastest, ResultTableModel::ThroughputColumn)))
                fastest = r;
        }
        QCOMPARE(viewRows(*proxy)[0], fastest);
    }

    // Issue 19 #2: the winner card names the best run under the SLOs in full (model, engine,
    // configuration, file, status, figures), never a failed run, and opens its preset in the editor.
    void winnerCardNamesTheBestRun()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, identityFiles()));
        sloEditor(tab)->setLimit(SloEditor::Ttft, 1e9); // every run that did not fail meets it
        auto *card = studiotest::child<QWidget>(&tab, "WinnerCard");
        const auto text = [&tab](const char *name) { return studiotest::child<QLabel>(&tab, name)->text(); };
        const bench::Ranking ranking = bench::rankRuns(*tab.runsModel()->table(), sloEditor(tab)->slo(), sloEditor(tab)->objective());
        QVERIFY(ranking.best);
        const int best = static_cast<int>(ranking.runs[*ranking.best].run);
        QCOMPARE(card->property("run").toInt(), best);
        QVERIFY(best != 0); // the run where every request failed has the "highest" nothing
        const ResultTableModel &m = *tab.runsModel();
        QCOMPARE(text("WinnerModel"), m.index(best, ResultTableModel::ModelColumn).data().toString());
        QVERIFY(text("WinnerEngine").startsWith(m.index(best, ResultTableModel::EngineColumn).data().toString()));
        QVERIFY(text("WinnerFile").startsWith(m.index(best, ResultTableModel::SourceColumn).data().toString()));
        QVERIFY(text("WinnerStatus").startsWith(QLatin1String("ok")));
        QVERIFY2(text("WinnerFigures").contains(m.index(best, ResultTableModel::ThroughputColumn).data().toString()), qPrintable(text("WinnerFigures")));
        QVERIFY(text("WinnerTitle").contains(QStringLiteral("run %1").arg(best + 1)));
        // None of these runs names a preset the studio has: nothing to open.
        QVERIFY(studiotest::child<QPushButton>(&tab, "OpenWinnerConfiguration")->isHidden());

        // No run meets a limit of 1 ms: no winner, and the card says so.
        sloEditor(tab)->setLimit(SloEditor::Ttft, 1e-3);
        QCOMPARE(card->property("run").toInt(), -1);
        QVERIFY(!studiotest::child<QLabel>(&tab, "WinnerModel")->isVisibleTo(card));

        // A hand-made table whose runs name built-in presets: the winner's preset opens in the editor.
        MainWindow w;
        BenchmarksTab *bench = w.benchmarksTab();
        QVERIFY(importInto(*bench, {fixture("tidy-wide.csv")}));
        choose(picker(*bench, "StatisticPicker"), QStringLiteral("p99")); // the TTFT the file gives
        sloEditor(*bench)->setLimit(SloEditor::Ttft, 1e9);
        auto *open = studiotest::child<QPushButton>(bench, "OpenWinnerConfiguration");
        QVERIFY(!open->isHidden());
        const int winner = studiotest::child<QWidget>(bench, "WinnerCard")->property("run").toInt();
        const QString preset = bench->runsModel()->index(winner, ResultTableModel::PresetColumn).data().toString();
        QSignalSpy asked(bench, &BenchmarksTab::openConfigurationRequested);
        open->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), preset);
        QCOMPARE(qobject_cast<QTabWidget *>(w.centralWidget())->currentIndex(), int(MainWindow::ConfigPage));
    }

    // Issue 19 #2: on real files the studio and `quantcfg bench score` / `bench pareto` agree on each
    // run's status, on the best run and on the Pareto front (both call the same core functions).
    void studioAgreesWithBenchScoreAndPareto()
    {
        QStringList files = identityFiles();
        files << realFile("sglang/datacrunch-llama-3.3-70b-online.jsonl") << realFile("aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.json")
              << realFile("guidellm/danielkorat-v0.5.0dev-concurrent4-benchmarks.json") << realFile("autotuner/novitalabs-simple-tune-failed_results.json")
              << realFile("autotuner/novitalabs-docker-simple-tune_results.json") << realFile("vllm-bench-sweep/er0080-sweep-max_num_seqs=4-summary.json");
        BenchmarksTab tab;
        QVERIFY(importInto(tab, files));
        sloEditor(tab)->setLimit(SloEditor::Ttft, 500); // TTFT mean ≤ 500 ms
        QTemporaryDir dir;
        const QString sloPath = dir.filePath(QStringLiteral("slo.json"));
        {
            QFile f(sloPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"slo_constraints": {"ttft": {"max": 0.5}}})");
        }
        std::vector<std::string> args{"bench", "score"};
        for (const QString &f : files)
            args.push_back(f.toStdString());
        std::vector<std::string> pareto = args;
        pareto[1] = "pareto";
        for (const char *a : {"--slo", "", "--format", "json"})
            args.push_back(*a ? a : sloPath.toStdString());
        const testutil::CliRun score = testutil::quantcfgRun(args);
        QCOMPARE(score.code, 0);
        const Json ranked = Json::parse(score.out);
        const ResultTableModel &m = *tab.runsModel();
        QCOMPARE(static_cast<int>(ranked["ranking"].size()), m.rowCount());
        int failed = 0;
        for (const Json &r : ranked["ranking"]) {
            const int run = r["run"]["index"].get<int>();
            QCOMPARE(m.index(run, ResultTableModel::StatusColumn).data().toString(), QString::fromStdString(r["status"].get<std::string>()));
            QCOMPARE(m.index(run, 0).data(ResultTableModel::MeetsSloRole).toInt() == 1, r["meets_slo"].get<bool>());
            failed += r["status"] != "ok";
        }
        QVERIFY(failed >= 2); // the vLLM run of 0/8 and the autotuner's experiment that never started
        QVERIFY(!ranked["best"].is_null());
        const int best = ranked["ranking"][ranked["best"].get<std::size_t>() - 1]["run"]["index"].get<int>();
        QCOMPARE(studiotest::child<QWidget>(&tab, "WinnerCard")->property("run").toInt(), best);

        std::size_t fronts = 0;
        for (const auto &[latency, column, statistic] : {std::tuple{"ttft_p99", int(ResultTableModel::TtftColumn), "p99"},
                                                         std::tuple{"ttft_mean", int(ResultTableModel::TtftColumn), "mean"}}) {
            std::vector<std::string> args2 = pareto;
            for (const char *a : {"--latency", latency, "--format", "json"})
                args2.push_back(a);
            const testutil::CliRun front = testutil::quantcfgRun(args2);
            QCOMPARE(front.code, 0);
            std::set<int> cliFront;
            const Json plotted = Json::parse(front.out);
            for (const Json &p : plotted["points"]) {
                if (p["on_front"].get<bool>())
                    cliFront.insert(p["run"]["index"].get<int>());
            }
            QVERIFY(!cliFront.empty());
            fronts += cliFront.size();
            choose(picker(tab, "StatisticPicker"), QLatin1String(statistic));
            choose(picker(tab, "LatencyPicker"), column);
            BenchmarkChart *scatter = chartOf(tab, 2);
            scatter->refresh();
            const std::vector<int> &rows = scatter->lastScatter().front.rows;
            QCOMPARE(std::set<int>(rows.begin(), rows.end()), cliFront);
        }
        QVERIFY(fronts >= 3);
    }

    // Issue 19 #3: a line against load joins only the runs of one sweep (the same labels but the
    // load), and the load axis never goes below zero.
    void linesJoinOneSweepOnly()
    {
        BenchmarksTab tab;
        // SGLang, late 2024: random and ShareGPT runs at the same rates, named "sglang" and no more.
        QVERIFY(importInto(tab, {realFile("sglang/datacrunch-llama-3.3-70b-online.jsonl"), fixture("tidy-wide.csv"),
                                 fixture("autotuner-fp8-sweep_results.json"), fixture("sglang_1112_200_1024_256.jsonl"),
                                 // concurrency 1 to 100: a margin of 3 % of the range would reach below zero
                                 realFile("autotuner/novitalabs-docker-simple-tune_results.json"),
                                 realFile("sglang/scicom-v0.5.9-server_info-tp8_dp1_Qwen3-8B_in1024_out128_p100_c100_38769a.jsonl")}));
        choose(picker(tab, "MetricPicker"), int(ResultTableModel::ThroughputColumn));
        const bench::ResultTable &t = *tab.runsModel()->table();
        BenchmarkChart *lines = chartOf(tab, 1);
        for (const int load : {int(ResultTableModel::RequestRateColumn), int(ResultTableModel::ConcurrencyColumn)}) {
            choose(picker(tab, "LoadPicker"), load);
            lines->refresh();
            const std::vector<charts::SeriesPoints> feed = charts::lineFeed(charts::FeedRows::of(*tab.proxy()), load,
                                                                             ResultTableModel::ThroughputColumn, {}, 100000);
            QVERIFY(feed.size() >= 2);
            QCOMPARE(lines->chart()->series().size() - sloLines(lines->chart()).size(), static_cast<qsizetype>(feed.size()));
            std::set<QString> names;
            for (const charts::SeriesPoints &line : feed) {
                names.insert(line.name);
                for (const int run : line.rows)
                    QVERIFY2(bench::sameSweep(t, static_cast<std::uint32_t>(run), static_cast<std::uint32_t>(line.rows.front())), qPrintable(line.name));
                for (const charts::SeriesPoints &other : feed) {
                    if (&other != &line)
                        QVERIFY(!bench::sameSweep(t, static_cast<std::uint32_t>(other.rows.front()), static_cast<std::uint32_t>(line.rows.front())));
                }
            }
            QCOMPARE(names.size(), feed.size()); // each line has a name of its own
            const auto *x = qobject_cast<QValueAxis *>(lines->chart()->axes(Qt::Horizontal).value(0));
            QVERIFY(x);
            QVERIFY2(x->min() >= 0, qPrintable(QString::number(x->min())));
        }
    }

    // Issue 19 #4: a series' colour comes from its engine or its sweep, never from the order the
    // series are met: the same in a new session and under any filter.
    void coloursFollowTheSeriesNotTheOrder()
    {
        const auto barColours = [](BenchmarksTab &tab) {
            chartOf(tab, 0)->refresh();
            QMap<QString, QColor> out;
            for (QBarSet *set : qobject_cast<QBarSeries *>(chartOf(tab, 0)->chart()->series().value(0))->barSets())
                out[set->label()] = set->brush().color();
            return out;
        };
        const auto lineColours = [](BenchmarksTab &tab) {
            BenchmarkChart *lines = chartOf(tab, 1);
            lines->refresh();
            const std::vector<charts::SeriesPoints> feed = charts::lineFeed(charts::FeedRows::of(*tab.proxy()), ResultTableModel::ConcurrencyColumn,
                                                                             ResultTableModel::ThroughputColumn, {}, 100000);
            QMap<QString, QColor> out;
            const QList<QAbstractSeries *> series = lines->chart()->series();
            for (std::size_t i = 0; i < feed.size(); ++i)
                out[feed[i].base] = qobject_cast<QLineSeries *>(series.value(static_cast<qsizetype>(i)))->pen().color();
            return out;
        };
        BenchmarksTab tab;
        QVERIFY(importInto(tab, allFixtures()));
        choose(picker(tab, "MetricPicker"), int(ResultTableModel::ThroughputColumn));
        choose(picker(tab, "LoadPicker"), int(ResultTableModel::ConcurrencyColumn));
        const QMap<QString, QColor> bars = barColours(tab), lines = lineColours(tab);
        QVERIFY(bars.contains(QStringLiteral("vllm")) && bars.contains(QStringLiteral("sglang")));
        QVERIFY(bars[QStringLiteral("vllm")] != bars[QStringLiteral("sglang")]);
        QVERIFY(lines.size() >= 3);
        // Filtered to SGLang, its set and lines come first now, in the colours they had.
        studiotest::child<QLineEdit>(&tab, "RunsFilter")->setText(QStringLiteral("sglang"));
        const QMap<QString, QColor> sglangBars = barColours(tab), sglangLines = lineColours(tab);
        QCOMPARE(sglangBars.keys(), QStringList{QStringLiteral("sglang")});
        QCOMPARE(sglangBars[QStringLiteral("sglang")], bars[QStringLiteral("sglang")]);
        QVERIFY(!sglangLines.isEmpty() && sglangLines.size() < lines.size());
        for (auto it = sglangLines.cbegin(); it != sglangLines.cend(); ++it)
            QCOMPARE(it.value(), lines.value(it.key()));
        // Another session, the files in another order: the same colours.
        BenchmarksTab later;
        QStringList reversed = allFixtures();
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(importInto(later, reversed));
        choose(picker(later, "MetricPicker"), int(ResultTableModel::ThroughputColumn));
        QCOMPARE(barColours(later), bars);
    }

    // Issue 19 #5: the throughput-vs-latency chart zooms (wheel, kept over a redraw, reset) and
    // pans, has log axes, shades the region that meets the SLO, labels the front without overlaps,
    // and a clicked point selects its run's row while the selected row rings its point.
    void scatterZoomsPansAndSelects()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        QVERIFY(importInto(tab, allFixtures()));
        choose(picker(tab, "LatencyPicker"), int(ResultTableModel::TtftColumn));
        chartTabs(tab)->setCurrentIndex(2);
        sloEditor(tab)->setLimit(SloEditor::Ttft, 700);
        BenchmarkChart *scatter = chartOf(tab, 2);
        scatter->refresh();
        QChart *chart = scatter->chart();
        QTest::qWait(50); // laid out: the labels are placed on the plot

        QAreaSeries *region = nullptr;
        for (QAbstractSeries *s : chart->series())
            region = region ? region : qobject_cast<QAreaSeries *>(s);
        QVERIFY(region);
        QCOMPARE(region->upperSeries()->points().constLast().x(), 700.0);

        QList<QRectF> labels;
        for (QGraphicsItem *item : scatter->view()->scene()->items()) {
            if (item->data(0).toString() == QLatin1String("ParetoLabel") && item->isVisible())
                labels << item->sceneBoundingRect();
        }
        QVERIFY(labels.size() >= 2);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                QVERIFY(!labels[i].intersects(labels[j]));
        }

        const auto xAxis = [chart] { return qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0)); };
        const double fullMin = xAxis()->min(), fullMax = xAxis()->max();
        QWidget *viewport = scatter->view()->viewport();
        const QPointF centre = scatter->view()->mapFromScene(chart->mapToScene(chart->plotArea().center()));
        QWheelEvent wheel(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QVERIFY(xAxis()->max() - xAxis()->min() < (fullMax - fullMin) * 0.8);
        QTest::qWait(10);
        const double zoomedMin = xAxis()->min(), zoomedMax = xAxis()->max();
        scatter->refresh();
        QCOMPARE(xAxis()->min(), zoomedMin);
        QCOMPARE(xAxis()->max(), zoomedMax);
        QTest::mousePress(viewport, Qt::MiddleButton, {}, centre.toPoint());
        QTest::mouseMove(viewport, centre.toPoint() + QPoint(60, 0));
        QTest::mouseRelease(viewport, Qt::MiddleButton, {}, centre.toPoint() + QPoint(60, 0));
        QVERIFY(xAxis()->min() < zoomedMin);
        QVERIFY(qAbs((xAxis()->max() - xAxis()->min()) - (zoomedMax - zoomedMin)) < 1e-6 * (zoomedMax - zoomedMin));
        studiotest::child<QToolButton>(scatter, "ResetZoom")->click();
        QCOMPARE(xAxis()->min(), fullMin);
        QCOMPARE(xAxis()->max(), fullMax);

        studiotest::child<QCheckBox>(scatter, "LogLatency")->setChecked(true);
        scatter->refresh();
        QVERIFY(qobject_cast<QLogValueAxis *>(chart->axes(Qt::Horizontal).value(0)));
        QVERIFY(qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0)));
        studiotest::child<QCheckBox>(scatter, "LogLatency")->setChecked(false);
        scatter->refresh();
        QTest::qWait(10);

        QTableView *table = studiotest::child<QTableView>(&tab, "RunsTable");
        const int clicked = scatter->lastScatter().front.rows.back();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, scatter->pointOnView(clicked).toPoint());
        QCOMPARE(tab.proxy()->mapToSource(table->currentIndex()).row(), clicked);
        const ResultTableModel &m = *tab.runsModel();
        int other = -1;
        for (int r = 0; r < m.rowCount() && other < 0; ++r) {
            if (r != clicked && std::isfinite(m.value(r, ResultTableModel::TtftColumn)) && std::isfinite(m.value(r, ResultTableModel::ThroughputColumn)))
                other = r;
        }
        QVERIFY(other >= 0);
        table->setCurrentIndex(tab.proxy()->mapFromSource(m.index(other, 0)));
        QScatterSeries *ring = nullptr;
        for (QAbstractSeries *s : chart->series())
            ring = s->name() == QLatin1String("selected run") ? qobject_cast<QScatterSeries *>(s) : ring;
        QVERIFY(ring);
        QCOMPARE(ring->points(), (QList<QPointF>{{m.value(other, ResultTableModel::TtftColumn), m.value(other, ResultTableModel::ThroughputColumn)}}));
    }

    // Issue 19 #6: runs measured with different metric definitions (another tool; GuideLLM before
    // and after v0.7.4) are marked where they are compared: over the charts and on the winner card.
    void differentMetricDefinitionsAreMarked()
    {
        BenchmarksTab tab;
        QVERIFY(importInto(tab, {realFile("vllm-bench-serve/er0080-bench-serve-v0.25.1.json"),
                                 realFile("guidellm/danielkorat-v0.5.0dev-concurrent4-benchmarks.json")}));
        sloEditor(tab)->setLimit(SloEditor::Ttft, 1e9);
        auto *note = studiotest::child<QLabel>(&tab, "MethodologyNote");
        QTRY_VERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QLatin1String("define their metrics differently")));
        QVERIFY(note->toolTip().contains(QLatin1String("GuideLLM 0.4 to 0.7.3")));
        QVERIFY(!studiotest::child<QLabel>(&tab, "WinnerMethodology")->isHidden());
        // Filtered to one tool, nothing is compared across definitions.
        studiotest::child<QLineEdit>(&tab, "RunsFilter")->setText(QStringLiteral("er0080"));
        QTRY_VERIFY(note->isHidden());

        // GuideLLM before and after v0.7.4 (the same report, its version changed).
        QTemporaryDir dir;
        QFile original(realFile("guidellm/danielkorat-v0.5.0dev-concurrent4-benchmarks.json"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QFile later(dir.filePath(QStringLiteral("guidellm-0.7.4.json")));
        QVERIFY(later.open(QIODevice::WriteOnly));
        later.write(original.readAll().replace("\"guidellm_version\": \"0.5.0.dev0\"", "\"guidellm_version\": \"0.7.4\""));
        later.close();
        BenchmarksTab guidellm;
        QVERIFY(importInto(guidellm, {original.fileName(), later.fileName()}));
        auto *guidellmNote = studiotest::child<QLabel>(&guidellm, "MethodologyNote");
        QTRY_VERIFY(!guidellmNote->isHidden());
        QVERIFY(guidellmNote->toolTip().contains(QLatin1String("GuideLLM 0.7.4 and later")));
    }

    // Issue 19 #5: a real pointer resting on a point shows its tooltip, on the scatter inside and
    // outside the shaded SLO region and under the selected run's ring, and on the lines: a mouse move through the view, as the window
    // system sends it, and the tooltip event an active window then gets (the scene hid the
    // hover's tooltip on it), not a hovered signal emitted by hand.
    void restingThePointerOnAPointShowsItsTooltip()
    {
        BenchmarksTab tab;
        QVERIFY(shown(tab));
        QVERIFY(importInto(tab, allFixtures()));
        choose(picker(tab, "LatencyPicker"), int(ResultTableModel::TtftColumn));
        sloEditor(tab)->setLimit(SloEditor::Ttft, 200);
        // The tooltip shown once the pointer has come from outside the plot to run @p row's point
        // and rested there ("" when none is).
        const auto rest = [](BenchmarkChart *chart, int row) {
            QWidget *viewport = chart->view()->viewport();
            QToolTip::hideText();
            QTest::mouseMove(viewport, QPoint(1, 1));
            QTest::qWait(400); // the hidden tooltip is gone
            const QPoint at = chart->pointOnView(row).toPoint();
            QTest::mouseMove(viewport, at);
            QHelpEvent rested(QEvent::ToolTip, at, viewport->mapToGlobal(at));
            QApplication::sendEvent(viewport, &rested);
            QTest::qWait(400); // a tooltip hidden by the event would be gone by now
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };

        chartTabs(tab)->setCurrentIndex(2);
        BenchmarkChart *scatter = chartOf(tab, 2);
        scatter->refresh();
        QTest::qWait(50);
        for (bool inRegion : {true, false}) {
            int row = -1; // a run drawn with a latency up to the limit (in the shaded region), or over it
            for (const charts::SeriesPoints &group : scatter->lastScatter().groups) {
                for (qsizetype i = 0; i < group.points.size() && row < 0; ++i)
                    row = (group.points[i].x() <= 200) == inRegion ? group.rows[static_cast<std::size_t>(i)] : -1;
            }
            QVERIFY(row >= 0);
            QVERIFY(scatter->pointOnView(row).x() >= 0);
            QCOMPARE(rest(scatter, row).section(QLatin1Char('\n'), 0, 0), scatter->runText(row));
        }
        // The selected run's ring lies over its point: it names the run too.
        const int selected = scatter->lastScatter().front.rows.front();
        QTest::mouseClick(scatter->view()->viewport(), Qt::LeftButton, {}, scatter->pointOnView(selected).toPoint());
        QCOMPARE(tab.proxy()->mapToSource(studiotest::child<QTableView>(&tab, "RunsTable")->currentIndex()).row(), selected);
        QCOMPARE(rest(scatter, selected).section(QLatin1Char('\n'), 0, 0), scatter->runText(selected));

        // The lines, a line of one point included (Qt Charts gives it no hover of its own).
        chartTabs(tab)->setCurrentIndex(1);
        BenchmarkChart *lines = chartOf(tab, 1);
        lines->refresh();
        QTest::qWait(50);
        int rested = 0;
        for (int r = 0; r < tab.runsModel()->rowCount(); ++r) {
            if (lines->pointOnView(r).x() < 0)
                continue;
            QCOMPARE(rest(lines, r).section(QLatin1Char('\n'), 0, 0), lines->runText(lines->runAt(lines->pointOnView(r))));
            ++rested;
        }
        QVERIFY(rested >= 2);
    }
};

QTEST_MAIN(TestStudioBench)
#include "tst_studio_bench.moc"
