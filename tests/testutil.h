#pragma once

#include "core/jsonio.h"

#include <QString>
#include <QStringList>
#include <QTest>

#include <fstream>
#include <sstream>
#include <string>

// Helpers shared by the test executables (header-only, no Qt in core).
namespace testutil {

inline std::string dataPath(const std::string &relative)
{
    return std::string(QCFG_TEST_DATA) + "/" + relative;
}

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeFile(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

inline quantcfg::Json json(const char *text)
{
    return quantcfg::Json::parse(text);
}

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// The codes of @p diags joined with ',' (one QCOMPARE checks which findings came, in order).
inline QString codes(const quantcfg::Diagnostics &diags)
{
    QStringList parts;
    for (const quantcfg::Diagnostic &d : diags)
        parts << q(d.code);
    return parts.join(QLatin1Char(','));
}

} // namespace testutil

// QCOMPARE cannot take nlohmann::json (Qt's overloads probe conversions that nlohmann rejects
// with a hard error), so compare JSON values with this and print both on failure.
#define QCOMPARE_JSON(actual, expected)                                                                    \
    do {                                                                                                   \
        const quantcfg::Json qcfgActual_ = (actual);                                                       \
        const quantcfg::Json qcfgExpected_ = (expected);                                                   \
        QVERIFY2(qcfgActual_ == qcfgExpected_,                                                             \
                 ("actual: " + qcfgActual_.dump() + "\nexpected: " + qcfgExpected_.dump()).c_str());       \
    } while (false)
