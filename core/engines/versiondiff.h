#pragma once

#include "core/config.h"
#include "core/engines/launchplan.h"
#include "core/engines/profile.h"

#include <string>
#include <vector>

namespace quantcfg {

/// One difference in an engine's option table between two profiles of that engine.
struct FlagChange
{
    enum class Kind
    {
        Added,         ///< the newer profile has the flag, the older does not
        Removed,       ///< the older profile has it, the newer refuses it
        Replaced,      ///< removed or renamed, with a replacement the newer profile names
        Deprecated,    ///< still accepted by the newer profile, but deprecated there
        ValuesAdded,   ///< new accepted values of a flag both have
        ValuesRemoved, ///< values the older profile accepted and the newer refuses
    };
    Kind kind;
    std::string flag;                ///< the flag's primary name
    std::vector<std::string> values; ///< for ValuesAdded / ValuesRemoved
    std::string replacement;         ///< for Replaced, and Deprecated where the engine names one
};

/// "added", "removed", "replaced", "deprecated", "values-added", "values-removed".
const char *flagChangeName(FlagChange::Kind kind);

/// What changed in the option table from @p from to @p to (two profiles of one engine), in the
/// order: removed and replaced, deprecated, values removed, added, values added; each by flag name.
std::vector<FlagChange> diffFlags(const EngineProfile &from, const EngineProfile &to);

/// How one configuration's command differs between two profiles: the option words (a flag with its
/// value, "--quantization marlin") only the older or only the newer command has.
struct CommandChange
{
    LaunchPlan from;
    LaunchPlan to;
    std::vector<std::string> removed; ///< options of the older command the newer one lacks
    std::vector<std::string> added;   ///< options only the newer command has
};

/// Compares two plans of one configuration (environment variables count as options, written
/// NAME=value).
CommandChange compareCommands(LaunchPlan from, LaunchPlan to);

/// Maps @p config on both profiles and compares the commands.
CommandChange diffCommand(const Config &config, const EngineProfile &from, const EngineProfile &to);

/// One line for a person: "--quantization marlin → --quantization gptq_marlin", "command unchanged",
/// "no command on v0.5.19 (unsupported)".
std::string summarizeCommandChange(const CommandChange &change);

} // namespace quantcfg
