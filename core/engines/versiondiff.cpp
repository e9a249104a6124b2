#include "core/engines/versiondiff.h"

#include "core/engines/mapper.h"

#include <algorithm>
#include <set>
#include <utility>

namespace quantcfg {

namespace {

// The values a flag accepts (argparse choices, or values checked after parsing), empty when any.
std::set<std::string> acceptedValues(const Json &flag)
{
    std::set<std::string> out;
    for (const char *key : {"choices", "post_choices"}) {
        if (const auto it = flag.find(key); it != flag.end() && it->is_array()) {
            for (const Json &v : *it)
                out.insert(v.is_string() ? v.get<std::string>() : v.dump());
        }
    }
    return out;
}

std::vector<std::string> minus(const std::set<std::string> &a, const std::set<std::string> &b)
{
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

// The replacement @p to names for a flag it no longer has: its removed_flags note or renamed_flags.
std::string replacementFor(const EngineProfile &to, const std::string &flag)
{
    const Json &doc = to.document();
    if (const auto removed = doc.find("removed_flags"); removed != doc.end()) {
        if (const auto it = removed->find(flag); it != removed->end())
            return it->value("replacement", std::string());
    }
    if (const auto renamed = doc.find("renamed_flags"); renamed != doc.end()) {
        if (const auto it = renamed->find(flag); it != renamed->end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

int rank(FlagChange::Kind kind)
{
    switch (kind) {
    case FlagChange::Kind::Removed:
    case FlagChange::Kind::Replaced:
        return 0;
    case FlagChange::Kind::Deprecated:
        return 1;
    case FlagChange::Kind::ValuesRemoved:
        return 2;
    case FlagChange::Kind::Added:
        return 3;
    case FlagChange::Kind::ValuesAdded:
        return 4;
    }
    return 5;
}

// The options of a plan as words a person compares: "--flag value", "--switch", "NAME=value".
std::vector<std::string> optionWords(const LaunchPlan &plan)
{
    std::vector<std::string> out;
    for (const EnvVar &e : plan.env)
        out.push_back(e.name + "=" + e.value);
    for (std::size_t i = plan.programWords; i < plan.argv.size(); ++i) {
        const std::string &w = plan.argv[i];
        if (w.size() > 1 && w[0] == '-' && i + 1 < plan.argv.size() && (plan.argv[i + 1].empty() || plan.argv[i + 1][0] != '-'))
            out.push_back(w + " " + plan.argv[++i]);
        else
            out.push_back(w);
    }
    return out;
}

} // namespace

const char *flagChangeName(FlagChange::Kind kind)
{
    switch (kind) {
    case FlagChange::Kind::Added:
        return "added";
    case FlagChange::Kind::Removed:
        return "removed";
    case FlagChange::Kind::Replaced:
        return "replaced";
    case FlagChange::Kind::Deprecated:
        return "deprecated";
    case FlagChange::Kind::ValuesAdded:
        return "values-added";
    case FlagChange::Kind::ValuesRemoved:
        return "values-removed";
    }
    return "?";
}

std::vector<FlagChange> diffFlags(const EngineProfile &from, const EngineProfile &to)
{
    std::vector<FlagChange> out;
    const Json &fromFlags = from.document()["flags"];
    const Json &toFlags = to.document()["flags"];
    for (auto it = fromFlags.begin(); it != fromFlags.end(); ++it) {
        const Json *now = to.flag(it.key());
        if (!now) {
            std::string replacement = replacementFor(to, it.key());
            out.push_back({replacement.empty() ? FlagChange::Kind::Removed : FlagChange::Kind::Replaced, it.key(), {}, replacement});
            continue;
        }
        if (now->value("deprecated", false) && !it->value("deprecated", false))
            out.push_back({FlagChange::Kind::Deprecated, it.key(), {}, now->value("replacement", std::string())});
        const std::set<std::string> before = acceptedValues(*it);
        const std::set<std::string> after = acceptedValues(*now);
        if (before.empty() || after.empty())
            continue; // a free value on one side: nothing to compare
        if (auto gone = minus(before, after); !gone.empty())
            out.push_back({FlagChange::Kind::ValuesRemoved, it.key(), std::move(gone), {}});
        if (auto added = minus(after, before); !added.empty())
            out.push_back({FlagChange::Kind::ValuesAdded, it.key(), std::move(added), {}});
    }
    for (auto it = toFlags.begin(); it != toFlags.end(); ++it) {
        if (!from.flag(it.key()))
            out.push_back({FlagChange::Kind::Added, it.key(), {}, {}});
    }
    std::stable_sort(out.begin(), out.end(), [](const FlagChange &a, const FlagChange &b) {
        return rank(a.kind) != rank(b.kind) ? rank(a.kind) < rank(b.kind) : a.flag < b.flag;
    });
    return out;
}

CommandChange diffCommand(const Config &config, const EngineProfile &from, const EngineProfile &to)
{
    return compareCommands(mapConfig(config, from), mapConfig(config, to));
}

CommandChange compareCommands(LaunchPlan from, LaunchPlan to)
{
    CommandChange change{std::move(from), std::move(to), {}, {}};
    std::vector<std::string> before = optionWords(change.from);
    std::vector<std::string> after = optionWords(change.to);
    for (const std::string &w : before) {
        if (std::find(after.begin(), after.end(), w) == after.end())
            change.removed.push_back(w);
    }
    for (const std::string &w : after) {
        if (std::find(before.begin(), before.end(), w) == before.end())
            change.added.push_back(w);
    }
    return change;
}

std::string summarizeCommandChange(const CommandChange &change)
{
    const auto joined = [](const std::vector<std::string> &words) {
        std::string s;
        for (const std::string &w : words)
            s += (s.empty() ? "" : ", ") + w;
        return s;
    };
    const bool fromRuns = change.from.status != PlanStatus::Unsupported;
    const bool toRuns = change.to.status != PlanStatus::Unsupported;
    if (!toRuns)
        return fromRuns ? "no command on " + change.to.version + " (unsupported)" : "no command on either version (unsupported)";
    if (!fromRuns)
        return "a command on " + change.to.version + " (" + change.from.version + " had none)";
    if (change.removed.empty() && change.added.empty())
        return "command unchanged";
    if (change.removed.empty())
        return "adds " + joined(change.added);
    if (change.added.empty())
        return "drops " + joined(change.removed);
    return joined(change.removed) + " → " + joined(change.added);
}

} // namespace quantcfg
