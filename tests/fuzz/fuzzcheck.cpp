#include "tests/fuzz/fuzzcheck.h"

#include "core/engines/lint.h"
#include "core/engines/render.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace quantcfg::fuzz {

namespace {

[[noreturn]] void fail(const char *what, const std::string &text)
{
    std::fprintf(stderr, "fuzzcheck: %s\n---\n%s\n---\n", what, text.c_str());
    std::abort();
}

} // namespace

void checkCommandRoundTrip(const LaunchPlan &plan)
{
    for (CommandLayout layout : {CommandLayout::OneLine, CommandLayout::MultiLine}) {
        const std::string command = renderCommand(plan, layout);
        const ShellWords words = splitShellWords(command);
        if (!words.diagnostics.empty())
            fail("a rendered command does not split cleanly", command);
        if (words.argv != plan.argv)
            fail("a rendered command splits into other words than the plan's argv", command);
        if (words.env.size() != plan.env.size())
            fail("a rendered command splits into another number of environment assignments", command);
        for (std::size_t i = 0; i < plan.env.size(); ++i)
            if (words.env[i].first != plan.env[i].name || words.env[i].second != plan.env[i].value)
                fail("a rendered environment assignment splits into something else", command);
    }
}

void checkDeployment(const Deployment &d)
{
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        if (d.nodes[i].rank != static_cast<int>(i))
            fail("node ranks are not 0..N-1 in order", std::to_string(d.nodes[i].rank));
    }
    for (const DeployFile &f : d.files) {
        const ShellScript script = parseShellScript(f.content);
        for (const Diagnostic &diag : script.diagnostics) {
            if (diag.severity == Severity::Error)
                fail("a generated script does not parse", f.content);
        }
        if (f.name.rfind("node-", 0) != 0)
            continue;
        const int rank = std::stoi(f.name.substr(5));
        if (rank < 0 || rank >= static_cast<int>(d.nodes.size()))
            fail("a node script for a node that does not exist", f.name);
        const DeployNode &n = d.nodes[static_cast<std::size_t>(rank)];
        const auto exec = std::find_if(script.commands.begin(), script.commands.end(),
                                       [](const ShellCommand &c) { return !c.argv.empty() && c.argv.front() == "exec"; });
        if (exec == script.commands.end() || exec->argv.size() != n.argv.size() + 1)
            fail("a node script does not exec its node's command", f.content);
        for (std::size_t i = 0; i < n.argv.size(); ++i) {
            if (exec->expanded[i + 1] != n.expanded[i] || (!n.expanded[i] && exec->argv[i + 1] != n.argv[i]))
                fail("a node script splits into other words than its node's argv", f.content);
        }
    }
}

void checkQuoteRoundTrip(std::string_view word)
{
    const std::string quoted = shellQuote(word);
    // A word that looks like NAME=value would be taken as an assignment: put a command first.
    const ShellWords words = splitShellWords("cmd " + quoted);
    if (!words.diagnostics.empty() || words.argv.size() != 2 || words.argv[1] != word)
        fail("shellQuote() output does not split back into the word", quoted);
}

} // namespace quantcfg::fuzz
