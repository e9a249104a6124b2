#pragma once

#include "cli/cli.h"

#include <sstream>
#include <QStringList>

#include <regex>
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

/// The default that @p help shows for @p option: CLI11 2.3 (Debian 12) writes "--x TEXT=value",
/// 2.4 (Ubuntu 24.04) "--x TEXT [value]". Empty when the option's line shows none.
inline std::string helpDefault(const std::string &help, const std::string &option)
{
    std::istringstream lines(help);
    std::string line;
    while (std::getline(lines, line)) {
        const auto at = line.find_first_not_of(' ');
        if (at == std::string::npos || line.compare(at, option.size() + 1, option + ' ') != 0)
            continue;
        const auto gap = line.find("  ", at); // the description starts after two spaces
        const std::string signature = line.substr(at, gap == std::string::npos ? std::string::npos : gap - at);
        static const std::regex shown(R"(=(\S+)|\[(\S+)\])");
        std::smatch m;
        if (!std::regex_search(signature, m, shown))
            return {};
        return m[1].matched ? m[1].str() : m[2].str();
    }
    return {};
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
