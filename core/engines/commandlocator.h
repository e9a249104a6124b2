#pragma once

#include "core/diagnostic.h"
#include "core/engines/profile.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quantcfg {

/// The engine command found in what a user pasted: a bare command, a script, a `docker run`, an
/// `srun … bash -c "…"`, or a Kubernetes container's command/args.
struct LocatedCommand
{
    std::string engine; ///< "vllm", "sglang", "trtllm"; empty when no engine command was found
    std::vector<std::pair<std::string, std::string>> env;
    /// From the entry point on ("vllm" "serve" …, "python3" "-m" …): for an image whose
    /// arguments go to its entry point, that entry point followed by the arguments.
    std::vector<std::string> argv;
    std::vector<bool> expanded; ///< parallel to argv: shell expansions, known only at run time
    /// What it was found inside, outermost first ("docker run", "bash -c", "srun",
    /// "Kubernetes container command/args").
    std::vector<std::string> wrappers;
    std::string image;        ///< the container image word, "vllm/vllm-openai:v0.6.6.post1"
    std::string imageVersion; ///< the engine version its tag names ("0.6.6.post1"); empty for latest, nightly, …
    int line = 0;             ///< line of the pasted text the command starts on, 0 when unknown
    /// Shell syntax errors and warnings of the text read, and "lint.unchecked.no-engine-command"
    /// when nothing in it starts an engine.
    Diagnostics diagnostics;
};

/// Finds the engine command in @p text using the entry points and images of @p profiles. With a
/// non-empty @p engine only that engine's entry points count; @p preferred (the profile asked
/// for) decides first what an image's entry point is. Arguments after an image that has an entry
/// point go to it (vllm/vllm-openai), otherwise they are the command (lmsysorg/sglang).
/// When nothing starts an engine, a "lint.unchecked.no-engine-command" warning says so.
LocatedCommand locateEngineCommand(const ProfileRegistry &profiles, std::string_view text, const std::string &engine = {},
                                   const EngineProfile *preferred = nullptr);

/// The version a container image tag names: "v0.6.6.post1" → "0.6.6.post1", "v0.5.6-cu129" →
/// "0.5.6", "1.2.0rc1" → "1.2.0rc1"; "" for tags such as latest or nightly.
std::string versionFromImageTag(std::string_view tag);

/// The profile of @p engine closest to release @p version ("0.6.6"): the one whose
/// "release" is nearest (the oldest one for anything older than all). nullptr when @p version
/// is not a release number or the engine has no profile stating a release.
const EngineProfile *closestProfile(const ProfileRegistry &profiles, const std::string &engine, const std::string &version);

} // namespace quantcfg
