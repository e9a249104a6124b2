// quantcfg-studio: the desktop editor. Everything but start-up lives in ui/.
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QStringList>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("quantcfg"));
    QApplication::setApplicationName(QStringLiteral("quantcfg-studio"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTCFG_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantcfg.svg")));

    quantcfg::ui::MainWindow window;
    window.start(QApplication::arguments().mid(1));
    return QApplication::exec();
}
