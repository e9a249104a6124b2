// Benchmark result import: format detection, counts, units, labels, load and bad input.
#include "core/bench/csv.h"
#include "core/bench/importers.h"
#include "core/bench/jsonstream.h"
#include "core/bench/labels.h"
#include "core/bench/metrics.h"

#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

using namespace quantcfg;
using namespace quantcfg::bench;

namespace {

std::string fixture(const char *name)
{
    return testutil::dataPath(std::string("bench/") + name);
}

const char *const kGenAiPerfDir = "genai-perf/llama-3.1-8b-openai-chat-concurrency8/";

std::string firstCode(const FileReport &r)
{
    return r.diagnostics.empty() ? std::string() : r.diagnostics.front().code;
}

void writeFile(const std::string &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace

class TestBenchImport : public QObject
{
    Q_OBJECT

private slots:
    // A copy is independent of its source: lookups by name still work once the source is gone.
    void copiedTableKeepsLookups()
    {
        auto source = std::make_unique<ResultTable>();
        const std::uint32_t run = source->addRun(Run{});
        source->addRow(run, source->seriesId("ttft", "p99", "ms", "ms"), 12.5);
        ResultTable copy = *source;
        ResultTable assigned;
        assigned = *source;
        source.reset();
        for (const ResultTable *t : {&copy, &assigned}) {
            QCOMPARE(t->strings().find("ttft"), t->seriesAt(0).metric);
            QCOMPARE(t->metricValue(0, "ttft", "p99").value_or(0), 12.5);
        }
    }

    void formats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("skipped");
        const auto row = [](const char *name, const std::string &file, const char *format, int runs, int rows, int skipped) {
            QTest::newRow(name) << testutil::q(file) << QString::fromLatin1(format) << runs << rows << skipped;
        };
        row("genai-perf csv", std::string(kGenAiPerfDir) + "profile_export_genai_perf.csv", "genai-perf-csv", 1, 76, 0);
        row("genai-perf json", std::string(kGenAiPerfDir) + "profile_export_genai_perf.json", "genai-perf-json", 1, 21, 0);
        row("aiperf csv", "aiperf/vllm-h100-request_rate4/profile_export_aiperf.csv", "aiperf-csv", 1, 36, 0);
        row("vllm json", "vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json", "vllm-json", 1, 23, 0);
        row("vllm legacy jsonl", "vllm-legacy-append.jsonl", "vllm-json", 2, 39, 0);
        row("sglang jsonl", "sglang_1112_200_1024_256.jsonl", "sglang-jsonl", 2, 40, 0);
        row("aiperf json", "aiperf/profile_export_aiperf.json", "aiperf-json", 1, 9, 0);
        row("guidellm json", "guidellm-benchmarks.json", "guidellm-json", 2, 59, 0);
        row("guidellm v0.3 json", "guidellm-v03-benchmarks.json", "guidellm-json", 1, 12, 0); // 11 statistics and the duration
        row("guidellm csv", "guidellm-benchmarks.csv", "guidellm-csv", 2, 90, 0);
        row("genai-bench json", "D100_100_text-to-text_num_concurrency_4_time_3s.json", "genai-bench-json", 1, 59, 0);
        row("autotuner json", "autotuner-fp8-sweep_results.json", "autotuner-json", 4, 28, 0);
        row("llmperf json", "real/llmperf/leaderboard-groq_70b.json", "llmperf-json", 1, 66, 0);
        row("autotuner csv", "autotuner-results.csv", "autotuner-csv", 3, 10, 0);
        row("tidy long ; decimal comma", "tidy-long-semicolon.csv", "tidy-csv", 3, 7, 2);
        row("tidy wide", "tidy-wide.csv", "tidy-csv", 4, 13, 0);
        row("tidy tab", "tidy-tab.tsv", "tidy-csv", 2, 4, 0);
        row("tidy starting with Metric", "tidy-capitalized.csv", "tidy-csv", 1, 2, 0);
    }
    void formats()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, runs);
        QFETCH(int, rows);
        QFETCH(int, skipped);
        ResultTable table;
        const FileReport r = importFile(fixture(file.toUtf8().constData()), table);
        QCOMPARE(QString::fromLatin1(formatName(r.format)), format);
        QVERIFY(!r.failed);
        QCOMPARE(int(r.runs), runs);
        QCOMPARE(int(r.rows), rows);
        QCOMPARE(int(r.skippedRows), skipped);
        QCOMPARE(int(table.runs().size()), runs);
        QCOMPARE(int(table.rows().size()), rows);
    }

    void values_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("run");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("originalUnit");
        const auto row = [](const char *name, const std::string &file, int run, const char *metric, const char *stat, double v,
                            const char *unit, const char *orig) {
            QTest::newRow(name) << testutil::q(file) << run << QString::fromLatin1(metric) << QString::fromLatin1(stat) << v
                                << QString::fromLatin1(unit) << QString::fromLatin1(orig);
        };
        const std::string gp = kGenAiPerfDir;
        row("genai-perf quoted thousands", gp + "profile_export_genai_perf.csv", 0, "ttft", "mean", 1740.26, "ms", "ms");
        row("genai-perf p50 is median", gp + "profile_export_genai_perf.csv", 0, "ttft", "median", 1702.99, "ms", "ms");
        row("genai-perf per sec", gp + "profile_export_genai_perf.csv", 0, "output_throughput", "value", 1234.56, "tokens/s", "per sec");
        row("genai-perf telemetry gpu1", gp + "profile_export_genai_perf.csv", 0, "gpu_memory_used/gpu1", "max", 71.0, "GB", "GB");
        row("genai-perf json ns", gp + "profile_export_genai_perf.json", 0, "itl", "mean", 32.61, "ms", "ns");
        row("genai-perf json untrusted unit", gp + "profile_export_genai_perf.json", 0, "output_throughput", "mean", 1234.56, "tokens/s", "");
        row("aiperf total throughput", "aiperf/vllm-h100-request_rate4/profile_export_aiperf.csv", 0, "total_throughput", "value", 3215.8, "tokens/s", "tokens/sec");
        row("aiperf std", "aiperf/vllm-h100-request_rate4/profile_export_aiperf.csv", 0, "e2e_latency", "std", 410.33, "ms", "ms");
        row("vllm decimal percentile", "vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json", 0, "ttft", "p99.9", 512.0, "ms", "ms");
        row("vllm duration seconds", "vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json", 0, "duration", "value", 41250.0, "ms", "s");
        row("vllm goodput with colon", "vllm-legacy-append.jsonl", 1, "request_goodput", "value", 4.5, "requests/s", "");
        row("sglang total_throughput alias", "sglang_1112_200_1024_256.jsonl", 0, "total_throughput", "value", 8393.44, "tokens/s", "");
        row("sglang e2e", "sglang_1112_200_1024_256.jsonl", 0, "e2e_latency", "p99", 6900.0, "ms", "ms");
        row("sglang p95 itl", "sglang_1112_200_1024_256.jsonl", 0, "itl", "p95", 30.0, "ms", "ms");
        row("guidellm json latency seconds", "guidellm-benchmarks.json", 0, "e2e_latency", "p99.9", 2400.0, "ms", "s");
        row("guidellm json p001", "guidellm-benchmarks.json", 0, "ttft", "p0.1", 70.0, "ms", "ms");
        row("guidellm v0.3 totals", "guidellm-v03-benchmarks.json", 0, "requests_failed", "value", 3.0, "count", "count");
        row("aiperf json tokens/sec", "aiperf/profile_export_aiperf.json", 0, "output_throughput", "mean", 1020.44, "tokens/s", "");
        row("guidellm csv ladder", "guidellm-benchmarks.csv", 1, "ttft", "p99", 330.5, "ms", "ms");
        row("guidellm csv seconds", "guidellm-benchmarks.csv", 0, "e2e_latency", "mean", 1950.0, "ms", "s");
        row("genai-bench seconds", "D100_100_text-to-text_num_concurrency_4_time_3s.json", 0, "ttft", "p99", 94.0, "ms", "s");
        row("autotuner level", "autotuner-fp8-sweep_results.json", 1, "ttft", "p99", 120.0, "ms", "s");
        row("autotuner aggregate", "autotuner-fp8-sweep_results.json", 2, "total_throughput_per_gpu", "mean", 1600.0, "tokens/s", "");
        row("autotuner memory MiB", "autotuner-fp8-sweep_results.json", 2, "gpu_memory_used", "max", 63500 * 1.048576 / 1000.0, "GB", "MiB");
        row("autotuner csv seconds", "autotuner-results.csv", 1, "tpot", "mean", 25.0, "ms", "s");
        row("tidy decimal comma", "tidy-long-semicolon.csv", 0, "ttft", "p99", 812.5, "ms", "ms");
        row("tidy seconds to ms", "tidy-long-semicolon.csv", 0, "ttft", "mean", 410.0, "ms", "s");
        row("tidy wide header unit", "tidy-wide.csv", 0, "e2e_latency", "median", 3200.0, "ms", "s");
        row("tidy wide memory", "tidy-wide.csv", 1, "gpu_memory_used", "value", 43.0, "GB", "GB");
        row("tidy tab assumed ms", "tidy-tab.tsv", 1, "ttft", "mean", 180.0, "ms", "ms");
    }
    void values()
    {
        QFETCH(QString, file);
        QFETCH(int, run);
        QFETCH(QString, metric);
        QFETCH(QString, statistic);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, originalUnit);
        ResultTable table;
        importFile(fixture(file.toUtf8().constData()), table);
        bool found = false;
        for (const Row &r : table.rows()) {
            const Series &s = table.seriesAt(r.series);
            if (int(r.run) != run || table.str(s.metric) != metric.toStdString() || table.str(s.statistic) != statistic.toStdString())
                continue;
            QVERIFY2(!found, "the same metric and statistic twice in one run");
            found = true;
            QVERIFY2(std::abs(r.value - value) < 1e-9 * std::max(1.0, std::abs(value)), std::to_string(r.value).c_str());
            QCOMPARE(testutil::q(std::string(table.str(s.unit))), unit);
            QCOMPARE(testutil::q(std::string(table.str(s.originalUnit))), originalUnit);
        }
        QVERIFY(found);
    }

    void labelsAndLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("run");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("load");
        const auto row = [](const char *name, const std::string &file, int run, const char *labels, const char *load) {
            QTest::newRow(name) << testutil::q(file) << run << QString::fromLatin1(labels) << QString::fromLatin1(load);
        };
        row("genai-perf load from folder", std::string(kGenAiPerfDir) + "profile_export_genai_perf.csv", 0, "methodology=genai-perf", "concurrency=8");
        row("genai-perf json input_config", std::string(kGenAiPerfDir) + "profile_export_genai_perf.json", 0, "methodology=genai-perf model=meta-llama/Llama-3.1-8B-Instruct", "concurrency=8");
        row("aiperf folder", "aiperf/vllm-h100-request_rate4/profile_export_aiperf.csv", 0, "engine=vllm gpu=h100 methodology=aiperf", "rate=4/s");
        row("vllm metadata", "vllm-infqps-concurrency16-Llama-3.1-8B-20250611-142233.json", 0,
            "engine=vllm engine_version=0.10.2 gpu=H100-SXM methodology=vllm model=meta-llama/Llama-3.1-8B-Instruct preset=universal-fp8 tp=2", "concurrency=16");
        row("vllm inf rate", "vllm-legacy-append.jsonl", 1, "deployment=fp8-kv engine=vllm gpu=A100 methodology=vllm model=meta-llama/Llama-2-7b-hf tp=1", "unbounded");
        row("sglang tag words", "sglang_1112_200_1024_256.jsonl", 0, "dataset_name=random engine=sglang engine_version=0.5.2 gpu=h200 kv_cache_dtype=fp8_e5m2 methodology=sglang quantization=fp8 random_input_len=1024 random_output_len=256 tp=2", "concurrency=32");
        row("sglang tag pairs", "sglang_1112_200_1024_256.jsonl", 1, "dataset_name=random engine=sglang gpu=h200 methodology=sglang preset=high-quality", "concurrency=4,rate=4/s");
        row("guidellm constant", "guidellm-benchmarks.json", 1, "methodology=guidellm-0.4-0.7.3 strategy=constant", "rate=2.5/s");
        row("guidellm v0.3 throughput", "guidellm-v03-benchmarks.json", 0, "methodology=guidellm-0.3 strategy=throughput", "unbounded");
        row("aiperf json input_config", "aiperf/profile_export_aiperf.json", 0, "methodology=aiperf", "concurrency=4");
        row("guidellm csv streams by index", "guidellm-benchmarks.csv", 1, "methodology=guidellm strategy=concurrent", "concurrency=16");
        row("autotuner quant keys", "autotuner-fp8-sweep_results.json", 3,
            "gemm_dtype=bfloat16 kv_cache_dtype=auto mem_fraction_static=0.8 methodology=autotuner quantization=fp8 status=success task=fp8-sweep tp=2", "");
        row("tidy label columns", "tidy-long-semicolon.csv", 2, "engine=sglang gpu=H100 preset=universal-fp8 tp=2", "concurrency=8");
        row("tidy text column is a label", "tidy-wide.csv", 1,
            "engine=sglang engine_version=0.5.2 gpu=L40S notes=fast, but no TPOT preset=universal-fp8 tp=1", "concurrency=8");
    }
    void labelsAndLoad()
    {
        QFETCH(QString, file);
        QFETCH(int, run);
        QFETCH(QString, labels);
        QFETCH(QString, load);
        ResultTable table;
        importFile(fixture(file.toUtf8().constData()), table);
        QVERIFY(run < int(table.runs().size()));
        std::vector<std::string> pairs;
        for (const Label &l : table.labels(table.run(run).labelSet))
            pairs.push_back(std::string(table.str(l.key)) + "=" + std::string(table.str(l.value)));
        std::sort(pairs.begin(), pairs.end());
        std::string joined;
        for (const std::string &p : pairs)
            joined += (joined.empty() ? "" : " ") + p;
        QCOMPARE(testutil::q(joined), labels);
        QCOMPARE(testutil::q(loadText(table.run(run).load)), load);
    }

    void missingStaysMissing()
    {
        ResultTable table;
        importFile(fixture("tidy-wide.csv"), table);
        QVERIFY(!table.metricValue(1, "tpot", "mean")); // N/A
        QVERIFY(!table.metricValue(2, "gpu_memory_used", "value")); // empty cell
        for (const Row &r : table.rows())
            QVERIFY(r.run != 3); // a row with every metric empty has no values, not zeros
        ResultTable gp;
        importFile(fixture((std::string(kGenAiPerfDir) + "profile_export_genai_perf.csv").c_str()), gp);
        QVERIFY(!gp.metricValue(0, "ttst", "mean")); // all N/A
    }

    void extraLabelsWin()
    {
        ResultTable table;
        ImportOptions o;
        o.extraLabels = {{"engine", "vllm-nightly"}, {"site", "lab-2"}};
        importFile(fixture("sglang_1112_200_1024_256.jsonl"), table, o);
        QCOMPARE(testutil::q(std::string(*table.label(0, "engine"))), QStringLiteral("vllm-nightly"));
        QCOMPARE(testutil::q(std::string(*table.label(0, "site"))), QStringLiteral("lab-2"));
        QCOMPARE(testutil::q(std::string(*table.label(0, "tp"))), QStringLiteral("2"));
    }

    void fallbackLabelsFillOnlyGaps()
    {
        // The user's fallback labels go only where neither the file nor its name gives the key
        // (the name "trtllm-results" says engine tensorrt-llm).
        QTemporaryDir dir;
        const std::string csv = "engine,preset,concurrency,ttft_mean_ms\n"
                                "vllm,universal-fp8,8,10\n"
                                ",,16,12\n";
        const std::string plain = dir.filePath(QStringLiteral("results.csv")).toStdString();
        const std::string named = dir.filePath(QStringLiteral("trtllm-results.csv")).toStdString();
        writeFile(plain, csv);
        writeFile(named, csv);
        ResultTable table;
        ImportOptions o;
        o.extraLabels = {{"import", "before"}};
        o.fallbackLabels = {{"engine", "sglang"}, {"preset", "high-quality"}, {"engine_version", "0.5.2"}};
        importFiles({plain, named}, table, o);
        QCOMPARE(table.runs().size(), std::size_t(4));
        const auto labelOf = [&table](std::uint32_t run, const char *key) {
            const auto v = table.label(run, key);
            return v ? testutil::q(std::string(*v)) : QStringLiteral("(none)");
        };
        const QStringList got{labelOf(0, "engine"), labelOf(0, "preset"), labelOf(1, "engine"), labelOf(1, "preset"),
                              labelOf(2, "engine"), labelOf(3, "engine"), labelOf(3, "preset")};
        QCOMPARE(got, (QStringList{QStringLiteral("vllm"), QStringLiteral("universal-fp8"), QStringLiteral("sglang"),
                                   QStringLiteral("high-quality"), QStringLiteral("vllm"), QStringLiteral("tensorrt-llm"),
                                   QStringLiteral("high-quality")}));
        for (std::uint32_t run = 0; run < 4; ++run) {
            QCOMPARE(labelOf(run, "engine_version"), QStringLiteral("0.5.2")); // no file gives one
            QCOMPARE(labelOf(run, "import"), QStringLiteral("before"));       // extra labels still win
        }
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("content"); // written to a temporary file; "" = see name
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("binary") << QStringLiteral("PK\x03\x04 binary") << QStringLiteral("io.binary") << 0;
        QTest::newRow("empty") << QStringLiteral("  \n") << QStringLiteral("bench.no-data") << 0;
        QTest::newRow("unknown json") << QStringLiteral("{\n  \"hello\": \"world\"\n}\n") << QStringLiteral("bench.unknown-format") << 0;
        QTest::newRow("CSV without values") << QStringLiteral("method,sm_80,sm_90\nfp8,weight-only,supported\n") << QStringLiteral("bench.no-data") << 0;
        QTest::newRow("json syntax") << QStringLiteral("{\n  \"benchmarks\": [\n    {\"a\": 1,}\n  ]\n}\n") << QStringLiteral("json.syntax") << 3;
        QTest::newRow("json truncated") << QStringLiteral("{\n  \"aggregated_metrics\": {\"num_concurrency\": 4,\n")
                                        << QStringLiteral("json.syntax") << 3;
    }
    void badFiles()
    {
        QFETCH(QString, content);
        QFETCH(QString, code);
        QFETCH(int, line);
        QTemporaryDir dir;
        std::string text = content.toStdString();
        if (QByteArray(QTest::currentDataTag()) == "binary")
            text[2] = '\0';
        const std::string path = dir.filePath(QStringLiteral("input.dat")).toStdString();
        writeFile(path, text);
        ResultTable table;
        const FileReport r = importFile(path, table);
        QVERIFY(r.failed);
        QCOMPARE(testutil::q(firstCode(r)), code);
        QCOMPARE(r.diagnostics.front().line, line);
        QVERIFY(table.rows().empty());
        QVERIFY(table.runs().empty());
    }

    void refusedFiles()
    {
        ResultTable table;
        FileReport missing = importFile("/no/such/file.csv", table);
        QVERIFY(missing.failed);
        QCOMPARE(testutil::q(firstCode(missing)), QStringLiteral("io.not-found"));
        FileReport directory = importFile(testutil::dataPath("bench"), table);
        QCOMPARE(testutil::q(firstCode(directory)), QStringLiteral("io.is-directory"));
        // A file over the limit is refused before it is read (1 GiB by default; a sparse file costs no disk).
        QTemporaryDir dir;
        const std::string big = dir.filePath(QStringLiteral("huge.csv")).toStdString();
        writeFile(big, "a,b\n1,2\n");
        std::filesystem::resize_file(big, (std::uint64_t(1) << 30) + 1);
        FileReport huge = importFile(big, table);
        QVERIFY(huge.failed);
        QCOMPARE(testutil::q(firstCode(huge)), QStringLiteral("io.too-large"));
        QVERIFY(table.runs().empty());
    }

    void badFileDoesNotStopOthers()
    {
        ResultTable table;
        const auto reports = importFiles({"/no/such/file.json", fixture("tidy-tab.tsv")}, table);
        QCOMPARE(int(reports.size()), 2);
        QVERIFY(reports[0].failed);
        QVERIFY(!reports[1].failed);
        QCOMPARE(int(table.rows().size()), 4);
    }

    void badRowsFirstNReported()
    {
        QTemporaryDir dir;
        std::string csv = "engine,concurrency,ttft_ms\n";
        for (int i = 0; i < 50; ++i)
            csv += "vllm," + std::to_string(i) + (i % 2 ? ",12.5\n" : ",oops\n");
        const std::string path = dir.filePath(QStringLiteral("rows.csv")).toStdString();
        writeFile(path, csv);
        ResultTable table;
        ImportOptions o;
        o.maxReported = 5;
        const FileReport r = importFile(path, table, o);
        QVERIFY(!r.failed);
        QCOMPARE(int(r.skippedRows), 25);
        QCOMPARE(int(r.runs), 25);
        QCOMPARE(int(r.diagnostics.size()), 6); // five bad rows and the summary
        QCOMPARE(r.diagnostics[0].line, 2);
        QCOMPARE(r.diagnostics[0].column, 3);
        QCOMPARE(testutil::q(r.diagnostics[0].code), QStringLiteral("bench.bad-number"));
        QCOMPARE(r.diagnostics[1].line, 4);
        QCOMPARE(testutil::q(r.diagnostics.back().code), QStringLiteral("bench.skipped-rows"));
    }

    void jsonlBadLineSkipped()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("runs.jsonl")).toStdString();
        writeFile(path, "{\"backend\": \"sglang\", \"mean_ttft_ms\": 10.5, \"mean_e2e_latency_ms\": 100, \"request_rate\": Infinity}\n"
                        "{\"backend\": \"sglang\", \"mean_ttft_ms\": 11\n"
                        "\n"
                        "{\"backend\": \"sglang\", \"mean_ttft_ms\": 12.5, \"mean_e2e_latency_ms\": 90, \"request_rate\": 2}");
        ResultTable table;
        const FileReport r = importFile(path, table);
        QVERIFY(!r.failed);
        QCOMPARE(int(r.runs), 2);
        QCOMPARE(int(r.skippedRows), 1);
        QCOMPARE(r.diagnostics.front().line, 2);
        QCOMPARE(testutil::q(loadText(table.run(0).load)), QStringLiteral("unbounded"));
        QCOMPARE(int(table.run(1).line), 4);
        QCOMPARE(*table.metricValue(1, "ttft", "mean"), 12.5);
    }

    void progressAndCancel()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.csv")).toStdString();
        {
            std::ofstream out(path);
            out << "engine,concurrency,metric,statistic,value,unit\n";
            for (int i = 0; i < 200000; ++i)
                out << "vllm," << (i % 7) << ",ttft,p99," << i << ".25,ms\n";
        }
        std::vector<std::uint64_t> seen;
        ImportOptions o;
        o.progress = [&seen](std::uint64_t done, std::uint64_t total) {
            seen.push_back(done);
            return done <= total;
        };
        ResultTable table;
        FileReport r = importFile(path, table, o);
        QVERIFY(!r.cancelled);
        QCOMPARE(int(r.rows), 200000);
        QCOMPARE(int(r.runs), 7);
        QVERIFY(seen.size() >= 2);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), std::uint64_t(std::filesystem::file_size(path)));

        // Cancelling half-way leaves the table as it was.
        int calls = 0;
        o.progress = [&calls](std::uint64_t, std::uint64_t) { return ++calls < 2; };
        const std::size_t rowsBefore = table.rows().size();
        r = importFile(path, table, o);
        QVERIFY(r.cancelled);
        QVERIFY(!r.failed);
        QCOMPARE(table.rows().size(), rowsBefore);
        QCOMPARE(int(table.runs().size()), 7);

        // A whole JSON document is parsed as a stream, and can be cancelled too.
        ResultTable json;
        int jsonCalls = 0;
        o.progress = [&jsonCalls](std::uint64_t, std::uint64_t) { return ++jsonCalls > 1; };
        r = importFile(fixture("guidellm-benchmarks.json"), json, o);
        QVERIFY(r.cancelled);
        QCOMPARE(jsonCalls, 1);
        QVERIFY(json.runs().empty());
        o.progress = [](std::uint64_t, std::uint64_t) { return true; };
        r = importFile(fixture("guidellm-benchmarks.json"), json, o);
        QVERIFY(!r.cancelled);
        QCOMPARE(int(json.runs().size()), 2);
    }

    void compactRows()
    {
        QCOMPARE(sizeof(Row), std::size_t(16));
        ResultTable table;
        importFile(fixture("tidy-long-semicolon.csv"), table);
        importFile(fixture("tidy-long-semicolon.csv"), table);
        // Labels are interned: importing the same file twice adds runs that share the label sets and strings.
        const std::size_t strings = table.strings().size();
        QCOMPARE(table.run(0).labelSet, table.run(3).labelSet);
        importFile(fixture("tidy-long-semicolon.csv"), table);
        QCOMPARE(table.strings().size(), strings);
    }

    void nonRfcJson_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("infinity") << QStringLiteral("{\"r\": Infinity}") << QStringLiteral("{\"r\": \"inf\"   }");
        QTest::newRow("minus infinity") << QStringLiteral("[-Infinity,-1]") << QStringLiteral("[\"-inf\"   ,-1]");
        QTest::newRow("nan") << QStringLiteral("[NaN, 1e-5]") << QStringLiteral("[null, 1e-5]");
        QTest::newRow("inside strings") << QStringLiteral("{\"a\": \"NaN \\\" Infinity\"}") << QStringLiteral("{\"a\": \"NaN \\\" Infinity\"}");
        QTest::newRow("keywords") << QStringLiteral("[true,false,null]") << QStringLiteral("[true,false,null]");
    }
    void nonRfcJson()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::string in = input.toStdString();
        // Every split point: the literal may straddle two chunks.
        for (std::size_t cut = 0; cut <= in.size(); ++cut) {
            NonRfcJsonFilter f;
            std::string out;
            f.feed(std::string_view(in).substr(0, cut), out);
            f.feed(std::string_view(in).substr(cut), out);
            f.finish(out);
            QCOMPARE(testutil::q(out), expected);
        }
    }

    void cells_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << QStringLiteral(" 12.5 ") << false << int(CellKind::Number) << 12.5;
        QTest::newRow("thousands") << QStringLiteral("1,740.26") << false << int(CellKind::Number) << 1740.26;
        QTest::newRow("millions") << QStringLiteral("12,345,678") << false << int(CellKind::Number) << 12345678.0;
        QTest::newRow("bad grouping") << QStringLiteral("1,74") << false << int(CellKind::Invalid) << 0.0;
        QTest::newRow("decimal comma") << QStringLiteral("0,41") << true << int(CellKind::Number) << 0.41;
        QTest::newRow("decimal comma thousands") << QStringLiteral("1.234,5") << true << int(CellKind::Number) << 1234.5;
        QTest::newRow("N/A") << QStringLiteral("N/A") << false << int(CellKind::Missing) << 0.0;
        QTest::newRow("empty") << QString() << false << int(CellKind::Missing) << 0.0;
        QTest::newRow("None") << QStringLiteral("None") << false << int(CellKind::Missing) << 0.0;
        QTest::newRow("nan") << QStringLiteral("nan") << false << int(CellKind::Missing) << 0.0;
        QTest::newRow("text") << QStringLiteral("fast") << false << int(CellKind::Invalid) << 0.0;
        QTest::newRow("exponent") << QStringLiteral("+1e3") << false << int(CellKind::Number) << 1000.0;
    }
    void cells()
    {
        QFETCH(QString, cell);
        QFETCH(bool, decimalComma);
        QFETCH(int, kind);
        QFETCH(double, value);
        const Cell c = parseCell(cell.toStdString(), decimalComma);
        QCOMPARE(int(c.kind), kind);
        if (c.kind == CellKind::Number)
            QCOMPARE(c.value, value);
    }

    void columnNames_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<QString>("unit");
        QTest::newRow("snake") << QStringLiteral("ttft_p99_ms") << QStringLiteral("ttft") << QStringLiteral("p99") << QStringLiteral("ms");
        QTest::newRow("vllm key") << QStringLiteral("mean_e2el_ms") << QStringLiteral("e2e_latency") << QStringLiteral("mean") << QStringLiteral("ms");
        QTest::newRow("genai-perf") << QStringLiteral("Time To First Token (ms)") << QStringLiteral("ttft") << QString() << QStringLiteral("ms");
        QTest::newRow("lower case") << QStringLiteral("Output token throughput (per sec)") << QStringLiteral("output_throughput") << QString() << QStringLiteral("per sec");
        QTest::newRow("decimal percentile") << QStringLiteral("p99.9_ttft_ms") << QStringLiteral("ttft") << QStringLiteral("p99.9") << QStringLiteral("ms");
        QTest::newRow("p50") << QStringLiteral("TPOT p50 (s)") << QStringLiteral("tpot") << QStringLiteral("median") << QStringLiteral("s");
        QTest::newRow("tok_s") << QStringLiteral("output_throughput_tok_s") << QStringLiteral("output_throughput") << QString() << QStringLiteral("tokens/s");
        QTest::newRow("std dev") << QStringLiteral("ITL Std Dev") << QStringLiteral("itl") << QStringLiteral("std") << QString();
        QTest::newRow("unknown") << QStringLiteral("KV blocks") << QStringLiteral("kv_blocks") << QString() << QString();
    }
    void columnNames()
    {
        QFETCH(QString, header);
        QFETCH(QString, metric);
        QFETCH(QString, statistic);
        QFETCH(QString, unit);
        const ColumnMeaning m = parseColumnName(header.toStdString());
        QCOMPARE(testutil::q(m.metric.name), metric);
        QCOMPARE(testutil::q(m.statistic), statistic);
        QCOMPARE(testutil::q(m.unit), unit);
    }

    void labelsFromNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("labels");
        QTest::newRow("folder") << QStringLiteral("vllm-0.10.2_universal-fp8_tp4_h100") << QStringLiteral("engine=vllm engine_version=0.10.2 gpu=h100 preset=universal-fp8 quantization=fp8 tp=4");
        QTest::newRow("trt") << QStringLiteral("tensorrt-llm awq tp-2 L40S kv-fp8") << QStringLiteral("engine=tensorrt-llm gpu=l40s kv_cache_dtype=fp8 quantization=awq tp=2");
        QTest::newRow("pairs") << QStringLiteral("tp_size=2,gpu_type=A100") << QStringLiteral("gpu=A100 tp=2");
        QTest::newRow("nothing") << QStringLiteral("results") << QString();
    }
    void labelsFromNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, labels);
        LabelPairs pairs = labelsFromText(text.toStdString());
        std::sort(pairs.begin(), pairs.end());
        std::string joined;
        for (const auto &[k, v] : pairs)
            joined += (joined.empty() ? "" : " ") + k + "=" + v;
        QCOMPARE(testutil::q(joined), labels);
    }

    void csvReader()
    {
        std::istringstream in("\xEF\xBB\xBF" "a,\"b \"\"q\"\"\",c\r\n1,\"multi\nline\",3\r\n\r\nlast,row,no-newline");
        CsvReader r(in, ',');
        QVERIFY(r.next());
        QCOMPARE(int(r.fields().size()), 3);
        QCOMPARE(testutil::q(std::string(r.fields()[0])), QStringLiteral("a"));
        QCOMPARE(testutil::q(std::string(r.fields()[1])), QStringLiteral("b \"q\""));
        QVERIFY(r.next());
        QCOMPARE(testutil::q(std::string(r.fields()[1])), QStringLiteral("multi\nline"));
        QCOMPARE(int(r.line()), 2);
        QVERIFY(r.next());
        QVERIFY(r.blank());
        QCOMPARE(int(r.line()), 4);
        QVERIFY(r.next());
        QCOMPARE(testutil::q(std::string(r.fields()[2])), QStringLiteral("no-newline"));
        QCOMPARE(int(r.line()), 5);
        QVERIFY(!r.next());
        QCOMPARE(sniffDelimiter("a;b;\"c,d\";e"), ';');
        QCOMPARE(sniffDelimiter("a\tb\tc"), '\t');
    }

    // Issue 16 #6: one statistic written twice (vLLM's median_* next to p50_*) is one row, while
    // different values of one series in a run (one per GPU) all stay.
    void sameStatisticTwiceIsOneRow()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bench.json")).toStdString();
        writeFile(path, R"({"backend": "vllm", "model_id": "m", "max_concurrency": 4, "completed": 10, "failed": 0,
                           "median_ttft_ms": 42.5, "p50_ttft_ms": 42.5, "mean_ttft_ms": 50})");
        ResultTable table;
        QVERIFY(!importFile(path, table).failed);
        int medians = 0;
        for (const Row &row : table.rows())
            medians += table.str(table.seriesAt(row.series).metric) == "ttft" && table.str(table.seriesAt(row.series).statistic) == "median";
        QCOMPARE(medians, 1);
        QCOMPARE(*table.metricValue(0, "ttft", "median"), 42.5);
    }
    // genai-bench run with --metrics-time-unit ms writes ttft, tpot, e2e_latency and output_latency
    // (every statistic of each) in ms and says so in `_time_unit`; the same run must read alike.
    void genAiBenchMillisecondFile()
    {
        const std::string real = testutil::dataPath(
            "bench/real/genai-bench/regression_feature_no_flag/D100_100_text-to-text_zai-org_GLM-4.6_num_concurrency_1_time_120s.json");
        Json doc = Json::parse(testutil::readFile(real));
        QCOMPARE(doc.value("_time_unit", ""), std::string("s"));
        for (const char *metric : {"ttft", "tpot", "e2e_latency", "output_latency"})
            for (auto &[stat, v] : doc["aggregated_metrics"]["stats"][metric].items())
                if (v.is_number())
                    v = v.get<double>() * 1000;
        doc["_time_unit"] = "ms";
        QTemporaryDir dir;
        const std::string copy = dir.filePath(QStringLiteral("D100_100_text-to-text_num_concurrency_1_time_120s.json")).toStdString();
        writeFile(copy, doc.dump());
        ResultTable seconds;
        ResultTable millis;
        QVERIFY(!importFile(real, seconds).failed);
        QVERIFY(!importFile(copy, millis).failed);
        for (const char *metric : {"ttft", "tpot", "e2e_latency", "output_latency"})
            for (const char *stat : {"mean", "p99"}) {
                const auto a = seconds.metricValue(0, metric, stat);
                const auto b = millis.metricValue(0, metric, stat);
                QVERIFY2(a && b, metric);
                QVERIFY2(std::abs(*a - *b) < 1e-9 * std::max(1.0, *a), (std::string(metric) + " " + stat).c_str());
            }
        // Not a latency: the run's duration stays in seconds in both files.
        QCOMPARE(*millis.metricValue(0, "duration", "value"), *seconds.metricValue(0, "duration", "value"));
    }

    // Issue 16 #6: SGLang's bench_serving stores GET /server_info (the server's own arguments); its
    // model and settings label the run. A disaggregated server answers per role: decode's are used.
    void sglangServerInfo_data()
    {
        QTest::addColumn<QString>("serverInfo");
        QTest::addColumn<QString>("labels");
        QTest::newRow("one server") << QStringLiteral(R"({"model_path": "Qwen/Qwen3-8B", "served_model_name": "Qwen/Qwen3-8B", "tp_size": 2,
            "dp_size": 1, "quantization": "fp8", "kv_cache_dtype": "fp8_e4m3", "version": "0.5.6"})")
                                    << QStringLiteral("engine=sglang engine_version=0.5.6 kv_cache_dtype=fp8_e4m3 model=Qwen/Qwen3-8B quantization=fp8 tp=2");
        QTest::newRow("served name wins") << QStringLiteral(R"({"model_path": "/models/llama", "served_model_name": "llama-70b", "kv_cache_dtype": "auto", "quantization": null})")
                                          << QStringLiteral("engine=sglang model=llama-70b");
        QTest::newRow("prefill/decode") << QStringLiteral(R"({"prefill": [{"model_path": "m", "tp_size": 8}], "decode": [{"model_path": "m", "tp_size": 4, "dp_size": 4}]})")
                                        << QStringLiteral("dp=4 engine=sglang model=m tp=4");
    }
    void sglangServerInfo()
    {
        QFETCH(QString, serverInfo);
        QFETCH(QString, labels);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("run.jsonl")).toStdString();
        // The shape of a 0.5 bench_serving line (only the keys that matter here).
        writeFile(path, R"({"backend": "sglang", "dataset_name": "sharegpt", "request_rate": Infinity, "max_concurrency": 8, "server_info": )"
                            + serverInfo.toStdString()
                            + R"(, "completed": 50, "mean_e2e_latency_ms": 900.5, "median_ttft_ms": 80.0, "total_output_tokens_retokenized": 5000})"
                            + "\n");
        ResultTable table;
        const FileReport report = importFile(path, table);
        QVERIFY2(!report.failed, testutil::codes(report.diagnostics).toUtf8().constData());
        QCOMPARE(table.runs().size(), std::size_t(1));
        QStringList found;
        for (const Label &l : table.labels(table.run(0).labelSet))
            if (table.str(l.key) != "methodology" && table.str(l.key) != "dataset_name")
                found << testutil::q(std::string(table.str(l.key)) + "=" + std::string(table.str(l.value)));
        found.sort();
        QCOMPARE(found.join(QLatin1Char(' ')), labels);
    }

    // Issue 16 #7: the methodology label follows the tool and, for GuideLLM, the version in the
    // report (it changed its token accounting in v0.7.4).
    void guideLlmVersionPicksMethodology_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("methodology");
        QTest::newRow("0.5 dev") << QStringLiteral("0.5.0.dev0") << QStringLiteral("guidellm-0.4-0.7.3");
        QTest::newRow("0.7.3") << QStringLiteral("0.7.3") << QStringLiteral("guidellm-0.4-0.7.3");
        QTest::newRow("0.7.4") << QStringLiteral("0.7.4") << QStringLiteral("guidellm-0.7.4+");
        QTest::newRow("v0.10.1") << QStringLiteral("v0.10.1") << QStringLiteral("guidellm-0.7.4+");
        QTest::newRow("none") << QString() << QStringLiteral("guidellm");
    }
    void guideLlmVersionPicksMethodology()
    {
        QFETCH(QString, version);
        QFETCH(QString, methodology);
        Json doc = Json::parse(testutil::readFile(fixture("guidellm-benchmarks.json")));
        if (version.isEmpty())
            doc.erase("metadata");
        else
            doc["metadata"] = {{"version", 2}, {"guidellm_version", version.toStdString()}};
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("benchmarks.json")).toStdString();
        writeFile(path, doc.dump());
        ResultTable table;
        QVERIFY(!importFile(path, table).failed);
        QVERIFY(!table.runs().empty());
        for (std::uint32_t run = 0; run < table.runs().size(); ++run)
            QCOMPARE(testutil::q(std::string(table.label(run, "methodology").value_or("(none)"))), methodology);
    }
    // Issue 16 #6: AIPerf writes each run as profile_export_aiperf.csv and .json; imported together
    // they are one run (with the model and load only the JSON names), in either order, with a note.
    void sameRunFromTwoFiles_data()
    {
        QTest::addColumn<bool>("csvFirst");
        QTest::newRow("csv first") << true;
        QTest::newRow("json first") << false;
    }
    void sameRunFromTwoFiles()
    {
        QFETCH(bool, csvFirst);
        const std::string csv = fixture("real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.csv");
        const std::string json = fixture("real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.json");
        ResultTable table;
        const std::vector<FileReport> reports = importFiles(csvFirst ? std::vector<std::filesystem::path>{csv, json}
                                                                     : std::vector<std::filesystem::path>{json, csv},
                                                            table);
        QCOMPARE(table.runs().size(), std::size_t(1));
        QCOMPARE(reports[1].runs, std::size_t(0));
        QCOMPARE(testutil::codes(reports[1].diagnostics), QStringLiteral("bench.same-run"));
        QCOMPARE(reports[1].diagnostics[0].severity, Severity::Info);
        QCOMPARE(std::string(table.label(0, "model").value_or("")), std::string("qwen3-4b"));
        QCOMPARE(loadText(table.run(0).load), std::string("concurrency=64"));
        // Values of both files: TTFT (both give it) and per-user throughput.
        QVERIFY(table.metricValue(0, "ttft", "p99"));
        QVERIFY(table.metricValue(0, "output_throughput_per_user", "mean"));
        for (const Row &row : table.rows())
            QCOMPARE(row.run, 0u);
    }

    // Files of different runs stay apart: other stems, several runs in a file, and runs with
    // different run ids. One result file copied twice (same run id) is one run.
    void differentRunsStayApart()
    {
        ResultTable table;
        importFiles({fixture("real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.csv"),
                     fixture("real/aiperf/anud18-5090-agent-c16-v0.10.0-profile_export_aiperf.json")},
                    table);
        QCOMPARE(table.runs().size(), std::size_t(2));
        ResultTable sweeps;
        importFiles({fixture("real/vllm-bench-sweep/er0080-sweep-max_num_seqs=4-summary.json"),
                     fixture("real/vllm-bench-sweep/er0080-sweep-max_num_seqs=8-summary.json")},
                    sweeps);
        QCOMPARE(sweeps.runs().size(), std::size_t(4));
        QTemporaryDir dir;
        const std::string text = testutil::readFile(fixture("real/vllm-bench-serve/er0080-bench-serve-v0.25.1.json"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("copy")));
        const std::string a = dir.filePath(QStringLiteral("result.json")).toStdString();
        const std::string b = dir.filePath(QStringLiteral("copy/result.json")).toStdString();
        writeFile(a, text);
        writeFile(b, text);
        ResultTable copies;
        const auto reports = importFiles({a, b}, copies);
        QCOMPARE(copies.runs().size(), std::size_t(1));
        QCOMPARE(testutil::codes(reports[1].diagnostics), QStringLiteral("bench.same-run"));
    }
    // AIPerf counts only the requests that succeeded as "request_count" and the others as
    // "error_request_count" (or, per kind, in error_summary): a run with too many errors is failed.
    void aiperfErrors_data()
    {
        QTest::addColumn<QString>("addition");
        QTest::addColumn<QString>("status");
        QTest::newRow("no errors") << QString() << QString();
        QTest::newRow("error_request_count") << QStringLiteral(R"({"error_request_count": {"unit": "requests", "avg": 10}})")
                                             << QStringLiteral("failed: 10 of 106 requests failed (9.43 % > 5 %)");
        QTest::newRow("error_summary") << QStringLiteral(R"({"error_summary": [{"error_details": {"code": 500, "type": "Internal Server Error", "message": "x"}, "count": 3},
                                                             {"error_details": {"code": 429, "type": "Too Many Requests", "message": "y"}, "count": 4}]})")
                                       << QStringLiteral("failed: 7 of 103 requests failed (6.8 % > 5 %)");
        QTest::newRow("few errors") << QStringLiteral(R"({"error_request_count": {"unit": "requests", "avg": 2}})") << QString();
    }
    void aiperfErrors()
    {
        QFETCH(QString, addition);
        QFETCH(QString, status);
        Json doc = Json::parse(testutil::readFile(fixture("real/aiperf/anud18-5090-agent-c16-v0.10.0-profile_export_aiperf.json")));
        QCOMPARE(doc["request_count"]["avg"].get<double>(), 96.0);
        if (!addition.isEmpty())
            doc.update(Json::parse(addition.toStdString()));
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("profile_export_aiperf.json")).toStdString();
        writeFile(path, doc.dump());
        ResultTable table;
        QVERIFY(!importFile(path, table).failed);
        QCOMPARE(*table.metricValue(0, "requests_completed", "mean"), 96.0);
        QCOMPARE(testutil::q(std::string(table.label(0, "status").value_or(""))), status);
    }
    // "Same sweep" = same labels but the load (and the status, an outcome): the runs a chart
    // draws as one line. Swept server settings and the dataset tell sweeps apart.
    void sweeps_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("sweeps");
        const auto f = [](const char *name) { return testutil::q(fixture(name)); };
        // five random-dataset rates and two ShareGPT rates in one file
        QTest::newRow("sglang rates") << QStringList{f("real/sglang/datacrunch-llama-3.3-70b-online.jsonl")} << 7 << 2;
        QTest::newRow("vllm sweep settings") << QStringList{f("real/vllm-bench-sweep/er0080-sweep-max_num_seqs=4-summary.json"),
                                                           f("real/vllm-bench-sweep/er0080-sweep-max_num_seqs=8-summary.json")}
                                             << 4 << 2;
        QTest::newRow("aiperf csv and json") << QStringList{f("real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.csv"),
                                                           f("real/aiperf/akamaslabs-c64-v0.11.0-profile_export_aiperf.json"),
                                                           f("real/aiperf/anud18-5090-agent-c16-v0.10.0-profile_export_aiperf.json")}
                                             << 2 << 2;
    }
    void sweeps()
    {
        QFETCH(QStringList, files);
        QFETCH(int, runs);
        QFETCH(int, sweeps);
        std::vector<std::filesystem::path> paths;
        for (const QString &file : files)
            paths.emplace_back(file.toStdString());
        ResultTable table;
        importFiles(paths, table);
        QCOMPARE(int(table.runs().size()), runs);
        std::vector<std::uint32_t> firsts; // the first run of each sweep
        for (std::uint32_t r = 0; r < table.runs().size(); ++r)
            if (std::none_of(firsts.begin(), firsts.end(), [&](std::uint32_t f) { return sameSweep(table, f, r); }))
                firsts.push_back(r);
        QCOMPARE(int(firsts.size()), sweeps);
    }

    void failedRunStaysInItsSweep()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("sweep.jsonl")).toStdString();
        writeFile(path, R"({"backend": "vllm", "model_id": "m", "max_concurrency": 4, "completed": 10, "failed": 0, "mean_ttft_ms": 50})" "\n"
                        R"({"backend": "vllm", "model_id": "m", "max_concurrency": 64, "completed": 2, "failed": 8, "mean_ttft_ms": 0})" "\n"
                        R"({"backend": "vllm", "model_id": "other", "max_concurrency": 4, "completed": 10, "failed": 0, "mean_ttft_ms": 50})" "\n");
        ResultTable table;
        QVERIFY(!importFile(path, table).failed);
        QVERIFY(table.label(1, "status"));
        QVERIFY(sameSweep(table, 0, 1));
        QVERIFY(!sameSweep(table, 0, 2));
    }
};

QTEST_APPLESS_MAIN(TestBenchImport)
#include "tst_bench_import.moc"
