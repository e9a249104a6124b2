// libFuzzer harness: a configuration's deployment section as `quantcfg deploy` reads it. For the
// default version of every engine and every target (nodes, slurm, ray, docker): deploy(), then
// checkDeployment(): node ranks 0..N-1 each once, every script parses, and each node script read
// back as sh reads it gives exactly that node's words, so no value can add, drop or change one.
#include "core/config.h"
#include "core/engines/deploy.h"
#include "core/engines/profile.h"
#include "core/jsonio.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    quantcfg::JsonResult parsed = quantcfg::parseJson(text);
    if (!parsed.value)
        return 0;
    const quantcfg::Config config = quantcfg::Config::fromJson(*parsed.value);
    // Sizes the schema would refuse still must not make the renderer loop for long.
    if (config.deployment.nodeCount() > 64 || config.deployment.gpusPerNode.value_or(1) > 1024)
        return 0;
    const quantcfg::ProfileRegistry &registry = quantcfg::ProfileRegistry::builtIn();
    for (const std::string &engine : registry.engines()) {
        for (quantcfg::DeployTarget target : quantcfg::deployTargets()) {
            quantcfg::DeployOptions options;
            options.target = target;
            quantcfg::fuzz::checkDeployment(quantcfg::deploy(config, *registry.find(engine), options));
        }
    }
    return 0;
}
