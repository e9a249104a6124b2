// quantcfg-studio: the desktop editor. Everything but start-up lives in ui/.
#include "core/preload.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QStringList>

int main(int argc, char *argv[])
{
    // Parsed while the application object connects to the display (both take milliseconds). Done
    // before anything can call exit() (--help), which must not meet the parse half-way.
    auto preload = quantcfg::preloadBuiltInData();
    QApplication app(argc, argv);
    preload.wait();
    QApplication::setOrganizationName(QStringLiteral("quantcfg"));
    QApplication::setApplicationName(QStringLiteral("quantcfg-studio"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTCFG_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantcfg.svg")));

    // --help and --version print and exit here, before any window exists.
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Edit a quantization configuration and see its engine commands."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "Configuration to open."),
                                 QStringLiteral("[FILE]"));
    // Start-up options for demonstrations and screenshots; MainWindow::start reads them.
    parser.addOption({QStringLiteral("tab"), QApplication::translate("main", "Open a tab: config, matrix, fit or bench."), QStringLiteral("TAB")});
    parser.addOption({QStringLiteral("model"), QApplication::translate("main", "Model config.json or directory for the memory fit."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("bench"), QApplication::translate("main", "Benchmark result file to import (repeatable)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("bench-after"), QApplication::translate("main", "Result file of a second import, overlaid (repeatable)."), QStringLiteral("FILE")});
    parser.process(app);

    QStringList arguments; // normalised to "--option value" pairs (the parser also accepts --option=value)
    for (const QString &name : {QStringLiteral("tab"), QStringLiteral("model"), QStringLiteral("bench"), QStringLiteral("bench-after")}) {
        for (const QString &value : parser.values(name))
            arguments << QStringLiteral("--") + name << value;
    }
    arguments << parser.positionalArguments();

    quantcfg::ui::MainWindow window;
    window.start(arguments);
    return QApplication::exec();
}
