#pragma once

#include <string>
#include <string_view>

namespace quantcfg {

/// @p s with ASCII letters lower-cased (engine, flag, format and GPU names are ASCII; other bytes
/// are kept as they are, so UTF-8 passes through unchanged).
std::string asciiLower(std::string_view s);

} // namespace quantcfg
