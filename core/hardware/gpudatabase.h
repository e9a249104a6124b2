#pragma once

#include "core/diagnostic.h"
#include "core/hardware/gputarget.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// One NVIDIA architecture step, from resources/hardware/architectures.json.
struct ArchitectureInfo
{
    int computeCapability = 0;    ///< the listed capability, major*10 + minor (90 for 9.0)
    std::string name;             ///< "Pascal", "Volta", "Turing", "Ampere", "Ada", "Hopper", "Blackwell"
    bool tensorCores = false;     ///< any tensor cores (Volta and newer)
    bool bf16 = false;            ///< native bfloat16 (Ampere and newer)
    bool fp8TensorCores = false;  ///< FP8 matrix compute (Ada and newer)
    bool fp4TensorCores = false;  ///< FP4 matrix compute (Blackwell)
    std::vector<std::string> examples;
};

/// One GPU model, from resources/hardware/gpus.json.
struct GpuSpec
{
    std::string name;                 ///< display name, e.g. "H100 SXM"
    std::vector<std::string> aliases; ///< normalised lower-case names that identify it
    int computeCapability = 0;        ///< major*10 + minor
    double memoryGiB = 0.0;           ///< memory of one GPU as sold
    std::string memoryType;           ///< "HBM3", "GDDR6", ...
    bool fp8TensorCores = false;
    bool fp4TensorCores = false;
    int maxPerNode = 0;               ///< most GPUs one node of its systems holds (HGX: 8); 0 = not known
};

/// Every architecture step of the embedded table, by increasing compute capability.
const std::vector<ArchitectureInfo> &architectures();

/// Every GPU of the embedded table, in file order.
const std::vector<GpuSpec> &gpuDatabase();

/// The architecture of compute capability @p cc (major*10 + minor). A capability that is not
/// listed is classified by the nearest listed one below it with the same major version (12.1 →
/// Blackwell, 7.2 → Volta); nothing is returned below 6.0 or for an unknown major version.
std::optional<ArchitectureInfo> architectureFor(int cc);

/// Parses "9.0", "sm_90", "sm90", "SM_100" or "compute_90" into major*10 + minor (90).
/// Returns nothing for anything else (a bare "90" is refused: it is ambiguous with memory sizes).
std::optional<int> parseComputeCapability(std::string_view text);

/// "9.0" for 90, "12.0" for 120.
std::string formatComputeCapability(int cc);

/// Lower-cases @p name, turns '-' and '_' into spaces, collapses blanks and drops the leading
/// words "nvidia", "tesla" and "geforce": the form in which names and aliases are compared.
std::string normaliseGpuName(std::string_view name);

/// Looks @p name up in the GPU table: an exact (normalised) name or alias first, otherwise the
/// entry with the longest alias whose words all occur in @p name (so "NVIDIA A100-SXM4-80GB"
/// finds "A100 80GB" and "NVIDIA H100 80GB HBM3" finds "H100 SXM"). Returns nullptr when nothing
/// matches.
const GpuSpec *findGpu(std::string_view name);

/// A GpuTarget for a database entry (architecture filled in).
GpuTarget targetFromSpec(const GpuSpec &spec);

/// A GpuTarget for a bare compute capability: name "sm_XX", architecture filled in, memory unknown.
GpuTarget targetFromComputeCapability(int cc);

/// Result of resolving a GPU named on a command line or in the studio.
struct GpuChoice
{
    std::optional<GpuTarget> target;
    Diagnostics diagnostics; ///< "gpu.unknown" (with the known names as @c allowed) when unresolved
};

/// Resolves a database name or alias ("h100", "NVIDIA A10G", "Tesla T4") or a compute capability
/// ("sm_90", "8.9"). Does not detect anything: "detected" is handled by chooseGpu() in detect.h.
GpuChoice resolveGpuName(std::string_view spec);

} // namespace quantcfg
