#pragma once

#include "core/diagnostic.h"
#include "core/engines/profile.h"
#include "core/engines/shellwords.h"

#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// A command as lint reads it (see locateEngineCommand() for finding one in a pasted text).
struct LintWords
{
    std::vector<std::string> argv; ///< from the entry point on ("vllm" "serve" …)
    std::vector<bool> expanded;    ///< parallel to argv (may be empty): words the shell fills in
    std::vector<std::pair<std::string, std::string>> env;
    std::string baseDir; ///< where a relative --config file is read from; empty: the current directory
};

/// Checks @p words against @p profile: the entry point (profile "invocation.entry_points"),
/// unknown flags (with did-you-mean and rename hints), removed flags, dash/underscore spelling,
/// abbreviations (resolved as argparse does), values given to boolean flags, missing values, bad
/// choices, integers and floats, keys of JSON-valued flags, deprecated flags and values, the
/// options of a --config file when it can be read, and the profile's cross-flag constraints.
/// Words the shell fills in are not judged: each gets an Info "lint.unchecked.*" finding, as do a
/// --config file that is not there and constraints reading such values. Returns one diagnostic
/// per finding, code "lint.*", the offending token in @c value and the 1-based word in @c column.
Diagnostics lintWords(const EngineProfile &profile, const LintWords &words);

/// lintWords() for a command with nothing left to the shell (a generated one).
Diagnostics lintArgv(const EngineProfile &profile, const std::vector<std::string> &argv,
                     const std::vector<std::pair<std::string, std::string>> &env = {});

/// The entry point of @p profile that @p argv starts with (the longest), or nullptr.
const EntryPoint *matchEntryPoint(const EngineProfile &profile, const std::vector<std::string> &argv);

/// splitShellWords() followed by lintWords(): one command line, no wrappers.
Diagnostics lintCommandLine(const EngineProfile &profile, std::string_view commandLine);

/// Parsed flag values of an argv: canonical flag name → value ("" for booleans). Only flags the
/// profile knows are recorded. Used by the constraint checks of lint and the mapper.
std::vector<std::pair<std::string, std::string>> collectFlagValues(const EngineProfile &profile,
                                                                   const std::vector<std::string> &argv);

/// The profile's cross-flag constraints evaluated on @p values (see collectFlagValues()).
/// Each violation is a diagnostic with code "lint.constraint.<id>"; @c suggestion names the flag
/// whose removal resolves it (used by the mapper to drop an optional setting).
/// Constraints that read a flag listed in @p unknown (its value comes from the shell) are not
/// judged: each gives an Info "lint.unchecked.constraint".
Diagnostics checkConstraints(const EngineProfile &profile, const std::vector<std::pair<std::string, std::string>> &values,
                             const std::vector<std::string> &unknown = {});

/// Levenshtein distance, for did-you-mean hints.
std::size_t editDistance(std::string_view a, std::string_view b);

} // namespace quantcfg
