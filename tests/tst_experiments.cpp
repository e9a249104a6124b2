#include "core/cli/cli.h"
#include "core/engines/experiments.h"

#include "testutil.h"

#include <QTest>

#include <sstream>

using namespace quantcfg;

class TestExperiments : public QObject
{
    Q_OBJECT

    static Json designTask() { return Json::parse(testutil::readFile(testutil::dataPath("tasks/design-task.json"))); }

private slots:
    void expandsPresetsTimesConcurrency_data()
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<int>("experiments");
        QTest::addColumn<QStringList>("skipped");
        QTest::newRow("sglang runs all four") << "sglang" << 12 << QStringList{};
        QTest::newRow("vllm runs all four") << "vllm" << 12 << QStringList{};
        QTest::newRow("tensorrt_llm skips gptq_marlin") << "tensorrt_llm" << 9 << QStringList{QStringLiteral("extreme-compression")};
    }
    void expandsPresetsTimesConcurrency()
    {
        QFETCH(QString, runtime);
        QFETCH(int, experiments);
        QFETCH(QStringList, skipped);
        Json task = designTask();
        task["base_runtime"] = runtime.toStdString();
        const ExperimentSet set = expandTask(task, loadPresetLibrary(std::nullopt));
        QCOMPARE(static_cast<int>(set.experiments.size()), experiments);
        QStringList actualSkipped;
        for (const Diagnostic &d : set.diagnostics) {
            QVERIFY(d.severity != Severity::Error);
            if (d.code == "task.preset-skipped")
                actualSkipped << QString::fromStdString(d.message).section(QLatin1Char(' '), 1, 1);
        }
        QCOMPARE(actualSkipped, skipped);
        // Each experiment carries its preset's config with the task's model, and the engine command.
        for (const Experiment &e : set.experiments) {
            QCOMPARE_JSON(e.quantizationConfig["model"]["id_or_path"], Json("meta-llama/Llama-3.2-1B-Instruct"));
            QVERIFY(!e.plan.argv.empty());
            QVERIFY(e.concurrency == 1 || e.concurrency == 4 || e.concurrency == 8);
        }
        const Json out = experimentsToJson(task, set);
        QCOMPARE_JSON(out["experiments"][0]["id"], Json("universal-fp8-c1"));
        // vLLM and SGLang take --quantization; TensorRT-LLM reads the method from the checkpoint.
        QCOMPARE(out["experiments"][0]["runtime_args"].contains("--quantization"), runtime != QLatin1String("tensorrt_llm"));
        QCOMPARE_JSON(out["slo"]["ttft"]["threshold"], Json(1.0));
    }

    void reportsTaskErrors_data()
    {
        QTest::addColumn<QString>("edit"); // JSON merged over the design task
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no runtime") << R"({"base_runtime": null})" << "/base_runtime";
        QTest::newRow("unknown runtime") << R"({"base_runtime": "ollama"})" << "/base_runtime";
        QTest::newRow("unknown version") << R"({"base_runtime_version": "0.1"})" << "/base_runtime_version";
        // An unknown engine is the engine's fault even when a version is given.
        QTest::newRow("unknown runtime with a version") << R"({"base_runtime": "tgi", "base_runtime_version": "2025-12"})" << "/base_runtime";
        QTest::newRow("unknown preset") << R"({"parameters": {"quantization_preset": ["universal-fp8", "ultra"]}})" << "/parameters/quantization_preset/1";
        QTest::newRow("no presets") << R"({"parameters": {"quantization_preset": []}})" << "/parameters/quantization_preset";
        QTest::newRow("bad concurrency") << R"({"benchmark": {"num_concurrency": [1, "four"]}})" << "/benchmark/num_concurrency/1";
    }
    void reportsTaskErrors()
    {
        QFETCH(QString, edit);
        QFETCH(QString, pointer);
        Json task = designTask();
        task.merge_patch(Json::parse(edit.toStdString()));
        const ExperimentSet set = expandTask(task, loadPresetLibrary(std::nullopt));
        const auto it = std::find_if(set.diagnostics.begin(), set.diagnostics.end(),
                                     [&](const Diagnostic &d) { return d.severity == Severity::Error && d.pointer == pointer.toStdString(); });
        QVERIFY(it != set.diagnostics.end());
        QCOMPARE(std::count_if(set.diagnostics.begin(), set.diagnostics.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; }), 1);
    }

    void overBudgetWarns()
    {
        Json task = designTask();
        task["optimization"]["max_iterations"] = 5;
        const ExperimentSet set = expandTask(task, loadPresetLibrary(std::nullopt));
        QVERIFY(std::any_of(set.diagnostics.begin(), set.diagnostics.end(), [](const Diagnostic &d) { return d.code == "task.over-budget"; }));
    }

    void taskRoundTripsThroughExperiments()
    {
        TaskSpec spec;
        spec.engine = "trtllm";
        spec.presets = {"universal-fp8", "blackwell-fp4"};
        spec.concurrency = {2};
        spec.ttftSeconds = 0.5;
        const Json task = makeTask(spec);
        QCOMPARE_JSON(task["base_runtime"], Json("tensorrt_llm"));
        const ExperimentSet set = expandTask(task, loadPresetLibrary(std::nullopt));
        QCOMPARE(set.experiments.size(), std::size_t(2));
        QCOMPARE(set.engine, std::string("trtllm"));
        QCOMPARE(set.experiments[1].id, std::string("blackwell-fp4-c2"));
    }

    void cli()
    {
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        int code = cli::run({"quantcfg", "experiments", QCFG_TEST_DATA "/tasks/design-task.json"}, in, out, err);
        QCOMPARE(code, 0);
        QCOMPARE(Json::parse(out.str())["experiments"].size(), std::size_t(12));
        std::ostringstream out2;
        code = cli::run({"quantcfg", "task", "--preset", "nope"}, in, out2, err);
        QCOMPARE(code, 2);
        std::istringstream bad("{\"base_runtime\": 3}");
        std::ostringstream out3;
        std::ostringstream err3;
        code = cli::run({"quantcfg", "experiments", "-"}, bad, out3, err3);
        QCOMPARE(code, 1);
        QVERIFY2(err3.str().find("<stdin>:/base_runtime: error:") != std::string::npos, err3.str().c_str());
    }
};

QTEST_APPLESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
