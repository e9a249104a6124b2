#include "cli/cli.h"
#include "core/config.h"
#include "core/engines/autotuner.h"
#include "core/engines/experiments.h"

#include "testutil.h"

#include <QTest>

#include <sstream>

using namespace quantcfg;

class TestExperiments : public QObject
{
    Q_OBJECT

    // The codes of the task's errors and warnings, sorted.
    static QStringList findingCodes(const Diagnostics &diagnostics)
    {
        QStringList found;
        for (const Diagnostic &d : diagnostics)
            if (d.severity != Severity::Info)
                found << QString::fromStdString(d.code);
        found.sort();
        return found;
    }

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

    // Issue 24: the autotuner's own 13 example tasks (tests/data/tasks/autotuner, SOURCES.md), read
    // as its command-line runner reads them in Docker mode: experiments, whether each engine
    // command starts, and what the autotuner would trip on.
    void autotunerExamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("experiments");
        QTest::addColumn<bool>("allStart");
        QTest::addColumn<QStringList>("codes"); // task findings (errors and warnings), sorted
        QTest::newRow("docker_task") << "docker_task.json" << 2 << true << QStringList{};
        QTest::newRow("grid capped by max_iterations") << "docker_task_advanced.json" << 12 << true << QStringList{};
        QTest::newRow("bayesian") << "bayesian_task.json" << 30 << true << QStringList{QStringLiteral("autotuner.max-iterations")};
        QTest::newRow("parallel_config passed as --tp") << "parallel_config_test.json" << 2 << true
                                                        << QStringList{QStringLiteral("autotuner.max-iterations")};
        QTest::newRow("quant_config ignored by the runner") << "quant_preset_task.json" << 4 << true
                                                            << QStringList{QStringLiteral("autotuner.quant-config")};
        QTest::newRow("no timeout_per_iteration") << "quant_custom_task.json" << 2 << true
                                                  << QStringList{QStringLiteral("autotuner.missing"), QStringLiteral("autotuner.quant-config")};
        QTest::newRow("OME runtime with an sglang prefix: underscores") << "simple_task.json" << 1 << false << QStringList{};
        QTest::newRow("OME runtime nobody launches") << "tuning_task.json" << 0 << true
                                                     << QStringList{QStringLiteral("autotuner.benchmark-model"), QStringLiteral("autotuner.benchmark-tokenizer"),
                                                                    QStringLiteral("autotuner.runtime-unsupported")};
        QTest::newRow("ome mode") << "ome_with_presets_task.json" << 1 << true << QStringList{QStringLiteral("autotuner.ome")};
    }
    void autotunerExamples()
    {
        QFETCH(QString, file);
        QFETCH(int, experiments);
        QFETCH(bool, allStart);
        QFETCH(QStringList, codes);
        const Json task = Json::parse(testutil::readFile(testutil::dataPath("tasks/autotuner/" + file.toStdString())));
        const AutotunerExpansion e = expandAutotunerTask(task);
        QCOMPARE(int(e.launches.size()), experiments);
        QCOMPARE(findingCodes(e.diagnostics), codes);
        for (const AutotunerLaunch &l : e.launches)
            QCOMPARE(!hasErrors(l.lint), allStart);
    }

    // What docker_controller.py builds: base command, then --name value per parameter (a true
    // boolean alone, a false one left out, values as Python's str() prints them), split on
    // whitespace, behind the image's entry point.
    void autotunerCommandLine()
    {
        Json task = Json::parse(testutil::readFile(testutil::dataPath("tasks/autotuner/docker_task.json")));
        task["model"]["id_or_path"] = "Qwen/Qwen3-8B";
        task["parameters"] = {{"tp-size", {2}}, {"enable-mixed-chunk", {true}}, {"disable-radix-cache", {false}},
                              {"cuda-graph-bs", {Json::array({1, 2})}}, {"mem-fraction-static", {0.85}}};
        const AutotunerExpansion e = expandAutotunerTask(task);
        QCOMPARE(e.launches.size(), std::size_t(1));
        std::string line;
        for (const std::string &w : e.launches[0].argv)
            line += (line.empty() ? "" : " ") + w;
        // in the task's order, as Python iterates a dict
        QCOMPARE(QString::fromStdString(line),
                 QStringLiteral("python3 -m sglang.launch_server --model-path Qwen/Qwen3-8B --host 0.0.0.0 --port 8000 "
                                "--tp-size 2 --enable-mixed-chunk --cuda-graph-bs [1, 2] --mem-fraction-static 0.85"));
        QVERIFY(hasErrors(e.launches[0].lint)); // "[1," is not an integer
        // vLLM's image keeps its entry point in front of the autotuner's command: nothing starts.
        task["base_runtime"] = "vllm";
        task["runtime_image_tag"] = "v0.11.0";
        task["parameters"] = {{"tensor-parallel-size", {1}}};
        const AutotunerExpansion v = expandAutotunerTask(task);
        QCOMPARE(v.launches.size(), std::size_t(1));
        QCOMPARE(v.launches[0].argv.front(), std::string("python3"));
        QCOMPARE(v.launches[0].argv[3], std::string("python3")); // the entry point, then the command
        QVERIFY(hasErrors(v.launches[0].lint));
    }

    // Issue 24: every task `quantcfg task` writes has the fields the autotuner reads unguarded, one
    // value per parameter, and the command it would start passes lint for the image's engine.
    void writtenTasksRunInTheAutotuner_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("imageTag");
        QTest::newRow("default image") << QStringLiteral("sglang") << QString();
        QTest::newRow("v0.5.6 by version") << QStringLiteral("sglang@v0.5.6") << QString();
        QTest::newRow("v0.5.18 by tag") << QStringLiteral("sglang") << QStringLiteral("v0.5.18");
    }
    void writtenTasksRunInTheAutotuner()
    {
        QFETCH(QString, engine);
        QFETCH(QString, imageTag);
        const PresetLibrary lib = loadPresetLibrary(std::nullopt);
        AutotunerTaskSpec spec;
        spec.engine = engine.toStdString();
        spec.imageTag = imageTag.toStdString();
        spec.model = "Qwen/Qwen3-8B";
        for (const Preset &p : lib.presets)
            spec.presets.push_back(p.name);
        const AutotunerTasks tasks = makeAutotunerTasks(spec, lib);
        QVERIFY2(!hasErrors(tasks.diagnostics), testutil::codes(tasks.diagnostics).toUtf8().constData());
        QVERIFY(!tasks.tasks.empty());
        // every preset is written or left out with the reason
        std::size_t leftOut = 0;
        for (const Diagnostic &d : tasks.diagnostics)
            leftOut += d.code == "autotuner.preset-skipped";
        QCOMPARE(tasks.tasks.size() + leftOut, spec.presets.size());
        for (const auto &[preset, task] : tasks.tasks) {
            for (const char *pointer : {"/task_name", "/model/id_or_path", "/model/namespace", "/base_runtime", "/runtime_image_tag",
                                        "/optimization/timeout_per_iteration", "/optimization/max_iterations", "/benchmark/model_name",
                                        "/benchmark/model_tokenizer", "/benchmark/num_concurrency"})
                QVERIFY2(findPointer(task, pointer), (preset + " " + pointer).c_str());
            QVERIFY(!task["parameters"].contains("quantization_preset"));
            for (const auto &[flag, values] : task["parameters"].items())
                QVERIFY2(values.is_array() && values.size() == 1 && flag.rfind("--", 0) != 0, (preset + " " + flag).c_str());
            const AutotunerExpansion e = expandAutotunerTask(task);
            QVERIFY2(!hasErrors(e.diagnostics), testutil::codes(e.diagnostics).toUtf8().constData());
            QCOMPARE(e.engineVersion, tasks.engineVersion);
            QCOMPARE(e.launches.size(), std::size_t(1));
            QVERIFY2(!hasErrors(e.launches[0].lint), (preset + ": " + testutil::codes(e.launches[0].lint).toStdString()).c_str());
        }
    }

    // A task is untrusted input: wrong types are findings, never an exception.
    void autotunerTaskOfWrongTypes()
    {
        const Json task = Json::parse(R"({"task_name": 1, "model": "x", "base_runtime": "sglang", "runtime_image_tag": 5,
                                          "deployment_mode": [], "parameters": {"tp-size": [1], "x": {"type": 3, "values": [1]}},
                                          "optimization": {"strategy": 3, "max_iterations": "9"}, "benchmark": []})");
        const AutotunerExpansion e = expandAutotunerTask(task);
        QVERIFY(hasErrors(e.diagnostics));
        autotunerExpansionToJson(task, e);
        QCOMPARE(testutil::codes(e.diagnostics).count(QStringLiteral("autotuner.invalid")), 1);
    }

    // A written preset that loses a setting on the image's engine says so (SGLang 0.5.2 has no
    // bfloat16 KV cache): the task runs, and the user knows what it measures.
    void writtenTaskSaysWhatItLoses()
    {
        AutotunerTaskSpec spec;
        spec.presets = {"high-quality"};
        const AutotunerTasks tasks = makeAutotunerTasks(spec, loadPresetLibrary(std::nullopt));
        QCOMPARE(tasks.engineVersion, std::string("v0.5.2"));
        QCOMPARE(tasks.tasks.size(), std::size_t(1));
        QVERIFY(!tasks.tasks[0].second["parameters"].contains("kv-cache-dtype"));
        QVERIFY(std::any_of(tasks.diagnostics.begin(), tasks.diagnostics.end(), [](const Diagnostic &d) {
            return d.severity == Severity::Warning && d.pointer == "/kv_cache/dtype" && d.message.rfind("preset high-quality: ", 0) == 0;
        }));
    }

    void autotunerRefusesWhatItCannotStart_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("code");
        QTest::newRow("tensorrt-llm") << QStringLiteral("tensorrt_llm") << QStringLiteral("autotuner.runtime-unsupported");
        QTest::newRow("vllm") << QStringLiteral("vllm") << QStringLiteral("autotuner.vllm-entrypoint");
        QTest::newRow("a development snapshot") << QStringLiteral("sglang@main-2026-08-22") << QString();
    }
    void autotunerRefusesWhatItCannotStart()
    {
        QFETCH(QString, engine);
        QFETCH(QString, code);
        AutotunerTaskSpec spec;
        spec.engine = engine.toStdString();
        spec.presets = {"universal-fp8"};
        const AutotunerTasks tasks = makeAutotunerTasks(spec, loadPresetLibrary(std::nullopt));
        QVERIFY(tasks.tasks.empty());
        QVERIFY(hasErrors(tasks.diagnostics));
        if (!code.isEmpty())
            QCOMPARE(QString::fromStdString(tasks.diagnostics.front().code), code);
    }

    // The web worker (POST /api/tasks/ and its worker) translates quant_config and parallel_config;
    // the expected parameters follow autotuner c86a814's quantization_integration.py
    // prepare_runtime_parameters() → quantization_mapper.py get_runtime_args() and
    // parallel_integration.py prepare_runtime_parallel_parameters(), read by hand.
    void webWorkerTranslatesQuantAndParallelConfig_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("experiments");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("runtimeParameters");
        QTest::addColumn<QStringList>("codes"); // task findings (errors and warnings), sorted
        QTest::newRow("dtype fields become SGLang flags; user values become strings")
            << "autotuner/quant_custom_task.json" << 2 << 1
            << R"({"quantization":"fp8","dtype":"auto","kv-cache-dtype":"fp8_e5m2","attention-backend":"flashinfer","tp-size":"2","mem-fraction-static":"0.85"})"
            << QStringList{QStringLiteral("autotuner.missing")};
        QTest::newRow("a preset under 'preset' adds nothing") << "autotuner/quant_preset_task.json" << 4 << 3
                                                            << R"({"tp-size":2,"mem-fraction-static":0.9})"
                                                            << QStringList{QStringLiteral("autotuner.quant-preset-ignored")};
        QTest::newRow("presets multiply the grid but each runs all-auto")
            << "autotuner/quant_multi_preset_task.json" << 3 << 2 << R"({"dtype":"auto","tp-size":"1","mem-fraction-static":"0.85"})"
            << QStringList{QStringLiteral("autotuner.missing"), QStringLiteral("autotuner.quant-preset-ignored")};
        QTest::newRow("parallel_config becomes --tp-size/--dp-size, 1s left out")
            << "autotuner/parallel_config_test.json" << 2 << 1 << R"({"tp-size":"2","dp-size":"2","mem-fraction-static":0.85})"
            << QStringList{QStringLiteral("autotuner.max-iterations")};
        QTest::newRow("vLLM: parallel flags first, expert parallel as None")
            << "web-worker-vllm.json" << 2 << 1
            << R"({"tensor-parallel-size":"2","enable-expert-parallel":null,"quantization":"fp8","dtype":"auto","kv-cache-dtype":"fp16","gpu-memory-utilization":"0.9"})"
            << QStringList{};
    }
    void webWorkerTranslatesQuantAndParallelConfig()
    {
        QFETCH(QString, file);
        QFETCH(int, experiments);
        QFETCH(int, index);
        QFETCH(QString, runtimeParameters);
        QFETCH(QStringList, codes);
        const Json task = Json::parse(testutil::readFile(testutil::dataPath("tasks/" + file.toStdString())));
        const AutotunerExpansion e = expandAutotunerTask(task, AutotunerPath::WebWorker);
        QCOMPARE(int(e.launches.size()), experiments);
        QCOMPARE(QString::fromStdString(e.launches[index].runtimeParameters.dump()), runtimeParameters);
        QCOMPARE(findingCodes(e.diagnostics), codes);
        // The command carries each translated parameter as the Docker controller writes it.
        std::string command;
        for (const std::string &w : e.launches[index].argv)
            command += " " + w;
        for (auto it = e.launches[index].runtimeParameters.begin(); it != e.launches[index].runtimeParameters.end(); ++it) {
            const std::string value = it->is_null() ? "None" : it->is_string() ? it->get<std::string>() : it->dump();
            QVERIFY2(command.find(" --" + it.key() + " " + value) != std::string::npos, command.c_str());
        }
    }

    // What the web worker starts is checked like any other command: vLLM refuses the fp16 KV cache
    // and the stray "None" after --enable-expert-parallel.
    void webWorkerCommandsAreLinted()
    {
        const Json task = Json::parse(testutil::readFile(testutil::dataPath("tasks/web-worker-vllm.json")));
        const AutotunerExpansion e = expandAutotunerTask(task, AutotunerPath::WebWorker);
        QCOMPARE(e.launches.size(), std::size_t(2));
        const auto mentions = [](const Diagnostics &ds, const std::string &text) {
            return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic &d) { return d.message.find(text) != std::string::npos; });
        };
        QVERIFY(!mentions(e.launches[0].lint, "fp16"));
        QVERIFY(mentions(e.launches[1].lint, "'fp16' is not an allowed value of --kv-cache-dtype"));
        QVERIFY(mentions(e.launches[0].lint, "positional"));
        // The command-line runner puts parallel_config's keys into its grid as they are, where a
        // single value (the web form's spelling) is not a list of values.
        const AutotunerExpansion cli = expandAutotunerTask(task, AutotunerPath::CommandLine);
        QVERIFY(cli.launches.empty());
        QVERIFY(std::any_of(cli.diagnostics.begin(), cli.diagnostics.end(), [](const Diagnostic &d) {
            return d.code == "autotuner.bad-parameter" && d.pointer == "/parallel_config/tp";
        }));
    }

    // Both autotuner outputs (task parameters, runtime_args) read a plan's flags through planOptions:
    // a negative number is a value, "--flag=value" is split, several values stay with their flag.
    void planOptionsReadFlagsAndValues()
    {
        LaunchPlan plan;
        plan.argv = {"vllm", "serve", "org/model", "--seed", "-1", "--max-model-len=4096", "--enforce-eager",
                     "--cuda-graph-sizes", "1", "2", "-O", "3"};
        plan.programWords = 2;
        const std::vector<PlanOption> options = planOptions(plan);
        QCOMPARE(options.size(), std::size_t(6));
        QVERIFY(options[0].flag.empty());
        QCOMPARE(options[0].values, std::vector<std::string>{"org/model"});
        QCOMPARE(options[1].flag, std::string("--seed"));
        QCOMPARE(options[1].values, std::vector<std::string>{"-1"});
        QCOMPARE(options[2].flag, std::string("--max-model-len"));
        QCOMPARE(options[2].joinedValues(), std::string("4096"));
        QVERIFY(options[3].values.empty());
        QCOMPARE(options[4].joinedValues(), std::string("1 2"));
        QCOMPARE(options[5].flag, std::string("-O"));
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

    // A user preset's serving section: the autotuner keeps its own port (it waits for the server
    // there), and the benchmark asks for the served name.
    void autotunerKeepsItsOwnPort()
    {
        PresetLibrary lib = loadPresetLibrary(std::nullopt);
        Preset mine;
        mine.name = "mine";
        mine.document = Json::parse(R"({"quantization": {"method": "none"}, "serving": {"port": 9000, "served_model_name": "chat", "max_model_len": 4096}})");
        lib.presets.push_back(mine);
        AutotunerTaskSpec spec;
        spec.presets = {"mine"};
        spec.model = "Qwen/Qwen3-8B";
        const AutotunerTasks tasks = makeAutotunerTasks(spec, lib);
        QCOMPARE(tasks.tasks.size(), std::size_t(1));
        const Json &task = tasks.tasks[0].second;
        QVERIFY(!task["parameters"].contains("port"));
        QCOMPARE_JSON(task["parameters"].value("context-length", Json()), Json::array({4096}));
        QCOMPARE_JSON(task["benchmark"].value("model_name", Json()), "chat");
        QVERIFY(testutil::codes(tasks.diagnostics).contains(QStringLiteral("autotuner.own-option")));
        const AutotunerExpansion e = expandAutotunerTask(task);
        QCOMPARE(e.launches.size(), std::size_t(1));
        QVERIFY2(!hasErrors(e.launches[0].lint), testutil::codes(e.launches[0].lint).toUtf8().constData());
    }
};

QTEST_APPLESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
