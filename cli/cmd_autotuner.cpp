// quantcfg experiments | task — the inference-autotuner integration.
#include "cli/cli.h"
#include "cli/context.h"
#include "core/config.h"
#include "core/engines/autotuner.h"
#include "core/engines/experiments.h"
#include "core/engines/profile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

void runExperiments(Context &ctx, const std::string &file, AutotunerPath path)
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
        // The design document's task format: presets × concurrency. The autotuner itself would pass
        // quantization_preset to the engine as a flag, so say so.
        for (const Json &name : *names) {
            if (name.is_string())
                findPreset(ctx, lib, name.get<std::string>()); // says when a user file was shadowed
        }
        ExperimentSet set = expandTask(*task.value, lib);
        set.diagnostics.insert(set.diagnostics.begin(),
                               makeDiagnostic(Severity::Warning, "task.design-format",
                                              "this is the design document's task format: the inference-autotuner would pass "
                                              "quantization_preset to the engine as a flag; write tasks it runs with quantcfg task",
                                              "/parameters/quantization_preset"));
        printDiagnostics(ctx, label, set.diagnostics);
        if (hasErrors(set.diagnostics)) {
            ctx.exitCode = ExitInvalid;
            return;
        }
        printJson(ctx, experimentsToJson(*task.value, set));
        return;
    }
    const AutotunerExpansion expansion = expandAutotunerTask(*task.value, path);
    printDiagnostics(ctx, label, expansion.diagnostics);
    for (std::size_t i = 0; i < expansion.launches.size(); ++i)
        printDiagnostics(ctx, label + ": experiment " + std::to_string(i + 1), expansion.launches[i].lint);
    if (!expansion.launches.empty()) // shown even when the task misses a field the autotuner needs
        printJson(ctx, autotunerExpansionToJson(*task.value, expansion));
    const bool allStart = std::none_of(expansion.launches.begin(), expansion.launches.end(),
                                       [](const AutotunerLaunch &l) { return hasErrors(l.lint); });
    ctx.exitCode = allStart && !hasErrors(expansion.diagnostics) ? ExitOk : ExitInvalid;
}

struct TaskCli
{
    AutotunerTaskSpec spec;
    std::string output;
    std::string format = "task";
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
    if (const std::string note = ProfileRegistry::builtIn().formerIdNote(opt.spec.engine); !note.empty())
        printDiagnostics(ctx, "--engine", {makeDiagnostic(Severity::Info, "engine.former-id", note)});
    if (opt.ttft > 0)
        opt.spec.ttftSeconds = opt.ttft;
    if (opt.tpot > 0)
        opt.spec.tpotSeconds = opt.tpot;
    const AutotunerTasks tasks = makeAutotunerTasks(opt.spec, lib);
    printDiagnostics(ctx, "task", tasks.diagnostics);
    if (hasErrors(tasks.diagnostics) || tasks.tasks.empty()) {
        ctx.exitCode = ExitInvalid;
        return;
    }
    std::vector<std::pair<std::string, Json>> docs; // (file name, document)
    if (opt.format == "preset") {
        for (const Json &preset : autotunerParameterPresets(tasks, opt.spec))
            docs.emplace_back(preset["preset"]["name"].get<std::string>() + ".json", preset);
    } else {
        for (const auto &[preset, task] : tasks.tasks)
            docs.emplace_back(task["task_name"].get<std::string>() + ".json", task);
    }
    if (opt.output.empty() || opt.output == "-") {
        if (docs.size() == 1) {
            printJson(ctx, docs.front().second);
        } else {
            Json all = Json::array();
            for (const auto &[name, doc] : docs)
                all.push_back(doc);
            printJson(ctx, all);
        }
        return;
    }
    // One file: the file named; several (one per preset): files in the folder named.
    std::error_code ec;
    const bool folder = docs.size() > 1 || std::filesystem::is_directory(opt.output, ec);
    if (folder)
        std::filesystem::create_directories(opt.output, ec);
    for (const auto &[name, doc] : docs) {
        const std::string path = folder ? (std::filesystem::path(opt.output) / name).string() : opt.output;
        if (auto failure = writeFileAtomic(path, toPrettyJson(doc))) {
            printDiagnostics(ctx, path, {*failure});
            ctx.exitCode = ExitInvalid;
            return;
        }
        if (folder)
            ctx.out << path << '\n';
    }
}

} // namespace

void addAutotunerCommands(CLI::App &app, Context &ctx)
{
    auto file = std::make_shared<std::string>();
    CLI::App *experiments = app.add_subcommand("experiments", "Show the engine command each experiment of an inference-autotuner task starts (Docker mode), checked against the engine version its image runs.");
    experiments->add_option("task", *file, "Task JSON file, or '-' for standard input")->required();
    auto path = std::make_shared<std::string>("cli");
    experiments->add_option("--path", *path,
                            "Which of the autotuner's ways of running the task: cli (src/run_autotuner.py) or web "
                            "(POST /api/tasks/ and its worker, which also translates quant_config and parallel_config)")
        ->check(CLI::IsMember({"cli", "web"}))
        ->capture_default_str();
    experiments->callback([&ctx, file, path] {
        runExperiments(ctx, *file, *path == "web" ? AutotunerPath::WebWorker : AutotunerPath::CommandLine);
    });

    auto opt = std::make_shared<TaskCli>();
    CLI::App *task = app.add_subcommand("task", "Write inference-autotuner tasks (one per preset) that it runs as they are: the preset's engine flags for the version the image runs.");
    task->add_option("--preset", opt->spec.presets, "Preset to benchmark (repeatable, or comma-separated)")->required()->delimiter(',');
    task->add_option("--engine", opt->spec.engine, "sglang, optionally @VERSION (vllm and tensorrt_llm are refused: the autotuner cannot start them; docs/autotuner.md)")
        ->capture_default_str();
    task->add_option("--image-tag", opt->spec.imageTag, "Image tag of the engine (default: the autotuner's, lmsysorg/sglang:v0.5.2-cu126); its version picks the flags");
    task->add_option("--model", opt->spec.model, "Model id or path (default: the design's benchmark model)");
    task->add_option("--name", opt->spec.name, "task_name prefix (the preset name is appended)")->capture_default_str();
    task->add_option("--concurrency", opt->spec.concurrency, "Benchmark concurrencies (positive integers, comma-separated)")
        ->delimiter(',')
        ->check(positiveInteger())
        ->capture_default_str();
    task->add_option("--objective", opt->spec.objective, "Optimisation objective")
        ->check(CLI::IsMember({"maximize_throughput", "minimize_latency", "minimize_ttft", "minimize_tpot"}))->capture_default_str();
    task->add_option("--slo-ttft", opt->ttft, "TTFT threshold in seconds")->check(positiveNumber());
    task->add_option("--slo-tpot", opt->tpot, "TPOT threshold in seconds")->check(positiveNumber());
    task->add_option("--timeout", opt->spec.timeoutSeconds, "optimization.timeout_per_iteration: seconds to wait for the engine to start")
        ->check(positiveInteger())
        ->capture_default_str();
    task->add_option("--format", opt->format, "task (for run_autotuner.py or POST /api/tasks/) or preset (for POST /api/presets/import)")
        ->check(CLI::IsMember({"task", "preset"}))
        ->capture_default_str();
    task->add_option("-o,--output", opt->output, "Write to this file (atomically), or one file per preset into this folder, instead of standard output");
    task->callback([&ctx, opt] { runTask(ctx, *opt); });
}

} // namespace quantcfg::cli
