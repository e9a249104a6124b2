#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace quantcfg::ui {

/// What the studio is asked to do at start-up, parsed once from its command line (a file to open,
/// and for demonstrations and screenshots: the page to show, a model for the memory fit, benchmark
/// files to import and a second import to overlay). MainWindow::start() applies it through the
/// pages' public API.
struct StartOptions
{
    enum class Page { Config, Matrix, Fit, Benchmarks };

    QString file;                ///< configuration to open; empty: the default preset
    std::optional<Page> page;    ///< --tab config|matrix|fit|bench
    QString fitModel;            ///< --model PATH (config.json or a model folder)
    QStringList benchmarks;      ///< --bench FILE…: one import
    QStringList benchmarksAfter; ///< --bench-after FILE…: a second import, overlaid on the first

    /// Declares the options (and the FILE argument) on @p parser.
    static void addTo(QCommandLineParser &parser);
    /// Reads them back from @p parser once it has processed the command line. An unknown --tab
    /// value is ignored (the window opens on the configuration).
    static StartOptions from(const QCommandLineParser &parser);
};

} // namespace quantcfg::ui
