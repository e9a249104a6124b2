#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/hardware/gputarget.h"
#include "core/hardware/modelshape.h"

#include <optional>

namespace quantcfg {

/// Storage cost of the quantized weights of a configuration.
struct WeightFormat
{
    double bitsPerWeight = 16.0;   ///< per quantized Linear weight, scales and zero points included
    bool coversEmbeddings = false; ///< GGUF: the figure is a whole-file average that includes embeddings
    double otherBits = 16.0;       ///< embeddings, lm_head, norms and routers
};

/// Bits per weight of the configuration's method (see docs/hardware.md, "Weights"), e.g. AWQ
/// 4-bit with group 128: 4 + (16 + 4) / 128 = 4.15625; NVFP4: 4.5; GGUF Q4_K_M: 4.84. Adds a
/// "fit.bits-assumed" warning to @p diags where the configuration leaves the size open.
WeightFormat weightFormat(const Config &config, Diagnostics *diags = nullptr);

/// The llama.cpp quantization type named in a .gguf file name ("Llama-3.1-8B-Q8_0.gguf" → "Q8_0",
/// any case, as a word of its own), or empty when it names none that the estimate knows.
std::string ggufVariantFromFileName(std::string_view fileName);

/// Bytes per KV-cache element for kv_cache.dtype: 16-bit 2, fp8 1, fp4 0.5625 (4 bits plus an FP8
/// scale per 16); "auto" follows the model dtype (4 only for an explicit float32).
double kvBytesPerElement(const Config &config);

/// What the memory-fit estimate assumes and may be asked for.
struct FitOptions
{
    double gpuMemoryUtilization = 0.9;  ///< fraction of each GPU's memory the engine may use
    std::optional<long long> maxLen;    ///< sequence length to check; default: the model's maximum
    long long concurrency = 1;          ///< sequences of maxLen that must fit at once
    double overheadGiB = 2.0;           ///< activations, CUDA graphs, NCCL/cuBLAS buffers per GPU
    /// The fewest-GPUs search tries tensor × pipeline parallel groups up to this many GPUs (one
    /// 8-GPU node), or up to the target's count when it is known (a detected machine).
    int maxGpus = 8;
};

/// The options the configuration asks for: its serving.gpu_memory_utilization and
/// serving.max_model_len where set, the defaults above where not.
FitOptions fitOptionsFor(const Config &config);

/// The estimate for one GPU of a tensor × pipeline parallel group (all byte figures per GPU).
struct FitEstimate
{
    int tensorParallel = 1;
    int pipelineParallel = 1;
    ParameterCount parameters;
    WeightFormat format;
    double weightBytes = 0;          ///< weights held by the busiest GPU
    double budgetBytes = 0;          ///< GPU memory × utilization
    double overheadBytes = 0;
    double kvBudgetBytes = 0;        ///< budget − weights − overhead (negative: weights do not fit)
    double kvBytesPerElement = 0;
    double kvBytesPerToken = 0;      ///< one token in every layer of this GPU, windows not applied
    long long kvCapacityTokens = 0;  ///< kvBudgetBytes / kvBytesPerToken
    long long maxLen = 0;            ///< the length checked
    long long concurrency = 1;
    double requiredKvBytes = 0;      ///< concurrency sequences of maxLen, windows applied
    double headroomBytes = 0;        ///< kvBudgetBytes − requiredKvBytes
    long long maxConcurrency = 0;    ///< sequences of maxLen that fit
    long long maxFittingLength = 0;  ///< longest length (≤ the model's maximum) for @c concurrency sequences; 0 = none
    int gpus = 1;                    ///< GPUs one replica uses: tensor × pipeline parallel, as configured
    /// The smallest tensor_parallel_size (pipeline stages as configured) at which the weights and
    /// the requested sequences fit, trying only sizes that split the attention and KV heads evenly
    /// the way the engines require; nothing when none does up to @c gpuSearchLimit GPUs, or the GPU
    /// memory is unknown.
    std::optional<int> fewestTensorParallel;
    int fewestGpus = 0;     ///< fewestTensorParallel × pipeline stages; 0 = none found
    int gpuSearchLimit = 0; ///< the most GPUs the search tried
    bool weightsFit = false;
    bool fits = false;               ///< weights fit and the requested sequences fit
    Diagnostics diagnostics;         ///< "fit.*"; errors say why it does not fit
};

/// KV-cache bytes one sequence of @p length tokens takes on one GPU of the configuration's
/// tensor × pipeline split: layers × 2 × KV heads (per GPU) × head dim × bytes, with the MLA latent
/// (kv_lora_rank + qk_rope_head_dim, not split by TP) instead of K and V, and sliding-window
/// layers holding at most the window.
double kvBytesPerSequence(const ModelShape &shape, const Config &config, long long length);

/// Estimates whether @p shape quantized as @p config fits on @p gpu (see docs/hardware.md for the
/// formula and assumptions), and the two ways out when it does not: the fewest GPUs that fit and
/// the longest length that fits. The advice in its diagnostics is checked against the
/// configuration (no FP8 KV cache is suggested for a cache that is FP8 already). Never throws; a
/// GPU of unknown memory gives an error diagnostic.
FitEstimate estimateFit(const ModelShape &shape, const Config &config, const GpuTarget &gpu,
                        const FitOptions &options = {});

/// The largest max-model-len at which options.concurrency sequences fit, for the engines'
/// --max-model-len / --context-length / --max_seq_len (MapOptions::maxModelLen); nothing when
/// not even the weights fit or the GPU memory is unknown.
std::optional<long long> largestFittingLength(const ModelShape &shape, const Config &config, const GpuTarget &gpu,
                                              const FitOptions &options = {});

} // namespace quantcfg
