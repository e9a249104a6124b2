#pragma once

#include "core/cli/cli.h"

#include <sstream>
#include <QStringList>

#include <string>
#include <vector>

// Runs the quantcfg CLI in-process for the CLI tests (tests that include this link quantcfg_cli).
namespace testutil {

struct CliRun
{
    int code = -1;
    std::string out;
    std::string err;
};

inline CliRun quantcfgRun(std::vector<std::string> args, const std::string &stdinText = {})
{
    args.insert(args.begin(), "quantcfg");
    std::istringstream in(stdinText);
    std::ostringstream out;
    std::ostringstream err;
    CliRun r;
    r.code = quantcfg::cli::run(args, in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// The same with Qt strings, for data-driven rows that hold QStringList arguments.
inline CliRun quantcfgRunQt(const QStringList &args, const std::string &stdinText = {})
{
    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a.toStdString());
    return quantcfgRun(std::move(argv), stdinText);
}

} // namespace testutil
