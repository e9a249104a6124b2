#include "tests/fuzz/fuzzcheck.h"

#include "core/engines/lint.h"
#include "core/engines/render.h"

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

void checkQuoteRoundTrip(std::string_view word)
{
    const std::string quoted = shellQuote(word);
    // A word that looks like NAME=value would be taken as an assignment: put a command first.
    const ShellWords words = splitShellWords("cmd " + quoted);
    if (!words.diagnostics.empty() || words.argv.size() != 2 || words.argv[1] != word)
        fail("shellQuote() output does not split back into the word", quoted);
}

} // namespace quantcfg::fuzz
