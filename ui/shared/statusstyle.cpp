#include "ui/shared/statusstyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPalette>

namespace quantcfg::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quantcfg::ui::StatusStyle", text);
}

} // namespace

const QIcon &studioIcon(QLatin1StringView file)
{
    // Deliberately never freed: icons outliving the application must not be destroyed after it.
    static auto *cache = new QHash<QString, QIcon>;
    const QString path = QLatin1StringView(":/icons/") + file;
    auto it = cache->find(path);
    if (it == cache->end())
        it = cache->insert(path, QIcon(path));
    return *it;
}

QIcon severityIcon(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return studioIcon(QLatin1StringView("status-error.svg"));
    case Severity::Warning:
        return studioIcon(QLatin1StringView("status-warning.svg"));
    case Severity::Info:
        break;
    }
    return studioIcon(QLatin1StringView("status-info.svg"));
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("Error");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Info:
        break;
    }
    return tr("Info");
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor severityColor(Severity severity, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (severity) {
    case Severity::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    case Severity::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x50, 0x00);
    case Severity::Info:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QIcon planStatusIcon(PlanStatus status)
{
    switch (status) {
    case PlanStatus::Full:
        return studioIcon(QLatin1StringView("status-ok.svg"));
    case PlanStatus::Degraded:
        return studioIcon(QLatin1StringView("status-warning.svg"));
    case PlanStatus::Unsupported:
        break;
    }
    return studioIcon(QLatin1StringView("status-error.svg"));
}

QString planStatusText(PlanStatus status)
{
    switch (status) {
    case PlanStatus::Full:
        return tr("Full support");
    case PlanStatus::Degraded:
        return tr("Runs with changes");
    case PlanStatus::Unsupported:
        break;
    }
    return tr("Unsupported");
}

QIcon supportIcon(Support state)
{
    switch (state) {
    case Support::Supported:
        return studioIcon(QLatin1StringView("status-ok.svg"));
    case Support::WeightOnly:
        return studioIcon(QLatin1StringView("status-warning.svg"));
    case Support::Unsupported:
        return studioIcon(QLatin1StringView("status-error.svg"));
    case Support::NotTargeted:
        return studioIcon(QLatin1StringView("status-not-targeted.svg"));
    case Support::NotAvailable:
        return studioIcon(QLatin1StringView("status-no-method.svg"));
    case Support::Unknown:
        break;
    }
    return studioIcon(QLatin1StringView("status-unknown.svg"));
}

QString supportText(Support state)
{
    switch (state) {
    case Support::Supported:
        return tr("Supported");
    case Support::WeightOnly:
        return tr("Weight-only");
    case Support::Unsupported:
        return tr("Unsupported");
    case Support::NotTargeted:
        return tr("Not targeted");
    case Support::NotAvailable:
        return tr("No such method");
    case Support::Unknown:
        break;
    }
    return tr("Unknown");
}

} // namespace quantcfg::ui
