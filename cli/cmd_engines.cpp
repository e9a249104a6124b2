// quantcfg map | lint
#include "cli/cli.h"
#include "cli/context.h"
#include "core/config.h"
#include "core/engines/lint.h"
#include "core/engines/lintreport.h"
#include "core/engines/mapper.h"
#include "core/engines/matrix.h"
#include "core/engines/render.h"
#include "core/hardware/checkpoint.h"
#include "core/hardware/detect.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <filesystem>
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

// Resolves --engine values ("all", "vllm", "sglang@0.5.6", ...) to profiles. A version on the command
// line (ENGINE@VERSION or --engine-version) wins; without one, the version @p config pins in its
// engine_versions, then the default.
std::vector<const EngineProfile *> selectProfiles(Context &ctx, const std::vector<std::string> &specs, const std::string &version,
                                                  const Config *config = nullptr)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    std::vector<const EngineProfile *> out;
    for (const std::string &spec : specs) {
        if (spec == "all" && !version.empty()) {
            Diagnostic d = makeDiagnostic(Severity::Error, "cli.engine-version", "--engine-version " + version + " needs --engine ENGINE: it names a version of one engine, not of all");
            d.suggestion = "--engine vllm --engine-version " + version + ", or --engine ENGINE@VERSION";
            printDiagnostics(ctx, "--engine-version", {d});
            return {};
        }
        if (spec == "all") {
            for (const std::string &engine : registry.engines())
                out.push_back(config ? registry.forConfig(*config, engine) : registry.find(engine));
            continue;
        }
        std::string full = spec;
        if (!version.empty() && spec.find('@') == std::string::npos)
            full += "@" + version;
        const EngineProfile *p = resolveEngineSpec(ctx, full);
        if (!p)
            return {};
        if (config && full.find('@') == std::string::npos)
            p = registry.forConfig(*config, p->engine());
        out.push_back(p);
    }
    return out;
}

void runMap(Context &ctx, const MapOptionsCli &opt)
{
    LoadedConfig cfg;
    std::optional<Diagnostics> valid = loadValidConfig(ctx, opt.config, cfg);
    if (!valid)
        return;
    Diagnostics validation = std::move(*valid);
    const Config config = Config::fromJson(*cfg.document);
    const auto profiles = selectProfiles(ctx, opt.engines, opt.engineVersion, &config);
    if (profiles.empty()) {
        ctx.exitCode = ExitUsage;
        return;
    }
    MapOptions options;
    if (opt.maxModelLen > 0)
        options.maxModelLen = opt.maxModelLen;
    if (!applyModelAndGpu(ctx, opt.model, opt.gpu, options, validation))
        return;
    // A local checkpoint directory: compare its quantization metadata with the config.
    const std::string model = options.model.value_or(config.modelOrDefault());
    if (std::error_code ec; std::filesystem::is_directory(model, ec)) {
        const CheckpointInfo checkpoint = readCheckpoint(model);
        validation.insert(validation.end(), checkpoint.diagnostics.begin(), checkpoint.diagnostics.end());
        if (checkpoint.quantization) {
            const Diagnostics found = checkCheckpoint(*checkpoint.quantization, config);
            validation.insert(validation.end(), found.begin(), found.end());
            options.checkpointMetadataRead = true; // checked above: the model's name says nothing more
        }
    }
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
        if (opt.format == "argv") {
            printDiagnostics(ctx, cfg.label, plan.diagnostics);
            for (const EnvVar &e : plan.env)
                ctx.out << "env\t" << e.name << '=' << e.value << '\n';
            for (const std::string &a : plan.argv)
                ctx.out << a << '\n';
            ctx.out << '\n';
            continue;
        }
        printPlan(ctx, cfg.label, plan, opt.multiline ? CommandLayout::MultiLine : CommandLayout::OneLine);
    }
    ctx.exitCode = anyUnsupported && plans.size() == 1 ? ExitInvalid : ExitOk;
}

struct LintOptionsCli
{
    std::string engine;
    std::vector<std::string> words;
    std::string format = "text";
    bool json = false;
};

void runLint(Context &ctx, const LintOptionsCli &opt)
{
    if (!opt.engine.empty() && !resolveEngineSpec(ctx, opt.engine)) { // says what is allowed
        ctx.exitCode = ExitUsage;
        return;
    }
    std::string text;
    if (opt.words.empty() || (opt.words.size() == 1 && opt.words[0] == "-")) {
        TextResult read = readTextStream(ctx.in);
        if (!read.text) {
            printDiagnostics(ctx, "lint", read.diagnostics);
            ctx.exitCode = ExitInvalid;
            return;
        }
        text = *read.text;
    } else if (opt.words.size() == 1 && opt.words[0].find_first_of(" \n\t") != std::string::npos) {
        text = opt.words[0]; // one quoted command line, script or manifest
    } else {
        // The words after --, quoted back into one command line: leading NAME=value words are then
        // environment assignments exactly as in the quoted form ("-- VLLM_X=1 vllm serve m").
        for (const std::string &word : opt.words)
            text.append(text.empty() ? "" : " ").append(shellQuote(word));
    }
    const LintReport report = lintText(ProfileRegistry::builtIn(), text, {opt.engine, {}});
    const Diagnostics &diags = report.diagnostics;
    if (opt.json || opt.format == "json") {
        printJson(ctx, lintReportToJson(report));
    } else {
        const std::string label = report.profile ? report.profile->engine() + "@" + report.profile->version() : std::string("lint");
        const bool wrapped = !report.command.wrappers.empty();
        if (report.profile && (wrapped || opt.engine.find('@') == std::string::npos)) {
            std::string where;
            for (const std::string &w : report.command.wrappers)
                where += (where.empty() ? "" : ", ") + w;
            ctx.out << label << ": checking " << report.entryPoint << (where.empty() ? "" : " (inside " + where + ")") << "; "
                    << report.profileReason << '\n';
        }
        for (Diagnostic d : diags) {
            if (d.code == "lint.image-version" && d.suggestion.empty())
                continue; // said in the line above
            if (d.severity == Severity::Info && d.code != "lint.image-version")
                d.suggestion.clear(); // a note's message already names the option it reads
            if (!d.suggestion.empty())
                d.suggestion = "did you mean " + d.suggestion + "?";
            // Word numbers count the engine command's words; inside a wrapper the token says where.
            if (d.column > 0 && !wrapped)
                d.message = "word " + std::to_string(d.column) + ": " + d.message;
            d.column = 0;
            printDiagnostics(ctx, label, {d});
        }
        if (!report.profile)
            ctx.out << label << ": nothing was checked\n";
        else if (!hasErrors(diags))
            ctx.out << label << ": ok" << (countSeverity(diags, Severity::Warning) == 0 ? "" : " (with warnings)") << '\n';
    }
    // Nothing checked is no pass: a pipeline that lints its launch script must not go green on it.
    ctx.exitCode = hasErrors(diags) || !report.profile ? ExitInvalid : ExitOk;
}

struct MatrixOptionsCli
{
    std::string engine = "all";
    std::string format = "table";
    std::string gpu = "detected";
};

const char *cellSymbol(Support s)
{
    switch (s) {
    case Support::Supported:
        return "yes";
    case Support::WeightOnly:
        return "w-only";
    case Support::Unsupported:
        return "no";
    case Support::NotTargeted:
        return "n/t";
    case Support::NotAvailable:
        return "-";
    case Support::Unknown:
        return "?";
    }
    return "?";
}

void runMatrix(Context &ctx, const MatrixOptionsCli &opt)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    CompatibilityMatrix m;
    if (opt.engine == "all") {
        std::vector<const EngineProfile *> profiles;
        for (const std::string &e : registry.engines())
            profiles.push_back(registry.find(e));
        m = buildSummaryMatrix(profiles);
    } else {
        const auto profiles = selectProfiles(ctx, {opt.engine}, {});
        if (profiles.empty()) {
            ctx.exitCode = ExitUsage;
            return;
        }
        m = buildMatrix(*profiles.front());
    }
    // The column to mark: the detected (or named) GPU's architecture.
    int marked = 0;
    if (!opt.gpu.empty() && opt.gpu != "none") {
        const GpuChoice gpu = chooseGpu(opt.gpu);
        if (gpu.target) {
            for (const MatrixColumn &c : m.columns) {
                if (c.computeCapability <= gpu.target->computeCapability)
                    marked = c.computeCapability;
            }
        } else if (opt.gpu != "detected") {
            printDiagnostics(ctx, "--gpu", gpu.diagnostics);
            ctx.exitCode = ExitUsage;
            return;
        }
    }
    if (opt.format == "json") {
        Json j = matrixToJson(m);
        j["marked_compute_capability"] = marked ? Json(ccText(marked)) : Json();
        printJson(ctx, j);
        return;
    }
    if (opt.format == "csv") {
        ctx.out << "method";
        for (const MatrixColumn &c : m.columns)
            ctx.out << ",sm_" << c.computeCapability;
        ctx.out << '\n';
        for (std::size_t r = 0; r < m.methods.size(); ++r) {
            ctx.out << m.methods[r];
            for (const MatrixCell &cell : m.cells[r])
                ctx.out << ',' << supportName(cell.state);
            ctx.out << '\n';
        }
        return;
    }
    ctx.out << "Quantization method x GPU architecture, " << m.engines << '\n';
    std::vector<std::vector<std::string>> rows(2);
    rows[0].push_back("method");
    rows[1].push_back("");
    for (const MatrixColumn &c : m.columns) {
        rows[0].push_back((c.computeCapability == marked ? "*" : "") + ccText(c.computeCapability));
        rows[1].push_back(c.architecture);
    }
    for (std::size_t r = 0; r < m.methods.size(); ++r) {
        rows.push_back({m.methods[r]});
        for (const MatrixCell &cell : m.cells[r])
            rows.back().push_back(cellSymbol(cell.state));
    }
    printColumns(ctx, rows);
    ctx.out << "\nyes = supported, w-only = runs weight-only (memory saved, no compute speed-up), no = below the minimum\n"
               "compute capability, n/t = engine does not target this GPU, - = engine has no such method, ? = no data.\n";
    if (marked)
        ctx.out << "* = the architecture of GPU '" << opt.gpu << "'. Reasons per cell: --format json.\n";
}

} // namespace

void addEngineCommands(CLI::App &app, Context &ctx)
{
    auto mapOpt = std::make_shared<MapOptionsCli>();
    CLI::App *map = app.add_subcommand("map", "Print each engine's launch command for a config file or preset, with what was skipped or fell back and why.");
    map->add_option("config", mapOpt->config, "Config file, '-' for standard input, or a preset name")->required();
    map->add_option("--engine", mapOpt->engines, "vllm, sglang, trtllm (or tensorrt_llm), ENGINE@VERSION, or all (repeatable, comma-separated)")
        ->delimiter(',')
        ->capture_default_str();
    map->add_option("--engine-version", mapOpt->engineVersion, "Version for the engines named by --engine (not 'all'), e.g. main-2025-12-31 or v0.5.6 (quantcfg versions lists them); wins over the config's engine_versions");
    map->add_option("--gpu", mapOpt->gpu, "Check against a GPU: name or alias (h100, a10g), compute capability (sm_90, 8.9), or detected (or auto)");
    map->add_option("--model", mapOpt->model, "Serve this model instead of the config's model.id_or_path");
    map->add_option("--max-model-len", mapOpt->maxModelLen, "Put this maximum sequence length into each command")->check(positiveInteger());
    map->add_option("--format", mapOpt->format, "shell, json (full LaunchPlans) or argv (env lines, then one word per line)")
        ->check(CLI::IsMember({"shell", "json", "argv"}))
        ->capture_default_str();
    map->add_flag("--multiline", mapOpt->multiline, "One option per line with \\ continuations");
    map->callback([&ctx, mapOpt] { runMap(ctx, *mapOpt); });

    auto matrixOpt = std::make_shared<MatrixOptionsCli>();
    CLI::App *matrix = app.add_subcommand("matrix", "Quantization method x GPU architecture for an engine version (or the best of all engines), with the detected GPU's column marked.");
    matrix->add_option("--engine", matrixOpt->engine, "all, vllm, sglang, trtllm, or ENGINE@VERSION")->capture_default_str();
    matrix->add_option("--gpu", matrixOpt->gpu, "GPU whose column to mark: detected (or auto), a name (h100) or sm_XX; none to mark nothing")->capture_default_str();
    matrix->add_option("--format", matrixOpt->format, "table, json (with the reason for every cell) or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}))->capture_default_str();
    matrix->callback([&ctx, matrixOpt] { runMatrix(ctx, *matrixOpt); });

    auto lintOpt = std::make_shared<LintOptionsCli>();
    CLI::App *lint = app.add_subcommand("lint", "Check an engine command line against that engine version's real flag table.");
    lint->add_option("--engine", lintOpt->engine,
                     "vllm, sglang or trtllm (or tensorrt_llm), optionally @VERSION; default: the engine the command starts, at the version its image tag names or the default");
    lint->add_option("command", lintOpt->words,
                     "The command after -- (leading NAME=value words are environment variables), or one quoted string (a script, docker run, srun, or a Kubernetes container's command/args); standard input when omitted");
    lint->add_option("--format", lintOpt->format, "text, or json (per finding what was checked, and what could not be)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    lint->add_flag("--json", lintOpt->json, "Same as --format json");
    lint->callback([&ctx, lintOpt] { runLint(ctx, *lintOpt); });
}

} // namespace quantcfg::cli
