#pragma once

// The inference-autotuner's own task format (novitalabs/inference-autotuner, read at c86a814; see
// docs/autotuner.md): writing tasks it runs unchanged, and showing what it would launch for one.

#include "core/diagnostic.h"
#include "core/engines/profile.h"
#include "core/jsonio.h"
#include "core/presets.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// What the autotuner's Docker mode starts for a runtime name (chosen by prefix, as it does).
struct AutotunerRuntime
{
    std::string engine;                  ///< profile engine id: "sglang", "vllm"
    std::string repository;              ///< "lmsysorg/sglang"
    std::string defaultTag;              ///< "v0.5.2-cu126"
    std::vector<std::string> command;    ///< base command; "{model}" and "{port}" are filled in
};

/// The runtime @p baseRuntime names ("sglang", "sglang-llama-small", "vllm"), or nullopt for one
/// the Docker mode cannot launch ("tensorrt_llm", "llama-3-2-1b-instruct-rt").
std::optional<AutotunerRuntime> autotunerRuntime(std::string_view baseRuntime);

/// What `quantcfg task` writes.
struct AutotunerTaskSpec
{
    std::string name = "quantcfg";
    std::string model;
    std::string engine = "sglang";   ///< ENGINE or ENGINE@VERSION
    std::string imageTag;            ///< empty: the autotuner's default image for the engine
    std::vector<std::string> presets;
    std::vector<int> concurrency{1, 4, 8};
    std::string objective = "maximize_throughput";
    std::optional<double> ttftSeconds;
    std::optional<double> tpotSeconds;
    int timeoutSeconds = 900;        ///< optimization.timeout_per_iteration
};

/// One written task (or autotuner parameter preset) per quantcfg preset.
struct AutotunerTasks
{
    std::string engineVersion;     ///< the profile the flags were mapped for
    std::string image;             ///< the image the tasks run
    std::vector<std::pair<std::string, Json>> tasks; ///< (quantcfg preset, task)
    /// Errors (the engine or image cannot be used: nothing written) and warnings (a preset left
    /// out, with the reason, or what a written preset loses on this engine version).
    Diagnostics diagnostics;
};

/// For each preset, a task the autotuner runs as it is (Docker mode, both its CLI runner and its
/// web API): `parameters` are the preset's real engine flags for the engine version the image
/// runs, one value each, so the grid is one experiment per task; the fields the autotuner reads
/// unguarded are all there. Presets the autotuner cannot pass (environment variables, extra files,
/// values with spaces) or the engine cannot run are left out with the reason.
AutotunerTasks makeAutotunerTasks(const AutotunerTaskSpec &spec, const PresetLibrary &presets);

/// A configuration to write a task for: @c name ends the task_name, @c label names it in messages
/// ("preset universal-fp8", "my-config.json").
struct AutotunerConfiguration
{
    std::string name;
    std::string label;
    Json document;
};

/// The same for any configurations (the studio exports its document so); spec.presets is not
/// read. The model is spec.model, else the configuration's own model, else the design's
/// benchmark model.
AutotunerTasks makeAutotunerTasks(const AutotunerTaskSpec &spec, const std::vector<AutotunerConfiguration> &configurations);

/// The same presets as the autotuner's parameter presets (POST /api/presets/import:
/// {"version": "1.0", "preset": {"name", "runtime", "parameters"}}).
std::vector<Json> autotunerParameterPresets(const AutotunerTasks &tasks, const AutotunerTaskSpec &spec);

/// One experiment the autotuner would run for a task: its parameters and the container's command
/// line (the image's entry point, then the autotuner's command), linted for the image's engine.
struct AutotunerLaunch
{
    Json parameters;        ///< the grid combination, as the autotuner records it
    Json runtimeParameters; ///< what the Docker controller turns into flags (the web worker's translation; else the same)
    std::vector<std::string> argv;
    Diagnostics lint;
};

/// Which of the autotuner's two ways of running a task to reproduce. Both start the same Docker
/// containers; only the web worker translates quant_config and parallel_config (autotunerweb.h).
enum class AutotunerPath { CommandLine, WebWorker };

struct AutotunerExpansion
{
    AutotunerPath path = AutotunerPath::CommandLine;
    std::string engine;
    std::string engineVersion; ///< the profile the commands were linted against
    std::string image;
    std::vector<AutotunerLaunch> launches;
    std::size_t combinations = 0; ///< the grid's size (launches hold at most max_iterations of them)
    Diagnostics diagnostics;      ///< task problems (JSON pointers) and what the autotuner would do wrong
};

/// Reads a task in the autotuner's own format the way its CLI runner (src/run_autotuner.py) or its
/// web worker runs it in Docker mode, and builds the command of each experiment. Never throws.
AutotunerExpansion expandAutotunerTask(const Json &task, AutotunerPath path = AutotunerPath::CommandLine);

/// The expansion as JSON (docs/autotuner.md).
Json autotunerExpansionToJson(const Json &task, const AutotunerExpansion &expansion);

} // namespace quantcfg
