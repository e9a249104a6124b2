// quantcfg-studio: the desktop editor. Everything but start-up lives in ui/.
#include "core/preload.h"
#include "ui/window/mainwindow.h"
#include "ui/window/startoptions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    // Parsed while the application object connects to the display and the window builds its first
    // parts (all take milliseconds); whatever needs a piece of the data first waits for it there.
    auto preload = quantcfg::preloadBuiltInData();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("quantcfg"));
    QApplication::setApplicationName(QStringLiteral("quantcfg-studio"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTCFG_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantcfg.svg")));

    // --help and --version print and exit here, before any window exists.
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Edit a quantization configuration and see its engine commands."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    quantcfg::ui::StartOptions::addTo(parser);
    // process() prints and calls exit() for these and for a bad option; exit() must not meet the
    // parse half-way (the thread must not outlive main).
    if (!parser.parse(QCoreApplication::arguments()) || parser.isSet(help) || parser.isSet(version)
        || parser.isSet(QStringLiteral("help-all"))) {
        preload.wait();
        parser.process(app);
    }

    quantcfg::ui::MainWindow window;
    window.start(quantcfg::ui::StartOptions::from(parser));
    return QApplication::exec();
}
