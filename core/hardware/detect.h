#pragma once

#include "core/diagnostic.h"
#include "core/hardware/gpudatabase.h"
#include "core/hardware/gputarget.h"

#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// Where a detection result came from.
enum class DetectionSource { None, Nvml, NvidiaSmi };

/// "none", "nvml" or "nvidia-smi".
const char *detectionSourceName(DetectionSource source);

/// One MIG (Multi-Instance GPU) instance of a detected GPU.
struct MigInstance
{
    std::string profile;    ///< e.g. "3g.40gb"
    double memoryGiB = 0.0; ///< memory of the instance (from NVML, or read off the profile name)
};

/// One NVIDIA GPU found on this machine.
struct DetectedGpu
{
    int index = 0;
    std::string name;                          ///< as the driver reports it, e.g. "NVIDIA H100 80GB HBM3"
    int computeCapability = 0;                 ///< major*10 + minor; 0 = unknown
    bool computeCapabilityFromDatabase = false; ///< the driver did not say; looked up by name
    double memoryGiB = 0.0;                    ///< total memory reported by the driver; 0 = unknown
    std::string driverVersion;
    bool mig = false;                          ///< MIG mode is enabled
    std::vector<MigInstance> migInstances;     ///< the instances, when they could be listed
    const GpuSpec *spec = nullptr;             ///< matching entry of the GPU table, or nullptr
    std::string architecture;                  ///< from the compute capability; empty = unknown
};

/// The result of detectGpus(): the GPUs, how they were found, and what went wrong on the way.
struct Detection
{
    DetectionSource source = DetectionSource::None;
    std::vector<DetectedGpu> gpus;
    std::string driverVersion;
    bool amdGpu = false;     ///< rocm-smi answered: an AMD GPU is present (not modelled)
    Diagnostics diagnostics; ///< codes "gpu.*"; see docs/hardware.md

    /// True when the GPUs are not all of one model (by name).
    bool mixed() const;
};

/// How detectGpus() looks for GPUs. fromEnvironment() is what the CLI and the studio use.
struct DetectOptions
{
    std::string nvmlLibrary = "libnvidia-ml.so.1"; ///< dlopen()ed at run time; empty = skip NVML
    std::string nvidiaSmi = "nvidia-smi";          ///< empty = skip nvidia-smi
    std::string rocmSmi = "rocm-smi";              ///< empty = skip the AMD check
    int timeoutMs = 3000;                          ///< per external command

    /// Defaults, overridden by QUANTCFG_NVML_LIBRARY, QUANTCFG_NVIDIA_SMI and QUANTCFG_ROCM_SMI
    /// (set one to an empty string to skip that step).
    static DetectOptions fromEnvironment();
};

/// Finds the NVIDIA GPUs: NVML first (no build dependency: the library is loaded with dlopen),
/// then `nvidia-smi --query-gpu=...` (retried without compute_cap for drivers that lack it, with
/// a timeout per call), else none; when no NVIDIA GPU is found, rocm-smi is asked whether an AMD
/// GPU is present. Never throws and never blocks longer than a few timeouts. Call it off the UI
/// thread.
Detection detectGpus(const DetectOptions &options = DetectOptions::fromEnvironment());

/// Parses the output of `nvidia-smi --query-gpu=index,name,compute_cap,memory.total,driver_version
/// --format=csv,noheader,nounits` (or the same without compute_cap when @p withComputeCap is false)
/// into @p detection. Lines that cannot be read become "gpu.unparsed-line" warnings.
void parseNvidiaSmiQuery(std::string_view csv, bool withComputeCap, Detection &detection);

/// Reads the MIG instances of `nvidia-smi -L` output into the GPUs of @p detection.
void parseNvidiaSmiList(std::string_view listing, Detection &detection);

/// Memory in GiB read off a MIG profile name ("3g.40gb" → 40); 0 when it has none.
double migProfileMemoryGiB(std::string_view profile);

/// The target for one detected GPU, with @p count GPUs of it available. A GPU in MIG mode is
/// represented by its smallest instance (that is what one engine process gets).
GpuTarget targetFromDetected(const DetectedGpu &gpu, int count = 1);

/// Resolves a GPU given on a command line: "detected" (or "auto") runs detectGpus() and takes
/// GPU 0 (with a "gpu.mixed" warning when the GPUs differ); anything else goes to resolveGpuName().
GpuChoice chooseGpu(std::string_view spec, const DetectOptions &options = DetectOptions::fromEnvironment());

} // namespace quantcfg
