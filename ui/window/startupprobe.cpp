#include "ui/window/startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace quantcfg::ui {

namespace {

class FirstPaintFilter final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // The window's own paint starts the frame; report once the whole frame is flushed.
            QTimer::singleShot(0, this, [] {
                const auto now = std::chrono::system_clock::now().time_since_epoch();
                std::printf("first-paint-epoch-ns %lld\n", static_cast<long long>(std::chrono::nanoseconds(now).count()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

void installStartupProbe(QWidget *window)
{
    if (qEnvironmentVariableIsEmpty("QUANTCFG_STARTUP_PROBE"))
        return;
    window->installEventFilter(new FirstPaintFilter(window));
}

} // namespace quantcfg::ui
