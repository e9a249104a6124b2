#pragma once

#include "core/diagnostic.h"
#include "core/engines/profile.h"

#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// A command line split into words the way a POSIX shell would (quotes, backslashes, line
/// continuations), with leading NAME=value assignments separated out.
struct ShellWords
{
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::string> argv;
    Diagnostics diagnostics; ///< "lint.shell-syntax" for an unterminated quote
};

/// Splits @p text like `sh` would, without expanding anything ($VAR stays literal).
ShellWords splitShellWords(std::string_view text);

/// Checks @p argv (starting with the engine's invocation, e.g. "vllm" "serve") and @p env
/// against @p profile: unknown flags (with did-you-mean and rename hints), removed flags,
/// dash/underscore spelling, abbreviations, values given to boolean flags, missing values, bad
/// choices, integers and floats, deprecated flags and values, and the profile's cross-flag
/// constraints. Returns one diagnostic per finding, code "lint.*", the offending token in
/// @c value and the 1-based word index in @c column.
Diagnostics lintArgv(const EngineProfile &profile, const std::vector<std::string> &argv,
                     const std::vector<std::pair<std::string, std::string>> &env = {});

/// splitShellWords() followed by lintArgv().
Diagnostics lintCommandLine(const EngineProfile &profile, std::string_view commandLine);

/// Parsed flag values of an argv: canonical flag name → value ("" for booleans). Only flags the
/// profile knows are recorded. Used by the constraint checks of lint and the mapper.
std::vector<std::pair<std::string, std::string>> collectFlagValues(const EngineProfile &profile,
                                                                   const std::vector<std::string> &argv);

/// The profile's cross-flag constraints evaluated on @p values (see collectFlagValues()).
/// Each violation is a diagnostic with code "lint.constraint.<id>"; @c suggestion names the flag
/// whose removal resolves it (used by the mapper to drop an optional setting).
Diagnostics checkConstraints(const EngineProfile &profile, const std::vector<std::pair<std::string, std::string>> &values);

/// Levenshtein distance, for did-you-mean hints.
std::size_t editDistance(std::string_view a, std::string_view b);

} // namespace quantcfg
