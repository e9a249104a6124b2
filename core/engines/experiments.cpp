#include "core/engines/experiments.h"

#include "core/config.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/validation.h"

namespace quantcfg {

namespace {

Diagnostic taskError(std::string pointer, std::string message, std::vector<std::string> allowed = {})
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = "task.invalid";
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    d.allowed = std::move(allowed);
    return d;
}

// The autotuner spells TensorRT-LLM "tensorrt_llm"; profiles list such names as aliases.
std::string engineId(const std::string &runtime)
{
    const EngineProfile *p = ProfileRegistry::builtIn().findSpec(runtime);
    return p ? p->engine() : runtime;
}

// The plan's options → {"--flag": value | true}, the autotuner's runtime_args. Several values are
// joined with spaces, as the autotuner's command line splits them back; positional words (the
// model) are the autotuner's own.
Json runtimeArgs(const LaunchPlan &plan)
{
    Json args = Json::object();
    for (const PlanOption &option : planOptions(plan)) {
        if (option.flag.empty())
            continue;
        args[option.flag] = option.values.empty() ? Json(true) : Json(option.joinedValues());
    }
    return args;
}

} // namespace

ExperimentSet expandTask(const Json &task, const PresetLibrary &presets)
{
    ExperimentSet set;
    if (!task.is_object()) {
        set.diagnostics.push_back(taskError("", "a task must be a JSON object"));
        return set;
    }
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    const Json runtime = task.value("base_runtime", Json());
    if (!runtime.is_string()) {
        set.diagnostics.push_back(taskError("/base_runtime", "base_runtime is required: the engine to run", registry.engines()));
        return set;
    }
    set.engine = engineId(runtime.get<std::string>());
    const std::string version = task.value("base_runtime_version", std::string());
    const EngineProfile *profile = registry.find(set.engine, version);
    if (!profile && !registry.find(set.engine)) { // the engine itself is unknown, whatever the version
        set.diagnostics.push_back(taskError("/base_runtime", "unknown engine '" + runtime.get<std::string>() + "'", registry.engines()));
        return set;
    }
    if (!profile) {
        std::vector<std::string> allowed;
        for (const EngineProfile *p : registry.versions(set.engine))
            allowed.push_back(p->version());
        set.diagnostics.push_back(taskError("/base_runtime_version", "no version '" + version + "' of " + runtime.get<std::string>(), allowed));
        return set;
    }
    set.engineVersion = profile->version();
    if (!version.empty() && version != profile->version()) // a former id ("2026-08") still works
        set.diagnostics.push_back(makeDiagnostic(Severity::Info, "task.former-version-id",
                                                 registry.formerIdNote(set.engine + "@" + version), "/base_runtime_version"));

    const Json *list = findPointer(task, "/parameters/quantization_preset");
    if (!list || !list->is_array() || list->empty()) {
        set.diagnostics.push_back(taskError("/parameters/quantization_preset", "a non-empty list of preset names is required"));
        return set;
    }
    std::vector<int> concurrency;
    if (const Json *c = findPointer(task, "/benchmark/num_concurrency")) {
        for (std::size_t i = 0; c->is_array() && i < c->size(); ++i) {
            if ((*c)[i].is_number_integer() && (*c)[i].get<int>() > 0)
                concurrency.push_back((*c)[i].get<int>());
            else
                set.diagnostics.push_back(taskError("/benchmark/num_concurrency/" + std::to_string(i), "concurrency must be a positive integer"));
        }
    }
    if (concurrency.empty())
        concurrency.push_back(0);
    std::optional<std::string> model;
    if (const Json *m = findPointer(task, "/model/id_or_path"); m && m->is_string())
        model = m->get<std::string>();

    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string pointer = "/parameters/quantization_preset/" + std::to_string(i);
        const Json &name = (*list)[i];
        const Preset *preset = name.is_string() ? presets.find(name.get<std::string>()) : nullptr;
        if (!preset) {
            std::vector<std::string> allowed;
            for (const Preset &p : presets.presets)
                allowed.push_back(p.name);
            set.diagnostics.push_back(taskError(pointer, "unknown preset " + toCompactJson(name), allowed));
            continue;
        }
        Json doc = preset->document;
        if (model)
            doc["model"] = {{"id_or_path", *model}};
        const Diagnostics validation = validateDocument(doc);
        if (hasErrors(validation)) {
            set.diagnostics.push_back(taskError(pointer, "preset " + preset->name + " is not a valid configuration"));
            continue;
        }
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), *profile);
        if (plan.status == PlanStatus::Unsupported) {
            Diagnostic d;
            d.severity = Severity::Warning;
            d.code = "task.preset-skipped";
            d.pointer = pointer;
            d.engine = profile->engine();
            d.message = "preset " + preset->name + " skipped: " + profile->displayName() + " " + profile->version() + " cannot run it";
            for (const Diagnostic &e : plan.diagnostics) {
                if (e.severity == Severity::Error)
                    d.message += "; " + e.message;
            }
            set.diagnostics.push_back(std::move(d));
            continue;
        }
        for (int c : concurrency)
            set.experiments.push_back({preset->name + (c > 0 ? "-c" + std::to_string(c) : std::string()), preset->name, c, doc, plan});
    }
    if (const Json *maxIt = findPointer(task, "/optimization/max_iterations");
        maxIt && maxIt->is_number_integer() && static_cast<long long>(set.experiments.size()) > maxIt->get<long long>()) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = "task.over-budget";
        d.pointer = "/optimization/max_iterations";
        d.message = std::to_string(set.experiments.size()) + " experiments exceed max_iterations " + toCompactJson(*maxIt);
        set.diagnostics.push_back(std::move(d));
    }
    return set;
}

Json experimentsToJson(const Json &task, const ExperimentSet &set)
{
    Json out = Json::object();
    out["task_name"] = task.is_object() ? task.value("task_name", std::string()) : std::string();
    out["engine"] = set.engine;
    out["engine_version"] = set.engineVersion;
    out["experiments"] = Json::array();
    for (const Experiment &e : set.experiments) {
        Json notes = Json::array();
        for (const Diagnostic &d : e.plan.diagnostics)
            notes.push_back(diagnosticToJson(d));
        Json j = {{"id", e.id},
                  {"preset", e.preset},
                  {"concurrency", e.concurrency},
                  {"quantization_config", e.quantizationConfig},
                  {"runtime_args", runtimeArgs(e.plan)},
                  {"argv", e.plan.argv},
                  {"env", Json::object()},
                  {"files", Json::array()},
                  {"command", renderCommand(e.plan)},
                  {"status", planStatusName(e.plan.status)},
                  {"notes", notes}};
        for (const EnvVar &v : e.plan.env)
            j["env"][v.name] = v.value;
        for (const ExtraFile &f : e.plan.files)
            j["files"].push_back({{"name", f.name}, {"content", f.content}});
        out["experiments"].push_back(std::move(j));
    }
    out["skipped"] = Json::array();
    for (const Diagnostic &d : set.diagnostics) {
        if (d.code == "task.preset-skipped")
            out["skipped"].push_back(diagnosticToJson(d));
    }
    if (task.is_object()) {
        for (const char *key : {"slo", "optimization", "benchmark"}) {
            if (task.contains(key))
                out[key] = task[key];
        }
    }
    return out;
}

} // namespace quantcfg
