#include "core/engines/launchplan.h"

#include <cctype>

namespace quantcfg {

namespace {

bool isFlag(const std::string &word)
{
    if (word.rfind("--", 0) == 0)
        return word.size() > 2;
    return word.size() > 1 && word[0] == '-' && std::isalpha(static_cast<unsigned char>(word[1]));
}

} // namespace

std::string PlanOption::joinedValues() const
{
    std::string joined;
    for (const std::string &v : values)
        joined += (joined.empty() ? "" : " ") + v;
    return joined;
}

std::vector<PlanOption> planOptions(const LaunchPlan &plan)
{
    std::vector<PlanOption> options;
    for (std::size_t i = plan.programWords; i < plan.argv.size();) {
        const std::string &word = plan.argv[i++];
        if (!isFlag(word)) {
            options.push_back({{}, {word}});
            continue;
        }
        PlanOption option;
        const auto eq = word.find('=');
        option.flag = word.substr(0, eq);
        if (eq != std::string::npos)
            option.values.push_back(word.substr(eq + 1));
        else
            while (i < plan.argv.size() && !isFlag(plan.argv[i]))
                option.values.push_back(plan.argv[i++]);
        options.push_back(std::move(option));
    }
    return options;
}

} // namespace quantcfg
