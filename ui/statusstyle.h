#pragma once

#include "core/diagnostic.h"
#include "core/engines/launchplan.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

namespace quantcfg::ui {

/// How severities and plan states look everywhere in the studio (one place, so the form, the lists
/// and the engine panes agree). Colours adapt to light and dark palettes.
QIcon severityIcon(Severity severity);
QString severityText(Severity severity);
QColor severityColor(Severity severity, const QPalette &palette);

QIcon planStatusIcon(PlanStatus status);
QString planStatusText(PlanStatus status);

/// True when @p palette has a dark window background.
bool isDarkPalette(const QPalette &palette);

} // namespace quantcfg::ui
