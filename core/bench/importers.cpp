#include "core/bench/importers.h"
#include "core/text.h"

#include "core/bench/runstatus.h"

#include "core/bench/importcontext.h"
#include "core/bench/jsonstream.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>
#include <unordered_map>

namespace quantcfg::bench {

const char *formatName(Format f)
{
    switch (f) {
    case Format::Unknown: return "unknown";
    case Format::TidyCsv: return "tidy-csv";
    case Format::GenAiPerfCsv: return "genai-perf-csv";
    case Format::AiPerfCsv: return "aiperf-csv";
    case Format::GuideLlmCsv: return "guidellm-csv";
    case Format::AutotunerCsv: return "autotuner-csv";
    case Format::GenAiPerfJson: return "genai-perf-json";
    case Format::AiPerfJson: return "aiperf-json";
    case Format::VllmJson: return "vllm-json";
    case Format::SglangJsonl: return "sglang-jsonl";
    case Format::GuideLlmJson: return "guidellm-json";
    case Format::GenAiBenchJson: return "genai-bench-json";
    case Format::AutotunerJson: return "autotuner-json";
    case Format::LlmPerfJson: return "llmperf-json";
    }
    return "unknown";
}

Tool formatTool(Format f)
{
    switch (f) {
    case Format::GenAiPerfCsv:
    case Format::GenAiPerfJson: return Tool::GenAiPerf;
    case Format::AiPerfCsv:
    case Format::AiPerfJson: return Tool::AiPerf;
    case Format::GuideLlmCsv:
    case Format::GuideLlmJson: return Tool::GuideLlm;
    case Format::AutotunerCsv:
    case Format::AutotunerJson: return Tool::Autotuner;
    case Format::LlmPerfJson: return Tool::LlmPerf;
    case Format::VllmJson: return Tool::Vllm;
    case Format::SglangJsonl: return Tool::Sglang;
    case Format::GenAiBenchJson: return Tool::GenAiBench;
    case Format::TidyCsv:
    case Format::Unknown: break;
    }
    return Tool::TidyCsv;
}

namespace {

Diagnostic fileError(std::string code, std::string message, int line = 0, int column = 0)
{
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    d.line = line;
    d.column = column;
    return d;
}

Format detectCsvFormat(const std::vector<std::string> &header)
{
    if (header.empty())
        return Format::Unknown;
    // "Metric,avg,…", "Metric,GPU,…" or a lone "Metric,Value" section; a tidy CSV may also start with "Metric".
    if (header[0] == "Metric" && header.size() >= 2
        && (header[1] == "avg" || header[1] == "GPU" || (header[1] == "Value" && header.size() == 2))) {
        const auto pos = [&header](const char *name) {
            return std::find(header.begin(), header.end(), name) - header.begin();
        };
        const bool aiperf = pos("std") < static_cast<long>(header.size()) || pos("p25") < pos("p99");
        return aiperf ? Format::AiPerfCsv : Format::GenAiPerfCsv;
    }
    if (header[0] == "Run Info")
        return Format::GuideLlmCsv;
    for (const std::string &h : header)
        if (asciiLower(h) == "experiment_id")
            return Format::AutotunerCsv;
    return Format::TidyCsv;
}

// Reads the next record that is neither blank nor a '#' comment; false at the end.
bool nextContentRecord(CsvReader &reader)
{
    while (reader.next()) {
        const auto &f = reader.fields();
        if (reader.blank() || (!f.empty() && !reader.quoted(0) && !f[0].empty() && f[0][0] == '#'))
            continue;
        return true;
    }
    return false;
}

void importCsv(ImportContext &ctx, std::istream &in, std::string_view head)
{
    // Sniff on the first non-comment line.
    std::string_view firstLine;
    for (std::size_t pos = 0; pos < head.size();) {
        std::size_t eol = head.find('\n', pos);
        std::string_view line = head.substr(pos, eol == std::string_view::npos ? head.size() - pos : eol - pos);
        pos = eol == std::string_view::npos ? head.size() : eol + 1;
        if (!trim(line).empty() && trim(line) != "\r" && line[0] != '#') {
            firstLine = line;
            break;
        }
    }
    CsvReader reader(in, sniffDelimiter(firstLine));
    if (!nextContentRecord(reader)) {
        ctx.report.failed = true;
        ctx.report.diagnostics.push_back(fileError("bench.no-data", "the file holds no rows"));
        return;
    }
    std::vector<std::string> header(reader.fields().begin(), reader.fields().end());
    for (std::string &h : header)
        h = std::string(trim(h));
    ctx.report.format = detectCsvFormat(header);
    switch (ctx.report.format) {
    case Format::GenAiPerfCsv: importGenAiPerfCsv(ctx, reader, header, Tool::GenAiPerf); break;
    case Format::AiPerfCsv: importGenAiPerfCsv(ctx, reader, header, Tool::AiPerf); break;
    case Format::GuideLlmCsv: importGuideLlmCsv(ctx, reader, header); break;
    case Format::AutotunerCsv: importTidyCsv(ctx, reader, header, Tool::Autotuner); break;
    default: importTidyCsv(ctx, reader, header, Tool::TidyCsv); break;
    }
}

void addDocument(ImportContext &ctx, const Json &doc, std::uint64_t line)
{
    const Format f = detectJsonFormat(doc);
    if (f == Format::Unknown) {
        if (line > 0) {
            ctx.badRow(line, 1, "bench.unknown-format", "this JSON line is no benchmark result we know");
            return;
        }
        ctx.report.failed = true;
        ctx.report.diagnostics.push_back(fileError(
            "bench.unknown-format", "not a benchmark result quantcfg knows (GenAI-Perf, AIPerf, vLLM, SGLang, GuideLLM, genai-bench, autotuner)"));
        return;
    }
    if (ctx.report.format == Format::Unknown)
        ctx.report.format = f;
    importJsonDocument(ctx, doc, f, line);
}

void importJson(ImportContext &ctx, std::ifstream &in, const std::filesystem::path &path)
{
    // JSON Lines (SGLang, vLLM --append-result) or one document? Try the first line on its own: a
    // complete object means JSONL; a pretty-printed document does not parse line by line.
    std::string line;
    std::uint64_t lineNo = 0;
    std::uint64_t done = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        done += line.size() + 1;
        if (!trim(line).empty() && trim(line) != "\r")
            break;
    }
    Diagnostic err;
    std::optional<Json> first = parseLenient(line, err);
    if (!first || !first->is_object()) {
        // A whole document, parsed as a stream.
        std::ifstream again(path, std::ios::binary);
        std::optional<Json> doc = parseLenientStream(again, err, [&ctx](std::uint64_t bytes) { return ctx.progress(bytes); });
        if (ctx.report.cancelled)
            return;
        if (!doc) {
            ctx.report.failed = true;
            ctx.report.diagnostics.push_back(err);
            return;
        }
        if (doc->is_array()) {
            for (const Json &item : *doc)
                addDocument(ctx, item, 0);
        } else {
            addDocument(ctx, *doc, 0);
        }
        return;
    }
    addDocument(ctx, *first, lineNo);
    while (std::getline(in, line)) {
        ++lineNo;
        done += line.size() + 1;
        if (!ctx.progress(done))
            return;
        if (trim(line).empty() || trim(line) == "\r")
            continue;
        std::optional<Json> doc = parseLenient(line, err);
        if (!doc) {
            ctx.badRow(lineNo, static_cast<std::uint64_t>(err.column), "bench.bad-json-line", err.message, line.substr(0, 80));
            continue;
        }
        addDocument(ctx, *doc, lineNo);
    }
}

bool importOne(ImportContext &ctx, const std::filesystem::path &path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        ctx.report.diagnostics.push_back(fileError("io.not-found", "no such file"));
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        ctx.report.diagnostics.push_back(fileError("io.is-directory", "is a directory"));
        return false;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > ctx.options.maxFileBytes) {
        ctx.report.diagnostics.push_back(fileError("io.too-large", "file is " + std::to_string(size >> 20) + " MiB; the limit is "
                                                                       + std::to_string(ctx.options.maxFileBytes >> 20) + " MiB"));
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ctx.report.diagnostics.push_back(fileError("io.read-failed", "cannot open the file"));
        return false;
    }
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.find('\0') != std::string::npos) {
        ctx.report.diagnostics.push_back(fileError("io.binary", "binary file (it contains NUL bytes)"));
        return false;
    }
    in.clear();
    in.seekg(0);
    std::string_view text = head;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const auto firstChar = text.find_first_not_of(" \t\r\n");
    if (firstChar == std::string_view::npos) {
        ctx.report.diagnostics.push_back(fileError("bench.no-data", "the file is empty"));
        return false;
    }
    if (text[firstChar] == '{' || text[firstChar] == '[') {
        if (firstChar == 0 && head.size() != text.size())
            in.seekg(3);
        importJson(ctx, in, path);
    } else {
        importCsv(ctx, in, text);
    }
    return !ctx.report.failed;
}

std::uint64_t fileSize(const std::filesystem::path &p)
{
    std::error_code ec;
    const auto s = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<std::uint64_t>(s);
}

// Two files of one run. AIPerf and GenAI-Perf write each run twice, as profile_export_*.csv and
// .json side by side, and the CSV lacks the model and the load the JSON names; other tools give a
// run id. A run from this file is an earlier run of another file when
// - both have the same run id, tool, load and labels, or
// - neither has a run id, each file holds only that run, the files differ only in their extension,
//   and the tool is the same and no label or load field the two both give differs.
// Its values are added to the earlier run (whose labels and load gain what only this file gave),
// and a note says so.
bool sameRunNoId(const ResultTable &table, const Run &earlier, const Run &run)
{
    if (earlier.tool != run.tool)
        return false;
    const auto fits = [](double a, double b) { return std::isnan(a) || std::isnan(b) || a == b; };
    if (!fits(earlier.load.concurrency, run.load.concurrency) || !fits(earlier.load.requestRate, run.load.requestRate)
        || earlier.load.trace != run.load.trace)
        return false;
    for (const Label &l : table.labels(run.labelSet)) {
        const auto mine = table.labels(earlier.labelSet);
        const auto other = std::find_if(mine.begin(), mine.end(), [&](const Label &m) { return m.key == l.key; });
        if (other != mine.end() && other->value != l.value)
            return false;
    }
    return true;
}

void foldSameRuns(ResultTable &table, std::size_t runsBefore, std::size_t rowsBefore, FileReport &report)
{
    const std::size_t added = table.runs().size() - runsBefore;
    if (runsBefore == 0 || added == 0)
        return;
    std::vector<ResultTable::Fold> folds;
    std::string other;
    const Run &single = table.run(static_cast<std::uint32_t>(runsBefore));
    const bool writtenTwice = added == 1 && single.runId == kNoString; // (read before foldRuns() removes it)
    if (writtenTwice) {
        const auto stemOf = [&](StrId source) { return std::filesystem::path(table.str(source)).replace_extension().string(); };
        const std::string stem = stemOf(single.source);
        std::optional<std::uint32_t> match;
        std::size_t runsOfMatch = 0;
        for (std::uint32_t o = 0; o < runsBefore; ++o) {
            const Run &earlier = table.run(o);
            if (earlier.source == single.source || stemOf(earlier.source) != stem)
                continue;
            ++runsOfMatch; // (a sibling file holding several runs is not one run written twice)
            if (earlier.runId == kNoString && sameRunNoId(table, earlier, single))
                match = o;
        }
        if (match && runsOfMatch == 1) {
            folds.push_back({static_cast<std::uint32_t>(runsBefore), *match});
            // The earlier run gains the labels and load fields only this file gives.
            const Run &into = table.run(*match);
            LabelPairs labels;
            for (const Label &l : table.labels(into.labelSet))
                labels.emplace_back(std::string(table.str(l.key)), std::string(table.str(l.value)));
            for (const Label &l : table.labels(single.labelSet))
                mergeLabels(labels, {{std::string(table.str(l.key)), std::string(table.str(l.value))}});
            Load load = into.load;
            if (!load.hasConcurrency())
                load.concurrency = single.load.concurrency;
            if (!load.hasRequestRate())
                load.requestRate = single.load.requestRate;
            table.setRunLabels(*match, internLabels(table, labels));
            table.setRunLoad(*match, load);
            other = std::string(table.str(into.source));
        }
    } else {
        // By (tool, label set, run id): one pass over the earlier runs, not one per new run.
        const auto key = [](const Run &r) {
            return (std::uint64_t(r.labelSet) << 32) ^ (std::uint64_t(r.runId) << 8) ^ std::uint64_t(r.tool);
        };
        std::unordered_multimap<std::uint64_t, std::uint32_t> earlierRuns;
        for (std::uint32_t o = 0; o < runsBefore; ++o)
            if (table.run(o).runId != kNoString)
                earlierRuns.emplace(key(table.run(o)), o);
        for (std::size_t n = runsBefore; n < table.runs().size() && !earlierRuns.empty(); ++n) {
            const Run &run = table.run(static_cast<std::uint32_t>(n));
            if (run.runId == kNoString)
                continue;
            const auto [begin, end] = earlierRuns.equal_range(key(run));
            for (auto it = begin; it != end; ++it) {
                const Run &earlier = table.run(it->second);
                if (earlier.tool == run.tool && earlier.labelSet == run.labelSet && earlier.load == run.load
                    && earlier.source != run.source && earlier.runId == run.runId) {
                    folds.push_back({static_cast<std::uint32_t>(n), it->second});
                    if (other.empty())
                        other = std::string(table.str(earlier.source));
                    break;
                }
            }
        }
    }
    if (folds.empty())
        return;
    table.foldRuns(runsBefore, rowsBefore, folds);
    report.runs -= folds.size();
    const bool one = folds.size() == 1;
    Diagnostic d = fileError("bench.same-run",
                             (one ? std::string("a run of this file is the same run as one of ")
                                  : std::to_string(folds.size()) + " runs of this file are the same runs as runs of ")
                                 + other + " (" + (writtenTwice ? "the same run written twice by the tool" : "same tool, run id, load and labels")
                                 + "): " + (one ? "its" : "their") + " values were added to " + (one ? "that run" : "those runs")
                                 + "; where both files give a value, the first file's is kept");
    d.severity = Severity::Info;
    report.diagnostics.push_back(d);
}

FileReport importWithTotals(const std::filesystem::path &path, ResultTable &table, const ImportOptions &options,
                            std::uint64_t total, std::uint64_t before)
{
    FileReport report;
    report.path = path.string();
    const std::size_t runsBefore = table.runs().size();
    const std::size_t rowsBefore = table.rows().size();
    ImportContext ctx(table, options, report, path, total, before);
    bool ok = false;
    try {
        ok = importOne(ctx, path);
    } catch (const std::exception &e) { // std::bad_alloc, filesystem errors: a bad file must not end the import
        report.diagnostics.push_back(fileError("io.read-failed", e.what()));
    }
    if (!ok || report.cancelled) {
        table.truncate(runsBefore, rowsBefore);
        report.failed = !report.cancelled;
        report.runs = report.rows = 0;
        if (report.cancelled)
            report.diagnostics.push_back(fileError("bench.cancelled", "import cancelled"));
        return report;
    }
    markFailedRuns(table, runsBefore, rowsBefore, options.maxFailureRatio);
    if (report.skippedRows > options.maxReported) {
        Diagnostic d = fileError("bench.skipped-rows", std::to_string(report.skippedRows) + " bad rows skipped, the first "
                                                           + std::to_string(options.maxReported) + " are listed");
        d.severity = Severity::Warning;
        report.diagnostics.push_back(d);
    }
    bool anyFailedRun = false;
    for (std::size_t i = runsBefore; i < table.runs().size() && !anyFailedRun; ++i)
        anyFailedRun = failedStatus(table, static_cast<std::uint32_t>(i)).has_value();
    if (report.rows == 0 && !anyFailedRun) { // runs that failed have no values, and still count
        // A CSV from another tool (e.g. `quantcfg matrix --format csv`) reads as a tidy CSV
        // without a numeric column: a failed file, not runs without values.
        table.truncate(runsBefore, rowsBefore);
        report.failed = true;
        report.runs = 0;
        report.diagnostics.push_back(fileError("bench.no-data", "no values found in the file: not a benchmark result quantcfg knows"));
        return report;
    }
    foldSameRuns(table, runsBefore, rowsBefore, report);
    return report;
}

} // namespace

FileReport importFile(const std::filesystem::path &path, ResultTable &table, const ImportOptions &options)
{
    return importWithTotals(path, table, options, fileSize(path), 0);
}

std::vector<FileReport> importFiles(const std::vector<std::filesystem::path> &paths, ResultTable &table,
                                    const ImportOptions &options)
{
    std::uint64_t total = 0;
    for (const auto &p : paths)
        total += fileSize(p);
    std::vector<FileReport> reports;
    std::uint64_t before = 0;
    for (const auto &p : paths) {
        reports.push_back(importWithTotals(p, table, options, total, before));
        before += fileSize(p);
        if (reports.back().cancelled)
            break;
    }
    return reports;
}

} // namespace quantcfg::bench
