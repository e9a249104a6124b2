#pragma once

#include "core/config.h"
#include "core/engines/launchplan.h"
#include "core/engines/profile.h"
#include "core/hardware/gputarget.h"

#include <optional>
#include <string>
#include <vector>

namespace quantcfg {

struct MapOptions
{
    std::optional<std::string> model;     ///< overrides model.id_or_path
    std::optional<GpuTarget> gpu;         ///< adds capability diagnostics for this GPU
    /// Emitted as the engine's max-length option, in place of the configuration's serving.max_model_len.
    std::optional<long long> maxModelLen;
    std::string yamlFileName = "trtllm-extra.yaml";
    /// The caller read the model's checkpoint metadata and checks it against the config
    /// (checkCheckpoint): the plan then does not judge the checkpoint by the model's name.
    bool checkpointMetadataRead = false;
};

/// Maps @p config onto one engine profile. Never throws; problems are diagnostics in the plan.
LaunchPlan mapConfig(const Config &config, const EngineProfile &profile, const MapOptions &options = {});

/// Maps @p config onto the default (newest) profile of every engine, in display order
/// (vLLM, SGLang, TensorRT-LLM).
std::vector<LaunchPlan> mapAllEngines(const Config &config, const MapOptions &options = {});

} // namespace quantcfg
