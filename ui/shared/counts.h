#pragma once

#include <QString>

namespace quantcfg::ui {

/// "1 run" / "12 runs", "1 file" / "3 files". Spelled out because the studio ships no translator,
/// and without one Qt's "%n run(s)" plurals keep the "(s)".
QString runCount(qsizetype n);
QString fileCount(qsizetype n);

} // namespace quantcfg::ui
