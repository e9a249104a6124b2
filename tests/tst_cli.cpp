#include "core/cli/cli.h"
#include "core/jsonio.h"

#include "cliutil.h"
#include "testutil.h"

#include <QTest>

#include <sstream>

using namespace quantcfg;

namespace {

using Run = testutil::CliRun;
using testutil::quantcfgRun;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString presets = QStringLiteral(QCFG_SOURCE_DIR "/presets/");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0;
        QTest::newRow("no subcommand") << QStringList{} << 2;
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("frobnicate")} << 2;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("presets"), QStringLiteral("--colour")} << 2;
        QTest::newRow("validate without file") << QStringList{QStringLiteral("validate")} << 2;
        QTest::newRow("validate preset file") << QStringList{QStringLiteral("validate"), presets + QStringLiteral("universal-fp8.json")} << 0;
        QTest::newRow("validate preset by name") << QStringList{QStringLiteral("validate"), QStringLiteral("blackwell-fp4")} << 0;
        QTest::newRow("validate broken") << QStringList{QStringLiteral("validate"), QStringLiteral(QCFG_TEST_DATA "/configs/bad-enum.json")} << 1;
        QTest::newRow("validate missing file") << QStringList{QStringLiteral("validate"), QStringLiteral("/no/such/file.json")} << 1;
        QTest::newRow("validate good and bad") << QStringList{QStringLiteral("validate"), presets + QStringLiteral("high-quality.json"), QStringLiteral(QCFG_TEST_DATA "/configs/trailing-comma.json")} << 1;
        QTest::newRow("show preset") << QStringList{QStringLiteral("show"), QStringLiteral("extreme-compression")} << 0;
        QTest::newRow("show unknown") << QStringList{QStringLiteral("show"), QStringLiteral("ultra-fp2")} << 1;
        QTest::newRow("presets") << QStringList{QStringLiteral("presets")} << 0;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        std::vector<std::string> argv;
        for (const QString &a : args)
            argv.push_back(a.toStdString());
        const Run r = quantcfgRun(argv);
        QVERIFY2(r.code == code, (r.out + r.err).c_str());
    }

    void helpOnEverySubcommand_data()
    {
        QTest::addColumn<QString>("sub");
        for (const char *s : {"validate", "presets", "show"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void helpOnEverySubcommand()
    {
        QFETCH(QString, sub);
        const Run r = quantcfgRun({sub.toStdString(), "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("Usage") != std::string::npos || r.out.find("usage") != std::string::npos, r.out.c_str());
        QVERIFY(r.out.find("--json") != std::string::npos);
    }

    void diagnosticsFormat()
    {
        const std::string file = QCFG_TEST_DATA "/configs/bad-enum.json";
        const Run r = quantcfgRun({"validate", file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find(file + ":/quantization/method: error: \"fp9\" is not an allowed value (allowed: none, awq, gptq, fp8,") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find(file + ":/kv_cache/dtype: error:") != std::string::npos, r.err.c_str());
        const Run syntax = quantcfgRun({"validate", QCFG_TEST_DATA "/configs/trailing-comma.json"});
        QVERIFY2(syntax.err.find("trailing-comma.json:5:3: error:") != std::string::npos, syntax.err.c_str());
    }

    void jsonReport()
    {
        const Run r = quantcfgRun({"validate", "--json", QCFG_TEST_DATA "/configs/bad-enum.json", QCFG_SOURCE_DIR "/presets/universal-fp8.json"});
        QCOMPARE(r.code, 1);
        const Json report = Json::parse(r.out);
        QCOMPARE_JSON(report["valid"], Json(false));
        QCOMPARE_JSON(report["files"].size(), std::size_t(2));
        QCOMPARE_JSON(report["files"][0]["valid"], Json(false));
        QCOMPARE_JSON(report["files"][0]["errors"], Json(2));
        const Json &first = report["files"][0]["diagnostics"][0];
        QCOMPARE_JSON(first["severity"], Json("error"));
        QCOMPARE_JSON(first["pointer"], Json("/kv_cache/dtype"));
        QCOMPARE_JSON(first["code"], Json("schema.enum"));
        QVERIFY(first["allowed"].is_array());
        QCOMPARE_JSON(report["files"][1]["valid"], Json(true));
        QVERIFY(report["files"][1]["diagnostics"].empty());
    }

    void readsStandardInput()
    {
        Run r = quantcfgRun({"validate", "-"}, R"({"quantization": {"method": "awq", "weight_bits": 8}})");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("<stdin>:/quantization/weight_bits: error:") != std::string::npos, r.err.c_str());
        r = quantcfgRun({"validate", "-"}, std::string("\0\1\2", 3));
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.find("binary") != std::string::npos);
    }

    void showPrintsLoadableConfig()
    {
        const Run r = quantcfgRun({"show", "universal-fp8"});
        QCOMPARE(r.code, 0);
        const Json doc = Json::parse(r.out);
        QCOMPARE_JSON(doc["quantization"]["method"], Json("fp8"));
        const Run again = quantcfgRun({"validate", "-"}, r.out);
        QCOMPARE(again.code, 0);
    }

    void presetsListing()
    {
        const Run r = quantcfgRun({"presets", "--json"});
        QCOMPARE(r.code, 0);
        const Json list = Json::parse(r.out);
        QVERIFY(list.size() >= 5);
        QCOMPARE_JSON(list[0]["name"], Json("universal-fp8"));
        QCOMPARE_JSON(list[0]["method"], Json("fp8"));
        QCOMPARE_JSON(list[0]["built_in"], Json(true));
        const Run text = quantcfgRun({"presets"});
        QVERIFY(text.out.find("sglang-marlin-moe") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
