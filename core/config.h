#pragma once

#include "core/jsonio.h"

#include <map>
#include <optional>
#include <string>

namespace quantcfg {

/// The design's benchmark model; used when a configuration names no model.
inline constexpr const char *kDefaultModel = "meta-llama/Llama-3.2-1B-Instruct";

struct ModelSettings
{
    std::optional<std::string> idOrPath;
    std::optional<std::string> revision;
};

struct QuantizationSettings
{
    std::optional<std::string> method;
    std::optional<int> weightBits;
    std::optional<int> activationBits;
    std::optional<std::string> activationDtype;
    std::optional<int> groupSize;
    std::optional<bool> enableMarlin;
    std::optional<std::string> fp8Variant;
    std::optional<std::string> fallbackMethod;
    std::optional<std::string> ggufVariant;
    std::optional<std::string> baseQuantization;
    std::optional<double> memoryReduction;

    /// The method, "none" when unset.
    std::string methodOrNone() const { return method.value_or("none"); }
};

struct KvCacheSettings
{
    std::optional<std::string> dtype;
    std::optional<std::string> fp8Format;
};

struct ParallelSettings
{
    std::optional<int> tensorParallel;
    std::optional<int> pipelineParallel;
    std::optional<int> dataParallel;

    // Sizes for arithmetic: unset or non-positive (a schema error, reported by validation) count as 1,
    // so no check divides by zero on a config the user is still typing.
    int tp() const { return positive(tensorParallel); }
    int pp() const { return positive(pipelineParallel); }
    int dp() const { return positive(dataParallel); }

    static int positive(const std::optional<int> &size) { return size && *size > 0 ? *size : 1; }
};

struct MoeSettings
{
    std::optional<std::string> quantization;
    std::optional<std::string> runnerBackend;
    std::optional<int> expertTp;
    std::optional<int> expertParallel;
};

struct AttentionSettings
{
    std::optional<std::string> backend;
    std::optional<std::string> fmhaQuantization;
};

/// How the server is started (the "serving" section); every setting optional.
struct ServingSettings
{
    std::optional<int> maxModelLen;             ///< longest sequence in tokens
    std::optional<double> gpuMemoryUtilization; ///< fraction of each GPU's memory, 0 < x ≤ 1
    std::optional<int> port;
    std::optional<std::string> servedModelName;
};

/// Where and how the ranks run (the "deployment" section, read by core/engines/deploy.h); every
/// setting optional. Room is left for roles (prefill/decode): a later "roles" list would give each
/// group of nodes its own role and sizes, and the renderer already labels each node with a role.
struct DeploymentSettings
{
    std::optional<int> nodes;
    std::optional<int> gpusPerNode;
    std::optional<std::string> launcher;        ///< single (default), native, ray, mpi
    std::optional<std::string> headAddress;
    std::optional<int> headPort;
    std::optional<std::string> networkInterface; ///< NCCL_SOCKET_IFNAME / GLOO_SOCKET_IFNAME
    std::map<std::string, std::string> images;  ///< container image by engine id (deployment.image)
    std::optional<std::string> modelCache;      ///< host folder mounted as the Hugging Face cache
    std::optional<std::string> shmSize;         ///< docker's --shm-size, e.g. "32g"
    std::optional<std::string> dataParallelLb;  ///< internal (default), hybrid, external

    /// Nodes for arithmetic: unset or non-positive count as 1 (see ParallelSettings).
    int nodeCount() const { return nodes && *nodes > 0 ? *nodes : 1; }
    std::string launcherOrDefault() const { return launcher.value_or("single"); }
    std::string dataParallelLbOrDefault() const { return dataParallelLb.value_or("internal"); }
};

/// Typed view of a unified quantization configuration.
///
/// fromJson() reads every known field whose value has the right JSON type and remembers the whole
/// source document. toJson() writes the typed fields back into that document, so keys quantcfg does
/// not know, their order, and values of the wrong type (which the validator reports) all survive a
/// load → edit → save round trip.
class Config
{
public:
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> useCase;
    ModelSettings model;
    QuantizationSettings quantization;
    KvCacheSettings kvCache;
    ParallelSettings parallelism;
    MoeSettings moe;
    AttentionSettings attention;
    std::optional<std::string> dtype;
    ServingSettings serving;
    DeploymentSettings deployment;
    /// engine_versions: the profile version (id or former id) this configuration pins per engine
    /// key, as written ("vllm" → "main-2026-08-21"). Checked against the known profiles by
    /// ProfileRegistry::checkPins(); ProfileRegistry::pinned() resolves one.
    std::map<std::string, std::string> engineVersions;

    /// Builds the typed view of @p doc. Never fails: fields of the wrong type are left unset (and
    /// kept in the source document).
    static Config fromJson(const Json &doc);

    /// The source document with the typed fields written back. An unset field whose source value
    /// had the right type is removed (the user cleared it); a wrong-typed source value is kept.
    Json toJson() const;

    /// The document this config was read from (an empty object for a default-constructed one).
    const Json &source() const { return m_source; }

    /// The model to serve: model.id_or_path, or kDefaultModel.
    std::string modelOrDefault() const;

private:
    Json m_source = Json::object();
};

/// Looks up @p pointer (e.g. "/quantization/method") in @p doc through objects only.
/// Returns nullptr when any step is missing or not an object; never throws.
const Json *findPointer(const Json &doc, std::string_view pointer);

/// The setter beside findPointer(): @p doc with the value at @p pointer set to @p value, the
/// objects on the way created (a non-object on the way, or a non-object @p doc, becomes an
/// object); with no @p value the key is removed (and nothing is created). Never throws.
Json withPointer(Json doc, std::string_view pointer, const std::optional<Json> &value);

} // namespace quantcfg
