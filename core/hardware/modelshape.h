#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quantcfg {

/// The sizes of a transformer that decide its memory, read from a Hugging Face config.json.
struct ModelShape
{
    std::string modelType;              ///< "llama", "mixtral", "deepseek_v2", ...
    long long hiddenSize = 0;
    long long numLayers = 0;
    long long numHeads = 0;
    long long numKvHeads = 0;           ///< = numHeads when the config does not say (no GQA)
    long long headDim = 0;              ///< = hiddenSize / numHeads when the config does not say
    long long intermediateSize = 0;     ///< MLP width of dense layers
    long long vocabSize = 0;
    long long maxPositionEmbeddings = 0;
    bool tiedEmbeddings = false;        ///< lm_head shares the embedding matrix
    bool attentionBias = false;         ///< q/k/v projections have biases (Qwen2, attention_bias)
    int normsPerLayer = 2;              ///< RMSNorm vectors per layer (Gemma 2/3 have 4)
    bool qkNorm = false;                ///< per-head q/k norms (Qwen3, Gemma 3)

    // Mixture of experts (numExperts == 0: dense).
    long long numExperts = 0;           ///< routed experts per MoE layer
    long long expertsPerToken = 0;
    long long expertIntermediateSize = 0;
    long long sharedExpertIntermediateSize = 0; ///< total width of the always-active shared expert(s)
    std::vector<bool> moeLayers;        ///< per layer: true when its MLP is a MoE block

    // Multi-head latent attention (kvLoraRank == 0: ordinary attention).
    long long kvLoraRank = 0;
    long long qLoraRank = 0;
    long long qkNopeHeadDim = 0;
    long long qkRopeHeadDim = 0;
    long long vHeadDim = 0;

    // Sliding-window attention (slidingWindow == 0: none).
    long long slidingWindow = 0;
    std::vector<bool> slidingLayers;    ///< per layer: true when it only attends to slidingWindow tokens

    bool isMoe() const { return numExperts > 0; }
    bool isMla() const { return kvLoraRank > 0; }
    long long slidingLayerCount() const;
    long long moeLayerCount() const;
};

/// Parameters of a model by where they go in memory (see docs/hardware.md for the formulas).
struct ParameterCount
{
    long long embedding = 0;   ///< input embedding (vocab × hidden)
    long long lmHead = 0;      ///< output projection; 0 when tied to the embedding
    long long linear = 0;      ///< Linear weights of the layers: attention, MLP, experts (what quantization shrinks)
    long long other = 0;       ///< norms, routers and biases (kept in 16 bits)
    long long active = 0;      ///< parameters used per token (MoE: only the routed experts chosen)
    long long total() const { return embedding + lmHead + linear + other; }
};

struct ModelShapeResult
{
    std::optional<ModelShape> shape;
    Diagnostics diagnostics; ///< "model.*" and "io.*"; errors when the shape is unusable
};

/// Reads the shape from a parsed config.json. Multimodal configs are read through their
/// "text_config". Missing required sizes are errors ("model.missing-field").
ModelShapeResult modelShapeFromJson(const Json &config);

/// Reads @p path: a config.json, or a model directory holding one.
ModelShapeResult loadModelShape(const std::filesystem::path &path);

/// Where a configuration's model (model.id_or_path) can be read on this machine.
struct ModelLocation
{
    enum class Kind {
        Local,   ///< an existing folder or file: @c path
        HubId,   ///< an "org/name" Hugging Face id that is no local path (no model resolver yet)
        Missing, ///< a path that does not exist
    };
    Kind kind = Kind::Missing;
    std::filesystem::path path; ///< what to read (Local); for the others, what was given
};

/// Finds @p idOrPath on this machine: an absolute path as it is; a relative one against @p base
/// (the configuration file's folder) when given, then against the current folder. What is not
/// found is a Hugging Face id when it has the form org/name, else a missing path.
ModelLocation locateModel(const std::string &idOrPath, const std::filesystem::path &base = {});

/// Counts the parameters of @p shape, exactly for the architectures in tests/data/models
/// (Llama, Mistral, Mixtral, DeepSeek-V2, Gemma 2); small extras (rotary tables, MoE
/// correction biases) are not counted.
ParameterCount countParameters(const ModelShape &shape);

} // namespace quantcfg
