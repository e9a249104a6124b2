// quantcfg deploy
#include "cli/cli.h"
#include "cli/context.h"
#include "core/config.h"
#include "core/engines/deploy.h"
#include "core/hardware/detect.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

struct DeployOptionsCli
{
    std::string config;
    std::string engine;
    std::string as = "nodes";
    std::string out;
    std::string format = "text";
    std::string gpu;
    std::string model;
};

// Writes the rendering's files into @p dir (core's writer) and says which.
bool writeFiles(Context &ctx, const std::string &dir, const Deployment &d)
{
    std::vector<std::filesystem::path> written;
    const std::optional<Diagnostic> problem = writeDeploymentFiles(d, dir, &written);
    for (const std::filesystem::path &path : written)
        ctx.err << "wrote " << path.string() << '\n';
    if (problem)
        printDiagnostics(ctx, "--out", {*problem});
    return !problem;
}

void runDeploy(Context &ctx, const DeployOptionsCli &opt)
{
    LoadedConfig cfg;
    std::optional<Diagnostics> valid = loadValidConfig(ctx, opt.config, cfg);
    if (!valid)
        return;
    Diagnostics validation = std::move(*valid);
    const Config config = Config::fromJson(*cfg.document);
    const EngineProfile *profile = resolveEngineSpec(ctx, opt.engine);
    if (!profile) {
        ctx.exitCode = ExitUsage;
        return;
    }
    if (opt.engine.find('@') == std::string::npos) // no version on the command line: the config's pin, else the default
        profile = ProfileRegistry::builtIn().forConfig(config, profile->engine());
    DeployOptions options;
    options.target = deployTargetFromName(opt.as).value_or(DeployTarget::Nodes);
    if (!applyModelAndGpu(ctx, opt.model, opt.gpu, options.map, validation))
        return;
    const Deployment d = deploy(config, *profile, options);
    printDiagnostics(ctx, cfg.label, validation); // warnings only at this point
    if (opt.format == "json") {
        printJson(ctx, {{"config", cfg.label}, {"deployments", Json::array({deploymentToJson(d)})}});
    } else {
        printDiagnostics(ctx, cfg.label, d.diagnostics);
        ctx.out << "# " << profile->displayName() << ' ' << profile->version() << ": ";
        if (d.nodes.empty()) // refused before a node was laid out: no GPU count to state
            ctx.out << "no commands (the errors above say why)\n";
        else
            ctx.out << d.nodeCount << " node(s) x " << d.gpusPerNode << " GPU(s), launcher " << d.launcher << ", --as "
                    << deployTargetName(d.target) << '\n';
        ctx.out << renderDeploymentText(d);
    }
    if (!opt.out.empty() && !d.files.empty() && !writeFiles(ctx, opt.out, d)) {
        ctx.exitCode = ExitInvalid;
        return;
    }
    ctx.exitCode = d.hasErrors() ? ExitInvalid : ExitOk;
}

} // namespace

void addDeployCommands(CLI::App &app, Context &ctx)
{
    auto opt = std::make_shared<DeployOptionsCli>();
    CLI::App *cmd = app.add_subcommand(
        "deploy", "One command per node for the config's deployment section (nodes, launcher, head address), as scripts, an sbatch script, a Ray cluster or docker runs, checked for rank and GPU-count mistakes.");
    cmd->add_option("config", opt->config, "Config file, '-' for standard input, or a preset name")->required();
    cmd->add_option("--engine", opt->engine, "vllm, sglang, trtllm (or tensorrt_llm), or ENGINE@VERSION")->required();
    cmd->add_option("--as", opt->as, "What is written: nodes (a script per node), slurm (an sbatch script), ray (vLLM on a Ray cluster) or docker (a docker run per node)")
        ->check(CLI::IsMember({"nodes", "slurm", "ray", "docker"}))
        ->capture_default_str();
    cmd->add_option("--out", opt->out, "Write the files (node-N.sh, ENGINE.sbatch, hostfile) into this folder");
    cmd->add_option("--format", opt->format, "text (each node's command) or json (nodes with rank, role, argv, env, serves_http; files; diagnostics)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_option("--gpu", opt->gpu, "The GPU the nodes have: name or alias (h100), compute capability (sm_90), or detected");
    cmd->add_option("--model", opt->model, "Serve this model instead of the config's model.id_or_path");
    cmd->callback([&ctx, opt] { runDeploy(ctx, *opt); });
}

} // namespace quantcfg::cli
