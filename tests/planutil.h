#pragma once

#include "core/engines/launchplan.h"

#include <string>

namespace testutil {

/// "NAME=value ... word word " — a plan's env and argv as one searchable string.
inline std::string planWords(const quantcfg::LaunchPlan &plan)
{
    std::string s;
    for (const auto &e : plan.env)
        s += e.name + "=" + e.value + " ";
    for (const auto &a : plan.argv)
        s += a + " ";
    return s;
}

} // namespace testutil
