#pragma once

#include <optional>
#include <string_view>
#include <vector>

/// Files compiled into the binaries (schema, built-in presets, engine profiles, GPU data), so that
/// quantcfg works from any directory without an installed data folder.
namespace quantcfg::resources {

struct Entry
{
    std::string_view path; ///< path relative to the source tree, e.g. "presets/universal-fp8.json"
    std::string_view data; ///< file contents
};

namespace detail {
const std::vector<Entry> &entries();
}

/// Returns the contents of the embedded file at @p path, or nothing when there is no such file.
std::optional<std::string_view> find(std::string_view path);

/// Returns every embedded entry whose path starts with @p prefix, in path order.
std::vector<Entry> list(std::string_view prefix);

} // namespace quantcfg::resources
