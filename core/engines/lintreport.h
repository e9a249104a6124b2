#pragma once

#include "core/diagnostic.h"
#include "core/engines/commandlocator.h"
#include "core/engines/profile.h"
#include "core/jsonio.h"

#include <string>
#include <string_view>

namespace quantcfg {

/// What `quantcfg lint` is asked.
struct LintRequest
{
    /// "vllm@main-2026-08-21": that profile; "vllm": that engine, the version from the image tag
    /// or the default; "": the engine the command starts.
    std::string engineSpec;
    std::string baseDir; ///< where relative --config files are read; empty: the current directory
};

/// A pasted command checked end to end: where the engine command was found, which profile it
/// was checked against and why, and every finding (shell syntax, locating, lint).
struct LintReport
{
    LocatedCommand command;
    const EngineProfile *profile = nullptr; ///< nullptr when no engine command was found or the spec is unknown
    std::string profileReason;              ///< why this profile: named, implied by the image tag, or the default
    std::string entryPoint;                 ///< the entry point the command starts with ("sglang serve")
    Diagnostics diagnostics;
};

/// Finds the engine command in @p text, picks the profile and lints the command.
LintReport lintText(const ProfileRegistry &profiles, std::string_view text, const LintRequest &request);

/// One sentence saying what a finding's check read (for machine-readable output): the flag
/// table of the profile, a constraint's source file, or what could not be checked and why.
std::string checkedBy(const Diagnostic &d, const EngineProfile *profile);

/// The report as JSON: engine, profile, entry point, wrappers, image, the findings
/// ("diagnostics", each with "checked": what its check read), and an "unchecked" list of what
/// could not be checked and why.
Json lintReportToJson(const LintReport &report);

} // namespace quantcfg
