#pragma once

#include "core/config.h"
#include "core/diagnostic.h"

#include <filesystem>
#include <optional>
#include <string>

namespace quantcfg {

/// How a local checkpoint says it is quantized (config.json quantization_config,
/// hf_quant_config.json from NVIDIA ModelOpt, or *.gguf files).
struct CheckpointQuantization
{
    std::string format;            ///< "awq", "gptq", "fp8", "modelopt", "compressed-tensors", "gguf", ...; empty = not quantized
    std::string quantMethod;       ///< quant_method as written in the checkpoint
    std::optional<int> bits;       ///< weight bits, when stated
    std::optional<int> groupSize;  ///< group size, when stated
    std::string quantAlgo;         ///< ModelOpt quant_algo ("FP8", "NVFP4", "W4A16_AWQ", ...)
    std::string kvCacheQuantAlgo;  ///< ModelOpt kv_cache_quant_algo ("FP8", "NVFP4"); empty = none
    std::string ggufVariant;       ///< GGUF: the llama.cpp type in the file name ("Q8_0"); empty = not named
    std::string source;            ///< file the facts came from
};

struct CheckpointInfo
{
    std::optional<CheckpointQuantization> quantization; ///< empty when the directory could not be read
    Diagnostics diagnostics;                            ///< "io.*" / "json.*" problems reading it
};

/// Reads the quantization metadata of the model directory @p path (a path to its config.json
/// is accepted too). hf_quant_config.json wins over config.json, in both its nested
/// ({"quantization": {"quant_algo": ...}}) and flat ({"quant_method": "modelopt", ...}) layouts.
CheckpointInfo readCheckpoint(const std::filesystem::path &path);

/// Conflicts between the checkpoint and @p config: a method the checkpoint was not made with
/// ("checkpoint.method-mismatch", error: the engines refuse it), a quantized method on an
/// unquantized checkpoint ("checkpoint.not-quantized", error), different bits or group size
/// (warnings), KV-cache scales that go unused or do not match, and formats TensorRT-LLM cannot
/// load ("checkpoint.trtllm-unsupported", warning with engine "trtllm").
Diagnostics checkCheckpoint(const CheckpointQuantization &checkpoint, const Config &config);

/// @p config completed with what @p checkpoint states and the configuration leaves open: the GGUF
/// variant its file name gives ("…-Q8_0.gguf") for method gguf without gguf_variant. The memory
/// estimate of the CLI and the studio both use it.
Config completedFromCheckpoint(Config config, const CheckpointQuantization &checkpoint);

/// Whether unified methods @p a and @p b can run on the same checkpoint: awq and awq_marlin can,
/// fp8 and bitsandbytes can (both quantize an unquantized checkpoint while loading), mxfp8 and fp8
/// cannot. A method quantcfg has no checkpoint facts for is assumed to share.
bool runOnSameCheckpoint(const std::string &a, const std::string &b);

/// The unified "quantization" section that describes @p checkpoint (used when `fit` is given a
/// model but no configuration); {"method": "none"} for an unquantized checkpoint.
Json quantizationSectionFor(const CheckpointQuantization &checkpoint);

} // namespace quantcfg
