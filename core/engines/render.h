#pragma once

#include "core/engines/launchplan.h"

#include <string>
#include <string_view>

namespace quantcfg {

/// Quotes @p word for a POSIX shell so that it is passed through as exactly one argument
/// (spaces, quotes, $, backticks, newlines, globs...). Plain words are left as they are.
std::string shellQuote(std::string_view word);

enum class CommandLayout {
    OneLine,   ///< everything on one line
    MultiLine, ///< one option (with its value) per line, joined with " \" continuations
};

/// The shell command of @p plan: env assignments as a prefix, then argv, quoted.
std::string renderCommand(const LaunchPlan &plan, CommandLayout layout = CommandLayout::OneLine);

/// An executable launch script: shebang, comments with the plan's notes, the extra files written
/// with quoted here-documents, and the command.
std::string renderScript(const LaunchPlan &plan);

/// The plan as JSON (the `quantcfg map --format json` schema, documented in docs/engines.md).
Json planToJson(const LaunchPlan &plan);

} // namespace quantcfg
