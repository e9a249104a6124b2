#pragma once

#include <QString>

namespace quantcfg::ui {

/// "1 run" / "12 runs", "1 file" / "3 files". Spelled out because the studio ships no translator,
/// and without one Qt's "%n run(s)" plurals keep the "(s)".
QString runCount(qsizetype n);
QString fileCount(qsizetype n);
/// "1 sequence" / "1,024 sequences" (digits grouped as the locale groups them, like the memory fit's
/// other figures).
QString sequenceCount(qint64 n);
/// "1 byte" / "0.5 bytes" / "2 bytes" (an element of an fp4 cache is half a byte).
QString byteCount(double n);

/// A measured value as tables and charts show it: two decimals below 100, one below a million, and
/// from a million on none, with the locale's digit grouping, since a decimal there says nothing:
/// 1e9 is "1,000,000,000", not "1000000000.0".
QString measurementText(double v);

} // namespace quantcfg::ui
