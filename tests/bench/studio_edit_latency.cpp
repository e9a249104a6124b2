// Measures what one edit costs in the studio: revalidate + remap (ConfigAnalysis), the update of
// every view (form, diagnostics, panes), and a synchronous repaint of the whole window.
// Run by tools/edit_latency.sh; prints one line per measure with median, p95 and max in ms.
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
    std::printf("%-32s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%zu)\n", what, at(0.5), at(0.95), ms.back(), ms.size());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    quantcfg::ui::MainWindow window;
    window.start({});
    QApplication::processEvents();

    // A mix of edits: a number, an enum that changes the method (and which fields apply), a string.
    const std::vector<std::pair<std::string, quantcfg::Json>> edits{
        {"/parallelism/tensor_parallel_size", 4}, {"/quantization/method", "awq"},   {"/quantization/weight_bits", 4},
        {"/model/id_or_path", "org/model-a"},     {"/kv_cache/dtype", "fp8_e4m3"},   {"/parallelism/tensor_parallel_size", 8},
        {"/quantization/method", "fp8"},          {"/quantization/weight_bits", 8},  {"/model/id_or_path", "org/model-b"},
        {"/kv_cache/dtype", "fp8_e5m2"},
    };
    std::vector<double> analysis, update, total;
    for (int round = 0; round < 30; ++round) {
        for (const auto &[pointer, value] : edits) {
            QElapsedTimer timer;
            timer.start();
            window.document()->setValue(pointer, value);
            const double updated = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            window.repaint();
            const double painted = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            analysis.push_back(window.analysis()->lastDurationMs());
            update.push_back(updated);
            total.push_back(painted);
        }
    }
    report("revalidate + remap", analysis);
    report("+ update all views", update);
    report("+ repaint the window", total);
    return 0;
}
