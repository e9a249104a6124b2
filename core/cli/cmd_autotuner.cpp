// quantcfg experiments | task — the inference-autotuner integration.
#include "core/cli/cli.h"
#include "core/cli/context.h"
#include "core/config.h"
#include "core/engines/experiments.h"
#include "core/engines/profile.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

void runExperiments(Context &ctx, const std::string &file)
{
    JsonResult task = readJsonArgument(ctx, file);
    const std::string label = file == "-" ? "<stdin>" : file;
    if (!task.value) {
        printDiagnostics(ctx, label, task.diagnostics);
        ctx.exitCode = ExitInvalid;
        return;
    }
    const PresetLibrary lib = loadPresetLibrary();
    if (const Json *names = findPointer(*task.value, "/parameters/quantization_preset"); names && names->is_array()) {
        for (const Json &name : *names) {
            if (name.is_string())
                findPreset(ctx, lib, name.get<std::string>()); // says when a user file was shadowed
        }
    }
    const ExperimentSet set = expandTask(*task.value, lib);
    printDiagnostics(ctx, label, set.diagnostics);
    if (hasErrors(set.diagnostics)) {
        ctx.exitCode = ExitInvalid;
        return;
    }
    printJson(ctx, experimentsToJson(*task.value, set));
}

struct TaskCli
{
    TaskSpec spec;
    std::string output;
    double ttft = 0;
    double tpot = 0;
};

void runTask(Context &ctx, TaskCli &opt)
{
    const PresetLibrary lib = loadPresetLibrary();
    for (const std::string &p : opt.spec.presets) {
        if (!findPreset(ctx, lib, p)) {
            printDiagnostics(ctx, "task", {unknownPreset(lib, "no preset named '" + p + "'")});
            ctx.exitCode = ExitUsage;
            return;
        }
    }
    // ENGINE@VERSION keeps its version: experiments reads base_runtime_version.
    std::string version;
    if (const EngineProfile *p = ProfileRegistry::builtIn().findSpec(opt.spec.engine)) {
        if (opt.spec.engine.find('@') != std::string::npos)
            version = p->version(); // a former id ("vllm@2026-08") is written as today's id
        if (const std::string note = ProfileRegistry::builtIn().formerIdNote(opt.spec.engine); !note.empty())
            printDiagnostics(ctx, "--engine", {makeDiagnostic(Severity::Info, "engine.former-id", note)});
        opt.spec.engine = p->engine(); // accept the autotuner's names ("tensorrt_llm")
    }
    if (!ProfileRegistry::builtIn().find(opt.spec.engine)) {
        Diagnostic d;
        d.code = "engine.unknown";
        d.message = "unknown engine '" + opt.spec.engine + "'";
        d.allowed = ProfileRegistry::builtIn().engines();
        for (const auto &profile : ProfileRegistry::builtIn().all())
            d.allowed.push_back(profile->engine() + "@" + profile->version());
        printDiagnostics(ctx, "task", {d});
        ctx.exitCode = ExitUsage;
        return;
    }
    if (opt.ttft > 0)
        opt.spec.ttftSeconds = opt.ttft;
    if (opt.tpot > 0)
        opt.spec.tpotSeconds = opt.tpot;
    Json task = makeTask(opt.spec);
    if (!version.empty()) { // right after base_runtime, where a reader looks for it
        Json ordered = Json::object();
        for (auto it = task.begin(); it != task.end(); ++it) {
            ordered[it.key()] = *it;
            if (it.key() == "base_runtime")
                ordered["base_runtime_version"] = version;
        }
        task = std::move(ordered);
    }
    if (opt.output.empty() || opt.output == "-") {
        printJson(ctx, task);
        return;
    }
    if (auto failure = writeFileAtomic(opt.output, toPrettyJson(task))) {
        printDiagnostics(ctx, opt.output, {*failure});
        ctx.exitCode = ExitInvalid;
    }
}

} // namespace

void addAutotunerCommands(CLI::App &app, Context &ctx)
{
    auto file = std::make_shared<std::string>();
    CLI::App *experiments = app.add_subcommand("experiments", "Expand an autotuner task (presets × engine × concurrency) into experiment configs with engine arguments; incompatible presets are skipped with the reason.");
    experiments->add_option("task", *file, "Task JSON file, or '-' for standard input")->required();
    experiments->callback([&ctx, file] { runExperiments(ctx, *file); });

    auto opt = std::make_shared<TaskCli>();
    CLI::App *task = app.add_subcommand("task", "Write an autotuner task file for some presets on one engine.");
    task->add_option("--preset", opt->spec.presets, "Preset to benchmark (repeatable, or comma-separated)")->required()->delimiter(',');
    task->add_option("--engine", opt->spec.engine, "vllm, sglang or trtllm (or tensorrt_llm), optionally @VERSION (written as base_runtime_version)")
        ->capture_default_str();
    task->add_option("--model", opt->spec.model, "Model id or path (default: the design's benchmark model)");
    task->add_option("--name", opt->spec.name, "task_name")->capture_default_str();
    task->add_option("--concurrency", opt->spec.concurrency, "Benchmark concurrencies (positive integers, comma-separated)")
        ->delimiter(',')
        ->check(positiveInteger())
        ->capture_default_str();
    task->add_option("--objective", opt->spec.objective, "Optimisation objective")
        ->check(CLI::IsMember({"maximize_throughput", "minimize_latency", "minimize_ttft", "minimize_tpot"}))->capture_default_str();
    task->add_option("--slo-ttft", opt->ttft, "TTFT threshold in seconds")->check(positiveNumber());
    task->add_option("--slo-tpot", opt->tpot, "TPOT threshold in seconds")->check(positiveNumber());
    task->add_option("-o,--output", opt->output, "Write to this file (atomically) instead of standard output");
    task->callback([&ctx, opt] { runTask(ctx, *opt); });
}

} // namespace quantcfg::cli
