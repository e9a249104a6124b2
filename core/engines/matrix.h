#pragma once

#include "core/engines/capability.h"
#include "core/engines/profile.h"
#include "core/jsonio.h"

#include <string>
#include <vector>

namespace quantcfg {

/// One cell: a unified quantization method on one GPU architecture with one engine version.
struct MatrixCell
{
    Support state = Support::Unknown;
    int minCapability = 0;   ///< the engine's minimum for the method's engine value; 0 = none/unknown
    std::string engineValue; ///< the engine's spelling (or TensorRT-LLM checkpoint format)
    std::string reason;      ///< one sentence: why this state
    std::string engine;      ///< "vllm@2026-08"
    /// For a cell that does not run (unsupported, not targeted, no such method): the closest
    /// unified method that does run on this architecture in the same matrix, or empty when none
    /// does. See suggestAlternatives().
    std::string alternative;
};

struct MatrixColumn
{
    int computeCapability = 0;
    std::string architecture;          ///< "Hopper"
    std::vector<std::string> examples; ///< example GPUs
};

/// Quantization method × GPU architecture for one engine version (or a summary of several).
struct CompatibilityMatrix
{
    std::vector<std::string> methods;  ///< row labels: the unified methods, schema order
    std::vector<MatrixColumn> columns; ///< one per architecture, oldest first
    std::vector<std::vector<MatrixCell>> cells; ///< [row][column]
    std::string engines;               ///< "vllm@2026-08" or "all engines"
};

/// The engine's value for unified @p method (e.g. "modelopt_fp8" → "modelopt" for vLLM, "FP8"
/// for TensorRT-LLM), or empty with @p reason set when the engine has no such method.
std::string engineMethodValue(const EngineProfile &profile, const std::string &method, std::string *reason = nullptr);

/// The matrix for one engine profile, over every architecture of resources/hardware.
CompatibilityMatrix buildMatrix(const EngineProfile &profile);
/// The same matrix over @p columns only: a target GPU's compute capability (86 for an A10G, which
/// is not the first of its architecture) gives what the mapper checks for that GPU, and the
/// alternatives are those that run there with this engine version.
CompatibilityMatrix buildMatrix(const EngineProfile &profile, std::vector<MatrixColumn> columns);

/// The default version of every engine, summarised per cell: the best state any engine reaches,
/// with a reason naming each engine's state.
CompatibilityMatrix buildSummaryMatrix(const std::vector<const EngineProfile *> &profiles);

/// How good @p state is for a user, higher is better: supported, weight-only, unknown, unsupported,
/// not targeted, no such method. buildSummaryMatrix() keeps the best engine's cell by it.
int supportRank(Support state);

/// Fills MatrixCell::alternative for every cell of @p matrix that does not run: among the methods
/// that run on the same architecture (supported, else weight-only; never "none"), the closest by
/// the method catalogue: one that runs on the same checkpoint format, then one that shares a
/// weight width, then the same activation width, then the nearest weight width, then catalogue
/// order. buildMatrix() and buildSummaryMatrix() call it.
void suggestAlternatives(CompatibilityMatrix &matrix);

/// Which engine versions run unified @p method: those whose profile maps it to an engine value.
struct MethodReach
{
    bool byDefault = false;                    ///< some engine's default version runs it
    std::vector<const EngineProfile *> others; ///< the versions that run it and are not a default
};
MethodReach methodReach(const std::string &method, const ProfileRegistry &registry = ProfileRegistry::builtIn());

/// As JSON: {engines, columns: [{compute_capability, architecture, examples}], rows: [{method,
/// cells: [{state, min_capability, engine_value, reason, alternative}]}]}.
Json matrixToJson(const CompatibilityMatrix &matrix);

} // namespace quantcfg
