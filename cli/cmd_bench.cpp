// quantcfg bench import | score | pareto
#include "core/bench/importers.h"
#include "core/bench/methodology.h"
#include "core/bench/metrics.h"
#include "core/bench/runstatus.h"
#include "core/bench/scoring.h"
#include "cli/cli.h"
#include "cli/context.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <memory>
#include <ostream>
#include <sstream>

namespace quantcfg::cli {

namespace {

using namespace quantcfg::bench;

struct BenchOptions
{
    std::vector<std::string> files;
    std::string format = "table";
    std::string slo;
    std::string objective = "maximize_throughput";
    std::string latency = "ttft_p99";
    std::string throughput = "output_throughput";
    std::vector<std::string> labels;
    double maxFailureRatio = kDefaultMaxFailureRatio;
};

// The failed-run rule as the output states it.
std::string failureRuleText(double ratio)
{
    std::ostringstream s;
    s << "a run with no completed request, or more than " << ratio * 100 << " % of its requests failed (--max-failure-ratio " << ratio
      << "), is labelled status=failed: it meets no SLO and is never best or on the front";
    return s.str();
}

// Runs measured by tools that define TPOT, ITL or throughput differently: the first line says so,
// the others give each family's definitions.
void printMethodologyNotes(Context &ctx, const std::vector<std::string> &notes)
{
    for (std::size_t i = 0; i < notes.size(); ++i)
        ctx.out << (i == 0 ? "note: " : "  ") << notes[i] << '\n';
}

void appendNumber(std::string &out, double v)
{
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

// JSON numbers cannot be infinite: +inf (a hard fail) becomes null.
Json jsonNumber(double v)
{
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

void appendCsvField(std::string &out, std::string_view s)
{
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
        out.append(s);
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string labelsText(const ResultTable &t, const Run &r)
{
    std::string s;
    for (const Label &l : t.labels(r.labelSet))
        s.append(s.empty() ? "" : ",").append(t.str(l.key)).append("=").append(t.str(l.value));
    return s;
}

std::string runIdText(const ResultTable &t, const Run &r)
{
    if (r.runId != kNoString)
        return std::string(t.str(r.runId));
    return r.line ? "line " + std::to_string(r.line) : std::string();
}

Json runJson(const ResultTable &t, std::uint32_t index)
{
    const Run &r = t.run(index);
    std::vector<std::pair<std::string, std::string>> sorted; // by name, so output does not depend on import order
    for (const Label &l : t.labels(r.labelSet))
        sorted.emplace_back(t.str(l.key), t.str(l.value));
    std::sort(sorted.begin(), sorted.end());
    Json labels = Json::object();
    for (const auto &[k, v] : sorted)
        labels[k] = v;
    Json load = Json::object();
    load["text"] = loadText(r.load);
    load["concurrency"] = r.load.hasConcurrency() ? Json(r.load.concurrency) : Json(nullptr);
    load["request_rate"] = r.load.hasRequestRate() ? (std::isinf(r.load.requestRate) ? Json("inf") : Json(r.load.requestRate)) : Json(nullptr);
    return Json{{"index", index},
                {"source", std::string(t.str(r.source))},
                {"tool", toolName(r.tool)},
                {"run_id", r.runId == kNoString ? Json(nullptr) : Json(std::string(t.str(r.runId)))},
                {"line", r.line},
                {"labels", labels},
                {"load", load}};
}

std::string runName(const ResultTable &t, std::uint32_t index)
{
    const Run &r = t.run(index);
    std::string s = std::string(t.str(r.source));
    if (const std::string id = runIdText(t, r); !id.empty())
        s += " [" + id + "]";
    if (const std::string l = labelsText(t, r); !l.empty())
        s += " " + l;
    if (const std::string load = loadText(r.load); !load.empty())
        s += " " + load;
    return s;
}

Json fileJson(const FileReport &f)
{
    Json diags = Json::array();
    for (const Diagnostic &d : f.diagnostics)
        diags.push_back(diagnosticToJson(d));
    return Json{{"file", f.path},         {"format", formatName(f.format)}, {"runs", f.runs},
                {"rows", f.rows},         {"skipped_rows", f.skippedRows},  {"failed", f.failed},
                {"diagnostics", diags}};
}

// Imports the files, prints their diagnostics; false when a file could not be imported.
bool importAll(Context &ctx, const BenchOptions &opt, ResultTable &table, std::vector<FileReport> &reports)
{
    ImportOptions io;
    io.maxFailureRatio = opt.maxFailureRatio;
    for (const std::string &l : opt.labels) {
        const auto eq = l.find('=');
        if (eq == std::string::npos || eq == 0) {
            Diagnostic d;
            d.code = "cli.label";
            d.message = "--label wants KEY=VALUE, got '" + l + "'";
            printDiagnostics(ctx, "bench", {d});
            ctx.exitCode = ExitUsage;
            return false;
        }
        io.extraLabels.emplace_back(canonicalLabelKey(l.substr(0, eq)), l.substr(eq + 1));
    }
    std::vector<std::filesystem::path> paths(opt.files.begin(), opt.files.end());
    reports = importFiles(paths, table, io);
    bool ok = true;
    for (const FileReport &r : reports) {
        printDiagnostics(ctx, r.path, r.diagnostics);
        ok = ok && !r.failed;
    }
    return ok;
}

// Nothing was imported and the errors are all there is to say: no empty table or ranking follows
// (JSON output still reports each file).
bool nothingImported(Context &ctx, const BenchOptions &opt, const ResultTable &table)
{
    if (!table.runs().empty() || opt.format == "json")
        return false;
    ctx.exitCode = ExitInvalid;
    return true;
}

void printCsv(Context &ctx, const ResultTable &t)
{
    const std::vector<StrId> keys = t.labelKeys();
    std::string out = "source,tool,run";
    for (StrId k : keys)
        appendCsvField(out.append(","), t.str(k));
    out += ",load,metric,statistic,value,unit,original_unit\n";
    std::vector<std::string> seriesHead, seriesTail;
    for (const Series &s : t.series()) {
        std::string h, tail;
        appendCsvField(h, t.str(s.metric));
        appendCsvField(h.append(","), t.str(s.statistic));
        h += ',';
        appendCsvField(tail.append(","), t.str(s.unit));
        appendCsvField(tail.append(","), t.str(s.originalUnit));
        tail += '\n';
        seriesHead.push_back(std::move(h));
        seriesTail.push_back(std::move(tail));
    }
    std::uint32_t cachedRun = UINT32_MAX;
    std::string prefix;
    std::vector<std::string_view> values(keys.size());
    for (const Row &row : t.rows()) {
        if (row.run != cachedRun) {
            // Rows of one run are usually adjacent: build its leading columns once.
            cachedRun = row.run;
            const Run &r = t.run(row.run);
            prefix.clear();
            appendCsvField(prefix, t.str(r.source));
            prefix.append(",").append(toolName(r.tool)).append(",");
            appendCsvField(prefix, runIdText(t, r));
            std::fill(values.begin(), values.end(), std::string_view());
            for (const Label &l : t.labels(r.labelSet))
                for (std::size_t i = 0; i < keys.size(); ++i)
                    if (keys[i] == l.key)
                        values[i] = t.str(l.value);
            for (std::string_view v : values)
                appendCsvField(prefix.append(","), v);
            appendCsvField(prefix.append(","), loadText(r.load));
            prefix += ',';
        }
        out.append(prefix).append(seriesHead[row.series]);
        appendNumber(out, row.value);
        out.append(seriesTail[row.series]);
        if (out.size() > (1u << 20)) {
            ctx.out.write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }
    ctx.out.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void printImportJson(Context &ctx, const ResultTable &t, const std::vector<FileReport> &reports)
{
    std::vector<Json> runs;
    for (std::uint32_t i = 0; i < t.runs().size(); ++i) {
        runs.push_back(runJson(t, i));
        runs.back()["values"] = Json::array();
    }
    for (const Row &row : t.rows()) {
        const Series &s = t.seriesAt(row.series);
        runs[row.run]["values"].push_back(Json{{"metric", std::string(t.str(s.metric))},
                                               {"statistic", std::string(t.str(s.statistic))},
                                               {"value", row.value},
                                               {"unit", std::string(t.str(s.unit))},
                                               {"original_unit", std::string(t.str(s.originalUnit))}});
    }
    Json files = Json::array();
    for (const FileReport &r : reports)
        files.push_back(fileJson(r));
    printJson(ctx, Json{{"files", files}, {"runs", runs}});
}

void printTable(Context &ctx, const ResultTable &t)
{
    std::vector<std::vector<std::string>> lines;
    lines.push_back({"RUN", "METRIC", "STATISTIC", "VALUE", "UNIT"});
    for (const Row &row : t.rows()) {
        const Series &s = t.seriesAt(row.series);
        lines.push_back({std::to_string(row.run), std::string(t.str(s.metric)), std::string(t.str(s.statistic)),
                         tableNumber(row.value), std::string(t.str(s.unit))});
    }
    for (std::uint32_t i = 0; i < t.runs().size(); ++i)
        ctx.out << "run " << i << ": " << runName(t, i) << " (" << toolName(t.run(i).tool) << ")\n";
    printColumns(ctx, lines);
}

void runImport(Context &ctx, const BenchOptions &opt)
{
    ResultTable table;
    std::vector<FileReport> reports;
    const bool ok = importAll(ctx, opt, table, reports);
    if (ctx.exitCode == ExitUsage || nothingImported(ctx, opt, table))
        return;
    if (opt.format == "csv")
        printCsv(ctx, table);
    else if (opt.format == "json")
        printImportJson(ctx, table, reports);
    else
        printTable(ctx, table);
    ctx.exitCode = ok ? ExitOk : ExitInvalid;
}

void runScore(Context &ctx, const BenchOptions &opt)
{
    const std::optional<Objective> objective = objectiveFromName(opt.objective); // checked by the parser
    JsonResult sloDoc = readJsonArgument(ctx, opt.slo);
    SloParseResult slo;
    if (sloDoc.value)
        slo = parseSlo(*sloDoc.value);
    printDiagnostics(ctx, opt.slo, sloDoc.diagnostics);
    printDiagnostics(ctx, opt.slo, slo.diagnostics);
    if (!slo.slo) {
        ctx.exitCode = ExitInvalid;
        return;
    }
    ResultTable table;
    std::vector<FileReport> reports;
    const bool ok = importAll(ctx, opt, table, reports);
    if (ctx.exitCode == ExitUsage || nothingImported(ctx, opt, table))
        return;
    const Ranking ranking = rankRuns(table, *slo.slo, *objective);
    std::vector<std::uint32_t> ranked;
    for (const ScoredRun &s : ranking.runs)
        ranked.push_back(s.run);
    const std::vector<std::string> methodologyNotes = mixedMethodologyNotes(table, ranked);
    if (opt.format == "json") {
        Json list = Json::array();
        for (std::size_t i = 0; i < ranking.runs.size(); ++i) {
            const ScoredRun &s = ranking.runs[i];
            Json violations = Json::array();
            for (const Violation &v : s.violations)
                violations.push_back(Json{{"name", v.name},   {"actual", v.actual},    {"threshold", v.threshold},
                                          {"ratio", v.ratio}, {"penalty", v.penalty}, {"hard_fail", v.hardFail}});
            list.push_back(Json{{"rank", i + 1},
                                {"run", runJson(table, s.run)},
                                {"base", s.base ? jsonNumber(*s.base) : Json(nullptr)},
                                {"score", jsonNumber(s.score)},
                                {"meets_slo", s.meetsSlo},
                                {"status", s.failed.empty() ? std::string("ok") : s.failed},
                                {"hard_failed", s.hardFailed},
                                {"violations", violations},
                                {"unmeasured", s.unmeasured}});
        }
        Json files = Json::array();
        for (const FileReport &r : reports)
            files.push_back(fileJson(r));
        printJson(ctx, Json{{"objective", opt.objective},
                            {"max_failure_ratio", opt.maxFailureRatio},
                            {"best", ranking.best ? Json(*ranking.best + 1) : Json(nullptr)},
                            {"methodology_notes", methodologyNotes},
                            {"ranking", list},
                            {"files", files}});
    } else {
        // Violations go on indented lines under their run, so the columns are sized per run line.
        std::vector<std::vector<std::string>> rows{{"RANK", "SCORE", "SLO", "RUN"}};
        for (std::size_t i = 0; i < ranking.runs.size(); ++i) {
            const ScoredRun &s = ranking.runs[i];
            rows.push_back({std::to_string(i + 1), tableNumber(s.score), s.meetsSlo ? "ok" : "no", runName(table, s.run)});
        }
        const std::vector<std::string> lines = columnLines(rows);
        ctx.out << lines[0] << '\n';
        for (std::size_t i = 0; i < ranking.runs.size(); ++i) {
            const ScoredRun &s = ranking.runs[i];
            ctx.out << lines[i + 1] << '\n';
            if (!s.failed.empty())
                ctx.out << "      " << s.failed << '\n';
            for (const Violation &v : s.violations)
                ctx.out << "      " << v.name << ": " << tableNumber(v.actual) << " > " << tableNumber(v.threshold)
                        << (v.hardFail ? " (hard fail)" : " (penalty " + tableNumber(v.penalty) + ")") << '\n';
            for (const std::string &u : s.unmeasured)
                ctx.out << "      " << u << ": not measured\n";
        }
        if (ranking.best)
            ctx.out << "best meeting the SLOs: " << runName(table, ranking.runs[*ranking.best].run) << '\n';
        else
            ctx.out << "no configuration meets the SLOs\n";
        if (std::any_of(ranking.runs.begin(), ranking.runs.end(), [](const ScoredRun &r) { return !r.failed.empty(); }))
            ctx.out << "note: " << failureRuleText(opt.maxFailureRatio) << '\n';
        printMethodologyNotes(ctx, methodologyNotes);
    }
    ctx.exitCode = ok ? ExitOk : ExitInvalid;
}

void runPareto(Context &ctx, const BenchOptions &opt)
{
    const ColumnMeaning lat = parseColumnName(opt.latency);
    const std::string stat = lat.statistic.empty() ? "mean" : lat.statistic;
    ResultTable table;
    std::vector<FileReport> reports;
    const bool ok = importAll(ctx, opt, table, reports);
    if (ctx.exitCode == ExitUsage || nothingImported(ctx, opt, table))
        return;
    const std::string thrMetric = canonicalMetric(opt.throughput).name;
    const std::vector<ParetoPoint> points = paretoFront(table, lat.metric.name, stat, thrMetric);
    std::vector<std::uint32_t> failed;
    for (std::uint32_t i = 0; i < table.runs().size(); ++i) {
        if (failedStatus(table, i))
            failed.push_back(i);
    }
    std::vector<std::uint32_t> plotted;
    for (const ParetoPoint &p : points)
        plotted.push_back(p.run);
    const std::vector<std::string> methodologyNotes = mixedMethodologyNotes(table, plotted);
    if (opt.format == "json") {
        Json list = Json::array();
        for (const ParetoPoint &p : points)
            list.push_back(Json{{"run", runJson(table, p.run)}, {"throughput", p.throughput}, {"latency", p.latency}, {"on_front", p.onFront}});
        Json left = Json::array();
        for (const std::uint32_t i : failed)
            left.push_back(Json{{"run", runJson(table, i)}, {"status", std::string(*failedStatus(table, i))}});
        Json files = Json::array();
        for (const FileReport &r : reports)
            files.push_back(fileJson(r));
        printJson(ctx, Json{{"latency", {{"metric", lat.metric.name}, {"statistic", stat}}},
                            {"throughput", {{"metric", thrMetric}}},
                            {"points", list},
                            {"failed_runs", left},
                            {"methodology_notes", methodologyNotes},
                            {"max_failure_ratio", opt.maxFailureRatio},
                            {"files", files}});
    } else {
        std::vector<std::vector<std::string>> rows{{"FRONT", lat.metric.name + " " + stat, thrMetric, "RUN"}};
        for (const ParetoPoint &p : points)
            rows.push_back({p.onFront ? "*" : "", tableNumber(p.latency), tableNumber(p.throughput), runName(table, p.run)});
        if (!points.empty())
            printColumns(ctx, rows);
        for (const std::uint32_t i : failed)
            ctx.out << "left out: " << runName(table, i) << '\n';
        if (!failed.empty())
            ctx.out << "note: " << failureRuleText(opt.maxFailureRatio) << '\n';
        printMethodologyNotes(ctx, methodologyNotes);
    }
    if (points.empty() && ok) {
        // Most likely a mistyped --latency or --throughput: name what the runs do have.
        Diagnostic d = makeDiagnostic(Severity::Error, "bench.no-points",
                                      "no run has both " + thrMetric + " and " + lat.metric.name + " " + stat);
        d.suggestion = "choose --latency and --throughput from the metrics the runs have, listed above";
        for (const Series &series : table.series()) {
            const std::string statistic(table.str(series.statistic));
            std::string name = std::string(table.str(series.metric)) + (statistic.empty() || statistic == "value" ? "" : "_" + statistic);
            if (std::find(d.allowed.begin(), d.allowed.end(), name) == d.allowed.end())
                d.allowed.push_back(std::move(name));
        }
        printDiagnostics(ctx, "bench pareto", {d});
    }
    ctx.exitCode = ok && !points.empty() ? ExitOk : ExitInvalid;
}

// Only import writes CSV (the tidy table); score and pareto print a table or JSON.
void addCommon(CLI::App *cmd, BenchOptions &opt, bool csv)
{
    cmd->add_option("files", opt.files, "Benchmark result files (format detected from the content)")->required();
    if (csv)
        cmd->add_option("--format", opt.format, "Output: table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}))->capture_default_str();
    else
        cmd->add_option("--format", opt.format, "Output: table or json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
    cmd->add_option("--label", opt.labels, "KEY=VALUE label added to every run (repeatable)");
    cmd->add_option("--max-failure-ratio", opt.maxFailureRatio,
                    "Share of failed requests above which a run is labelled status=failed (a run with no completed request always is)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
}

} // namespace

void addBenchCommands(CLI::App &app, Context &ctx)
{
    CLI::App *bench = app.add_subcommand("bench", "Import benchmark results, score them against SLOs, find the Pareto front.");
    bench->require_subcommand(1);

    auto importOpt = std::make_shared<BenchOptions>();
    CLI::App *import = bench->add_subcommand("import", "Read result files of GenAI-Perf, AIPerf, vLLM, SGLang, GuideLLM, genai-bench, the autotuner or a tidy CSV into one table.");
    addCommon(import, *importOpt, true);
    import->callback([&ctx, importOpt] { runImport(ctx, *importOpt); });

    auto scoreOpt = std::make_shared<BenchOptions>();
    CLI::App *score = bench->add_subcommand("score", "Rank runs against an SLO file and name the best one that meets it.");
    addCommon(score, *scoreOpt, false);
    score->add_option("--slo", scoreOpt->slo, "JSON file with an slo or slo_constraints block")->required();
    score->add_option("--objective", scoreOpt->objective, "What the ranking optimises")
        ->check(CLI::IsMember({"maximize_throughput", "minimize_latency", "minimize_ttft", "minimize_tpot"}))
        ->capture_default_str();
    score->callback([&ctx, scoreOpt] { runScore(ctx, *scoreOpt); });

    auto paretoOpt = std::make_shared<BenchOptions>();
    CLI::App *pareto = bench->add_subcommand("pareto", "Pareto front of throughput against a latency statistic.");
    addCommon(pareto, *paretoOpt, false);
    pareto->add_option("--latency", paretoOpt->latency, "Latency metric and statistic, e.g. ttft_p99, e2e_latency_median, tpot_mean")
        ->capture_default_str();
    pareto->add_option("--throughput", paretoOpt->throughput, "Throughput metric: output_throughput, total_throughput or request_throughput")
        ->capture_default_str();
    pareto->callback([&ctx, paretoOpt] { runPareto(ctx, *paretoOpt); });
}

} // namespace quantcfg::cli
