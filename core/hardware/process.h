#pragma once

#include <string>
#include <vector>

namespace quantcfg {

/// What a child process did (see runProcess()).
struct ProcessResult
{
    bool started = false;  ///< false when the program could not be executed (see @c startError)
    int startError = 0;    ///< errno of the failed exec (ENOENT: not installed)
    bool timedOut = false; ///< killed after the timeout
    int exitCode = -1;     ///< exit status; -1 when killed by a signal or not started
    std::string out;       ///< standard output
    std::string err;       ///< standard error
};

/// Runs @p argv (argv[0] is looked up in PATH) without a shell, collecting its output. A child
/// that is still running after @p timeoutMs milliseconds is killed (with its process group), so
/// a hung driver cannot hang the caller. Output beyond 1 MiB per stream is dropped. POSIX only;
/// safe to call from a worker thread.
ProcessResult runProcess(const std::vector<std::string> &argv, int timeoutMs);

} // namespace quantcfg
