#pragma once
// Properties the fuzz harnesses and tst_fuzz_regressions check on every input.
#include "core/engines/deploy.h"
#include "core/engines/launchplan.h"

#include <string_view>

namespace quantcfg::fuzz {

/// Renders @p plan (one line and multi-line) and splits it again with splitShellWords(); aborts
/// unless the words are exactly the plan's environment and argv.
void checkCommandRoundTrip(const LaunchPlan &plan);

/// Node ranks 0..N-1 in order, each once; every node script (nodes, ray, docker) read back as sh
/// reads it gives exactly its node's words after `exec` (the shell-filled words in the same places),
/// and no script has a shell syntax error. Aborts otherwise.
void checkDeployment(const Deployment &deployment);

/// shellQuote() of @p word must split back into exactly that one word; aborts otherwise.
void checkQuoteRoundTrip(std::string_view word);

} // namespace quantcfg::fuzz
