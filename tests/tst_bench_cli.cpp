// quantcfg bench import | score | pareto, run in-process.
#include "cli/cli.h"
#include "core/jsonio.h"

#include "cliutil.h"
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <cstdio>

#include <sstream>

using namespace quantcfg;

namespace {

using Run = testutil::CliRun;
using testutil::quantcfgRun;

std::string bench(const char *name)
{
    return testutil::dataPath(std::string("bench/") + name);
}

} // namespace

class TestBenchCli : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const auto f = [](const char *name) { return testutil::q(bench(name)); };
        QTest::newRow("import ok") << QStringList{QStringLiteral("bench"), QStringLiteral("import"), f("tidy-tab.tsv")} << 0;
        QTest::newRow("import bad rows are warnings") << QStringList{QStringLiteral("bench"), QStringLiteral("import"), f("tidy-long-semicolon.csv")} << 0;
        QTest::newRow("import missing file") << QStringList{QStringLiteral("bench"), QStringLiteral("import"), f("tidy-tab.tsv"), QStringLiteral("/no/such.csv")} << 1;
        QTest::newRow("import no file") << QStringList{QStringLiteral("bench"), QStringLiteral("import")} << 2;
        QTest::newRow("import bad format") << QStringList{QStringLiteral("bench"), QStringLiteral("import"), f("tidy-tab.tsv"), QStringLiteral("--format"), QStringLiteral("xml")} << 2;
        QTest::newRow("bench alone") << QStringList{QStringLiteral("bench")} << 2;
        QTest::newRow("score") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv"), QStringLiteral("--slo"), f("slo.json")} << 0;
        QTest::newRow("score without slo") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv")} << 2;
        QTest::newRow("score bad objective") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv"), QStringLiteral("--slo"), f("slo.json"), QStringLiteral("--objective"), QStringLiteral("balanced")} << 2;
        QTest::newRow("score slo not found") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv"), QStringLiteral("--slo"), QStringLiteral("/no/slo.json")} << 1;
        QTest::newRow("score slo invalid") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv"), QStringLiteral("--slo"), f("tidy-wide.csv")} << 1;
        QTest::newRow("pareto") << QStringList{QStringLiteral("bench"), QStringLiteral("pareto"), f("tidy-wide.csv")} << 0;
        QTest::newRow("pareto label") << QStringList{QStringLiteral("bench"), QStringLiteral("pareto"), f("tidy-wide.csv"), QStringLiteral("--label"), QStringLiteral("nokey")} << 2;
        QTest::newRow("import a CSV without values") << QStringList{QStringLiteral("bench"), QStringLiteral("import"), f("not-results.csv")} << 1;
        QTest::newRow("score slo without a block") << QStringList{QStringLiteral("bench"), QStringLiteral("score"), f("tidy-wide.csv"), QStringLiteral("--slo"), f("slo-no-block.json")} << 1;
        QTest::newRow("pareto unknown statistic") << QStringList{QStringLiteral("bench"), QStringLiteral("pareto"), f("tidy-wide.csv"), QStringLiteral("--latency"), QStringLiteral("ttft_p42")} << 1;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Run r = testutil::quantcfgRunQt(args);
        QVERIFY2(r.code == code, (std::to_string(r.code) + "\n" + r.out + r.err).c_str());
    }

    void importJson()
    {
        const Run r = quantcfgRun({"bench", "import", bench("tidy-tab.tsv"), "--format", "json", "--label", "site=lab"});
        QCOMPARE(r.code, 0);
        const Json doc = Json::parse(r.out);
        QCOMPARE_JSON(doc["files"][0]["format"], "tidy-csv");
        QCOMPARE_JSON(doc["files"][0]["rows"], 4);
        QCOMPARE_JSON(doc["files"][0]["diagnostics"][0]["code"], "bench.unit-assumed");
        QCOMPARE(int(doc["runs"].size()), 2);
        const Json &run = doc["runs"][1];
        QCOMPARE_JSON(run["labels"], testutil::json(R"({"engine": "vllm", "preset": "high-quality", "site": "lab"})"));
        QCOMPARE_JSON(run["load"], testutil::json(R"({"text": "concurrency=8", "concurrency": 8.0, "request_rate": null})"));
        QCOMPARE_JSON(run["tool"], "tidy-csv");
        QCOMPARE_JSON(run["values"][0], testutil::json(R"({"metric": "ttft", "statistic": "mean", "value": 180.0, "unit": "ms", "original_unit": "ms"})"));
        QVERIFY(r.err.find("tidy-tab.tsv:2: warning: no unit for 'ttft_mean'; assuming ms") != std::string::npos);
    }

    void importCsvAndDiagnostics()
    {
        const Run r = quantcfgRun({"bench", "import", bench("tidy-long-semicolon.csv"), "--format", "csv"});
        QCOMPARE(r.code, 0);
        std::istringstream lines(r.out);
        std::string header;
        std::getline(lines, header);
        QCOMPARE(testutil::q(header), QStringLiteral("source,tool,run,engine,preset,tp,gpu,load,metric,statistic,value,unit,original_unit"));
        std::string first;
        std::getline(lines, first);
        QVERIFY2(first.find(",tidy-csv,line 2,vllm,universal-fp8,2,H100,concurrency=8,ttft,p99,812.5,ms,ms") != std::string::npos, first.c_str());
        QVERIFY(r.err.find("tidy-long-semicolon.csv:10:8: warning: 'fast' is not a number") != std::string::npos);
        QVERIFY(r.err.find("tidy-long-semicolon.csv:11:1: warning: 6 fields where the header has 9") != std::string::npos);
    }

    void scoreJson()
    {
        // tidy-wide.csv: vllm/universal-fp8 ttft p99 812.5, tpot 21.3 → meets; sglang/universal-fp8 has no TPOT;
        // vllm/extreme-compression tpot 25; the fourth row has no values.
        const Run r = quantcfgRun({"bench", "score", bench("tidy-wide.csv"), "--slo", bench("slo.json"), "--format", "json"});
        QCOMPARE(r.code, 0);
        const Json doc = Json::parse(r.out);
        QCOMPARE_JSON(doc["objective"], "maximize_throughput");
        const Json &ranking = doc["ranking"];
        QCOMPARE(int(ranking.size()), 4);
        // Ranked by output throughput per GPU (tp=1): sglang 1710.2 (no TPOT: not meeting), vllm fp8 1520.7, vllm extreme 1320.
        QCOMPARE_JSON(ranking[0]["run"]["labels"]["engine"], "sglang");
        QCOMPARE_JSON(ranking[0]["score"], -1710.2);
        QCOMPARE_JSON(ranking[0]["meets_slo"], false);
        QCOMPARE_JSON(ranking[0]["unmeasured"], testutil::json(R"(["ttft", "tpot"])"));
        QCOMPARE_JSON(ranking[1]["run"]["labels"]["preset"], "universal-fp8");
        QCOMPARE_JSON(ranking[1]["meets_slo"], false); // TTFT mean is not in the file (only p99)
        QCOMPARE_JSON(ranking[3]["score"], nullptr);   // no throughput at all
        QCOMPARE_JSON(doc["best"], nullptr);
    }

    void scoreBest()
    {
        // The SLO on p99 TTFT, as the design allows with "statistic".
        const Run r = quantcfgRun({"bench", "score", bench("sglang_1112_200_1024_256.jsonl"), bench("vllm-legacy-append.jsonl"),
                                   "--slo", bench("slo-constraints.json"), "--objective", "minimize_ttft", "--format", "json"});
        QCOMPARE(r.code, 0);
        const Json doc = Json::parse(r.out);
        // vllm run 1: ttft 45.5, tpot 22 → meets (memory unmeasured → not meets!). Memory is a limit in this file,
        // and none of these files measure memory, so nobody meets every SLO.
        QCOMPARE_JSON(doc["best"], nullptr);
        QCOMPARE_JSON(doc["ranking"][0]["run"]["run_id"], "20240901-101500");
        QCOMPARE_JSON(doc["ranking"][0]["score"], 45.5);
        QCOMPARE_JSON(doc["ranking"][0]["unmeasured"], testutil::json(R"(["memory"])"));

        const Run best = quantcfgRun({"bench", "score", bench("sglang_1112_200_1024_256.jsonl"), bench("vllm-legacy-append.jsonl"),
                                      "--slo", bench("slo.json"), "--objective", "minimize_ttft"});
        QCOMPARE(best.code, 0);
        QVERIFY2(best.out.find("best meeting the SLOs: ") != std::string::npos && best.out.find("[20240901-101500]") != std::string::npos,
                 best.out.c_str());
    }

    void paretoJson()
    {
        const Run r = quantcfgRun({"bench", "pareto", bench("tidy-wide.csv"), "--latency", "ttft_p99", "--format", "json"});
        QCOMPARE(r.code, 0);
        const Json doc = Json::parse(r.out);
        QCOMPARE_JSON(doc["latency"], testutil::json(R"({"metric": "ttft", "statistic": "p99"})"));
        const Json &points = doc["points"];
        QCOMPARE(int(points.size()), 3);
        // sglang (650 ms, 1710.2) dominates both vllm rows.
        QCOMPARE_JSON(points[0]["latency"], 650.0);
        QCOMPARE_JSON(points[0]["on_front"], true);
        QCOMPARE_JSON(points[1]["on_front"], false);
        QCOMPARE_JSON(points[2]["on_front"], false);
    }

    // A CSV of another tool (here `quantcfg matrix --format csv`) is a failed file, not runs without values.
    void importRefusesCsvWithoutValues()
    {
        const Run r = quantcfgRun({"bench", "import", bench("not-results.csv"), bench("tidy-tab.tsv"), "--format", "json"});
        QCOMPARE(r.code, 1);
        const Json doc = Json::parse(r.out);
        QCOMPARE(int(doc["runs"].size()), 2); // only tidy-tab.tsv's
        QCOMPARE_JSON(doc["files"][0]["failed"], true);
        QCOMPARE_JSON(doc["files"][0]["diagnostics"][0]["code"], "bench.no-data");
        QCOMPARE_JSON(doc["files"][0]["diagnostics"][0]["severity"], "error");
    }

    // When no file could be read, the errors are the whole answer: no empty table or ranking.
    void nothingImportedPrintsOnlyTheErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("import") << QStringList{QStringLiteral("import")};
        QTest::newRow("score") << QStringList{QStringLiteral("score"), QStringLiteral("--slo"), QString::fromStdString(bench("slo.json"))};
        QTest::newRow("pareto") << QStringList{QStringLiteral("pareto")};
    }
    void nothingImportedPrintsOnlyTheErrors()
    {
        QFETCH(QStringList, args);
        const Run r = testutil::quantcfgRunQt(QStringList{QStringLiteral("bench")} + args + QStringList{QStringLiteral("/no/such.csv")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("/no/such.csv: error: no such file") != std::string::npos, r.err.c_str());
        QVERIFY2(r.out.empty(), r.out.c_str());
    }

    void scoreNeedsAnSloBlock()
    {
        const Run r = quantcfgRun({"bench", "score", bench("tidy-wide.csv"), "--slo", bench("slo-no-block.json")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find(bench("slo-no-block.json") + ": error: no slo or slo_constraints block") != std::string::npos, r.err.c_str());
        QVERIFY2(r.out.empty(), r.out.c_str());
    }

    void paretoNamesTheMetricsTheRunsHave()
    {
        const Run r = quantcfgRun({"bench", "pareto", bench("tidy-wide.csv"), "--latency", "ttft_p42"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("no run has both output_throughput and ttft p42 (allowed: ttft_p99, tpot_mean, e2e_latency_median, output_throughput,")
                     != std::string::npos, r.err.c_str());
    }

    // Table columns are sized from their content, two spaces apart, with numbers rounded (JSON keeps them).
    void tablesKeepColumnsApart()
    {
        const std::string file = QDir::temp().filePath(QStringLiteral("quantcfg-tst-bench-cli-long.csv")).toStdString();
        testutil::writeFile(file, "engine,ttft_p99_ms,output_throughput_tok_s,gpu_memory_max_gb\n"
                                  "vllm,292.25164077142426,12345.678912345,66.58457599999998\n");
        const Run pareto = quantcfgRun({"bench", "pareto", file});
        QCOMPARE(pareto.code, 0);
        QVERIFY2(pareto.out.find("FRONT  ttft p99  output_throughput  RUN\n*      292.3     12346              " + file) == 0, pareto.out.c_str());
        const Run json = quantcfgRun({"bench", "pareto", file, "--format", "json"});
        QCOMPARE_JSON(Json::parse(json.out)["points"][0]["latency"], 292.25164077142426);

        testutil::writeFile(file + ".slo.json", R"({"slo_constraints": {"memory": {"max_gb": 24}}})");
        const Run score = quantcfgRun({"bench", "score", file, "--slo", file + ".slo.json"});
        std::remove(file.c_str());
        std::remove((file + ".slo.json").c_str());
        QCOMPARE(score.code, 0);
        QVERIFY2(score.out.find("RANK  SCORE         SLO  RUN\n1     627264857627  no   " + file) == 0, score.out.c_str());
        QVERIFY2(score.out.find("memory: 66.58 > 24 (penalty ") != std::string::npos, score.out.c_str());
        QVERIFY2(score.out.find("66.5845") == std::string::npos, score.out.c_str());
    }

    void helpShowsDefaults()
    {
        const Run pareto = quantcfgRun({"bench", "pareto", "--help"});
        QCOMPARE(testutil::helpDefault(pareto.out, "--latency"), std::string("ttft_p99"));
        QCOMPARE(testutil::helpDefault(pareto.out, "--throughput"), std::string("output_throughput"));
        QVERIFY2(pareto.out.find("{table,json}") != std::string::npos, pareto.out.c_str());
        QCOMPARE(testutil::helpDefault(pareto.out, "--format"), std::string("table"));
        const Run score = quantcfgRun({"bench", "score", "--help"});
        QCOMPARE(testutil::helpDefault(score.out, "--objective"), std::string("maximize_throughput"));
        QVERIFY2(score.out.find("minimize_tpot") != std::string::npos, score.out.c_str());
    }

    void helpOnEverySubcommand_data()
    {
        QTest::addColumn<QString>("sub");
        for (const char *s : {"import", "score", "pareto"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void helpOnEverySubcommand()
    {
        QFETCH(QString, sub);
        const Run r = quantcfgRun({"bench", sub.toStdString(), "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("--format") != std::string::npos);
    }

    // import, score and pareto agree on a failed run (issue 16 #1): labelled, never best, never
    // on the front, and the rule is stated with its setting.
    void failedRunAgreesEverywhere()
    {
        const std::string failed = bench("real/vllm-bench-serve/er0080-all-requests-failed-v0.25.1.json");
        const std::string ok = bench("real/vllm-bench-serve/er0080-bench-serve-v0.25.1.json");
        const std::string sloFile = bench("slo-ttft.json");
        Run r = quantcfgRun({"bench", "score", failed, ok, "--slo", sloFile, "--objective", "minimize_ttft", "--format", "json"});
        Json j = Json::parse(r.out);
        QCOMPARE_JSON(j["max_failure_ratio"], Json(0.05));
        for (const Json &run : j["ranking"]) {
            const bool isFailed = run["run"]["source"].get<std::string>().find("failed") != std::string::npos;
            QCOMPARE_JSON(run["status"], Json(isFailed ? "failed: 0 of 8 requests completed" : "ok"));
            if (isFailed)
                QCOMPARE_JSON(run["meets_slo"], Json(false));
        }
        QVERIFY(j["best"].is_number());
        QCOMPARE_JSON(j["ranking"][j["best"].get<int>() - 1]["status"], Json("ok"));
        r = quantcfgRun({"bench", "pareto", failed, ok, "--latency", "ttft_p99", "--format", "json"});
        j = Json::parse(r.out);
        QCOMPARE(int(j["points"].size()), 1);
        QCOMPARE(int(j["failed_runs"].size()), 1);
        r = quantcfgRun({"bench", "pareto", failed, ok, "--latency", "ttft_p99"});
        QVERIFY2(r.out.find("left out: ") != std::string::npos && r.out.find("--max-failure-ratio 0.05") != std::string::npos, r.out.c_str());
        r = quantcfgRun({"bench", "import", failed, "--format", "json"});
        QVERIFY2(r.out.find("\"status\"") != std::string::npos, r.out.c_str());
    }

    // Issue 16 #6: a score like 1e150 prints with an exponent, not as a 151-digit integer.
    void hugeScoresPrintWithAnExponent()
    {
        QTemporaryDir dir;
        const std::string csv = dir.filePath(QStringLiteral("runs.csv")).toStdString();
        std::ofstream(csv) << "engine,concurrency,output_throughput_tokens_per_s,ttft_mean_ms\nvllm,8,1000,35000\n";
        const Run r = quantcfgRun({"bench", "score", csv, "--slo", bench("slo-ttft.json")});
        QVERIFY2(r.out.find("e+302") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("0000000000000") == std::string::npos, r.out.c_str());
    }
    // Issue 16 #7: where runs of tools that define TPOT differently are ranked or plotted together,
    // score and pareto say so (text and JSON); runs of one family (vLLM and SGLang) get no note.
    void mixedMethodologiesAreNamed()
    {
        const std::string vllm = bench("real/vllm-bench-serve/er0080-bench-serve-v0.25.1.json");
        const std::string sglang = bench("real/sglang/datacrunch-llama-3.3-70b-online.jsonl");
        const std::string guide = bench("real/guidellm/danielkorat-v0.5.0dev-concurrent4-benchmarks.json");
        const std::string sloFile = bench("slo-ttft.json");
        Run r = quantcfgRun({"bench", "score", vllm, guide, "--slo", sloFile, "--objective", "minimize_ttft"});
        QVERIFY2(r.out.find("note: these runs were measured by tools that define their metrics differently (guidellm-0.4-0.7.3, serve-bench)")
                     != std::string::npos,
                 r.out.c_str());
        QVERIFY2(r.out.find("includes the first token") != std::string::npos, r.out.c_str());
        r = quantcfgRun({"bench", "score", vllm, guide, "--slo", sloFile, "--objective", "minimize_ttft", "--format", "json"});
        QCOMPARE(int(Json::parse(r.out)["methodology_notes"].size()), 3);
        r = quantcfgRun({"bench", "pareto", vllm, guide, "--latency", "ttft_mean", "--format", "json"});
        QCOMPARE(int(Json::parse(r.out)["methodology_notes"].size()), 3);
        r = quantcfgRun({"bench", "score", vllm, sglang, "--slo", sloFile, "--objective", "minimize_ttft", "--format", "json"});
        QCOMPARE(int(Json::parse(r.out)["methodology_notes"].size()), 0);
        r = quantcfgRun({"bench", "pareto", vllm, sglang, "--latency", "ttft_median"});
        QVERIFY2(r.out.find("define their metrics differently") == std::string::npos, r.out.c_str());
    }
};

QTEST_APPLESS_MAIN(TestBenchCli)
#include "tst_bench_cli.moc"
