#pragma once

#include "core/bench/resulttable.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quantcfg::bench {

/// A label before interning: key and value.
using LabelPair = std::pair<std::string, std::string>;
using LabelPairs = std::vector<LabelPair>;

/// The canonical key for a label name from metadata or a column header: "tensor_parallel_size",
/// "tp-size", "tp_size" → "tp"; "gpu_type" → "gpu"; "__quant__gemm_dtype" → "gemm_dtype";
/// "quant"/"quantization_method" → "quantization"; "engine_version"/"server_version" → "engine_version".
/// Other keys come back snake_cased.
std::string canonicalLabelKey(std::string_view key);

/// True for keys the autotuner writes for quantization fields (`__quant__*`).
bool isQuantKey(std::string_view key);

/// Labels recognised in free text (an SGLang `tag`, a file or folder name): engine and its version
/// ("vllm-0.10.2"), built-in preset names, quantization method ("fp8", "awq", "w4a16"…), KV-cache dtype
/// ("kv-fp8"), tensor parallelism ("tp2", "tp-4") and GPU ("h100", "a100", "l40s"…). "k=v" pairs
/// separated by ',' ';' or spaces are taken as they are.
LabelPairs labelsFromText(std::string_view text);

/// labelsFromText() over the file's name (without extension) and its two parent folders; the
/// file name wins over folders.
LabelPairs labelsFromPath(const std::filesystem::path &path);

/// The load encoded in a file or folder name: "concurrency8", "num_concurrency_4", "request_rate2",
/// "4qps", "infqps" (vLLM's default name). Unknown fields stay NaN.
Load loadFromPath(const std::filesystem::path &path);

/// Adds @p extra to @p labels for keys not present yet (so earlier sources win).
void mergeLabels(LabelPairs &labels, const LabelPairs &extra);

/// True when runs @p a and @p b belong to one sweep: the same labels (engine, model, settings,
/// methodology, …) apart from "status", which is an outcome, not a setting. Runs of one sweep differ
/// only in their load; a chart draws them as one line.
bool sameSweep(const ResultTable &table, std::uint32_t a, std::uint32_t b);

/// The labels that make the sweep of the runs with label set @p labelSet: all but "status", sorted
/// by key id. Two runs are one sweep (sameSweep()) exactly when theirs are equal, so a chart can
/// key its lines on them.
std::vector<Label> sweepLabels(const ResultTable &table, std::uint32_t labelSet);

/// Interns @p labels into @p table and returns the label set index.
std::uint32_t internLabels(ResultTable &table, const LabelPairs &labels);

} // namespace quantcfg::bench
