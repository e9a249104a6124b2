#include "ui/window/startoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace quantcfg::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StartOptions", text);
}

} // namespace

void StartOptions::addTo(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("file"), tr("Configuration to open."), QStringLiteral("[FILE]"));
    parser.addOption({QStringLiteral("tab"), tr("Open a tab: config, matrix, fit or bench."), QStringLiteral("TAB")});
    parser.addOption({QStringLiteral("model"), tr("Model config.json or directory for the memory fit."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("bench"), tr("Benchmark result file to import (repeatable)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("bench-after"), tr("Result file of a second import, overlaid (repeatable)."), QStringLiteral("FILE")});
}

StartOptions StartOptions::from(const QCommandLineParser &parser)
{
    StartOptions o;
    o.file = parser.positionalArguments().value(0);
    const QString tab = parser.value(QStringLiteral("tab"));
    const QStringList pages{QStringLiteral("config"), QStringLiteral("matrix"), QStringLiteral("fit"), QStringLiteral("bench")};
    if (const qsizetype index = pages.indexOf(tab); index >= 0)
        o.page = static_cast<Page>(index);
    o.fitModel = parser.value(QStringLiteral("model"));
    o.benchmarks = parser.values(QStringLiteral("bench"));
    o.benchmarksAfter = parser.values(QStringLiteral("bench-after"));
    return o;
}

} // namespace quantcfg::ui
