#pragma once

// What the inference-autotuner's web worker does with a task's `quant_config` and
// `parallel_config` (novitalabs/inference-autotuner at c86a814: src/web/workers/autotuner_worker.py
// merges them into the grid; src/orchestrator.py run_experiment() translates each combination with
// src/utils/quantization_integration.py prepare_runtime_parameters(), which calls
// quantization_mapper.py and parallel_integration.py / parallel_mapper.py). The command-line runner
// does none of this. Reproduced here so `quantcfg experiments --path web` shows the command the web
// worker really starts, mistakes included; the findings say where it departs from what the task asks.

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <string>
#include <utility>
#include <vector>

namespace quantcfg {

/// A JSON value the way Python's str() prints it ("True", "None", 0.85, "['a', 1]"): how the
/// autotuner writes every parameter value into its command line. @p nested quotes strings, as
/// str() of a list or dict does for its items.
std::string pythonStr(const Json &v, bool nested = false);

/// The grid entries the web worker adds after `parameters`: `__quant__<field>` from quant_config
/// (or `__quant__preset` from its "presets") and `__parallel__<field>` from parallel_config (or
/// `__parallel__preset`), each a list of values. Task-level findings go to @p findings.
std::vector<std::pair<std::string, Json>> webWorkerGridEntries(const Json &task, Diagnostics &findings);

/// One grid combination (an object: parameter name → value, `__quant__`/`__parallel__` keys
/// included) as the parameters the Docker controller turns into flags: names without dashes, in
/// the worker's order, values as it leaves them (strings after the quantization merge, booleans
/// kept, null where its parallel mapper writes None). @p runtime is the task's base_runtime,
/// @p modelPath its model id or path, @p model the task's `model` object.
Json webWorkerRuntimeParameters(const std::string &runtime, const Json &combination, const std::string &modelPath,
                                const Json &model);

} // namespace quantcfg
