// quantcfg map | lint
#include "core/cli/cli.h"
#include "core/cli/context.h"
#include "core/config.h"
#include "core/engines/lint.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

struct MapOptionsCli
{
    std::string config;
    std::vector<std::string> engines{"all"};
    std::string engineVersion;
    std::string gpu;
    std::string model;
    std::string format = "shell";
    bool multiline = false;
    long long maxModelLen = 0;
};

// Resolves --engine values ("all", "vllm", "sglang@0.5.6", ...) to profiles.
std::vector<const EngineProfile *> selectProfiles(Context &ctx, const std::vector<std::string> &specs, const std::string &version)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    std::vector<const EngineProfile *> out;
    for (const std::string &spec : specs) {
        if (spec == "all") {
            for (const std::string &engine : registry.engines())
                out.push_back(registry.find(engine));
            continue;
        }
        std::string full = spec;
        if (!version.empty() && spec.find('@') == std::string::npos)
            full += "@" + version;
        const EngineProfile *p = registry.findSpec(full);
        if (!p) {
            Diagnostic d;
            d.code = "engine.unknown";
            d.message = "unknown engine or version '" + full + "'";
            for (const auto &profile : registry.all())
                d.allowed.push_back(profile->engine() + "@" + profile->version());
            printDiagnostics(ctx, "quantcfg", {d});
            return {};
        }
        out.push_back(p);
    }
    return out;
}

// --gpu: "sm_90", "9.0", "90". (Names and "detected" come with the GPU database.)
std::optional<GpuTarget> parseGpu(const std::string &text)
{
    std::string t = text;
    if (t.rfind("sm_", 0) == 0 || t.rfind("SM", 0) == 0)
        t = t.substr(t[2] == '_' ? 3 : 2);
    int cc = 0;
    if (const auto dot = t.find('.'); dot != std::string::npos && dot + 1 < t.size())
        cc = std::atoi(t.substr(0, dot).c_str()) * 10 + std::atoi(t.substr(dot + 1).c_str());
    else if (!t.empty() && std::all_of(t.begin(), t.end(), ::isdigit))
        cc = std::atoi(t.c_str());
    if (cc < 10 || cc > 200)
        return std::nullopt;
    return GpuTarget{"sm_" + std::to_string(cc), cc, 0.0};
}

void runMap(Context &ctx, const MapOptionsCli &opt)
{
    LoadedConfig cfg = loadConfigArgument(ctx, opt.config);
    if (!cfg.document) {
        printDiagnostics(ctx, cfg.label, cfg.diagnostics);
        ctx.exitCode = ExitInvalid;
        return;
    }
    Diagnostics validation = validateDocument(*cfg.document);
    if (hasErrors(validation)) {
        printDiagnostics(ctx, cfg.label, validation);
        ctx.exitCode = ExitInvalid;
        return;
    }
    const auto profiles = selectProfiles(ctx, opt.engines, opt.engineVersion);
    if (profiles.empty()) {
        ctx.exitCode = ExitUsage;
        return;
    }
    MapOptions options;
    if (!opt.model.empty())
        options.model = opt.model;
    if (opt.maxModelLen > 0)
        options.maxModelLen = opt.maxModelLen;
    if (!opt.gpu.empty()) {
        options.gpu = parseGpu(opt.gpu);
        if (!options.gpu) {
            Diagnostic d;
            d.code = "gpu.unknown";
            d.message = "cannot read GPU '" + opt.gpu + "'; give a compute capability such as sm_90 or 8.9";
            printDiagnostics(ctx, "quantcfg", {d});
            ctx.exitCode = ExitUsage;
            return;
        }
    }
    const Config config = Config::fromJson(*cfg.document);
    std::vector<LaunchPlan> plans;
    for (const EngineProfile *p : profiles)
        plans.push_back(mapConfig(config, *p, options));

    printDiagnostics(ctx, cfg.label, validation); // warnings only at this point
    bool anyUnsupported = false;
    if (opt.format == "json") {
        Json out = {{"config", cfg.label}, {"plans", Json::array()}};
        for (const LaunchPlan &plan : plans)
            out["plans"].push_back(planToJson(plan));
        printJson(ctx, out);
    }
    for (const LaunchPlan &plan : plans) {
        anyUnsupported = anyUnsupported || plan.status == PlanStatus::Unsupported;
        if (opt.format == "json")
            continue;
        printDiagnostics(ctx, cfg.label, plan.diagnostics);
        if (opt.format == "argv") {
            for (const EnvVar &e : plan.env)
                ctx.out << "env\t" << e.name << '=' << e.value << '\n';
            for (const std::string &a : plan.argv)
                ctx.out << a << '\n';
            ctx.out << '\n';
            continue;
        }
        ctx.out << "# " << plan.engineName << ' ' << plan.version << ": " << planStatusName(plan.status) << '\n';
        if (plan.argv.empty()) {
            ctx.out << "# (no command: see the errors above)\n\n";
            continue;
        }
        for (const ExtraFile &f : plan.files)
            ctx.out << "# " << f.name << " (" << f.purpose << "):\n" << f.content;
        ctx.out << renderCommand(plan, opt.multiline ? CommandLayout::MultiLine : CommandLayout::OneLine) << "\n\n";
    }
    ctx.exitCode = anyUnsupported && plans.size() == 1 ? ExitInvalid : ExitOk;
}

struct LintOptionsCli
{
    std::string engine;
    std::vector<std::string> words;
    bool json = false;
};

void runLint(Context &ctx, const LintOptionsCli &opt)
{
    const EngineProfile *profile = ProfileRegistry::builtIn().findSpec(opt.engine);
    if (!profile) {
        selectProfiles(ctx, {opt.engine}, {});
        ctx.exitCode = ExitUsage;
        return;
    }
    Diagnostics diags;
    if (opt.words.empty() || (opt.words.size() == 1 && opt.words[0] == "-")) {
        TextResult text = readTextStream(ctx.in);
        diags = text.text ? lintCommandLine(*profile, *text.text) : text.diagnostics;
    } else if (opt.words.size() == 1 && opt.words[0].find(' ') != std::string::npos) {
        diags = lintCommandLine(*profile, opt.words[0]); // one quoted command line
    } else {
        diags = lintArgv(*profile, opt.words);
    }
    const std::string label = profile->engine() + "@" + profile->version();
    if (opt.json) {
        Json out = {{"engine", profile->engine()}, {"version", profile->version()}, {"ok", !hasErrors(diags)}, {"diagnostics", Json::array()}};
        for (const Diagnostic &d : diags)
            out["diagnostics"].push_back(diagnosticToJson(d));
        printJson(ctx, out);
    } else {
        for (Diagnostic d : diags) {
            if (!d.suggestion.empty())
                d.suggestion = "did you mean " + d.suggestion + "?";
            if (d.column > 0)
                d.message = "word " + std::to_string(d.column) + ": " + d.message;
            d.column = 0;
            printDiagnostics(ctx, label, {d});
        }
        if (!hasErrors(diags))
            ctx.out << label << ": ok" << (diags.empty() ? "" : " (with warnings)") << '\n';
    }
    ctx.exitCode = hasErrors(diags) ? ExitInvalid : ExitOk;
}

} // namespace

void addEngineCommands(CLI::App &app, Context &ctx)
{
    auto mapOpt = std::make_shared<MapOptionsCli>();
    CLI::App *map = app.add_subcommand("map", "Print each engine's launch command for a config file or preset, with what was skipped or fell back and why.");
    map->add_option("config", mapOpt->config, "Config file, '-' for standard input, or a preset name")->required();
    map->add_option("--engine", mapOpt->engines, "vllm, sglang, trtllm, ENGINE@VERSION, or all (repeatable)")->delimiter(',');
    map->add_option("--engine-version", mapOpt->engineVersion, "Version for the selected engine(s), e.g. 2025-12 or 0.5.6");
    map->add_option("--gpu", mapOpt->gpu, "Check against a GPU: compute capability such as sm_90 or 8.9");
    map->add_option("--model", mapOpt->model, "Serve this model instead of the config's model.id_or_path");
    map->add_option("--max-model-len", mapOpt->maxModelLen, "Put this maximum sequence length into each command");
    map->add_option("--format", mapOpt->format, "shell (default), json (full LaunchPlans) or argv (one word per line)")
        ->check(CLI::IsMember({"shell", "json", "argv"}));
    map->add_flag("--multiline", mapOpt->multiline, "One option per line with \\ continuations");
    map->callback([&ctx, mapOpt] { runMap(ctx, *mapOpt); });

    auto lintOpt = std::make_shared<LintOptionsCli>();
    CLI::App *lint = app.add_subcommand("lint", "Check an engine command line against that engine version's real flag table.");
    lint->add_option("--engine", lintOpt->engine, "vllm, sglang or trtllm, optionally @VERSION")->required();
    lint->add_option("command", lintOpt->words, "The command after --, or one quoted string; standard input when omitted");
    lint->add_flag("--json", lintOpt->json, "Print the findings as JSON");
    lint->callback([&ctx, lintOpt] { runLint(ctx, *lintOpt); });
}

} // namespace quantcfg::cli
