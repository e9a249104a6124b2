// quantcfg versions | versions diff
#include "cli/cli.h"
#include "cli/context.h"
#include "core/config.h"
#include "core/engines/versiondiff.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

struct VersionsOptions
{
    std::string format = "text";
};

struct DiffOptions
{
    std::string from;
    std::string to;
    std::string config;
    std::string format = "text";
};

Json profileJson(const EngineProfile &p)
{
    const Json &facts = p.document()["facts"];
    Json out = {{"engine", p.engine()},
                {"id", p.engine() + "@" + p.version()},
                {"version", p.version()},
                {"label", p.versionLabel()},
                {"default", p.isDefault()},
                {"sources", p.isPartial() ? "partial" : "whole tree"},
                {"source_date", p.sourceDate()},
                {"commit", facts.value("commit", std::string())},
                {"release_tag", facts.value("release_tag", std::string())},
                {"former_ids", p.versionAliases()},
                {"flags", p.document()["flags"].size()}};
    return out;
}

void runVersions(Context &ctx, const VersionsOptions &opt)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    if (opt.format == "json") {
        Json list = Json::array();
        for (const auto &p : registry.all())
            list.push_back(profileJson(*p));
        printJson(ctx, {{"profiles", list}});
        return;
    }
    std::vector<std::vector<std::string>> rows{{"PROFILE", "RELEASE / DATE", "COMMIT", "SOURCES", "FLAGS", "FORMER IDS"}};
    for (const auto &p : registry.all()) {
        const Json j = profileJson(*p);
        std::string former;
        for (const std::string &a : p->versionAliases())
            former += (former.empty() ? "" : ", ") + a;
        rows.push_back({j["id"].get<std::string>() + (p->isDefault() ? " (default)" : ""), p->versionLabel(),
                        j["commit"].get<std::string>().substr(0, 8), j["sources"].get<std::string>(), std::to_string(j["flags"].get<std::size_t>()),
                        former});
    }
    printColumns(ctx, rows);
    ctx.out << "\nPick one with --engine ENGINE@VERSION; compare two with: quantcfg versions diff ENGINE@A ENGINE@B [CONFIG]\n";
}

std::string valueList(const std::vector<std::string> &values)
{
    std::string s;
    for (const std::string &v : values)
        s += (s.empty() ? "" : ", ") + v;
    return s;
}

void runDiff(Context &ctx, const DiffOptions &opt)
{
    const EngineProfile *from = resolveEngineSpec(ctx, opt.from);
    const EngineProfile *to = from ? resolveEngineSpec(ctx, opt.to) : nullptr;
    if (!from || !to) {
        ctx.exitCode = ExitUsage;
        return;
    }
    if (from->engine() != to->engine()) {
        Diagnostic d = makeDiagnostic(Severity::Error, "versions.engines-differ",
                                      "versions diff compares two versions of one engine, not " + from->displayName() + " with " + to->displayName());
        d.suggestion = "quantcfg versions diff " + from->engine() + "@A " + from->engine() + "@B";
        printDiagnostics(ctx, "versions diff", {d});
        ctx.exitCode = ExitUsage;
        return;
    }
    std::optional<CommandChange> command;
    std::string configLabel;
    if (!opt.config.empty()) {
        LoadedConfig cfg = loadConfigArgument(ctx, opt.config);
        if (!cfg.document) {
            printDiagnostics(ctx, cfg.label, cfg.diagnostics);
            ctx.exitCode = ExitInvalid;
            return;
        }
        const Diagnostics validation = validateDocument(*cfg.document);
        if (hasErrors(validation)) {
            printDiagnostics(ctx, cfg.label, validation);
            ctx.exitCode = ExitInvalid;
            return;
        }
        configLabel = cfg.label;
        command = diffCommand(Config::fromJson(*cfg.document), *from, *to);
    }
    const std::vector<FlagChange> changes = diffFlags(*from, *to);

    if (opt.format == "json") {
        Json flags = Json::array();
        for (const FlagChange &c : changes) {
            Json j = {{"change", flagChangeName(c.kind)}, {"flag", c.flag}};
            if (!c.values.empty())
                j["values"] = c.values;
            if (!c.replacement.empty())
                j["replacement"] = c.replacement;
            flags.push_back(j);
        }
        Json out = {{"from", profileJson(*from)}, {"to", profileJson(*to)}, {"flags", flags}};
        if (command) {
            const auto plan = [](const LaunchPlan &p) {
                return Json{{"status", planStatusName(p.status)}, {"command", p.argv.empty() ? std::string() : renderCommand(p, CommandLayout::OneLine)}};
            };
            out["config"] = configLabel;
            out["command"] = {{"from", plan(command->from)}, {"to", plan(command->to)},
                              {"removed", command->removed}, {"added", command->added},
                              {"summary", summarizeCommandChange(*command)}};
        }
        printJson(ctx, out);
        return;
    }

    ctx.out << "# " << from->displayName() << ' ' << from->version() << " → " << to->version() << '\n';
    if (from->isPartial() || to->isPartial())
        ctx.out << "# a partial profile lists only what its newer files show\n";
    std::vector<std::vector<std::string>> rows{{"CHANGE", "FLAG", "DETAIL"}};
    for (const FlagChange &c : changes) {
        std::string detail = valueList(c.values);
        if (!c.replacement.empty())
            detail = "use " + c.replacement;
        rows.push_back({flagChangeName(c.kind), c.flag, detail});
    }
    if (changes.empty())
        ctx.out << "no flag or value changed\n";
    else
        printColumns(ctx, rows);
    if (command) {
        ctx.out << "\n# " << configLabel << ": " << summarizeCommandChange(*command) << '\n';
        for (const LaunchPlan *p : {&command->from, &command->to}) {
            ctx.out << "# " << p->version << ": " << planStatusName(p->status) << '\n';
            if (!p->argv.empty())
                ctx.out << renderCommand(*p, CommandLayout::OneLine) << '\n';
        }
    }
}

} // namespace

void addVersionCommands(CLI::App &app, Context &ctx)
{
    auto listOpt = std::make_shared<VersionsOptions>();
    CLI::App *versions = app.add_subcommand("versions", "List the engine profiles: each engine version quantcfg knows, what it was read from, and its former ids.");
    versions->add_option("--format", listOpt->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    versions->require_subcommand(0, 1);
    versions->callback([&ctx, listOpt, versions] {
        if (versions->get_subcommands().empty())
            runVersions(ctx, *listOpt);
    });

    auto diffOpt = std::make_shared<DiffOptions>();
    CLI::App *diff = versions->add_subcommand("diff", "What changed between two versions of one engine: flags and values added, removed, replaced and deprecated, and with a config, how its command changes.");
    diff->add_option("from", diffOpt->from, "The older version, ENGINE@VERSION")->required();
    diff->add_option("to", diffOpt->to, "The newer version, ENGINE@VERSION")->required();
    diff->add_option("config", diffOpt->config, "A config file, '-' or a preset name: show how its command changes");
    diff->add_option("--format", diffOpt->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    diff->callback([&ctx, diffOpt] { runDiff(ctx, *diffOpt); });
}

} // namespace quantcfg::cli
