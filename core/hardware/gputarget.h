#pragma once

#include <string>

namespace quantcfg {

/// The GPU a configuration is checked against (detected or chosen by the user).
struct GpuTarget
{
    std::string name;           ///< e.g. "NVIDIA H100 80GB HBM3" or "sm_90"
    int computeCapability = 0;  ///< major*10 + minor, e.g. 90 for 9.0; 0 = unknown
    double memoryGiB = 0.0;     ///< memory per GPU; 0 = unknown
    std::string architecture;   ///< "Hopper", ...; empty = unknown (see architectureFor())
    std::string databaseName;   ///< matching entry of resources/hardware/gpus.json; empty = not in it
    int count = 0;              ///< how many such GPUs are available (detection); 0 = not known
};

} // namespace quantcfg
