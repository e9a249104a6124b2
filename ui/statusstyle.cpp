#include "ui/statusstyle.h"

#include <QCoreApplication>
#include <QPalette>

namespace quantcfg::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("quantcfg::ui::StatusStyle", text);
}

} // namespace

QIcon severityIcon(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QIcon(QStringLiteral(":/icons/status-error.svg"));
    case Severity::Warning:
        return QIcon(QStringLiteral(":/icons/status-warning.svg"));
    case Severity::Info:
        break;
    }
    return QIcon(QStringLiteral(":/icons/status-info.svg"));
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
        return QIcon(QStringLiteral(":/icons/status-ok.svg"));
    case PlanStatus::Degraded:
        return QIcon(QStringLiteral(":/icons/status-warning.svg"));
    case PlanStatus::Unsupported:
        break;
    }
    return QIcon(QStringLiteral(":/icons/status-error.svg"));
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

} // namespace quantcfg::ui
