#pragma once

#include <iosfwd>
#include <string>
#include <vector>

/// The `quantcfg` command-line tool, as a library so that tests drive it in-process.
namespace quantcfg::cli {

/// Exit codes of every subcommand.
enum ExitCode : int {
    ExitOk = 0,      ///< success (warnings allowed)
    ExitInvalid = 1, ///< invalid input: a config, command or file had errors
    ExitUsage = 2,   ///< bad command line
};

/// Runs quantcfg with @p args (args[0] is the program name). Standard input is read from @p in;
/// results go to @p out, diagnostics and errors to @p err. Returns the exit code.
int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out, std::ostream &err);

} // namespace quantcfg::cli
