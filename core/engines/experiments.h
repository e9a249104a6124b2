#pragma once

#include "core/diagnostic.h"
#include "core/engines/launchplan.h"
#include "core/jsonio.h"
#include "core/presets.h"

#include <optional>
#include <string>
#include <vector>

namespace quantcfg {

/// One run the autotuner should make: a preset on the task's engine at one concurrency.
struct Experiment
{
    std::string id;           ///< "<preset>-c<concurrency>"
    std::string preset;
    int concurrency = 0;      ///< 0 when the task names none
    Json quantizationConfig;  ///< the preset's configuration with the task's model
    LaunchPlan plan;          ///< the engine command for it
};

struct ExperimentSet
{
    std::string engine;
    std::string engineVersion;
    std::vector<Experiment> experiments;
    /// Task problems (errors, with JSON pointers into the task) and skipped presets (warnings
    /// saying which engine limitation ruled them out).
    Diagnostics diagnostics;
};

/// Expands an autotuner task (the design's "Autotuner Task Configuration": model, base_runtime,
/// parameters.quantization_preset, benchmark.num_concurrency, slo, optimization) into experiments.
/// Presets the engine cannot run are skipped with a warning that says why; degraded ones are kept
/// and their notes travel in the plan. Never throws.
ExperimentSet expandTask(const Json &task, const PresetLibrary &presets);

/// The experiments as JSON: {task_name, engine, engine_version, experiments: [{id, preset,
/// concurrency, quantization_config, runtime_args, argv, env, files, command, status, notes}],
/// skipped: [...], slo, optimization} (documented in docs/engines.md).
Json experimentsToJson(const Json &task, const ExperimentSet &set);

} // namespace quantcfg
