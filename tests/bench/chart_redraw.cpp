// Times the benchmark charts with a million runs (tools/chart_redraw.sh): feeding a chart from
// the runs model (read through the proxy, decimate, build the series) and redrawing it (a full
// synchronous repaint of the chart view, what every zoom, hover or resize costs). Not a test:
// timings are not pass/fail.
#include "syntheticruns.h"
#include "ui/benchmarks/charts/benchmarkchart.h"
#include "ui/benchmarks/resulttablemodel.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace quantcfg;

namespace {

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
    model.setTable(benchdata::syntheticRuns(runs));
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
