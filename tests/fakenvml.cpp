// A stand-in for libnvidia-ml.so.1 that tst_gpu loads through QUANTCFG_NVML_LIBRARY, so that the
// NVML path of detectGpus() runs without a GPU. It reports two GPUs: an H100 and an A100 in MIG
// mode with two instances. FAKE_NVML_INIT_ERROR=N makes nvmlInit_v2 fail with N.
#include <cstdlib>
#include <cstring>

namespace {

struct Device
{
    const char *name;
    int major, minor;
    unsigned long long totalBytes;
    bool mig;
};

constexpr unsigned long long kMiB = 1024ull * 1024ull;
Device gpus[] = {
    {"NVIDIA H100 80GB HBM3", 9, 0, 81559 * kMiB, false},
    {"NVIDIA A100-SXM4-80GB", 8, 0, 81920 * kMiB, true},
};
Device migs[] = {
    {"NVIDIA A100-SXM4-80GB MIG 3g.40gb", 8, 0, 40192 * kMiB, false},
    {"NVIDIA A100-SXM4-80GB MIG 1g.10gb", 8, 0, 9856 * kMiB, false},
};

struct Memory
{
    unsigned long long total, free, used;
};

int copy(const char *s, char *buf, unsigned len)
{
    if (std::strlen(s) + 1 > len)
        return 7; // NVML_ERROR_INSUFFICIENT_SIZE
    std::strcpy(buf, s);
    return 0;
}

} // namespace

extern "C" {

int nvmlInit_v2()
{
    const char *e = std::getenv("FAKE_NVML_INIT_ERROR");
    return e ? std::atoi(e) : 0;
}
int nvmlShutdown() { return 0; }
int nvmlSystemGetDriverVersion(char *buf, unsigned len) { return copy("550.54.15", buf, len); }
int nvmlDeviceGetCount_v2(unsigned *count)
{
    *count = 2;
    return 0;
}
int nvmlDeviceGetHandleByIndex_v2(unsigned i, Device **dev)
{
    if (i >= 2)
        return 2; // NVML_ERROR_INVALID_ARGUMENT
    *dev = &gpus[i];
    return 0;
}
int nvmlDeviceGetName(Device *dev, char *buf, unsigned len) { return copy(dev->name, buf, len); }
int nvmlDeviceGetCudaComputeCapability(Device *dev, int *major, int *minor)
{
    *major = dev->major;
    *minor = dev->minor;
    return 0;
}
int nvmlDeviceGetMemoryInfo(Device *dev, Memory *mem)
{
    mem->total = dev->totalBytes;
    mem->free = dev->totalBytes;
    mem->used = 0;
    return 0;
}
int nvmlDeviceGetMigMode(Device *dev, unsigned *current, unsigned *pending)
{
    *current = *pending = dev->mig ? 1 : 0;
    return 0;
}
int nvmlDeviceGetMaxMigDeviceCount(Device *dev, unsigned *count)
{
    *count = dev->mig ? 7 : 0;
    return 0;
}
int nvmlDeviceGetMigDeviceHandleByIndex(Device *dev, unsigned i, Device **mig)
{
    if (!dev->mig || i >= 2)
        return 6; // NVML_ERROR_NOT_FOUND: no instance in this slot
    *mig = &migs[i];
    return 0;
}

} // extern "C"
