// quantcfg-studio: the desktop editor. Everything but start-up lives in ui/.
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QStringList>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
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
    parser.process(app);

    quantcfg::ui::MainWindow window;
    window.start(parser.positionalArguments());
    return QApplication::exec();
}
