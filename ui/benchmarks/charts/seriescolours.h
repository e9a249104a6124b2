#pragma once

#include <QColor>
#include <QString>

namespace quantcfg::ui::charts {

/// The colour of the chart series named @p name: an engine ("vllm"), a sweep ("Llama-3.1-8B ·
/// vllm · universal-fp8"), a scatter group ("meets SLO"). It comes from the name alone, never
/// from the order series are met, so a series keeps its colour across sessions, filters and
/// imports. Engines and the scatter's verdicts have colours of their own; any other name gets
/// one of 18 that stay apart (Tableau 10 and 20, no greys) by a hash of its text (two names may
/// still share one).
QColor seriesColour(const QString &name);

} // namespace quantcfg::ui::charts
