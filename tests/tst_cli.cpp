#include "cli/cli.h"
#include "core/engines/profile.h"
#include "core/jsonio.h"

#include "cliutil.h"
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
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
        const Run r = testutil::quantcfgRunQt(args);
        QVERIFY2(r.code == code, (r.out + r.err).c_str());
    }

    void helpOnEverySubcommand_data()
    {
        QTest::addColumn<QString>("sub");
        for (const char *s : {"validate", "presets", "show", "map", "lint"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void helpOnEverySubcommand()
    {
        QFETCH(QString, sub);
        const Run r = quantcfgRun({sub.toStdString(), "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("Usage") != std::string::npos || r.out.find("usage") != std::string::npos, r.out.c_str());
        QVERIFY(r.out.find("--json") != std::string::npos || r.out.find("--format") != std::string::npos);
    }

    void mapPrintsEachEngine()
    {
        const Run r = quantcfgRun({"map", "universal-fp8"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("vllm serve meta-llama/Llama-3.2-1B-Instruct --quantization fp8 --kv-cache-dtype fp8_e5m2") != std::string::npos, r.out.c_str());
        QVERIFY(r.out.find("python3 -m sglang.launch_server --model-path") != std::string::npos);
        QVERIFY(r.out.find("trtllm-serve meta-llama/Llama-3.2-1B-Instruct --tp_size 2 --extra_llm_api_options trtllm-extra.yaml") != std::string::npos);
        QVERIFY2(r.err.find("preset:universal-fp8:/kv_cache/dtype: warning: [trtllm]") != std::string::npos, r.err.c_str());
    }

    void mapJsonAndSelection()
    {
        Run r = quantcfgRun({"map", "extreme-compression", "--engine", "trtllm", "--format", "json"});
        QCOMPARE(r.code, 1); // the one engine asked for cannot run it
        Json plans = Json::parse(r.out)["plans"];
        QCOMPARE(plans.size(), std::size_t(1));
        QCOMPARE_JSON(plans[0]["status"], Json("unsupported"));
        r = quantcfgRun({"map", "high-quality", "--engine", "vllm,sglang@0.5.6", "--format", "json", "--model", "/m/x y"});
        QCOMPARE(r.code, 0);
        plans = Json::parse(r.out)["plans"];
        QCOMPARE(plans.size(), std::size_t(2));
        QCOMPARE_JSON(plans[1]["version"], Json("v0.5.6")); // the former id 0.5.6 names the v0.5.6 profile
        QVERIFY2(r.err.find("sglang@0.5.6 is now called sglang@v0.5.6") != std::string::npos, r.err.c_str());
        QCOMPARE_JSON(plans[0]["argv"][2], Json("/m/x y"));
        QCOMPARE_JSON(plans[0]["command"], Json("vllm serve '/m/x y' --kv-cache-dtype bfloat16 --dtype bfloat16 --tensor-parallel-size 2"));
        r = quantcfgRun({"map", "high-quality", "--engine", "vllm@1999"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("allowed: vllm@main-2026-08-21, vllm@partial-v0.29, vllm@main-2026-08-14, vllm@main-2025-12-31, vllm@v0.11.0") != std::string::npos, r.err.c_str());
        r = quantcfgRun({"map", "universal-fp8", "--gpu", "sm_80", "--engine", "sglang"});
        QVERIFY2(r.err.find("weight-only") != std::string::npos, r.err.c_str());
        r = quantcfgRun({"map", QCFG_TEST_DATA "/configs/bad-enum.json"});
        QCOMPARE(r.code, 1);
    }

    void lintCommand()
    {
        Run r = quantcfgRun({"lint", "--engine", "vllm", "--", "vllm", "serve", "m", "--kv-cache-dtype", "bf16", "--tp-size", "2"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("did you mean bfloat16?") != std::string::npos, r.err.c_str());
        QVERIFY(r.err.find("--tensor-parallel-size") != std::string::npos);
        r = quantcfgRun({"lint", "--engine", "sglang@0.5.6", "python3 -m sglang.launch_server --model-path m --quantization qoq"});
        QCOMPARE(r.code, 0);
        r = quantcfgRun({"lint", "--engine", "trtllm", "--json"}, "trtllm-serve m \\\n  --tp-size 2\n");
        QCOMPARE(r.code, 1);
        const Json report = Json::parse(r.out);
        QCOMPARE_JSON(report["diagnostics"][0]["code"], Json("lint.dash-style"));
        QCOMPARE_JSON(report["diagnostics"][0]["suggestion"], Json("--tp_size"));
        r = quantcfgRun({"lint", "--engine", "ollama", "--", "x"});
        QCOMPARE(r.code, 2);
    }

    // lint finds the engine command in what was pasted, picks the profile from the image tag, and
    // says per finding what it checked and what it could not.
    void lintSaysWhatItChecked()
    {
        Run r = quantcfgRun({"lint", "--format", "json"}, "docker run --gpus all vllm/vllm-openai:v0.10.1 \\\n  --model $MODEL --kv-cache-dtype fp9\n");
        QCOMPARE(r.code, 1);
        const Json report = Json::parse(r.out);
        QCOMPARE_JSON(report["profile"], Json("vllm@v0.11.0"));
        QCOMPARE_JSON(report["image_version"], Json("0.10.1"));
        QCOMPARE_JSON(report["entry_point"], Json("python3 -m vllm.entrypoints.openai.api_server"));
        QCOMPARE_JSON(report["unchecked"][0]["what"], Json("$MODEL"));
        bool sawError = false;
        for (const Json &d : report["diagnostics"]) {
            QVERIFY(d.contains("checked"));
            if (d["severity"] == "error") {
                sawError = true;
                QCOMPARE_JSON(d["code"], Json("lint.bad-choice"));
                QVERIFY2(d["checked"].get<std::string>().find("option table") != std::string::npos, d.dump().c_str());
            }
        }
        QVERIFY(sawError);
        // Nothing that starts an engine: not an error, but not a pass either.
        r = quantcfgRun({"lint", "--", "bash", "run_cluster.sh", "vllm/vllm-openai", "10.0.0.1", "--head"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.find("nothing was checked") != std::string::npos, r.out.c_str());
        // An unchecked shell value is no error.
        r = quantcfgRun({"lint", "vllm serve $MODEL --tensor-parallel-size $GPUS 2>&1 | tee vllm.log"});
        QCOMPARE(r.code, 0);
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
        QCOMPARE_JSON(report["files"][1]["errors"], Json(0));
        QCOMPARE_JSON(report["files"][1]["diagnostics"][0]["code"], Json("semantic.default-model"));
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

    void unknownSubcommandIsNamed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("valdate") << QStringList{QStringLiteral("valdate"), QStringLiteral("x.json")}
                                 << QStringLiteral("quantcfg: error: unknown subcommand 'valdate' (allowed: validate, presets, show, map, matrix, lint,");
        QTest::newRow("bench improt") << QStringList{QStringLiteral("bench"), QStringLiteral("improt"), QStringLiteral("x.csv")}
                                      << QStringLiteral("quantcfg bench: error: unknown subcommand 'improt' (allowed: import, score, pareto)\n    hint: did you mean 'import'?");
    }
    void unknownSubcommandIsNamed()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = testutil::quantcfgRunQt(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(expected.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("A subcommand is required") == std::string::npos, r.err.c_str());
        if (args.size() == 2)
            QVERIFY2(r.err.find("hint: did you mean 'validate'?") != std::string::npos, r.err.c_str());
    }

    // Every rejected value names the option, the value and what is allowed.
    void rejectedValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString model = QStringLiteral(QCFG_TEST_DATA "/models/llama-3.1-8b");
        const auto row = [](const char *name, std::initializer_list<const char *> words, const char *expected) {
            QStringList args;
            for (const char *w : words)
                args << QString::fromUtf8(w);
            QTest::newRow(name) << args << QString::fromUtf8(expected);
        };
        row("map --max-model-len 0", {"map", "universal-fp8", "--max-model-len", "0"}, "--max-model-len: must be a positive integer, got '0'");
        row("map --max-model-len -5", {"map", "universal-fp8", "--max-model-len", "-5"}, "--max-model-len: must be a positive integer, got '-5'");
        row("map --max-model-len 1e3", {"map", "universal-fp8", "--max-model-len", "1e3"}, "--max-model-len: must be a positive integer, got '1e3'");
        row("task --concurrency 0,-4", {"task", "--preset", "universal-fp8", "--concurrency", "0,-4"}, "--concurrency: must be a positive integer, got '0'");
        row("task --concurrency 4,-4", {"task", "--preset", "universal-fp8", "--concurrency", "4,-4"}, "--concurrency: must be a positive integer, got '-4'");
        row("task --slo-ttft -1", {"task", "--preset", "universal-fp8", "--slo-ttft", "-1"}, "--slo-ttft: must be a number greater than 0, got '-1'");
        row("task --slo-tpot 0", {"task", "--preset", "universal-fp8", "--slo-tpot", "0"}, "--slo-tpot: must be a number greater than 0, got '0'");
        const QStringList fit{QStringLiteral("fit"), QStringLiteral("--model-config"), model, QStringLiteral("--gpu"), QStringLiteral("h100")};
        QTest::newRow("fit --max-len 0") << (fit + QStringList{QStringLiteral("--max-len"), QStringLiteral("0")}) << QStringLiteral("--max-len: must be a positive integer, got '0'");
        QTest::newRow("fit --concurrency 0") << (fit + QStringList{QStringLiteral("--concurrency"), QStringLiteral("0")}) << QStringLiteral("--concurrency: must be a positive integer, got '0'");
        QTest::newRow("fit --gpu-memory-utilization 2") << (fit + QStringList{QStringLiteral("--gpu-memory-utilization"), QStringLiteral("2")})
                                                        << QStringLiteral("--gpu-memory-utilization: must be a number from 0.05 to 1, got '2'");
        row("map --engine-version without --engine", {"map", "universal-fp8", "--engine-version", "2025-12"}, "--engine-version: error: --engine-version 2025-12 needs --engine ENGINE");
        row("map --engine all --engine-version", {"map", "universal-fp8", "--engine", "all", "--engine-version", "0.5.6"}, "--engine-version: error: --engine-version 0.5.6 needs --engine ENGINE");
        row("map --format", {"map", "universal-fp8", "--format", "yaml"}, "--format: yaml not in {shell,json,argv}");
    }
    void rejectedValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = testutil::quantcfgRunQt(args);
        QVERIFY2(r.code == 2, (r.out + r.err).c_str());
        QVERIFY2(r.err.find(expected.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("1797693") == std::string::npos, r.err.c_str());
        QVERIFY2(r.out.empty(), r.out.c_str());
    }

    void helpShowsDefaultsAndValues()
    {
        const Run task = quantcfgRun({"task", "--help"});
        QVERIFY2(task.out.find("[1,4,8]") != std::string::npos, task.out.c_str());
        QVERIFY2(task.out.find("tensorrt_llm") != std::string::npos, task.out.c_str());
        const Run map = quantcfgRun({"map", "--help"});
        QVERIFY2(map.out.find("{shell,json,argv}") != std::string::npos, map.out.c_str());
        QCOMPARE(testutil::helpDefault(map.out, "--format"), std::string("shell"));
        QVERIFY2(map.out.find("--max-model-len INT:POSITIVE") != std::string::npos, map.out.c_str());
    }

    // The -- form reads leading NAME=value words as environment variables, as the quoted form does.
    void lintEnvironmentPrefixInArgv()
    {
        const Run removed = quantcfgRun({"lint", "--engine", "vllm", "--", "VLLM_ATTENTION_BACKEND=FLASHINFER", "vllm", "serve", "m"});
        QCOMPARE(removed.code, 1);
        QVERIFY2(removed.err.find("vllm@main-2026-08-21: error: VLLM_ATTENTION_BACKEND: removed") != std::string::npos, removed.err.c_str());
        QVERIFY2(removed.err.find("must start with") == std::string::npos, removed.err.c_str());
        const Run quoted = quantcfgRun({"lint", "--engine", "vllm", "VLLM_ATTENTION_BACKEND=FLASHINFER vllm serve m"});
        QCOMPARE(quoted.err, removed.err);
        const Run known = quantcfgRun({"lint", "--engine", "vllm@2025-12", "--", "env", "VLLM_ATTENTION_BACKEND=FLASHINFER", "vllm", "serve", "m"});
        QVERIFY2(known.code == 0, known.err.c_str());
        QVERIFY2(known.out.find("vllm@main-2025-12-31: ok") != std::string::npos, known.out.c_str());
        QVERIFY2(known.err.find("vllm@2025-12 is now called vllm@main-2025-12-31") != std::string::npos, known.err.c_str());
    }

    // A configuration's engine_versions picks the version map uses; the command line still wins.
    void mapHonoursPinnedVersions_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("header");
        QTest::newRow("pinned, all engines") << "" << "# vLLM v0.11.0:";
        QTest::newRow("pinned, --engine vllm") << "--engine vllm" << "# vLLM v0.11.0:";
        QTest::newRow("--engine vllm@ wins") << "--engine vllm@main-2025-12-31" << "# vLLM main-2025-12-31:";
        QTest::newRow("--engine-version wins") << "--engine vllm --engine-version 2026-08" << "# vLLM main-2026-08-14:";
        QTest::newRow("unpinned engine at its default") << "--engine sglang" << "# SGLang main-2026-08-22:";
    }
    void mapHonoursPinnedVersions()
    {
        QFETCH(QString, options);
        QFETCH(QString, header);
        std::vector<std::string> args{"map", "-"};
        for (const QString &o : options.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            args.push_back(o.toStdString());
        const Run r = quantcfgRun(args, R"({"quantization": {"method": "fp8"}, "engine_versions": {"vllm": "v0.11.0"}})");
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find(header.toStdString()) != std::string::npos, r.out.c_str());
    }

    void mapRefusesAnUnknownPin()
    {
        const Run r = quantcfgRun({"map", "-"}, R"({"quantization": {"method": "fp8"}, "engine_versions": {"vllm": "v9"}})");
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.find("/engine_versions/vllm") != std::string::npos && r.err.find("v0.11.0") != std::string::npos, r.err.c_str());
    }

    void mapWithModelHasNoDefaultModelNote()
    {
        const Run r = quantcfgRun({"map", "universal-fp8", "--engine", "vllm", "--model", "my/model"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("vllm serve my/model") != std::string::npos, r.out.c_str());
        QVERIFY2(r.err.find("no model set") == std::string::npos, r.err.c_str());
        const Run without = quantcfgRun({"map", "universal-fp8", "--engine", "vllm"});
        QVERIFY2(without.err.find("no model set") != std::string::npos, without.err.c_str());
    }

    // quantcfg versions lists every profile with what it was read from.
    void versionsListsEveryProfile()
    {
        const Run r = quantcfgRun({"versions", "--format", "json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const Json profiles = Json::parse(r.out)["profiles"];
        QCOMPARE(profiles.size(), ProfileRegistry::builtIn().all().size());
        int defaults = 0;
        for (const Json &p : profiles) {
            QVERIFY(!p["commit"].get<std::string>().empty());
            defaults += p["default"].get<bool>() ? 1 : 0;
            if (p["id"] == "sglang@partial-after-v0.5.19")
                QCOMPARE_JSON(p["sources"], Json("partial"));
            if (p["id"] == "sglang@v0.5.6")
                QCOMPARE_JSON(p["former_ids"], Json::array({"0.5.6"}));
        }
        QCOMPARE(defaults, 3);
        const Run text = quantcfgRun({"versions"});
        QVERIFY2(text.out.find("vllm@main-2026-08-21 (default)") != std::string::npos, text.out.c_str());
    }

    // What changed between two releases: flags, values, and a config's command.
    void versionsDiff()
    {
        Run r = quantcfgRun({"versions", "diff", "vllm@main-2026-08-14", "vllm@main-2026-08-21", "--format", "json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const Json flags = Json::parse(r.out)["flags"];
        const auto has = [&](const char *change, const char *flag) {
            return std::any_of(flags.begin(), flags.end(), [&](const Json &f) { return f["change"] == change && f["flag"] == flag; });
        };
        QVERIFY(has("removed", "--override-attention-dtype"));
        QVERIFY(has("added", "--enable-trace-replay"));
        QVERIFY(!has("added", "--quantization"));

        QTemporaryDir dir;
        const std::string config = dir.filePath(QStringLiteral("marlin.json")).toStdString();
        testutil::writeFile(config, R"({"quantization": {"method": "marlin"}})");
        r = quantcfgRun({"versions", "diff", "sglang@main-2026-08-22", "sglang@partial-after-v0.5.19", config});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("values-removed  --quantization") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("no command on partial-after-v0.5.19 (unsupported)") != std::string::npos, r.out.c_str());

        r = quantcfgRun({"versions", "diff", "vllm@2026-08", "vllm", "universal-fp8"});
        QVERIFY2(r.out.find("command unchanged") != std::string::npos, r.out.c_str());
        QVERIFY2(r.err.find("vllm@2026-08 is now called vllm@main-2026-08-14") != std::string::npos, r.err.c_str());

        r = quantcfgRun({"versions", "diff", "vllm", "sglang"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("compares two versions of one engine, not vLLM with SGLang") != std::string::npos, r.err.c_str());
    }

    // Lint on a newer version names where a flag or value disappeared.
    void lintNamesWhereAFlagDisappeared()
    {
        Run r = quantcfgRun({"lint", "--engine", "sglang@partial-after-v0.5.19", "python3 -m sglang.launch_server --model-path m --quantization marlin"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("removed in partial-after-v0.5.19 (main-2026-08-22 still accepted it)") != std::string::npos, r.err.c_str());
        r = quantcfgRun({"lint", "--engine", "vllm", "vllm serve m --override-attention-dtype float16"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("removed from vLLM in main-2026-08-21 (main-2026-08-14 still had it)") != std::string::npos, r.err.c_str());
    }

    // quantcfg task writes autotuner tasks that quantcfg experiments reads back and finds startable;
    // several presets go to a folder, one file each.
    void taskRoundTripsThroughExperiments()
    {
        Run r = quantcfgRun({"task", "--preset", "universal-fp8", "--engine", "sglang@v0.5.6", "--model", "Qwen/Qwen3-8B"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const Json task = Json::parse(r.out);
        QCOMPARE_JSON(task["base_runtime"], Json("sglang"));
        QCOMPARE_JSON(task["runtime_image_tag"], Json("v0.5.6"));
        const Run experiments = quantcfgRun({"experiments", "-"}, r.out);
        QVERIFY2(experiments.code == 0, experiments.err.c_str());
        QCOMPARE_JSON(Json::parse(experiments.out)["engine_version"], Json("v0.5.6"));
        QTemporaryDir dir;
        r = quantcfgRun({"task", "--preset", "universal-fp8,high-quality", "-o", dir.path().toStdString()});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("quantcfg-universal-fp8.json"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("quantcfg-high-quality.json"))));
        r = quantcfgRun({"task", "--preset", "universal-fp8", "--format", "preset"});
        QCOMPARE_JSON(Json::parse(r.out)["version"], Json("1.0"));
        r = quantcfgRun({"task", "--preset", "universal-fp8", "--engine", "tensorrt_llm"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("starts with sglang or vllm") != std::string::npos, r.err.c_str());
    }

    // User preset problems are labelled with the file; a shadowed user file is mentioned where the name is used.
    void userPresetProblems()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const std::string dir = home.path().toStdString() + "/quantcfg/presets";
        QVERIFY(QDir().mkpath(QString::fromStdString(dir)));
        testutil::writeFile(dir + "/universal-fp8.json", R"({"quantization": {"method": "awq"}})");
        testutil::writeFile(dir + "/broken.json", "{\n  \"quantization\": ,\n}\n");
        testutil::writeFile(dir + "/list.json", "[1]\n");
        testutil::writeFile(dir + "/mine.json", R"({"quantization": {"method": "fp8"}})");
        testutil::writeFile(dir + "/a-rather-long-user-preset-name.json", R"({"quantization": {"method": "awq"}})");
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        const Run presets = quantcfgRun({"presets"});
        const Run map = quantcfgRun({"map", "universal-fp8", "--engine", "vllm"});
        const Run mine = quantcfgRun({"map", "mine", "--engine", "vllm"});
        if (saved.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", saved);

        QCOMPARE(presets.code, 1);
        QVERIFY2(presets.out.find("mine (user)") != std::string::npos, presets.out.c_str());
        QVERIFY2(presets.out.find("a-rather-long-user-preset-name (user)  awq") != std::string::npos, presets.out.c_str()); // columns apart
        QVERIFY2(presets.err.find(dir + "/broken.json:2:") != std::string::npos, presets.err.c_str());
        QVERIFY2(presets.err.find(dir + "/list.json: error: user preset not loaded: it is not a JSON object") != std::string::npos, presets.err.c_str());
        QVERIFY2(presets.err.find(dir + "/universal-fp8.json: warning: user preset 'universal-fp8' has the name of a built-in") != std::string::npos, presets.err.c_str());
        QVERIFY2(presets.err.find("presets:") == std::string::npos, presets.err.c_str());

        QCOMPARE(map.code, 0);
        QVERIFY2(map.err.find(dir + "/universal-fp8.json: warning: user preset 'universal-fp8' has the name of a built-in") != std::string::npos, map.err.c_str());
        QVERIFY2(map.out.find("--quantization fp8") != std::string::npos, map.out.c_str()); // the built-in
        QCOMPARE(mine.code, 0);
        QVERIFY2(mine.err.find("universal-fp8.json") == std::string::npos, mine.err.c_str());
    }

    void matrixHeadersAreWhole()
    {
        const Run r = quantcfgRun({"matrix", "--gpu", "none"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("Blackwell") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("Blackwe ") == std::string::npos, r.out.c_str());
        // Every column is at least two spaces from the next.
        std::istringstream lines(r.out);
        std::string line;
        std::getline(lines, line);
        std::getline(lines, line);
        QVERIFY2(line.rfind("method  ", 0) == 0, line.c_str());
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

    // deploy: JSON nodes with their ranks and roles, files written executable with --out, and a
    // rule failure (a launcher the engine lacks) exits 1 naming the field and the allowed ones.
    void deployNodesAndFiles()
    {
        QTemporaryDir dir;
        const std::string config = dir.path().toStdString() + "/r1.json";
        testutil::writeFile(config, R"({"quantization": {"method": "fp8"}, "parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2},
            "deployment": {"nodes": 2, "launcher": "native", "head_address": "10.0.0.1"}})");
        const Run json = quantcfgRun({"deploy", config, "--engine", "vllm", "--format", "json"});
        QCOMPARE(json.code, 0);
        const Json d = Json::parse(json.out)["deployments"][0];
        QCOMPARE(d["nodes"].size(), std::size_t(2));
        QCOMPARE_JSON(d["nodes"][0]["rank"], Json(0));
        QCOMPARE_JSON(d["nodes"][0]["serves_http"], Json(true));
        QCOMPARE_JSON(d["nodes"][1]["role"], Json("worker"));
        QCOMPARE_JSON(d["nodes"][1]["argv"].back(), Json("--headless"));
        const std::string out = dir.path().toStdString() + "/slurm";
        const Run slurm = quantcfgRun({"deploy", config, "--engine", "vllm", "--as", "slurm", "--out", out});
        QCOMPARE(slurm.code, 0);
        QVERIFY(QFileInfo(QString::fromStdString(out + "/vllm.sbatch")).isExecutable());
        const Run bad = quantcfgRun({"deploy", config, "--engine", "trtllm"});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.find("/deployment/launcher: error: [trtllm]") != std::string::npos && bad.err.find("allowed: single, mpi") != std::string::npos,
                 bad.err.c_str());
        // Refused: no "2 node(s) x 0 GPU(s)" header for a deployment that was never laid out.
        QVERIFY2(bad.out.find("0 GPU(s)") == std::string::npos && bad.out.find("no commands (the errors above say why)") != std::string::npos,
                 bad.out.c_str());
        QCOMPARE(quantcfgRun({"deploy", config, "--engine", "vllm", "--as", "kubernetes"}).code, 2);
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
