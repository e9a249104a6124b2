// NVML through dlopen: quantcfg has no build or link dependency on the NVIDIA driver, and runs
// unchanged on machines without one. Only the few entry points used here are declared, with
// the signatures of nvml.h (stable since NVML 7 / driver 346; the MIG calls since driver 450).
#include "core/hardware/nvml.h"

#include <dlfcn.h>

#include <array>
#include <memory>

namespace quantcfg::detail {

namespace {

using nvmlReturn_t = int; // enum in nvml.h; 0 = NVML_SUCCESS
struct nvmlDevice_st;
using nvmlDevice_t = nvmlDevice_st *;
struct nvmlMemory_t
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
constexpr nvmlReturn_t kNvmlSuccess = 0;
constexpr unsigned kNvmlDeviceMigEnable = 1;

struct Nvml
{
    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    nvmlReturn_t (*driverVersion)(char *, unsigned) = nullptr;
    nvmlReturn_t (*count)(unsigned *) = nullptr;
    nvmlReturn_t (*handle)(unsigned, nvmlDevice_t *) = nullptr;
    nvmlReturn_t (*name)(nvmlDevice_t, char *, unsigned) = nullptr;
    nvmlReturn_t (*capability)(nvmlDevice_t, int *, int *) = nullptr;
    nvmlReturn_t (*memory)(nvmlDevice_t, nvmlMemory_t *) = nullptr;
    // Optional: absent from drivers before MIG existed.
    nvmlReturn_t (*migMode)(nvmlDevice_t, unsigned *, unsigned *) = nullptr;
    nvmlReturn_t (*migCount)(nvmlDevice_t, unsigned *) = nullptr;
    nvmlReturn_t (*migHandle)(nvmlDevice_t, unsigned, nvmlDevice_t *) = nullptr;
};

struct LibraryCloser
{
    void operator()(void *h) const { ::dlclose(h); }
};

template<typename Fn>
void resolve(void *lib, const char *symbol, Fn &fn)
{
    fn = reinterpret_cast<Fn>(::dlsym(lib, symbol));
}

double gib(unsigned long long bytes)
{
    return static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
}

std::string deviceName(const Nvml &nvml, nvmlDevice_t dev)
{
    std::array<char, 96> buf{}; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
    if (nvml.name(dev, buf.data(), static_cast<unsigned>(buf.size())) != kNvmlSuccess)
        return {};
    return std::string(buf.data());
}

void readMig(const Nvml &nvml, nvmlDevice_t dev, DetectedGpu &gpu)
{
    unsigned current = 0, pending = 0;
    if (!nvml.migMode || nvml.migMode(dev, &current, &pending) != kNvmlSuccess || current != kNvmlDeviceMigEnable)
        return;
    gpu.mig = true;
    unsigned max = 0;
    if (!nvml.migCount || !nvml.migHandle || nvml.migCount(dev, &max) != kNvmlSuccess)
        return;
    for (unsigned i = 0; i < max; ++i) {
        nvmlDevice_t mig = nullptr;
        if (nvml.migHandle(dev, i, &mig) != kNvmlSuccess)
            continue; // no instance in this slot
        MigInstance inst;
        const std::string name = deviceName(nvml, mig); // "NVIDIA A100-SXM4-80GB MIG 3g.40gb"
        const auto pos = name.rfind("MIG ");
        inst.profile = pos == std::string::npos ? name : name.substr(pos + 4);
        nvmlMemory_t mem{};
        inst.memoryGiB = nvml.memory(mig, &mem) == kNvmlSuccess ? gib(mem.total) : migProfileMemoryGiB(inst.profile);
        gpu.migInstances.push_back(std::move(inst));
    }
}

} // namespace

bool detectWithNvml(const std::string &library, Detection &detection)
{
    std::unique_ptr<void, LibraryCloser> lib(::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!lib) {
        const char *why = ::dlerror();
        detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.nvml-unavailable",
                                             "NVML not loaded (" + std::string(why ? why : library) + ")"));
        return false;
    }
    Nvml nvml;
    resolve(lib.get(), "nvmlInit_v2", nvml.init);
    resolve(lib.get(), "nvmlShutdown", nvml.shutdown);
    resolve(lib.get(), "nvmlSystemGetDriverVersion", nvml.driverVersion);
    resolve(lib.get(), "nvmlDeviceGetCount_v2", nvml.count);
    resolve(lib.get(), "nvmlDeviceGetHandleByIndex_v2", nvml.handle);
    resolve(lib.get(), "nvmlDeviceGetName", nvml.name);
    resolve(lib.get(), "nvmlDeviceGetCudaComputeCapability", nvml.capability);
    resolve(lib.get(), "nvmlDeviceGetMemoryInfo", nvml.memory);
    resolve(lib.get(), "nvmlDeviceGetMigMode", nvml.migMode);
    resolve(lib.get(), "nvmlDeviceGetMaxMigDeviceCount", nvml.migCount);
    resolve(lib.get(), "nvmlDeviceGetMigDeviceHandleByIndex", nvml.migHandle);
    if (!nvml.init || !nvml.shutdown || !nvml.driverVersion || !nvml.count || !nvml.handle || !nvml.name
        || !nvml.capability || !nvml.memory) {
        detection.diagnostics.push_back(makeDiagnostic(Severity::Warning, "gpu.nvml-incomplete",
                                             library + " lacks NVML entry points quantcfg needs; trying nvidia-smi"));
        return false;
    }
    if (const nvmlReturn_t rc = nvml.init(); rc != kNvmlSuccess) {
        detection.diagnostics.push_back(makeDiagnostic(Severity::Info, "gpu.nvml-failed",
                                             "NVML could not be initialised (error " + std::to_string(rc)
                                                 + "); trying nvidia-smi"));
        return false;
    }
    std::array<char, 96> version{};
    if (nvml.driverVersion(version.data(), static_cast<unsigned>(version.size())) == kNvmlSuccess)
        detection.driverVersion = version.data();
    unsigned count = 0;
    if (nvml.count(&count) != kNvmlSuccess)
        count = 0;
    for (unsigned i = 0; i < count; ++i) {
        nvmlDevice_t dev = nullptr;
        if (nvml.handle(i, &dev) != kNvmlSuccess) {
            detection.diagnostics.push_back(makeDiagnostic(Severity::Warning, "gpu.nvml-device",
                                                 "NVML could not open GPU " + std::to_string(i)));
            continue;
        }
        DetectedGpu gpu;
        gpu.index = static_cast<int>(i);
        gpu.name = deviceName(nvml, dev);
        gpu.driverVersion = detection.driverVersion;
        int major = 0, minor = 0;
        if (nvml.capability(dev, &major, &minor) == kNvmlSuccess)
            gpu.computeCapability = major * 10 + minor;
        nvmlMemory_t mem{};
        if (nvml.memory(dev, &mem) == kNvmlSuccess)
            gpu.memoryGiB = gib(mem.total);
        readMig(nvml, dev, gpu);
        detection.gpus.push_back(std::move(gpu));
    }
    nvml.shutdown();
    detection.source = DetectionSource::Nvml;
    return true;
}

} // namespace quantcfg::detail
