#pragma once

#include "core/engines/profile.h"

#include <string>

namespace quantcfg {

/// How a quantization method fares on a GPU with one engine.
enum class Support {
    Supported,   ///< runs with its intended kernels
    WeightOnly,  ///< loads, but runs as a weight-only fallback (memory saved, no compute speed-up)
    Unsupported, ///< the engine rejects it on this GPU (below its minimum compute capability)
    NotTargeted, ///< the engine does not target this GPU generation at all
    NotAvailable,///< the engine has no such method (independent of the GPU)
    Unknown,     ///< no capability data for this method
};

const char *supportName(Support s);

struct CapabilityVerdict
{
    Support state = Support::Unknown;
    int minCapability = 0;    ///< the engine's minimum (major*10+minor), 0 when unknown
    std::string engineValue;  ///< the engine's value or checkpoint format checked
    std::string reason;       ///< one sentence for the user
    std::string caveat;       ///< for Supported: the engine runs it, but not as the name says (another kernel)
};

/// Checks engine value @p engineValue (a --quantization value, or for TensorRT-LLM a checkpoint
/// format such as "FP8") of @p profile on compute capability @p cc (e.g. 89). Uses the profile's
/// min_capability / min_sm / supported_sm tables and its weight-only capability notes.
CapabilityVerdict checkCapability(const EngineProfile &profile, const std::string &engineValue, int cc);

/// What an engine does with a model dtype below the compute capability its source names.
enum class DtypeBehaviour {
    Runs,               ///< no rule below this GPU: the dtype runs as asked
    Refused,            ///< the engine stops at start-up ("error" in the profile)
    FallsBackToFloat16, ///< the engine runs float16 instead
    NotListed,          ///< only the engine's docs name a minimum; no code check is known
};

struct DtypeVerdict
{
    DtypeBehaviour behaviour = DtypeBehaviour::Runs;
    int minCapability = 0; ///< the rule's minimum (major*10+minor)
    std::string message;   ///< the engine's own words
    std::string source;    ///< the file of the engine's source that says so
};

/// Checks model dtype @p dtype ("auto", "bfloat16", "float16", "float32") of @p profile on compute
/// capability @p cc, from the profile's dtype_min_capability (read from the engine's source).
DtypeVerdict checkDtype(const EngineProfile &profile, const std::string &dtype, int cc);

/// Formats a compute capability: 89 → "8.9".
std::string ccText(int cc);

} // namespace quantcfg
