#include "core/engines/lint.h"
#include "core/engines/profile.h"
#include "core/methods.h"
#include "core/resources.h"
#include "core/schema.h"

#include "testutil.h"

#include <QTest>

using namespace quantcfg;

// Engine profiles: every shipped one passes the engine-profile schema, a broken one is refused
// with its file and JSON pointer, profile ids and former ids resolve, and a profile read from
// partial sources is handled as such.
class TestProfiles : public QObject
{
    Q_OBJECT

    static Json defaultProfileDocument(const std::string &engine)
    {
        return ProfileRegistry::builtIn().find(engine)->document();
    }

    // The message of the ProfileLoadError that loading @p doc as @p path throws, or "" if none.
    static std::string loadError(const std::string &path, const std::string &text)
    {
        try {
            EngineProfile::load(path, text);
        } catch (const ProfileLoadError &e) {
            return e.what();
        }
        return {};
    }

private slots:
    void everyShippedProfilePassesTheSchema()
    {
        const auto entries = resources::list("resources/engines/");
        QVERIFY(entries.size() >= 6);
        for (const auto &entry : entries) {
            const std::string error = loadError(std::string(entry.path), std::string(entry.data));
            QVERIFY2(error.empty(), error.c_str());
        }
    }

    void brokenProfileNamesFileAndPointer_data()
    {
        QTest::addColumn<QString>("pointer");  // what to break
        QTest::addColumn<QString>("expected"); // in the error message
        QTest::newRow("missing mapping key") << "/mapping/method_flag" << "x.json: /mapping/method_flag: ";
        QTest::newRow("flag without value") << "/flags/--dtype/value" << "x.json: /flags/--dtype/value: ";
        QTest::newRow("method entry empty") << "/mapping/methods/fp8/value" << "x.json: /mapping/methods/fp8";
        QTest::newRow("invocation missing") << "/invocation" << "x.json: /invocation: ";
    }
    void brokenProfileNamesFileAndPointer()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        Json doc = defaultProfileDocument("vllm");
        const Json::json_pointer ptr(pointer.toStdString());
        doc[ptr.parent_pointer()].erase(ptr.back());
        const std::string error = loadError("x.json", doc.dump());
        QVERIFY2(error.find(expected.toStdString()) == 0, error.c_str());
    }

    void wrongTypeIsRefused()
    {
        Json doc = defaultProfileDocument("sglang");
        doc["flags"]["--tp-size"]["value"] = "yes";
        const std::string error = loadError("resources/engines/s.json", doc.dump());
        QVERIFY2(error.find("resources/engines/s.json: /flags/--tp-size/value: ") == 0, error.c_str());
    }

    void notJsonNamesLineAndColumn()
    {
        const std::string error = loadError("p.json", "{\n  \"engine\": vllm\n}");
        QVERIFY2(error.find("p.json:2:") == 0, error.c_str());
    }

    void partialProfileIsNeverTheDefault()
    {
        Json doc = defaultProfileDocument("vllm");
        doc["partial"] = {{"base", "abc"}, {"overlaid_files", {{"a.py", {{"sha256", "0"}}}}}};
        doc["default"] = true;
        QVERIFY(!loadError("p.json", doc.dump()).empty());
        doc["default"] = false;
        const std::string error = loadError("p.json", doc.dump());
        QVERIFY2(error.empty(), error.c_str());
    }

    void formerIdsResolveWithANote()
    {
        const ProfileRegistry &registry = ProfileRegistry::builtIn();
        for (const auto &profile : registry.all()) {
            const std::string id = profile->engine() + "@" + profile->version();
            QCOMPARE(registry.findSpec(id), profile.get());
            QVERIFY2(registry.formerIdNote(id).empty(), id.c_str());
            for (const std::string &former : profile->versionAliases()) {
                const std::string spec = profile->engine() + "@" + former;
                QCOMPARE(registry.findSpec(spec), profile.get());
                const std::string note = registry.formerIdNote(spec);
                QVERIFY2(note.find("is now called " + id) != std::string::npos, note.c_str());
            }
        }
        // The ids of quantcfg's first profiles stay usable in scripts, settings and task files.
        for (const char *spec : {"vllm@2026-08", "vllm@2025-12", "sglang@0.5.18", "sglang@0.5.6", "trtllm@1.x"})
            QVERIFY2(registry.findSpec(spec), spec);
        QVERIFY(!registry.findSpec("vllm@2027-01"));
    }

    // Which profile a configuration is mapped on: its pin, else the chosen version, else the default.
    void forConfigPrecedence_data()
    {
        QTest::addColumn<QString>("pins");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing: default") << "{}" << "vllm" << "" << "main-2026-08-21";
        QTest::newRow("chosen") << "{}" << "vllm" << "v0.11.0" << "v0.11.0";
        QTest::newRow("unknown chosen: default") << "{}" << "vllm" << "v9" << "main-2026-08-21";
        QTest::newRow("pin wins over chosen") << R"({"vllm": "main-2025-12-31"})" << "vllm" << "v0.11.0" << "main-2025-12-31";
        QTest::newRow("pin by former id") << R"({"vllm": "2026-08"})" << "vllm" << "" << "main-2026-08-14";
        QTest::newRow("pin of another engine") << R"({"sglang": "0.5.6"})" << "vllm" << "v0.11.0" << "v0.11.0";
        QTest::newRow("unknown pin: chosen") << R"({"vllm": "v9"})" << "vllm" << "v0.11.0" << "v0.11.0";
    }
    void forConfigPrecedence()
    {
        QFETCH(QString, pins);
        QFETCH(QString, engine);
        QFETCH(QString, chosen);
        QFETCH(QString, expected);
        Json doc = Json::parse(R"({"quantization": {"method": "none"}})");
        doc["engine_versions"] = Json::parse(pins.toStdString());
        const Config config = Config::fromJson(doc);
        const EngineProfile *p = ProfileRegistry::builtIn().forConfig(config, engine.toStdString(), chosen.toStdString());
        QVERIFY(p);
        QCOMPARE(QString::fromStdString(p->version()), expected);
    }

    void versionsDefaultFirstThenNewest()
    {
        const ProfileRegistry &registry = ProfileRegistry::builtIn();
        for (const std::string &engine : registry.engines()) {
            const auto versions = registry.versions(engine);
            QVERIFY(!versions.empty());
            QVERIFY(versions.front()->isDefault());
            QVERIFY(!versions.front()->isPartial());
            for (std::size_t i = 2; i < versions.size(); ++i)
                QVERIFY(versions[i - 1]->sourceDate() >= versions[i]->sourceDate());
        }
        // The default is the newest profile read from a whole tree.
        for (const auto &p : registry.all()) {
            if (!p->isPartial())
                QVERIFY2(p->sourceDate() <= registry.find(p->engine())->sourceDate(), p->version().c_str());
        }
    }

    // The method catalogue is the one list of unified methods: the schema offers exactly its
    // methods, and every profile says for each what the engine does with it.
    void everyCatalogueMethodIsInTheSchemaAndEveryProfile()
    {
        std::vector<std::string> catalogue;
        for (const MethodInfo &m : MethodCatalogue::builtIn().all())
            catalogue.push_back(m.name);
        QCOMPARE(catalogue, Schema::unifiedConfig().allowedValues("/quantization/method"));
        for (const auto &profile : ProfileRegistry::builtIn().all()) {
            const Json &methods = profile->mapping()["methods"];
            for (const std::string &m : catalogue)
                QVERIFY2(methods.contains(m) || (m == "w4a8" && methods.contains("w4a8:fp8")),
                         (profile->engine() + "@" + profile->version() + " has no mapping for " + m).c_str());
        }
        const MethodInfo *gptq = MethodCatalogue::builtIn().find("gptq_marlin");
        QVERIFY(gptq && gptq->needsQuantizedCheckpoint() && gptq->marlinFamily);
        QVERIFY(!MethodCatalogue::builtIn().find("fp8")->needsQuantizedCheckpoint());
        QVERIFY(modelNameLooksQuantized("Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4"));
        QVERIFY(modelNameLooksQuantized("nvidia/DeepSeek-R1-FP4"));
        QVERIFY(!modelNameLooksQuantized("meta-llama/Llama-3.1-8B-Instruct"));
    }

    void partialProfileWarnsOnUnknownFlags()
    {
        Json doc = defaultProfileDocument("vllm");
        const EngineProfile whole(doc);
        doc["partial"] = {{"base", "abc"}, {"overlaid_files", {{"a.py", {{"sha256", "0"}}}}}};
        doc["default"] = false;
        const EngineProfile partial(doc);
        const char *command = "vllm serve m --surely-not-a-flag 3";
        const Diagnostics strict = lintCommandLine(whole, command);
        const Diagnostics soft = lintCommandLine(partial, command);
        QCOMPARE(strict.size(), std::size_t(1));
        QCOMPARE(soft.size(), std::size_t(1));
        QCOMPARE(strict[0].code, std::string("lint.unknown-flag"));
        QCOMPARE(strict[0].severity, Severity::Error);
        QCOMPARE(soft[0].severity, Severity::Warning);
        QVERIFY(soft[0].message.find("partial sources") != std::string::npos);
        // A known bad value is an error on both.
        QCOMPARE(lintCommandLine(partial, "vllm serve m --kv-cache-dtype fp9")[0].severity, Severity::Error);
    }
};

QTEST_APPLESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
