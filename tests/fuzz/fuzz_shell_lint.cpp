// libFuzzer harness: the command-line lint tokenizer. The first byte picks a built-in engine
// profile, the rest is a command line, script or manifest: lintText (the script reader, the
// locator that looks inside wrappers, docker run and YAML, and lint) must not crash, and
// shellQuote of the whole text must split back into exactly that one word (splitShellWords).
#include "core/engines/lint.h"
#include "core/engines/lintreport.h"
#include "core/engines/profile.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const auto &profiles = quantcfg::ProfileRegistry::builtIn().all();
    const quantcfg::EngineProfile &profile = *profiles[data[0] % profiles.size()];
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    // lintText reads the text as a script (parseShellScript), finds the engine command in it and
    // lints it: half the inputs name the profile, half let the command pick it (image tags).
    const std::string spec = data[0] & 0x80 ? std::string() : profile.engine() + "@" + profile.version();
    quantcfg::lintText(quantcfg::ProfileRegistry::builtIn(), text, {spec, "/nonexistent"});
    quantcfg::fuzz::checkQuoteRoundTrip(text);
    return 0;
}
