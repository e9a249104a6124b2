#pragma once

#include <QMenu>

namespace quantcfg::ui {

class Settings;

/// "Recent benchmark files": one entry per file remembered in Settings (it follows their changes),
/// most recent first, and "Clear list". Choosing a file that still exists asks for it to be
/// imported; one that is gone is said so and taken off the list.
class RecentBenchmarkMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit RecentBenchmarkMenu(QWidget *parent = nullptr);

signals:
    void importRequested(const QString &path);
    void message(const QString &text);

private:
    void refresh();
    void choose(const QString &path);

    Settings *m_settings;
};

} // namespace quantcfg::ui
