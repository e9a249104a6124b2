#pragma once

#include "core/jsonio.h"

#include <string>
#include <utility>
#include <vector>

namespace quantcfg {

/// Renders dotted keys ("kv_cache_config.dtype") with their values as a YAML mapping, nesting
/// the dotted parts, in first-seen order. Used for TensorRT-LLM's --extra_llm_api_options file.
std::string renderYamlFile(const std::vector<std::pair<std::string, Json>> &entries);

} // namespace quantcfg
