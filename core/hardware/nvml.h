#pragma once

#include "core/hardware/detect.h"

#include <string>

namespace quantcfg::detail {

/// Loads @p library with dlopen and fills @p detection from NVML. Returns false (with an info or
/// warning diagnostic) when the library cannot be loaded or initialised, so that the caller falls
/// back to nvidia-smi. Used by detectGpus().
bool detectWithNvml(const std::string &library, Detection &detection);

} // namespace quantcfg::detail
