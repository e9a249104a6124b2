#pragma once

#include "core/diagnostic.h"
#include "core/engines/capability.h"
#include "core/engines/launchplan.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

namespace quantcfg::ui {

/// The icon of resources/icons/@p file (":/icons/<file>"), one shared QIcon per file for the run.
/// A QIcon made from an SVG parses the file again, a shared one keeps its rendered pixmaps: views
/// ask for icons for every row they measure and paint, and fresh ones cost milliseconds at start-up.
/// GUI thread only, like QIcon itself.
const QIcon &studioIcon(QLatin1StringView file);

/// How severities and plan states look everywhere in the studio (one place, so the form, the lists
/// and the engine panes agree). Colours adapt to light and dark palettes.
QIcon severityIcon(Severity severity);
QString severityText(Severity severity);
QColor severityColor(Severity severity, const QPalette &palette);

QIcon planStatusIcon(PlanStatus status);
QString planStatusText(PlanStatus status);

/// How a method fares on a GPU (the hardware matrix's cells and legend): a different icon for each
/// state, and a word.
QIcon supportIcon(Support state);
QString supportText(Support state);

/// True when @p palette has a dark window background.
bool isDarkPalette(const QPalette &palette);

} // namespace quantcfg::ui
