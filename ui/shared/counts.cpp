#include "ui/shared/counts.h"

#include <QCoreApplication>

namespace quantcfg::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quantcfg::ui::Counts", text);
}

} // namespace

QString runCount(qsizetype n)
{
    return n == 1 ? tr("1 run") : tr("%1 runs").arg(n);
}

QString fileCount(qsizetype n)
{
    return n == 1 ? tr("1 file") : tr("%1 files").arg(n);
}

} // namespace quantcfg::ui
