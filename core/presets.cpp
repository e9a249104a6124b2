#include "core/presets.h"

#include "core/resources.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace quantcfg {

namespace {

// Display order of the built-ins: the design document's order, from safest to most specialised.
constexpr std::array<std::string_view, 5> kBuiltInOrder{
    "universal-fp8", "sglang-marlin-moe", "extreme-compression", "high-quality", "blackwell-fp4"};

Diagnostic presetProblem(Severity s, std::string code, const std::filesystem::path &file, std::string message)
{
    Diagnostic d;
    d.severity = s;
    d.code = std::move(code);
    d.value = file.string();
    d.message = std::move(message);
    return d;
}

bool isBuiltInName(std::string_view name)
{
    return std::find(kBuiltInOrder.begin(), kBuiltInOrder.end(), name) != kBuiltInOrder.end();
}

} // namespace

const Preset *PresetLibrary::find(std::string_view name) const
{
    for (const Preset &p : presets) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

std::vector<Preset> builtInPresets()
{
    std::vector<Preset> out;
    for (const auto &entry : resources::list("presets/")) {
        std::string name(entry.path.substr(8));
        if (name.size() < 6 || name.substr(name.size() - 5) != ".json")
            continue;
        name.resize(name.size() - 5);
        out.push_back(Preset{name, Json::parse(entry.data), true, "built-in"});
    }
    const auto rank = [](const Preset &p) {
        return std::find(kBuiltInOrder.begin(), kBuiltInOrder.end(), p.name) - kBuiltInOrder.begin();
    };
    std::stable_sort(out.begin(), out.end(), [&](const Preset &a, const Preset &b) { return rank(a) < rank(b); });
    return out;
}

std::filesystem::path defaultUserPresetDir()
{
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "quantcfg" / "presets";
    if (const char *home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "quantcfg" / "presets";
    return {};
}

PresetLibrary loadPresetLibrary(const std::optional<std::filesystem::path> &userDir)
{
    PresetLibrary lib;
    lib.presets = builtInPresets();
    if (!userDir || userDir->empty())
        return lib;
    std::error_code ec;
    if (!std::filesystem::is_directory(*userDir, ec))
        return lib;

    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(*userDir, ec)) {
        if (entry.path().extension() == ".json" && entry.is_regular_file(ec))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &file : files) {
        const std::string name = file.stem().string();
        if (lib.find(name)) {
            lib.diagnostics.push_back(presetProblem(Severity::Warning, "preset.shadows-built-in", file,
                "user preset '" + name + "' has the name of a built-in preset and was not loaded; rename the file"));
            continue;
        }
        JsonResult r = loadJsonFile(file);
        if (!r.value) {
            for (Diagnostic d : r.diagnostics) {
                d.value = file.string();
                d.message = "user preset not loaded: " + d.message;
                lib.diagnostics.push_back(std::move(d));
            }
            continue;
        }
        if (!r.value->is_object()) {
            lib.diagnostics.push_back(presetProblem(Severity::Error, "json.not-object", file,
                "user preset not loaded: it is not a JSON object"));
            continue;
        }
        lib.presets.push_back(Preset{name, std::move(*r.value), false, file.string()});
    }
    return lib;
}

std::optional<Diagnostic> saveUserPreset(const std::filesystem::path &userDir, const std::string &name, const Json &doc)
{
    if (name.empty() || name.find('/') != std::string::npos || name.front() == '.')
        return presetProblem(Severity::Error, "preset.bad-name", userDir / name, "a preset name must not be empty, contain '/' or start with '.'");
    if (isBuiltInName(name))
        return presetProblem(Severity::Error, "preset.shadows-built-in", userDir / name, "'" + name + "' is the name of a built-in preset");
    std::error_code ec;
    std::filesystem::create_directories(userDir, ec);
    if (ec)
        return presetProblem(Severity::Error, "io.write-failed", userDir, "cannot create the preset folder: " + ec.message());
    return writeFileAtomic(userDir / (name + ".json"), toPrettyJson(doc));
}

} // namespace quantcfg
