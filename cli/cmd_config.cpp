// quantcfg validate | presets | show
#include "cli/cli.h"
#include "cli/context.h"
#include "core/presets.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace quantcfg::cli {

namespace {

struct ValidateOptions
{
    std::vector<std::string> files;
    bool json = false;
};

void runValidate(Context &ctx, const ValidateOptions &opt)
{
    Json report = Json::array();
    bool allValid = true;
    for (const std::string &file : opt.files) {
        LoadedConfig cfg = loadConfigArgument(ctx, file);
        Diagnostics diags = cfg.diagnostics;
        if (cfg.document) {
            Diagnostics v = validateDocument(*cfg.document);
            diags.insert(diags.end(), v.begin(), v.end());
        }
        const bool valid = cfg.document && !hasErrors(diags);
        allValid = allValid && valid;
        if (opt.json) {
            Json entry = {{"file", cfg.label},
                          {"valid", valid},
                          {"errors", countSeverity(diags, Severity::Error)},
                          {"warnings", countSeverity(diags, Severity::Warning)},
                          {"diagnostics", Json::array()}};
            for (const Diagnostic &d : diags)
                entry["diagnostics"].push_back(diagnosticToJson(d));
            report.push_back(std::move(entry));
        } else {
            printDiagnostics(ctx, cfg.label, diags);
            if (valid)
                ctx.out << cfg.label << ": ok"
                        << (countSeverity(diags, Severity::Warning) ? " (with warnings)" : "") << '\n';
        }
    }
    if (opt.json)
        printJson(ctx, Json{{"valid", allValid}, {"files", report}});
    ctx.exitCode = allValid ? ExitOk : ExitInvalid;
}

std::string field(const Json &doc, std::string_view pointer)
{
    const Json *v = findPointer(doc, pointer);
    if (!v)
        return "-";
    return v->is_string() ? v->get<std::string>() : toCompactJson(*v);
}

void runPresets(Context &ctx, bool json)
{
    const PresetLibrary lib = loadPresetLibrary();
    printPresetProblems(ctx, lib);
    // Every problem is a user preset file that was not loaded: a script listing presets should
    // notice that the one it expects is missing.
    ctx.exitCode = lib.diagnostics.empty() ? ExitOk : ExitInvalid;
    if (json) {
        Json list = Json::array();
        for (const Preset &p : lib.presets) {
            list.push_back({{"name", p.name},
                            {"built_in", p.builtIn},
                            {"source", p.source},
                            {"method", field(p.document, "/quantization/method")},
                            {"description", field(p.document, "/description")},
                            {"use_case", field(p.document, "/use_case")}});
        }
        printJson(ctx, list);
        return;
    }
    std::vector<std::vector<std::string>> rows{{"NAME", "METHOD", "KV CACHE", "TP", "USE CASE"}};
    for (const Preset &p : lib.presets) {
        rows.push_back({p.builtIn ? p.name : p.name + " (user)", field(p.document, "/quantization/method"),
                        field(p.document, "/kv_cache/dtype"), field(p.document, "/parallelism/tensor_parallel_size"),
                        field(p.document, "/use_case")});
    }
    printColumns(ctx, rows);
}

void runShow(Context &ctx, const std::string &name, bool json)
{
    const PresetLibrary lib = loadPresetLibrary();
    const Preset *p = findPreset(ctx, lib, name);
    if (!p) {
        printDiagnostics(ctx, "show", {unknownPreset(lib, "no preset named '" + name + "'")});
        ctx.exitCode = ExitInvalid;
        return;
    }
    if (json)
        printJson(ctx, Json{{"name", p->name}, {"built_in", p->builtIn}, {"source", p->source}, {"config", p->document}});
    else
        printJson(ctx, p->document);
}

} // namespace

void addConfigCommands(CLI::App &app, Context &ctx)
{
    auto validateOpt = std::make_shared<ValidateOptions>();
    CLI::App *validate = app.add_subcommand("validate", "Check configuration files (or '-' for standard input) against the schema and the semantic rules.");
    validate->add_option("files", validateOpt->files, "Config files, '-' for standard input, or preset names")->required();
    validate->add_flag("--json", validateOpt->json, "Print a JSON report on standard output");
    validate->callback([&ctx, validateOpt] { runValidate(ctx, *validateOpt); });

    auto presetsJson = std::make_shared<bool>(false);
    CLI::App *presets = app.add_subcommand("presets", "List the built-in and user presets (exit code 1 when a user preset file was not loaded).");
    presets->add_flag("--json", *presetsJson, "Print the list as JSON");
    presets->callback([&ctx, presetsJson] { runPresets(ctx, *presetsJson); });

    auto showName = std::make_shared<std::string>();
    auto showJson = std::make_shared<bool>(false);
    CLI::App *show = app.add_subcommand("show", "Print a preset's configuration (pipe it into a file to start your own).");
    show->add_option("preset", *showName, "Preset name")->required();
    show->add_flag("--json", *showJson, "Wrap the configuration with the preset's name and origin");
    show->callback([&ctx, showName, showJson] { runShow(ctx, *showName, *showJson); });
}

} // namespace quantcfg::cli
