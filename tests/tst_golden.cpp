#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/presets.h"

#include "testutil.h"

#include <QTest>

#include <filesystem>
#include <fstream>

using namespace quantcfg;

// Golden files: tests/data/golden/<preset>/<engine>-<version>.txt hold the reviewed plan of every
// built-in preset on every engine profile, and tests/data/golden/<name>/ with a config.json the same
// for a configuration that is no preset (settings presets leave out). Regenerate after an intended
// change with QUANTCFG_UPDATE_GOLDEN=1 and review the diff.
class TestGolden : public QObject
{
    Q_OBJECT

    static std::string render(const LaunchPlan &plan)
    {
        std::string out = "# " + plan.engineName + " " + plan.version + ": " + planStatusName(plan.status) + "\n";
        out += "# method: " + plan.resolvedMethod + "; kv cache: " + plan.resolvedKvCache + "\n";
        for (const Diagnostic &d : plan.diagnostics)
            out += std::string("# ") + severityName(d.severity) + " " + d.code + " " + d.pointer + ": " + d.message + "\n";
        for (const ExtraFile &f : plan.files)
            out += "# file " + f.name + ":\n" + f.content;
        out += renderCommand(plan, CommandLayout::MultiLine) + "\n";
        return out;
    }

private slots:
    void presetPlans_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        for (const Preset &p : builtInPresets()) {
            for (const auto &profile : ProfileRegistry::builtIn().all()) {
                const std::string row = p.name + " " + profile->engine() + "@" + profile->version();
                QTest::newRow(row.c_str()) << testutil::q(p.name) << testutil::q(profile->engine()) << testutil::q(profile->version());
            }
        }
    }
    void presetPlans()
    {
        QFETCH(QString, preset);
        QFETCH(QString, engine);
        QFETCH(QString, version);
        const PresetLibrary lib = loadPresetLibrary(std::nullopt);
        compare(preset.toStdString(), Config::fromJson(lib.find(preset.toStdString())->document), engine.toStdString(), version.toStdString());
    }

    void configPlans_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        for (const auto &dir : std::filesystem::directory_iterator(std::filesystem::path(QCFG_TEST_DATA) / "golden")) {
            if (!std::filesystem::exists(dir.path() / "config.json"))
                continue;
            const std::string name = dir.path().filename().string();
            for (const auto &profile : ProfileRegistry::builtIn().all()) {
                const std::string row = name + " " + profile->engine() + "@" + profile->version();
                QTest::newRow(row.c_str()) << testutil::q(name) << testutil::q(profile->engine()) << testutil::q(profile->version());
            }
        }
    }
    void configPlans()
    {
        QFETCH(QString, name);
        QFETCH(QString, engine);
        QFETCH(QString, version);
        const std::filesystem::path dir = std::filesystem::path(QCFG_TEST_DATA) / "golden" / name.toStdString();
        compare(name.toStdString(), Config::fromJson(Json::parse(testutil::readFile((dir / "config.json").string()))), engine.toStdString(),
                version.toStdString());
    }

private:
    static void compare(const std::string &folder, const Config &config, const std::string &engine, const std::string &version)
    {
        const EngineProfile *profile = ProfileRegistry::builtIn().find(engine, version);
        const std::string actual = render(mapConfig(config, *profile));
        const std::filesystem::path file = std::filesystem::path(QCFG_TEST_DATA) / "golden" / folder / (engine + "-" + version + ".txt");
        if (qEnvironmentVariableIsSet("QUANTCFG_UPDATE_GOLDEN")) {
            std::filesystem::create_directories(file.parent_path());
            std::ofstream(file) << actual;
        }
        QVERIFY2(std::filesystem::exists(file), file.c_str());
        const std::string expected = testutil::readFile(file.string());
        QVERIFY2(actual == expected, ("golden file differs: " + file.string() + "\n--- actual ---\n" + actual).c_str());
    }
};

QTEST_APPLESS_MAIN(TestGolden)
#include "tst_golden.moc"
