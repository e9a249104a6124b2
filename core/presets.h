#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quantcfg {

struct Preset
{
    std::string name;      ///< identifier: the file name without ".json"
    Json document;         ///< the configuration
    bool builtIn = false;  ///< compiled into quantcfg (presets/ in the source tree)
    std::string source;    ///< "built-in" or the user preset's path
};

/// Built-in presets followed by user presets.
struct PresetLibrary
{
    std::vector<Preset> presets;
    /// Problems with user presets (unreadable file, invalid JSON, name clash with a built-in);
    /// each carries the file path in @c value.
    Diagnostics diagnostics;

    /// The preset named @p name, or nullptr.
    const Preset *find(std::string_view name) const;
};

/// The five presets shipped with quantcfg, in their design order.
std::vector<Preset> builtInPresets();

/// The user preset folder: $XDG_DATA_HOME/quantcfg/presets, or ~/.local/share/quantcfg/presets.
std::filesystem::path defaultUserPresetDir();

/// Loads the built-in presets, then every *.json in @p userDir (sorted by name). A user preset
/// whose name equals a built-in's is not loaded and is reported ("preset.shadows-built-in"), so a
/// built-in name always means the same thing.
PresetLibrary loadPresetLibrary(const std::optional<std::filesystem::path> &userDir = defaultUserPresetDir());

/// Writes @p doc as user preset @p name into @p userDir (created if needed), atomically.
/// Refuses names that are empty, contain '/' or start with '.', and built-in names.
std::optional<Diagnostic> saveUserPreset(const std::filesystem::path &userDir, const std::string &name, const Json &doc);

} // namespace quantcfg
