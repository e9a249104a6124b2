// libFuzzer harness: an inference-autotuner task file as `quantcfg experiments` reads it, on both of
// the autotuner's paths (the command-line runner; the web worker, which also translates
// quant_config and parallel_config). parseJson, then expandAutotunerTask (grid, image tag → profile,
// the container's command, lint of each), then the JSON output. Checks that every launch's command names the image's entry point and the
// runtime's base command first, whatever the parameters hold.
#include "core/engines/autotuner.h"
#include "core/jsonio.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    quantcfg::JsonResult parsed = quantcfg::parseJson(text);
    if (!parsed.value)
        return 0;
    for (const quantcfg::AutotunerPath path : {quantcfg::AutotunerPath::CommandLine, quantcfg::AutotunerPath::WebWorker}) {
        const quantcfg::AutotunerExpansion expansion = quantcfg::expandAutotunerTask(*parsed.value, path);
        quantcfg::toPrettyJson(quantcfg::autotunerExpansionToJson(*parsed.value, expansion));
        if (expansion.launches.empty())
            continue;
        const auto runtime = quantcfg::autotunerRuntime(parsed.value->at("base_runtime").get<std::string>()); // launches mean it is a string
        for (const quantcfg::AutotunerLaunch &launch : expansion.launches) {
            // python3 -m <module> must come through whole, after the image's entry point
            bool found = false;
            for (std::size_t i = 0; runtime && i + 2 < launch.argv.size() && !found; ++i)
                found = launch.argv[i] == runtime->command[0] && launch.argv[i + 2] == runtime->command[2];
            if (!found)
                std::abort();
        }
    }
    return 0;
}
