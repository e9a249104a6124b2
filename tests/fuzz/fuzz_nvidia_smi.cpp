// libFuzzer harness: the nvidia-smi parsers. The input is the output of
// `nvidia-smi --query-gpu=...` and, after the first form feed, the output of `nvidia-smi -L`;
// both are parsed with and without the compute_cap column, into the same Detection as detectGpus() does.
#include "core/hardware/detect.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::size_t split = text.find('\f');
    const std::string_view query = text.substr(0, split);
    const std::string_view list = split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
    for (bool withComputeCap : {true, false}) {
        quantcfg::Detection detection;
        quantcfg::parseNvidiaSmiQuery(query, withComputeCap, detection);
        quantcfg::parseNvidiaSmiList(list, detection);
        for (const quantcfg::DetectedGpu &gpu : detection.gpus)
            quantcfg::targetFromDetected(gpu, 1);
        detection.mixed();
    }
    return 0;
}
