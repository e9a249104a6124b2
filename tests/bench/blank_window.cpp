// The baselines for tools/startup_time.sh. Each reports its first paint exactly like
// quantcfg-studio does (see ui/window/startupprobe.cpp):
//   studio_blank_window           a blank Qt Widgets window of the studio's size (the yardstick)
//   studio_blank_window --chrome  the least a desktop editor shows: a menu bar, a tool bar with three
//                                 of the style's standard icons, a status bar and one line of text.
//                                 It pays Qt's one-time costs (fonts, icon theme, image plugins) that
//                                 the blank window never meets, so it tells what is left to the studio.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QWidget>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {

void reportFirstPaint()
{
    QTimer::singleShot(0, [] {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        std::printf("first-paint-epoch-ns %lld\n", static_cast<long long>(std::chrono::nanoseconds(now).count()));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

class BlankWindow final : public QWidget
{
protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_painted)
            return;
        m_painted = true;
        reportFirstPaint();
    }

private:
    bool m_painted = false;
};

class FirstPaint final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            reportFirstPaint();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

int chromeWindow()
{
    QMainWindow window;
    for (const char *title : {"&File", "&Edit", "&View", "&Help"})
        window.menuBar()->addMenu(QString::fromLatin1(title))->addAction(QStringLiteral("Action"));
    QToolBar *tools = window.addToolBar(QStringLiteral("Main"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(window.style()->standardIcon(QStyle::SP_FileIcon), QStringLiteral("New"));
    tools->addAction(window.style()->standardIcon(QStyle::SP_DialogOpenButton), QStringLiteral("Open"));
    tools->addAction(window.style()->standardIcon(QStyle::SP_DialogSaveButton), QStringLiteral("Save"));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.setCentralWidget(new QLabel(QStringLiteral("One line of text in the window.")));
    window.resize(1280, 800);
    FirstPaint probe;
    window.installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "--chrome") == 0)
        return chromeWindow();
    BlankWindow window;
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
