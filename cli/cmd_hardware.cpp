// quantcfg gpus | fit
#include "cli/cli.h"
#include "cli/context.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/hardware/checkpoint.h"
#include "core/hardware/detect.h"
#include "core/hardware/memoryfit.h"
#include "core/text.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

std::string fixed(double value, int decimals = 2)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string gib(double bytes)
{
    return fixed(bytes / kGiB) + " GiB";
}

Json diagnosticsJson(const Diagnostics &diags)
{
    Json list = Json::array();
    for (const Diagnostic &d : diags)
        list.push_back(diagnosticToJson(d));
    return list;
}

std::string yesNo(bool b)
{
    return b ? "yes" : "no";
}

// ---- gpus -------------------------------------------------------------------------------------

struct GpusOptions
{
    std::string format = "table";
    bool known = false;
};

Json gpuJson(const DetectedGpu &g)
{
    const auto arch = architectureFor(g.computeCapability);
    Json mig = Json::array();
    for (const MigInstance &m : g.migInstances)
        mig.push_back({{"profile", m.profile}, {"memory_gib", m.memoryGiB}});
    return {{"index", g.index},
            {"name", g.name},
            {"compute_capability", g.computeCapability ? Json(formatComputeCapability(g.computeCapability)) : Json()},
            {"compute_capability_from_table", g.computeCapabilityFromDatabase},
            {"architecture", g.architecture.empty() ? Json() : Json(g.architecture)},
            {"memory_gib", g.memoryGiB},
            {"fp8_tensor_cores", arch && arch->fp8TensorCores},
            {"fp4_tensor_cores", arch && arch->fp4TensorCores},
            {"driver_version", g.driverVersion},
            {"mig", g.mig},
            {"mig_instances", mig},
            {"database_entry", g.spec ? Json(g.spec->name) : Json()}};
}

void printKnown(Context &ctx, bool json)
{
    if (json) {
        Json list = Json::array();
        for (const GpuSpec &g : gpuDatabase()) {
            list.push_back({{"name", g.name},
                            {"aliases", g.aliases},
                            {"compute_capability", formatComputeCapability(g.computeCapability)},
                            {"architecture", targetFromSpec(g).architecture},
                            {"memory_gib", g.memoryGiB},
                            {"fp8_tensor_cores", g.fp8TensorCores},
                            {"fp4_tensor_cores", g.fp4TensorCores}});
        }
        printJson(ctx, list);
        return;
    }
    std::vector<std::vector<std::string>> rows{{"NAME", "CC", "ARCH", "MEMORY", "FP8", "FP4"}};
    for (const GpuSpec &g : gpuDatabase()) {
        rows.push_back({g.name, formatComputeCapability(g.computeCapability), targetFromSpec(g).architecture,
                        fixed(g.memoryGiB, 0) + " GiB", yesNo(g.fp8TensorCores), yesNo(g.fp4TensorCores)});
    }
    printColumns(ctx, rows);
}

void runGpus(Context &ctx, const GpusOptions &opt)
{
    if (opt.known) {
        printKnown(ctx, opt.format == "json");
        return;
    }
    const Detection d = detectGpus();
    if (opt.format == "json") {
        Json gpus = Json::array();
        for (const DetectedGpu &g : d.gpus)
            gpus.push_back(gpuJson(g));
        printJson(ctx, Json{{"source", detectionSourceName(d.source)},
                            {"driver_version", d.driverVersion},
                            {"amd_gpu", d.amdGpu},
                            {"gpus", gpus},
                            {"diagnostics", diagnosticsJson(d.diagnostics)}});
        return;
    }
    printDiagnostics(ctx, "gpus", d.diagnostics);
    ctx.out << "source: " << detectionSourceName(d.source)
            << (d.driverVersion.empty() ? std::string() : " (driver " + d.driverVersion + ")") << '\n';
    if (d.gpus.empty())
        return;
    std::vector<std::vector<std::string>> rows{{"IDX", "NAME", "CC", "ARCH", "MEMORY", "FP8", "FP4", "MIG", "TABLE ENTRY"}};
    for (const DetectedGpu &g : d.gpus) {
        const auto arch = architectureFor(g.computeCapability);
        const std::string cc = g.computeCapability ? formatComputeCapability(g.computeCapability) + (g.computeCapabilityFromDatabase ? "*" : "") : "?";
        rows.push_back({std::to_string(g.index), g.name, cc, g.architecture.empty() ? "unknown" : g.architecture,
                        g.memoryGiB > 0 ? fixed(g.memoryGiB, 1) + " GiB" : "?", yesNo(arch && arch->fp8TensorCores),
                        yesNo(arch && arch->fp4TensorCores), yesNo(g.mig), g.spec ? g.spec->name : "-"});
    }
    printColumns(ctx, rows);
    if (std::any_of(d.gpus.begin(), d.gpus.end(), [](const DetectedGpu &g) { return g.computeCapabilityFromDatabase; }))
        ctx.out << "* compute capability looked up by name (this nvidia-smi does not report it)\n";
}

// ---- fit --------------------------------------------------------------------------------------

struct FitCliOptions
{
    std::string modelConfig;
    std::string config;
    std::string gpu = "detected";
    double utilization = 0.9;
    bool utilizationGiven = false; // else the configuration's serving.gpu_memory_utilization, or 0.9
    long long maxLen = 0;
    long long concurrency = 1;
    std::string format = "table";
    bool writeMaxLen = false;
};

Json fitJson(const FitEstimate &e, const ModelShape &m, const GpuTarget &g, const std::string &method)
{
    const ParameterCount &p = e.parameters;
    return {{"model", {{"model_type", m.modelType}, {"layers", m.numLayers}, {"moe", m.isMoe()}, {"mla", m.isMla()},
                       {"sliding_window", m.slidingWindow}, {"max_position_embeddings", m.maxPositionEmbeddings}}},
            {"gpu", {{"name", g.name}, {"compute_capability", g.computeCapability ? Json(formatComputeCapability(g.computeCapability)) : Json()},
                     {"architecture", g.architecture}, {"memory_gib", g.memoryGiB}}},
            {"method", method},
            {"tensor_parallel_size", e.tensorParallel},
            {"pipeline_parallel_size", e.pipelineParallel},
            {"parameters", {{"total", p.total()}, {"active", p.active}, {"embedding", p.embedding}, {"lm_head", p.lmHead},
                            {"linear", p.linear}, {"other", p.other}}},
            {"weight_bits_per_parameter", e.format.bitsPerWeight},
            {"weight_bytes_per_gpu", e.weightBytes},
            {"budget_bytes", e.budgetBytes},
            {"overhead_bytes", e.overheadBytes},
            {"kv_budget_bytes", e.kvBudgetBytes},
            {"kv_bytes_per_token", e.kvBytesPerToken},
            {"kv_capacity_tokens", e.kvCapacityTokens},
            {"max_len", e.maxLen},
            {"concurrency", e.concurrency},
            {"required_kv_bytes", e.requiredKvBytes},
            {"headroom_bytes", e.headroomBytes},
            {"max_concurrency", e.maxConcurrency},
            {"max_fitting_length", e.maxFittingLength},
            {"gpus", e.gpus},
            {"fewest_gpus", e.fewestGpus > 0 ? Json(e.fewestGpus) : Json()},
            {"fewest_tensor_parallel_size", e.fewestTensorParallel ? Json(*e.fewestTensorParallel) : Json()},
            {"weights_fit", e.weightsFit},
            {"fits", e.fits}};
}

void printFitTable(Context &ctx, const FitEstimate &e, const ModelShape &m, const GpuTarget &g, const std::string &method)
{
    const ParameterCount &p = e.parameters;
    auto row = [&ctx](const char *label) -> std::ostream & { return ctx.out << std::left << std::setw(12) << label; };
    row("model") << m.modelType << ": " << fixed(static_cast<double>(p.total()) / 1e9) << " B parameters";
    if (m.isMoe())
        ctx.out << " (" << fixed(static_cast<double>(p.active) / 1e9) << " B active, " << m.numExperts << " experts)";
    ctx.out << (m.isMla() ? ", MLA" : "") << (m.slidingWindow ? ", sliding window " + std::to_string(m.slidingWindow) : "") << '\n';
    row("gpu") << g.name << " (" << (g.architecture.empty() ? "unknown" : g.architecture) << ", "
               << (g.memoryGiB > 0 ? fixed(g.memoryGiB, 1) + " GiB" : "memory unknown") << "), TP " << e.tensorParallel
               << " x PP " << e.pipelineParallel << '\n';
    row("weights") << method << " at " << fixed(e.format.bitsPerWeight, 3) << " bits/weight: " << gib(e.weightBytes) << " per GPU\n";
    if (e.budgetBytes <= 0)
        return;
    row("budget") << gib(e.budgetBytes) << " (utilization " << fixed(e.budgetBytes / (g.memoryGiB * kGiB)) << "), "
                  << gib(e.overheadBytes) << " reserved for activations and CUDA graphs\n";
    row("kv cache") << gib(std::max(0.0, e.kvBudgetBytes)) << " at " << fixed(e.kvBytesPerToken / 1024.0, 1)
                    << " KiB/token = " << e.kvCapacityTokens << " tokens\n";
    row("request") << e.concurrency << " x " << e.maxLen << " tokens need " << gib(e.requiredKvBytes) << ", headroom "
                   << gib(e.headroomBytes) << '\n';
    row("capacity") << counted(e.maxConcurrency, "sequence") << " of " << e.maxLen << "; longest for " << e.concurrency << ": "
                    << e.maxFittingLength << " tokens\n";
    row("fewest gpus");
    if (e.fewestTensorParallel)
        ctx.out << e.fewestGpus << " (tensor_parallel_size " << *e.fewestTensorParallel << ")\n";
    else
        ctx.out << "none up to " << e.gpuSearchLimit << '\n';
    row("result") << (e.fits ? "fits" : "does not fit") << '\n';
}

void runFit(Context &ctx, const FitCliOptions &opt)
{
    const ModelShapeResult shape = loadModelShape(opt.modelConfig);
    printDiagnostics(ctx, opt.modelConfig, shape.diagnostics);
    if (!shape.shape) {
        ctx.exitCode = ExitInvalid;
        return;
    }
    std::error_code ec;
    std::optional<CheckpointQuantization> checkpoint;
    // The model directory whose memory is estimated (also for a path to its config.json): the
    // --write-max-len commands serve it when the config names no model.
    std::string modelDir;
    if (std::filesystem::is_directory(opt.modelConfig, ec)) {
        checkpoint = readCheckpoint(opt.modelConfig).quantization;
        modelDir = opt.modelConfig;
    } else if (const std::filesystem::path p(opt.modelConfig); p.filename() == "config.json")
        modelDir = p.has_parent_path() ? p.parent_path().string() : ".";

    Json doc = Json::object();
    std::string label = opt.modelConfig;
    if (!opt.config.empty()) {
        LoadedConfig loaded = loadConfigArgument(ctx, opt.config);
        Diagnostics diags = loaded.diagnostics;
        if (loaded.document) {
            const Diagnostics v = validateDocument(*loaded.document);
            diags.insert(diags.end(), v.begin(), v.end());
        }
        if (!opt.writeMaxLen || !modelDir.empty()) // no command, or it serves the estimated model
            std::erase_if(diags, [](const Diagnostic &d) { return d.code == "semantic.default-model"; });
        printDiagnostics(ctx, loaded.label, diags);
        if (!loaded.document || hasErrors(diags)) {
            ctx.exitCode = ExitInvalid;
            return;
        }
        doc = *loaded.document;
        label = loaded.label;
    } else if (checkpoint) {
        doc["quantization"] = quantizationSectionFor(*checkpoint);
    }
    Config config = Config::fromJson(doc);
    Diagnostics findings;
    if (checkpoint && !opt.config.empty())
        findings = checkCheckpoint(*checkpoint, config);
    // A GGUF checkpoint names its variant in the file name ("…-Q8_0.gguf").
    const bool ggufFile = checkpoint && checkpoint->format == "gguf";
    if (checkpoint)
        config = completedFromCheckpoint(std::move(config), *checkpoint);

    // Like map: a GPU that cannot be resolved is a command-line error, labelled with the option.
    const GpuChoice gpu = chooseGpu(opt.gpu);
    if (!gpu.target) {
        printDiagnostics(ctx, label, findings);
        printDiagnostics(ctx, "--gpu", gpu.diagnostics);
        ctx.exitCode = ExitUsage;
        return;
    }
    findings.insert(findings.end(), gpu.diagnostics.begin(), gpu.diagnostics.end());
    FitOptions fo = fitOptionsFor(config); // the serving section's length and fraction, unless the options say otherwise
    if (opt.utilizationGiven)
        fo.gpuMemoryUtilization = opt.utilization;
    fo.concurrency = opt.concurrency;
    if (opt.maxLen > 0)
        fo.maxLen = opt.maxLen;
    const FitEstimate e = estimateFit(*shape.shape, config, *gpu.target, fo);
    for (Diagnostic d : e.diagnostics) {
        if (ggufFile && d.pointer == "/quantization/gguf_variant")
            d.message += " (the file name " + checkpoint->source + " names no variant)";
        findings.push_back(std::move(d));
    }
    const std::string method = config.quantization.methodOrNone();
    // --write-max-len: each engine's command with the longest length that fits.
    std::vector<LaunchPlan> plans;
    if (opt.writeMaxLen && e.maxFittingLength > 0) {
        MapOptions mo;
        mo.maxModelLen = e.maxFittingLength;
        mo.gpu = *gpu.target;
        if (!config.model.idOrPath && !modelDir.empty())
            mo.model = modelDir; // serve the model whose memory was estimated
        plans = mapAllEngines(config, mo);
    }
    if (opt.format == "json") {
        Json out = fitJson(e, *shape.shape, *gpu.target, method);
        out["diagnostics"] = diagnosticsJson(findings);
        if (opt.writeMaxLen) {
            out["plans"] = Json::array();
            for (const LaunchPlan &plan : plans)
                out["plans"].push_back(planToJson(plan));
        }
        printJson(ctx, out);
    } else {
        printDiagnostics(ctx, label, findings);
        printFitTable(ctx, e, *shape.shape, *gpu.target, method);
        if (e.fits && hasErrors(findings))
            ctx.out << "(the memory fits, but the errors above must be fixed first)\n";
        if (!plans.empty())
            ctx.out << '\n';
        for (const LaunchPlan &plan : plans)
            printPlan(ctx, label, plan, CommandLayout::MultiLine);
    }
    ctx.exitCode = e.fits && !hasErrors(findings) ? ExitOk : ExitInvalid;
}

} // namespace

void addHardwareCommands(CLI::App &app, Context &ctx)
{
    const std::vector<std::string> formats{"table", "json"};
    auto gpusOpt = std::make_shared<GpusOptions>();
    CLI::App *gpus = app.add_subcommand("gpus", "Detect this machine's GPUs (NVML, else nvidia-smi), or list the GPUs quantcfg knows.");
    gpus->add_option("--format", gpusOpt->format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
    gpus->add_flag("--known", gpusOpt->known, "List the GPU table instead of detecting");
    gpus->callback([&ctx, gpusOpt] { runGpus(ctx, *gpusOpt); });

    auto fitOpt = std::make_shared<FitCliOptions>();
    CLI::App *fit = app.add_subcommand("fit", "Estimate whether a model fits a GPU: weights, KV cache, capacity and the longest fitting length.");
    fit->add_option("--model-config", fitOpt->modelConfig, "The model's config.json, or its directory (then its quantization metadata is checked too)")
        ->required();
    fit->add_option("config", fitOpt->config, "Config file or preset (default: the checkpoint's own quantization)");
    fit->add_option("--gpu", fitOpt->gpu, "GPU name or alias (h100, a10g, 'NVIDIA L40S'), compute capability (sm_90), or 'detected' (or 'auto')")
        ->capture_default_str();
    fit->add_option("--gpu-memory-utilization", fitOpt->utilization,
                    "Fraction of GPU memory the engine may use (default: the config's serving.gpu_memory_utilization, else 0.9)")
        ->check(numberBetween(0.05, 1.0))
        ->capture_default_str();
    fit->add_option("--max-len", fitOpt->maxLen,
                    "Sequence length to check (default: the config's serving.max_model_len, else the model's max_position_embeddings)")
        ->check(positiveInteger());
    fit->add_option("--concurrency", fitOpt->concurrency, "Sequences of --max-len that must fit at once")
        ->check(positiveInteger())
        ->capture_default_str();
    fit->add_option("--format", fitOpt->format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
    fit->add_flag("--write-max-len", fitOpt->writeMaxLen,
                  "Also print each engine's command with the longest fitting length (--max-model-len, --context-length, --max_seq_len)");
    fit->callback([&ctx, fitOpt, fit] {
        fitOpt->utilizationGiven = fit->count("--gpu-memory-utilization") > 0;
        runFit(ctx, *fitOpt);
    });
}

} // namespace quantcfg::cli
