#include "core/jsonio.h"

#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace quantcfg;

class TestJsonIo : public QObject
{
    Q_OBJECT

private slots:
    void syntaxErrorPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("trailing comma") << QStringLiteral("{\n  \"a\": 1,\n}") << 3 << 1;
        QTest::newRow("bad literal") << QStringLiteral("{\"a\": tru}") << 1 << 10; // nlohmann stops after the token it could not read
        QTest::newRow("missing close") << QStringLiteral("{\n\"a\": [1, 2\n") << 3 << 1;
        QTest::newRow("unicode before error") << QStringLiteral("{\"é\": x}") << 1 << 7;
        QTest::newRow("empty input") << QString() << 1 << 1;
        QTest::newRow("second line") << QStringLiteral("{\"a\": 1,\n \"b\" 2}") << 2 << 6;
    }
    // A number beyond double's range is refused with its position, not thrown (fuzz finding).
    void numberBeyondDoubleIsAnError()
    {
        const std::string text = "{\n  \"max\": 1E999\n}";
        const JsonResult r = parseJson(text);
        QVERIFY(!r.value);
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(r.diagnostics[0].code, std::string("json.number-out-of-range"));
        QVERIFY2(r.diagnostics[0].message.find("1E999") != std::string::npos, r.diagnostics[0].message.c_str());
        QCOMPARE(r.diagnostics[0].line, 2);
        QCOMPARE(r.diagnostics[0].column, 10);
    }
    void syntaxErrorPosition()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string utf8 = text.toStdString();
        const JsonResult r = parseJson(utf8);
        QVERIFY(!r.value);
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(r.diagnostics[0].code, std::string("json.syntax"));
        QCOMPARE(r.diagnostics[0].line, line);
        QCOMPARE(r.diagnostics[0].column, column);
        QVERIFY(!r.diagnostics[0].message.empty());
        QVERIFY2(r.diagnostics[0].message.find("json.exception") == std::string::npos, r.diagnostics[0].message.c_str());
    }

    void fileFromDisk()
    {
        const JsonResult r = loadJsonFile(testutil::dataPath("configs/trailing-comma.json"));
        QVERIFY(!r.value);
        QCOMPARE(r.diagnostics[0].line, 5);
        QCOMPARE(r.diagnostics[0].column, 3);
    }

    void refusesBadFiles()
    {
        QTemporaryDir dir;
        const std::filesystem::path base = dir.path().toStdString();
        {
            std::ofstream bin(base / "binary.json", std::ios::binary);
            bin << "{\"a\":" << '\0' << "1}";
        }
        QCOMPARE(loadJsonFile(base / "binary.json").diagnostics.at(0).code, std::string("io.binary"));
        {
            std::ofstream big(base / "big.json");
            big << std::string(2000, ' ');
        }
        QCOMPARE(loadJsonFile(base / "big.json", 1000).diagnostics.at(0).code, std::string("io.too-large"));
        QCOMPARE(loadJsonFile(base / "missing.json").diagnostics.at(0).code, std::string("io.not-found"));
        QCOMPARE(loadJsonFile(base).diagnostics.at(0).code, std::string("io.is-directory"));
    }

    void atomicWriteReplacesAndLeavesNoTemporaries()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "c.json";
        QVERIFY(!writeFileAtomic(file, "old\n"));
        QVERIFY(!writeFileAtomic(file, "new\n"));
        QCOMPARE(testutil::readFile(file.string()), std::string("new\n"));
        int entries = 0;
        for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(file.parent_path()))
            ++entries;
        QCOMPARE(entries, 1);
    }

    void atomicWriteFailureKeepsNothingPartial()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "no-such-dir" / "c.json";
        const auto failure = writeFileAtomic(file, "data");
        QVERIFY(failure);
        QCOMPARE(failure->code, std::string("io.write-failed"));
        QVERIFY(!std::filesystem::exists(file));
    }

    void prettyFormatIsTwoSpacesWithNewline()
    {
        const Json doc = Json::parse(R"({"b":1,"a":{"c":[1,2]}})");
        QCOMPARE(toPrettyJson(doc), std::string("{\n  \"b\": 1,\n  \"a\": {\n    \"c\": [\n      1,\n      2\n    ]\n  }\n}\n"));
    }
};

QTEST_APPLESS_MAIN(TestJsonIo)
#include "tst_jsonio.moc"
