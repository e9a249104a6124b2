// libFuzzer harness: benchmark result import through its real entry point, importFile(), which
// detects the format from the content and runs that format's importer (CSV sniffing, the lenient
// streaming JSON parser, JSON Lines). Each format has its own seed corpus under
// tests/fuzz/corpus/bench-<format>/, so every importer gets fuzzing time of its own.
#include "core/bench/importers.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

// One scratch file per fuzzing process, rewritten for every input.
const std::filesystem::path &scratchFile()
{
    static const std::filesystem::path path = [] {
        std::string name = (std::filesystem::temp_directory_path() / "quantcfg-fuzz-XXXXXX").string();
        const int fd = mkstemp(name.data());
        if (fd < 0) {
            std::perror("mkstemp");
            std::abort();
        }
        close(fd);
        std::atexit([] { std::filesystem::remove(scratchFile()); });
        return std::filesystem::path(name);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::filesystem::path &path = scratchFile();
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0)
        std::abort();
    quantcfg::bench::ResultTable table;
    quantcfg::bench::ImportOptions options;
    options.labelsFromPath = false;
    quantcfg::bench::importFile(path, table, options);
    return 0;
}
