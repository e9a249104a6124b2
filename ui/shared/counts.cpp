#include "ui/shared/counts.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

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

QString sequenceCount(qint64 n)
{
    return n == 1 ? tr("1 sequence") : tr("%1 sequences").arg(QLocale().toString(n));
}

QString byteCount(double n)
{
    return n == 1 ? tr("1 byte") : tr("%1 bytes").arg(n);
}

QString measurementText(double v)
{
    if (std::abs(v) >= 1e6)
        return QLocale().toString(v, 'f', 0);
    return QString::number(v, 'f', std::abs(v) >= 100 ? 1 : 2);
}

} // namespace quantcfg::ui
