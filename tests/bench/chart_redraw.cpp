// Times the benchmark charts with a million runs (tools/chart_redraw.sh): feeding a chart from
// the runs model (read through the proxy, decimate, build the series) and redrawing it (a full
// synchronous repaint of the chart view, what every zoom, hover or resize costs). Not a test:
// timings are not pass/fail.
#include "core/bench/resulttable.h"
#include "ui/charts/benchmarkchart.h"
#include "ui/resulttablemodel.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace quantcfg;

namespace {

std::shared_ptr<bench::ResultTable> millionRuns(std::uint32_t runs)
{
    auto table = std::make_shared<bench::ResultTable>();
    std::vector<std::uint32_t> sets;
    for (const char *engine : {"vllm", "sglang", "trtllm"}) {
        for (const char *preset : {"universal-fp8", "extreme-compression", "high-quality"}) {
            auto &pool = table->strings();
            sets.push_back(table->addLabelSet({{pool.intern("engine"), pool.intern(engine)}, {pool.intern("preset"), pool.intern(preset)}}));
        }
    }
    const auto thr = table->seriesId("output_throughput", "value", "tokens/s", "tokens/s");
    const auto ttft = table->seriesId("ttft", "mean", "ms", "ms");
    std::mt19937 rng(7);
    std::lognormal_distribution<double> noise(0, 0.3);
    for (std::uint32_t i = 0; i < runs; ++i) {
        bench::Run run;
        run.labelSet = sets[i % sets.size()];
        run.load.concurrency = 1 + (i / sets.size()) % 4096;
        const std::uint32_t r = table->addRun(run);
        table->addRow(r, thr, 40.0 * std::sqrt(run.load.concurrency) * noise(rng));
        table->addRow(r, ttft, 20.0 + run.load.concurrency * 0.5 * noise(rng));
    }
    return table;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const std::uint32_t runs = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 1'000'000;
    QElapsedTimer timer;
    timer.start();
    ui::ResultTableModel model;
    model.setTable(millionRuns(runs));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    std::printf("%u runs: table and model built in %.0f ms\n", runs, static_cast<double>(timer.nsecsElapsed()) / 1e6);

    using Kind = ui::charts::BenchmarkChart::Kind;
    for (Kind kind : {Kind::Lines, Kind::Scatter}) {
        ui::charts::BenchmarkChart chart(kind);
        chart.resize(1200, 700);
        chart.setModel(&proxy);
        if (kind == Kind::Lines) {
            chart.setMetricColumn(ui::ResultTableModel::ThroughputColumn);
            chart.setXColumn(ui::ResultTableModel::ConcurrencyColumn);
        } else {
            chart.setMetricColumn(ui::ResultTableModel::TtftColumn);
            chart.setXColumn(ui::ResultTableModel::ThroughputColumn);
        }
        chart.show();
        if (!QTest::qWaitForWindowExposed(&chart))
            return 1;
        std::vector<double> feed, draw;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            chart.refresh();
            feed.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        for (int i = 0; i < 30; ++i) {
            timer.restart();
            chart.view()->viewport()->repaint();
            draw.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("%s: %zu points read, %d drawn; feed (read + decimate + series) median %.0f ms; redraw median %.1f ms, max %.1f ms\n",
                    kind == Kind::Lines ? "lines  " : "scatter", chart.readPoints(), chart.drawnPoints(), median(feed), median(draw),
                    *std::max_element(draw.begin(), draw.end()));
    }
    return 0;
}
