#pragma once

#include "core/cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

// Runs the quantcfg CLI in-process (tests that link quantcfg_cli).
namespace testutil {

struct Run
{
    int code = -1;
    std::string out;
    std::string err;
};

/// quantcfg with @p args (without the program name), @p stdinText as standard input.
inline Run quantcfgRun(std::vector<std::string> args, const std::string &stdinText = {})
{
    args.insert(args.begin(), "quantcfg");
    std::istringstream in(stdinText);
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = quantcfg::cli::run(args, in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace testutil
