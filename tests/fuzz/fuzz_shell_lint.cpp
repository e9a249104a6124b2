// libFuzzer harness: the command-line lint tokenizer. The first byte picks a built-in engine
// profile, the rest is a command line: splitShellWords and lintCommandLine must not crash, and
// shellQuote of the whole text must split back into exactly that one word.
#include "core/engines/lint.h"
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
    quantcfg::splitShellWords(text);
    quantcfg::lintCommandLine(profile, text);
    quantcfg::fuzz::checkQuoteRoundTrip(text);
    return 0;
}
