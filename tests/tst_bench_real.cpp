// Real benchmark result files (tests/data/bench/real, see SOURCES.md) against a canonical reading of
// each (expected-canonical.json, derived from the hand reading in expected.json): every file is
// imported alone into a fresh table and its run count, labels, load and values are compared.
// A row lists every mismatch of its file, with the run's labels, load and stored values.
#include "core/bench/importers.h"
#include "core/bench/resulttable.h"
#include "core/jsonio.h"

#include "testutil.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace quantcfg;
using namespace quantcfg::bench;

namespace {

const std::string kRealDir = "bench/real/";

Json loadExpected()
{
    const std::string text = testutil::readFile(testutil::dataPath(kRealDir + "expected-canonical.json"));
    return Json::parse(text);
}

std::string num(double v)
{
    if (std::isnan(v))
        return "not given";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    std::ostringstream s;
    s.precision(17);
    s << v;
    return s.str();
}

// "inf" or a number; NaN for null/absent.
double loadField(const Json &load, const char *key)
{
    if (!load.contains(key) || load[key].is_null())
        return std::numeric_limits<double>::quiet_NaN();
    const Json &v = load[key];
    if (v.is_string())
        return v.get<std::string>() == "inf" ? std::numeric_limits<double>::infinity() : std::stod(v.get<std::string>());
    return v.get<double>();
}

bool sameLoadField(double expected, double found)
{
    if (std::isnan(expected) || std::isnan(found))
        return std::isnan(expected) && std::isnan(found);
    if (std::isinf(expected) || std::isinf(found))
        return expected == found;
    return std::fabs(expected - found) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

std::string describeLoad(const Load &l)
{
    return "concurrency=" + num(l.concurrency) + ", request_rate=" + num(l.requestRate) + (l.trace ? ", trace" : "");
}

// Everything a reader needs to see what the importer made of a run.
std::string describeRun(const ResultTable &table, std::uint32_t run)
{
    std::string s = "    found labels: {";
    bool first = true;
    for (const Label &l : table.labels(table.run(run).labelSet)) {
        s += std::string(first ? "" : ", ") + std::string(table.str(l.key)) + "=" + std::string(table.str(l.value));
        first = false;
    }
    s += "}\n    found load: " + describeLoad(table.run(run).load) + " (tool " + toolName(table.run(run).tool) + ")\n";
    s += "    found values:";
    int n = 0;
    for (const Row &row : table.rows()) {
        if (row.run != run)
            continue;
        const Series &se = table.seriesAt(row.series);
        s += std::string(n % 4 == 0 ? "\n      " : "  ") + std::string(table.str(se.metric)) + "/" + std::string(table.str(se.statistic))
             + "=" + num(row.value) + " " + std::string(table.str(se.unit));
        ++n;
    }
    if (n == 0)
        s += " (none)";
    return s + "\n";
}

std::string describeReport(const FileReport &report)
{
    std::string s = "  import: format " + std::string(formatName(report.format)) + ", runs " + std::to_string(report.runs) + ", rows "
                    + std::to_string(report.rows) + (report.failed ? ", FAILED" : "") + "\n";
    for (const Diagnostic &d : report.diagnostics)
        s += "    diagnostic " + d.code + " (line " + std::to_string(d.line) + "): " + d.message + "\n";
    return s;
}

} // namespace

class TestBenchReal : public QObject
{
    Q_OBJECT

private slots:
    // Every file in expected.json has a canonical reading, and the other way round.
    void everyFileHasAnExpectation()
    {
        const Json hand = Json::parse(testutil::readFile(testutil::dataPath(kRealDir + "expected.json")));
        const Json canon = loadExpected();
        std::vector<std::string> a;
        std::vector<std::string> b;
        for (const Json &f : hand["files"])
            a.push_back(f["file"].get<std::string>());
        for (const Json &f : canon["files"])
            b.push_back(f["file"].get<std::string>());
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        QCOMPARE(b, a);
    }

    void realFile_data()
    {
        QTest::addColumn<int>("index");
        const Json canon = loadExpected();
        for (std::size_t i = 0; i < canon["files"].size(); ++i)
            QTest::newRow(canon["files"][i]["file"].get<std::string>().c_str()) << static_cast<int>(i);
    }

    void realFile()
    {
        QFETCH(int, index);
        const Json canon = loadExpected();
        const Json &exp = canon["files"][static_cast<std::size_t>(index)];
        const std::string file = exp["file"].get<std::string>();
        const std::size_t expectedRuns = exp["runs"].get<std::size_t>();
        const bool mayFail = exp.value("import_may_fail", false);

        ResultTable table;
        const FileReport report = importFile(testutil::dataPath(kRealDir + file), table);

        std::vector<std::string> problems;
        std::string context;
        if (report.failed && !(mayFail && expectedRuns == 0))
            problems.push_back("import failed (expected it to succeed)");
        if (table.runs().size() != expectedRuns)
            problems.push_back("run count: expected " + std::to_string(expectedRuns) + ", found " + std::to_string(table.runs().size()));

        for (const Json &check : exp["checks"]) {
            const auto run = check["run"].get<std::uint32_t>();
            const std::string where = "run " + std::to_string(run);
            if (run >= table.runs().size()) {
                problems.push_back(where + ": missing (only " + std::to_string(table.runs().size()) + " runs)");
                continue;
            }
            std::vector<std::string> runProblems;
            // Labels: each expected key with its exact value; no status means the run must not have failed.
            const Json labels = check.value("labels", Json::object());
            for (auto it = labels.begin(); it != labels.end(); ++it) {
                const std::string want = it.value().get<std::string>();
                const auto got = table.label(run, it.key());
                if (!got)
                    runProblems.push_back("label " + it.key() + ": expected \"" + want + "\", found none");
                else if (*got != want)
                    runProblems.push_back("label " + it.key() + ": expected \"" + want + "\", found \"" + std::string(*got) + "\"");
            }
            if (!labels.contains("status")) {
                const auto status = table.label(run, "status");
                if (status && status->rfind("failed", 0) == 0)
                    runProblems.push_back("label status: expected the run not to have failed, found \"" + std::string(*status) + "\"");
            }
            // Load: both fields compared; a field the expectation lacks must be absent.
            if (check.contains("load")) {
                const Json &load = check["load"];
                const Load &got = table.run(run).load;
                const double wantC = loadField(load, "concurrency");
                const double wantR = loadField(load, "request_rate");
                if (!sameLoadField(wantC, got.concurrency) || !sameLoadField(wantR, got.requestRate) || got.trace)
                    runProblems.push_back("load: expected concurrency=" + num(wantC) + ", request_rate=" + num(wantR) + "; found "
                                          + describeLoad(got));
            }
            // Values in the normalised unit, within a relative tolerance, or absent.
            for (const Json &v : check.value("values", Json::array())) {
                const std::string metric = v["metric"].get<std::string>();
                const std::string statistic = v["statistic"].get<std::string>();
                const std::string name = metric + "/" + statistic;
                const auto got = table.metricValue(run, metric, statistic);
                if (v.value("absent", false)) {
                    if (got)
                        runProblems.push_back(name + ": expected absent, found " + num(*got));
                    continue;
                }
                const double want = v["value"].get<double>();
                const double tol = v.value("tolerance", 1e-6);
                if (!got)
                    runProblems.push_back(name + ": expected " + num(want) + ", found none");
                else if (std::fabs(*got - want) > tol * std::max(std::fabs(want), 1e-12))
                    runProblems.push_back(name + ": expected " + num(want) + ", found " + num(*got) + " (ratio "
                                          + num(want != 0 ? *got / want : std::numeric_limits<double>::quiet_NaN()) + ")");
            }
            if (!runProblems.empty()) {
                for (const std::string &p : runProblems)
                    problems.push_back(where + ": " + p);
                context += "  run " + std::to_string(run) + ":\n" + describeRun(table, run);
            }
        }

        std::string msg;
        if (!problems.empty()) {
            msg = "\n" + file + ": " + std::to_string(problems.size()) + " mismatch(es)\n";
            for (const std::string &p : problems)
                msg += "  - " + p + "\n";
            msg += describeReport(report) + context;
        }
        // A defect not fixed yet is named in the expectations ("known_defect"): the row is an
        // expected failure, and turns into an unexpected pass, which fails, once it is fixed.
        const std::string known = exp.value("known_defect", std::string());
        if (!known.empty())
            QEXPECT_FAIL("", known.c_str(), Abort);
        QVERIFY2(problems.empty(), msg.c_str());
    }
};

QTEST_GUILESS_MAIN(TestBenchReal)
#include "tst_bench_real.moc"
