#pragma once

class QWidget;

namespace quantcfg::ui {

/// For tools/startup_time.sh: when QUANTCFG_STARTUP_PROBE is set, prints the wall-clock time of
/// @p window's first paint ("first-paint-epoch-ns N") and quits. Does nothing otherwise.
void installStartupProbe(QWidget *window);

} // namespace quantcfg::ui
