// SLO parsing, scoring, ranking and the Pareto front, against hand-computed numbers.
#include "core/bench/importers.h"
#include "core/bench/runstatus.h"
#include "core/bench/scoring.h"

#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace quantcfg;
using namespace quantcfg::bench;

namespace {

// A run with the given labels and values (metric, statistic, value in table units).
std::uint32_t addRun(ResultTable &t, std::vector<std::pair<std::string, std::string>> labels,
                     std::vector<std::tuple<std::string, std::string, double>> values)
{
    std::vector<Label> ls;
    for (const auto &[k, v] : labels)
        ls.push_back(Label{t.strings().intern(k), t.strings().intern(v)});
    Run r;
    r.labelSet = t.addLabelSet(ls);
    r.source = t.strings().intern("test");
    const std::uint32_t run = t.addRun(r);
    for (const auto &[m, s, v] : values)
        t.addRow(run, t.seriesId(m, s, "", ""), v);
    return run;
}

SloSpec slo(const char *json)
{
    const SloParseResult r = parseSlo(Json::parse(json));
    if (!r.slo)
        qFatal("bad SLO in test: %s", r.diagnostics.empty() ? "?" : r.diagnostics.front().message.c_str());
    return *r.slo;
}

const ScoredRun &scoreOf(const Ranking &r, std::uint32_t run)
{
    for (const ScoredRun &s : r.runs)
        if (s.run == run)
            return s;
    qFatal("run not ranked");
}

} // namespace

class TestBenchScoring : public QObject
{
    Q_OBJECT

private slots:
    void parseBothSpellings()
    {
        const SloParseResult a = parseSlo(Json::parse(testutil::readFile(testutil::dataPath("bench/slo.json"))));
        QVERIFY(a.slo);
        QCOMPARE(int(a.slo->limits.size()), 2);
        QCOMPARE(a.slo->limits[0].threshold, 1000.0); // seconds → ms
        QCOMPARE(testutil::q(a.slo->limits[0].statistic), QStringLiteral("mean"));
        QVERIFY(a.slo->limits[1].hardFail);
        QCOMPARE(a.slo->limits[1].threshold, 50.0);
        QCOMPARE(a.slo->steepness, 0.1);

        const SloParseResult b = parseSlo(Json::parse(testutil::readFile(testutil::dataPath("bench/slo-constraints.json"))));
        QVERIFY(b.slo);
        QCOMPARE(int(b.slo->limits.size()), 3);
        QCOMPARE(b.slo->limits[1].threshold, 50.0);
        QCOMPARE(testutil::q(b.slo->limits[2].metric), QStringLiteral("gpu_memory_used"));
        QCOMPARE(b.slo->limits[2].threshold, 24.0); // GB stays GB

        const SloParseResult c = parseSlo(Json::parse(R"({"latency": {"p99": {"threshold": 2.5}, "p90": {"threshold": 2}}})"));
        QVERIFY(c.slo);
        QCOMPARE(testutil::q(c.slo->limits[0].metric), QStringLiteral("e2e_latency"));
        QCOMPARE(testutil::q(c.slo->limits[0].statistic), QStringLiteral("p99"));
        QCOMPARE(c.slo->limits[0].threshold, 2500.0);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no threshold") << QStringLiteral(R"({"slo": {"ttft": {"weight": 2}}})") << QStringLiteral("slo.missing") << QStringLiteral("/slo/ttft");
        QTest::newRow("string threshold") << QStringLiteral(R"({"slo": {"ttft": {"threshold": "1s"}}})") << QStringLiteral("slo.type") << QStringLiteral("/slo/ttft/threshold");
        QTest::newRow("zero") << QStringLiteral(R"({"slo_constraints": {"memory": {"max_gb": 0}}})") << QStringLiteral("slo.range") << QStringLiteral("/slo_constraints/memory");
        QTest::newRow("bad steepness") << QStringLiteral(R"({"slo": {"steepness": -1}})") << QStringLiteral("slo.range") << QStringLiteral("/slo/steepness");
        QTest::newRow("not an object") << QStringLiteral("[1]") << QStringLiteral("slo.type") << QString();
        QTest::newRow("no block, no limit") << QStringLiteral(R"({"foo": 1})") << QStringLiteral("slo.missing") << QString();
    }
    void parseErrors()
    {
        QFETCH(QString, json);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        const SloParseResult r = parseSlo(Json::parse(json.toStdString()));
        QVERIFY(!r.slo);
        QCOMPARE(testutil::q(r.diagnostics.front().code), code);
        QCOMPARE(testutil::q(r.diagnostics.front().pointer), pointer);
    }

    void maximizeThroughput()
    {
        ResultTable t;
        // A meets both SLOs; B is 20 % over on TTFT; C is 60 % over on TPOT with hard_fail at 50 %;
        // D is exactly 50 % over on TPOT, which is not a hard fail ('>' as the autotuner's code).
        const auto a = addRun(t, {{"tp", "1"}}, {{"ttft", "mean", 800}, {"tpot", "mean", 40}, {"total_throughput", "value", 1000}});
        const auto b = addRun(t, {{"tp", "2"}}, {{"ttft", "mean", 1200}, {"tpot", "mean", 30}, {"total_throughput", "value", 2000}});
        const auto c = addRun(t, {{"tp", "1"}}, {{"ttft", "mean", 500}, {"tpot", "mean", 80}, {"total_throughput", "value", 3000}});
        const auto d = addRun(t, {}, {{"ttft", "mean", 500}, {"tpot", "mean", 75}, {"total_throughput_per_gpu", "value", 900}});
        const Ranking r = rankRuns(t, slo(R"({"slo": {"ttft": {"threshold": 1.0, "weight": 2.0},
                                                     "tpot": {"threshold": 0.05, "weight": 2.0, "hard_fail": true, "fail_ratio": 0.5}}})"),
                                   Objective::MaximizeThroughput);
        QCOMPARE(int(r.runs.size()), 4);
        // A: base −1000 per GPU, no penalty.
        QCOMPARE(*scoreOf(r, a).base, -1000.0);
        QCOMPARE(scoreOf(r, a).score, -1000.0);
        QVERIFY(scoreOf(r, a).meetsSlo);
        // B: 2000 tok/s over tp=2 → −1000; penalty 2·e^(0.2/0.1) = 14.7781121978613; score −1000 + 14.778·1000.
        const double penaltyB = 2.0 * std::exp(2.0);
        QCOMPARE(int(scoreOf(r, b).violations.size()), 1);
        QVERIFY(std::abs(scoreOf(r, b).violations[0].ratio - 0.2) < 1e-12);
        QVERIFY(std::abs(scoreOf(r, b).score - (-1000.0 + penaltyB * 1000.0)) < 1e-6);
        QVERIFY(!scoreOf(r, b).meetsSlo);
        // C: TPOT ratio 0.6 > 0.5 → hard fail, ranked last.
        QVERIFY(scoreOf(r, c).hardFailed);
        QVERIFY(std::isinf(scoreOf(r, c).score));
        // D: ratio exactly 0.5 → penalty 2·e^5 on a base of −900.
        QVERIFY(!scoreOf(r, d).hardFailed);
        QVERIFY(std::abs(scoreOf(r, d).score - (-900.0 + 2.0 * std::exp(5.0) * 900.0)) < 1e-6);
        // Order: A, B, D, C; the best meeting the SLOs is A.
        QCOMPARE(r.runs[0].run, a);
        QCOMPARE(r.runs[1].run, b);
        QCOMPARE(r.runs[2].run, d);
        QCOMPARE(r.runs[3].run, c);
        QVERIFY(r.best);
        QCOMPARE(r.runs[*r.best].run, a);
    }

    void minimizeObjectives_data()
    {
        QTest::addColumn<int>("objective");
        QTest::addColumn<double>("expectedA");
        QTest::addColumn<double>("expectedB");
        // A: ttft 400 (mean), tpot 20, e2e mean 3000; B: ttft 1100 (10 % over, weight 1: penalty e^1), tpot 10, e2e only median 2000.
        const double pB = std::exp(1.0);
        QTest::newRow("minimize_ttft") << int(Objective::MinimizeTtft) << 400.0 << 1100.0 * (1 + pB);
        QTest::newRow("minimize_tpot") << int(Objective::MinimizeTpot) << 20.0 << 10.0 * (1 + pB);
        QTest::newRow("minimize_latency (median fallback)") << int(Objective::MinimizeLatency) << 3000.0 << 2000.0 * (1 + pB);
    }
    void minimizeObjectives()
    {
        QFETCH(int, objective);
        QFETCH(double, expectedA);
        QFETCH(double, expectedB);
        ResultTable t;
        const auto a = addRun(t, {}, {{"ttft", "mean", 400}, {"tpot", "value", 20}, {"e2e_latency", "mean", 3000}});
        const auto b = addRun(t, {}, {{"ttft", "mean", 1100}, {"tpot", "mean", 10}, {"e2e_latency", "median", 2000}});
        const Ranking r = rankRuns(t, slo(R"({"ttft": {"threshold": 1.0}})"), static_cast<Objective>(objective));
        QVERIFY(std::abs(scoreOf(r, a).score - expectedA) < 1e-9);
        QVERIFY(std::abs(scoreOf(r, b).score - expectedB) < 1e-9);
        QCOMPARE(r.runs[*r.best].run, a);
    }

    void memoryAndUnmeasured()
    {
        ResultTable t;
        // Peak over per-GPU series: 30 GB against 24 → ratio 0.25, penalty e^2.5.
        const auto a = addRun(t, {}, {{"ttft", "mean", 100}, {"tpot", "mean", 10}, {"output_throughput", "value", 500},
                                      {"gpu_memory_used/gpu0", "max", 20}, {"gpu_memory_used/gpu1", "max", 30}});
        // No TPOT: no penalty, but it cannot be said to meet the SLOs.
        const auto b = addRun(t, {}, {{"ttft", "mean", 100}, {"output_throughput", "value", 400}, {"gpu_memory_used", "max", 20}});
        const Ranking r = rankRuns(t, slo(R"({"slo_constraints": {"ttft": {"max": 1.0}, "tpot": {"max": 0.05}, "memory": {"max_gb": 24}}})"),
                                   Objective::MaximizeThroughput);
        const ScoredRun &sa = scoreOf(r, a);
        QCOMPARE(int(sa.violations.size()), 1);
        QCOMPARE(testutil::q(sa.violations[0].name), QStringLiteral("memory"));
        QCOMPARE(sa.violations[0].actual, 30.0);
        QVERIFY(std::abs(sa.score - (-500.0 + std::exp(2.5) * 500.0)) < 1e-9);
        const ScoredRun &sb = scoreOf(r, b);
        QCOMPARE(sb.score, -400.0);
        QCOMPARE(int(sb.unmeasured.size()), 1);
        QCOMPARE(testutil::q(sb.unmeasured[0]), QStringLiteral("tpot"));
        QVERIFY(!sb.meetsSlo);
        QVERIFY(!r.best); // nobody meets every SLO
    }

    void objectiveNames()
    {
        for (Objective o : {Objective::MaximizeThroughput, Objective::MinimizeLatency, Objective::MinimizeTtft, Objective::MinimizeTpot})
            QCOMPARE(objectiveFromName(objectiveName(o)), std::optional<Objective>(o));
        QVERIFY(!objectiveFromName("balanced")); // the autotuner rejects it too
    }

    void pareto()
    {
        ResultTable t;
        const auto p1 = addRun(t, {}, {{"output_throughput", "value", 1000}, {"ttft", "p99", 100}});
        const auto p2 = addRun(t, {}, {{"output_throughput", "value", 1500}, {"ttft", "p99", 200}});
        const auto p3 = addRun(t, {}, {{"output_throughput", "value", 1200}, {"ttft", "p99", 300}}); // dominated by p2
        const auto p4 = addRun(t, {}, {{"output_throughput", "value", 1500}, {"ttft", "p99", 200}}); // same as p2
        const auto p5 = addRun(t, {}, {{"output_throughput", "value", 500}, {"ttft", "p99", 50}});
        const auto p6 = addRun(t, {}, {{"output_throughput", "value", 900}, {"ttft", "p99", 100}}); // dominated by p1 (equal latency)
        addRun(t, {}, {{"output_throughput", "value", 9000}}); // no latency: not a point
        const auto points = paretoFront(t, "ttft", "p99");
        QCOMPARE(int(points.size()), 6);
        std::vector<std::uint32_t> front;
        for (const ParetoPoint &p : points)
            if (p.onFront)
                front.push_back(p.run);
        std::sort(front.begin(), front.end());
        QCOMPARE(front, (std::vector<std::uint32_t>{p1, p2, p4, p5}));
        QCOMPARE(points.front().run, p5); // sorted by latency
        Q_UNUSED(p3);
        Q_UNUSED(p6);
    }

    // Issue 16 #1: a vLLM run where 0 of 8 requests completed (er0080/vllm-benchmarking, vLLM
    // 0.25.1) wrote every statistic as 0.0. It must not be measured as 0 ms, meet a TTFT SLO, rank
    // best or sit on the Pareto front.
    void failedRunNeverWins()
    {
        ResultTable t;
        const auto dir = testutil::dataPath("bench/real/vllm-bench-serve/");
        for (const char *f : {"er0080-all-requests-failed-v0.25.1.json", "er0080-bench-serve-v0.25.1.json"})
            QVERIFY(!importFile(dir + f, t).failed);
        QCOMPARE(int(t.runs().size()), 2);
        const std::uint32_t failed = 0;
        QVERIFY(failedStatus(t, failed));
        QCOMPARE(testutil::q(std::string(*failedStatus(t, failed))), QStringLiteral("failed: 0 of 8 requests completed"));
        QVERIFY(!failedStatus(t, 1));
        QVERIFY(!t.metricValue(failed, "ttft", "mean")); // the placeholder zero is not a measurement
        QCOMPARE(*t.metricValue(failed, "requests_failed", "value"), 8.0);
        const Ranking r = rankRuns(t, slo(R"({"slo_constraints": {"ttft": {"max": 0.5}}})"), Objective::MinimizeTtft);
        QVERIFY(!scoreOf(r, failed).meetsSlo);
        QVERIFY(std::isinf(scoreOf(r, failed).score));
        QVERIFY(r.best);
        QCOMPARE(r.runs[*r.best].run, 1u);
        for (const ParetoPoint &p : paretoFront(t, "ttft", "p99"))
            QVERIFY(p.run != failed);
    }

    // More than 5 % failed requests (a setting): the run keeps its measurements but is labelled
    // failed and left out; at a looser setting it counts.
    void failureRatioIsASetting()
    {
        const auto build = [](ResultTable &t, double ratio) {
            const std::uint32_t run = addRun(t, {{"engine", "vllm"}}, {{"requests_completed", "value", 37}, {"requests_failed", "value", 3},
                                                                       {"output_throughput", "value", 900}, {"ttft", "p99", 120}});
            markFailedRuns(t, run, 0, ratio);
            return run;
        };
        ResultTable strict;
        const std::uint32_t a = build(strict, kDefaultMaxFailureRatio);
        QVERIFY(failedStatus(strict, a));
        QCOMPARE(testutil::q(std::string(*failedStatus(strict, a))), QStringLiteral("failed: 3 of 40 requests failed (7.5 % > 5 %)"));
        QCOMPARE(*strict.metricValue(a, "ttft", "p99"), 120.0);
        QVERIFY(paretoFront(strict, "ttft", "p99").empty());
        ResultTable loose;
        const std::uint32_t b = build(loose, 0.10);
        QVERIFY(!failedStatus(loose, b));
        QCOMPARE(int(paretoFront(loose, "ttft", "p99").size()), 1);
    }

    // Issue 19: the studio's success-rate column reads the counts as the failed-run rule does:
    // completed and failed, or either of them with the total; NaN when the file counts none.
    void successRatesFromTheRequestCounts()
    {
        ResultTable t;
        const auto a = addRun(t, {}, {{"requests_completed", "value", 37}, {"requests_failed", "value", 3}});
        const auto b = addRun(t, {}, {{"request_count", "value", 50}, {"requests_failed", "value", 5}});
        const auto c = addRun(t, {}, {{"requests_completed", "value", 20}, {"request_count", "value", 20}});
        const auto d = addRun(t, {}, {{"output_throughput", "value", 900}});
        const std::vector<double> rates = successRates(t);
        QCOMPARE(rates.size(), t.runs().size());
        QCOMPARE(rates[a], 37.0 / 40.0);
        QCOMPARE(rates[b], 0.9);
        QCOMPARE(rates[c], 1.0);
        QVERIFY(std::isnan(rates[d]));
        // The real run where 0 of 8 requests completed.
        ResultTable real;
        QVERIFY(!importFile(testutil::dataPath("bench/real/vllm-bench-serve/er0080-all-requests-failed-v0.25.1.json"), real).failed);
        QCOMPARE(successRates(real).at(0), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestBenchScoring)
#include "tst_bench_scoring.moc"
