// libFuzzer harness: a configuration file as the CLI and the studio read it. parseJson, then
// validateDocument, then mapAllEngines; every generated command must split back (as sh would)
// into exactly the plan's environment and argv, so no model path or value can inject shell words.
#include "core/config.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/jsonio.h"
#include "core/validation.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    quantcfg::JsonResult parsed = quantcfg::parseJson(text);
    if (!parsed.value)
        return 0;
    quantcfg::validateDocument(*parsed.value);
    const quantcfg::Config config = quantcfg::Config::fromJson(*parsed.value);
    for (const quantcfg::LaunchPlan &plan : quantcfg::mapAllEngines(config))
        quantcfg::fuzz::checkCommandRoundTrip(plan);
    quantcfg::toPrettyJson(config.toJson());
    return 0;
}
