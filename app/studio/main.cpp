// quantcfg-studio: the desktop editor. Everything but start-up lives in ui/.
#include "core/preload.h"
#include "ui/window/mainwindow.h"
#include "ui/window/startoptions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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
    quantcfg::ui::StartOptions::addTo(parser);
    parser.process(app);

    quantcfg::ui::MainWindow window;
    window.start(quantcfg::ui::StartOptions::from(parser));
    return QApplication::exec();
}
