#pragma once
// Properties the fuzz harnesses and tst_fuzz_regressions check on every input.
#include "core/engines/launchplan.h"

#include <string_view>

namespace quantcfg::fuzz {

/// Renders @p plan (one line and multi-line) and splits it again with splitShellWords(); aborts
/// unless the words are exactly the plan's environment and argv.
void checkCommandRoundTrip(const LaunchPlan &plan);

/// shellQuote() of @p word must split back into exactly that one word; aborts otherwise.
void checkQuoteRoundTrip(std::string_view word);

} // namespace quantcfg::fuzz
