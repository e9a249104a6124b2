#include "core/presets.h"
#include "core/validation.h"

#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace quantcfg;

class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void builtInsInDesignOrder()
    {
        const auto presets = builtInPresets();
        std::vector<std::string> names;
        for (const Preset &p : presets)
            names.push_back(p.name);
        QCOMPARE(names, (std::vector<std::string>{"universal-fp8", "sglang-marlin-moe", "extreme-compression", "high-quality", "blackwell-fp4"}));
    }

    void everyPresetValidates_data()
    {
        QTest::addColumn<QString>("name");
        for (const Preset &p : builtInPresets())
            QTest::newRow(p.name.c_str()) << testutil::q(p.name);
    }
    void everyPresetValidates()
    {
        QFETCH(QString, name);
        const auto presets = builtInPresets();
        const auto it = std::find_if(presets.begin(), presets.end(), [&](const Preset &p) { return p.name == name.toStdString(); });
        QVERIFY(it != presets.end());
        const Diagnostics diags = validateDocument(it->document);
        QVERIFY(!hasErrors(diags));
        QCOMPARE(countSeverity(diags, Severity::Warning), 0);
        // Name, description, use case and expected performance are data, shown by the studio.
        QCOMPARE_JSON(it->document["name"].get<std::string>(), name.toStdString());
        QVERIFY(!it->document["description"].get<std::string>().empty());
        QVERIFY(!it->document["use_case"].get<std::string>().empty());
        QVERIFY(it->document["expected_performance"].contains("memory"));
    }

    void compiledInMatchesSourceFiles()
    {
        for (const Preset &p : builtInPresets()) {
            const Json onDisk = Json::parse(testutil::readFile(std::string(QCFG_SOURCE_DIR) + "/presets/" + p.name + ".json"));
            QCOMPARE_JSON(p.document, onDisk);
        }
    }

    void userPresetsLoadAfterBuiltIns()
    {
        QTemporaryDir dir;
        const std::filesystem::path userDir = dir.path().toStdString();
        std::ofstream(userDir / "my-awq.json") << R"({"name": "my-awq", "quantization": {"method": "awq", "weight_bits": 4}})";
        std::ofstream(userDir / "high-quality.json") << R"({"quantization": {"method": "fp8"}})";
        std::ofstream(userDir / "broken.json") << "{\"quantization\": ";
        std::ofstream(userDir / "notes.txt") << "not a preset";

        const PresetLibrary lib = loadPresetLibrary(userDir);
        QCOMPARE(lib.presets.size(), std::size_t(6));
        QCOMPARE(lib.presets.back().name, std::string("my-awq"));
        QVERIFY(!lib.presets.back().builtIn);
        // The built-in keeps its meaning, and the clash is reported.
        QCOMPARE_JSON(lib.find("high-quality")->document["quantization"]["method"], Json("none"));
        QCOMPARE(lib.diagnostics.size(), std::size_t(2));
        QCOMPARE(lib.diagnostics[0].code, std::string("json.syntax"));
        QVERIFY(lib.diagnostics[0].value.find("broken.json") != std::string::npos);
        QCOMPARE(lib.diagnostics[1].code, std::string("preset.shadows-built-in"));
    }

    void missingUserDirIsFine()
    {
        const PresetLibrary lib = loadPresetLibrary(std::filesystem::path("/nonexistent/quantcfg/presets"));
        QCOMPARE(lib.presets.size(), std::size_t(5));
        QVERIFY(lib.diagnostics.empty());
    }

    void saveUserPreset_()
    {
        QTemporaryDir dir;
        const std::filesystem::path userDir = std::filesystem::path(dir.path().toStdString()) / "nested" / "presets";
        const Json doc = Json::parse(R"({"quantization": {"method": "gptq", "weight_bits": 4}})");
        QVERIFY(!saveUserPreset(userDir, "mine", doc));
        QCOMPARE_JSON(loadPresetLibrary(userDir).find("mine")->document, doc);
        QVERIFY(saveUserPreset(userDir, "universal-fp8", doc));
        QVERIFY(saveUserPreset(userDir, "../escape", doc));
        QVERIFY(saveUserPreset(userDir, "", doc));
    }

    void xdgDataHome()
    {
        qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
        QCOMPARE(defaultUserPresetDir(), std::filesystem::path("/tmp/xdg-test/quantcfg/presets"));
        qunsetenv("XDG_DATA_HOME");
        qputenv("HOME", "/home/someone");
        QCOMPARE(defaultUserPresetDir(), std::filesystem::path("/home/someone/.local/share/quantcfg/presets"));
    }
};

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"
