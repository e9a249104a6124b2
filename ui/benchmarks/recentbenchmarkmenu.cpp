#include "ui/benchmarks/recentbenchmarkmenu.h"

#include "ui/state/settings.h"

#include <QDir>
#include <QFileInfo>

namespace quantcfg::ui {

RecentBenchmarkMenu::RecentBenchmarkMenu(QWidget *parent)
    : QMenu(tr("Recent benchmark files"), parent)
    , m_settings(new Settings(this))
{
    refresh();
    connect(m_settings, &Settings::recentBenchmarkFilesChanged, this, &RecentBenchmarkMenu::refresh);
}

void RecentBenchmarkMenu::refresh()
{
    clear();
    const QStringList files = m_settings->recentBenchmarkFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *action = addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { choose(path); });
    }
    if (files.isEmpty()) {
        addAction(tr("No recent benchmark files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("Clear list"), this, [this] { m_settings->clearRecentBenchmarkFiles(); });
}

void RecentBenchmarkMenu::choose(const QString &path)
{
    if (QFileInfo::exists(path)) {
        emit importRequested(path);
        return;
    }
    emit message(tr("%1 no longer exists; it is taken off the recent files").arg(QDir::toNativeSeparators(path)));
    m_settings->removeRecentBenchmarkFile(path);
}

} // namespace quantcfg::ui
