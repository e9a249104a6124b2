#pragma once

#include "core/bench/csv.h"
#include "core/bench/labels.h"
#include "core/bench/resulttable.h"
#include "core/diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace quantcfg::bench {

/// File formats, detected from the content (never from the extension). See docs/benchmarks.md.
enum class Format {
    Unknown,
    TidyCsv,        ///< hand-made CSV: long (metric,value columns) or wide (one column per metric)
    GenAiPerfCsv,   ///< profile_export_genai_perf.csv (multi-section, "Metric,avg,min,max,p99,…")
    AiPerfCsv,      ///< profile_export_aiperf.csv ("Metric,avg,min,max,p25,…,std")
    GuideLlmCsv,    ///< GuideLLM ≥ 0.4 CSV with three header rows
    AutotunerCsv,   ///< inference-autotuner result table (experiment_id column, seconds)
    GenAiPerfJson,  ///< profile_export_genai_perf.json
    AiPerfJson,     ///< profile_export_aiperf.json
    VllmJson,       ///< vllm bench serve --save-result (one object, or JSONL with --append-result)
    SglangJsonl,    ///< sglang.bench_serving --output-file (JSONL, bare Infinity)
    GuideLlmJson,   ///< GuideLLM report (benchmarks[])
    GenAiBenchJson, ///< genai-bench per-run JSON (aggregated_metrics)
    AutotunerJson,  ///< inference-autotuner results JSON (all_results / best_result)
    LlmPerfJson,    ///< LLMPerf token_benchmark_ray summary (results_*_s_* keys)
};

/// Stable name of a format: "tidy-csv", "genai-perf-csv", "vllm-json", …
const char *formatName(Format f);

/// The tool that writes a format.
Tool formatTool(Format f);

/// How to import.
struct ImportOptions
{
    /// Called with bytes read so far and the file's (or all files') size; returning false cancels.
    ProgressFn progress;
    /// Bad rows reported per file in detail; the rest are only counted (FileReport::skippedRows).
    std::size_t maxReported = 20;
    /// Files larger than this are refused (default 1 GiB).
    std::uint64_t maxFileBytes = std::uint64_t(1) << 30;
    /// Labels given by the user for every run of the import; they win over everything in the files.
    LabelPairs extraLabels;
    /// Labels given by the user only for the runs that lack them: a key here is used when neither
    /// the file nor its path gives that key (the studio's engine, preset and version fields).
    LabelPairs fallbackLabels;
    /// Guess labels and load from file and folder names (formats.md §4.11-12).
    bool labelsFromPath = true;
    /// A run with more failed requests than this share is labelled status=failed (see
    /// markFailedRuns()); so is one with no completed request.
    double maxFailureRatio = 0.05;
};

/// What happened to one file.
struct FileReport
{
    std::string path;
    Format format = Format::Unknown;
    std::size_t runs = 0;        ///< runs added
    std::size_t rows = 0;        ///< values added
    std::size_t skippedRows = 0; ///< bad rows (or JSONL lines) skipped; the first maxReported are in diagnostics
    bool failed = false;         ///< refused or unreadable: nothing was added
    bool cancelled = false;      ///< the progress callback said stop: nothing was added
    /// Errors and warnings with line/column (1-based, 0 = unknown), a stable code ("io.too-large",
    /// "io.binary", "bench.unknown-format", "bench.bad-row", "bench.bad-number", "bench.unit",
    /// "bench.unit-assumed", "json.syntax", "bench.no-data", …), a message and the offending value.
    Diagnostics diagnostics;
};

/// Imports one file into @p table. Never throws for bad input; a failed or cancelled file leaves
/// the table as it was.
FileReport importFile(const std::filesystem::path &path, ResultTable &table, const ImportOptions &options = {});

/// Imports several files; a bad file does not stop the others. Progress counts bytes over all files.
std::vector<FileReport> importFiles(const std::vector<std::filesystem::path> &paths, ResultTable &table,
                                    const ImportOptions &options = {});

} // namespace quantcfg::bench
