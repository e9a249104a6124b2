// The baseline for tools/startup_time.sh: a blank Qt Widgets window of the studio's size that
// reports its first paint exactly like quantcfg-studio does (see ui/startupprobe.cpp).
#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace {

class BlankWindow final : public QWidget
{
protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_painted)
            return;
        m_painted = true;
        QTimer::singleShot(0, this, [] {
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            std::printf("first-paint-epoch-ns %lld\n", static_cast<long long>(std::chrono::nanoseconds(now).count()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BlankWindow window;
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
