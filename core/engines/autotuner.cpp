#include "core/engines/autotuner.h"
#include "core/text.h"

#include "core/config.h"
#include "core/engines/autotunerweb.h"
#include "core/engines/commandlocator.h"
#include "core/engines/lint.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/text.h"
#include "core/validation.h"

#include <algorithm>
#include <cctype>

namespace quantcfg {

namespace {

// What src/controllers/docker_controller.py (_get_runtime_config) starts, at c86a814.
const std::vector<AutotunerRuntime> &runtimes()
{
    static const std::vector<AutotunerRuntime> list = {
        {"sglang", "lmsysorg/sglang", "v0.5.2-cu126",
         {"python3", "-m", "sglang.launch_server", "--model-path", "{model}", "--host", "0.0.0.0", "--port", "{port}"}},
        {"vllm", "vllm/vllm-openai", "latest",
         {"python3", "-m", "vllm.entrypoints.openai.api_server", "--model", "{model}", "--host", "0.0.0.0", "--port", "{port}"}},
    };
    return list;
}

Diagnostic taskDiagnostic(Severity severity, std::string code, std::string pointer, std::string message,
                          std::vector<std::string> allowed = {})
{
    Diagnostic d = makeDiagnostic(severity, std::move(code), std::move(message), std::move(pointer));
    d.allowed = std::move(allowed);
    return d;
}

const Json *at(const Json &doc, const char *pointer)
{
    return findPointer(doc, pointer);
}

// The string at @p pointer, or @p fallback when it is absent or not a string (a task is untrusted
// input: nlohmann's value() throws on a number where a string is asked for).
std::string stringAt(const Json &doc, const char *pointer, std::string fallback = {})
{
    const Json *v = findPointer(doc, pointer);
    return v && v->is_string() ? v->get<std::string>() : fallback;
}

std::vector<std::string> runtimeNames()
{
    std::vector<std::string> names;
    for (const AutotunerRuntime &r : runtimes())
        names.push_back(r.engine + "…");
    return names;
}

// The engine profile of the image `repository:tag`: the profile whose release is closest to the
// version the tag names; an unpinned tag ("latest") has none, so the newest profile stands in.
const EngineProfile *profileForTag(const std::string &engine, const std::string &repository, const std::string &tag,
                                   const std::string &pointer, Diagnostics &diags)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    const std::string version = versionFromImageTag(tag);
    if (version.empty()) {
        const EngineProfile *newest = registry.find(engine);
        diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.image-unpinned", pointer,
                                       repository + ":" + tag + " names no version: its commands are checked against "
                                           + (newest ? newest->displayName() + " " + newest->version() : engine)
                                           + ", the newest version quantcfg knows; pin a tag such as v0.5.2-cu126"));
        return newest;
    }
    const EngineProfile *profile = closestProfile(registry, engine, version);
    if (profile && profile->document().value("release", std::string()) != version)
        diags.push_back(taskDiagnostic(Severity::Info, "autotuner.image-closest", pointer,
                                       repository + ":" + tag + " runs " + engine + " " + version + "; quantcfg has no profile of that release and uses "
                                           + profile->version() + ", the closest"));
    if (!profile) {
        std::vector<std::string> allowed;
        for (const EngineProfile *p : registry.versions(engine))
            if (const std::string release = p->document().value("release", std::string()); !release.empty())
                allowed.push_back("v" + release);
        diags.push_back(taskDiagnostic(Severity::Error, "autotuner.image-unknown", pointer,
                                       "no " + engine + " profile for " + repository + ":" + tag, allowed));
    }
    return profile;
}

// docker_controller.py: a model id with a slash that is no absolute path is a Hugging Face id,
// downloaded and served under its name; anything else is mounted at /model and served so.
bool servedUnderItsName(const std::string &model)
{
    return model.find('/') != std::string::npos && model[0] != '/';
}

bool hasSpace(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// A flag value as the task stores it: a number when Python's str() prints it back unchanged (the
// autotuner also reads tp-size to count GPUs, which needs a number), else the string.
Json parameterValue(const std::string &text)
{
    if (!text.empty() && text.find_first_not_of("-0123456789.") == std::string::npos) {
        const Json number = Json::parse(text, nullptr, false);
        if (number.is_number() && number.dump() == text)
            return number;
    }
    return text;
}

// The plan's flags as autotuner parameters: {flag without dashes: [value]} (a flag alone: true).
// The model flag and its value are the autotuner's own. Empty when a value cannot pass: the
// autotuner splits its command line on whitespace. @p why says which.
std::optional<Json> planParameters(const LaunchPlan &plan, const EngineProfile &profile, std::string &why)
{
    const Json &model = profile.mapping()["model"];
    const std::string modelFlag = model.value("flag", std::string());
    const bool positionalModel = model.value("positional", false);
    Json params = Json::object();
    bool modelSeen = false;
    for (const PlanOption &option : planOptions(plan)) {
        if (option.flag.empty()) {
            if (positionalModel && !modelSeen) {
                modelSeen = true;
                continue;
            }
            why = "the command has a positional word '" + option.values.front() + "' the autotuner cannot place";
            return std::nullopt;
        }
        if (option.flag == modelFlag)
            continue;
        if (option.flag.rfind("--", 0) != 0) {
            why = "the command has a short option '" + option.flag + "' the autotuner cannot pass: it writes every parameter as --name";
            return std::nullopt;
        }
        for (const std::string &v : option.values)
            if (v.empty() || hasSpace(v)) {
                why = option.flag + " takes '" + v + "', which the autotuner cannot pass: it splits its command line on whitespace";
                return std::nullopt;
            }
        params[option.flag.substr(2)] = Json::array({option.values.empty() ? Json(true) : parameterValue(option.joinedValues())});
    }
    return params;
}

// Values of one grid parameter: a list, or {"type": "choice", "values": [...]}.
std::optional<std::vector<Json>> gridValues(const Json &spec)
{
    const Json *list = &spec;
    if (spec.is_object() && stringAt(spec, "/type") == "choice" && spec.contains("values"))
        list = &spec["values"];
    if (!list->is_array())
        return std::nullopt;
    return std::vector<Json>(list->begin(), list->end());
}

} // namespace

std::optional<AutotunerRuntime> autotunerRuntime(std::string_view baseRuntime)
{
    const std::string lower = asciiLower(baseRuntime);
    for (const AutotunerRuntime &r : runtimes())
        if (lower.rfind(r.engine, 0) == 0)
            return r;
    return std::nullopt;
}

AutotunerTasks makeAutotunerTasks(const AutotunerTaskSpec &spec, const PresetLibrary &presets)
{
    std::vector<AutotunerConfiguration> configurations;
    Diagnostics unknown;
    for (const std::string &name : spec.presets) {
        if (const Preset *preset = presets.find(name)) {
            configurations.push_back({name, "preset " + name, preset->document});
            continue;
        }
        std::vector<std::string> allowed;
        for (const Preset &p : presets.presets)
            allowed.push_back(p.name);
        unknown.push_back(taskDiagnostic(Severity::Error, "autotuner.unknown-preset", "", "no preset named '" + name + "'", allowed));
    }
    AutotunerTasks out = makeAutotunerTasks(spec, configurations);
    out.diagnostics.insert(out.diagnostics.end(), unknown.begin(), unknown.end());
    return out;
}

AutotunerTasks makeAutotunerTasks(const AutotunerTaskSpec &spec, const std::vector<AutotunerConfiguration> &configurations)
{
    AutotunerTasks out;
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    const EngineProfile *pinned = registry.findSpec(spec.engine);
    const std::string engine = pinned ? pinned->engine() : spec.engine;
    const std::optional<AutotunerRuntime> runtime = autotunerRuntime(engine);
    if (!runtime) {
        out.diagnostics.push_back(taskDiagnostic(Severity::Error, "autotuner.runtime-unsupported", "/base_runtime",
                                                 "the autotuner's Docker mode launches only runtimes whose name starts with sglang or vllm; "
                                                 "it cannot run " + engine, {"sglang", "vllm"}));
        return out;
    }
    if (runtime->engine == "vllm") {
        // docker_controller.py passes its command as the container's command and keeps the
        // image's ENTRYPOINT (vllm serve): vLLM then reads "python3 -m vllm.entrypoints…" as its
        // own arguments and exits. SGLang's images have no entry point.
        out.diagnostics.push_back(taskDiagnostic(
            Severity::Error, "autotuner.vllm-entrypoint", "/base_runtime",
            "the autotuner starts vllm/vllm-openai containers with its own python3 -m vllm.entrypoints.openai.api_server command "
            "behind the image's entry point (vllm serve), which vLLM refuses, so no vLLM task can run (docs/autotuner.md)",
            {"sglang"}));
        return out;
    }
    const bool versionGiven = spec.engine.find('@') != std::string::npos;
    std::string tag = spec.imageTag;
    const EngineProfile *profile = nullptr;
    if (tag.empty() && versionGiven && pinned) {
        if (pinned->version().rfind('v', 0) != 0) { // main-2026-08-22: a development snapshot, no image
            out.diagnostics.push_back(taskDiagnostic(Severity::Error, "autotuner.image-unknown", "/runtime_image_tag",
                                                     pinned->displayName() + " " + pinned->version()
                                                         + " is not a release, so no image runs it; choose a released version or give the image tag"));
            return out;
        }
        tag = pinned->version();
        out.diagnostics.push_back(taskDiagnostic(Severity::Info, "autotuner.image-assumed", "/runtime_image_tag",
                                                 "image " + runtime->repository + ":" + tag + " assumed for " + pinned->version()
                                                     + "; give the exact tag if the image is tagged otherwise (e.g. with a CUDA suffix)"));
        profile = pinned;
    } else {
        if (tag.empty())
            tag = runtime->defaultTag;
        profile = profileForTag(runtime->engine, runtime->repository, tag, "/runtime_image_tag", out.diagnostics);
    }
    if (!profile)
        return out;
    out.engineVersion = profile->version();
    out.image = runtime->repository + ":" + tag;
    for (const auto &[name, label, configuration] : configurations) {
        // The model: the one asked for, else the configuration's own, else the design's benchmark model.
        std::string model = spec.model;
        if (model.empty())
            model = stringAt(configuration, "/model/id_or_path");
        if (model.empty())
            model = "meta-llama/Llama-3.1-8B-Instruct";
        const bool hubModel = servedUnderItsName(model);
        Json doc = configuration;
        if (!doc.is_object())
            doc = Json::object();
        doc["model"]["id_or_path"] = model;
        if (hasErrors(validateDocument(doc))) {
            out.diagnostics.push_back(taskDiagnostic(Severity::Warning, "autotuner.preset-skipped", "", label + " is not a valid configuration"));
            continue;
        }
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), *profile);
        std::string why;
        if (plan.status == PlanStatus::Unsupported) {
            for (const Diagnostic &d : plan.diagnostics)
                if (d.severity == Severity::Error) {
                    why = d.message;
                    break;
                }
            why = profile->displayName() + " " + profile->version() + " cannot run it" + (why.empty() ? "" : ": " + why);
        } else if (!plan.env.empty()) {
            why = "it needs the environment variable " + plan.env.front().name + ", and the autotuner passes none to the engine";
        } else if (!plan.files.empty()) {
            why = "it needs the file " + plan.files.front().name + ", and the autotuner cannot place files beside the engine";
        }
        std::optional<Json> params = why.empty() ? planParameters(plan, *profile, why) : std::nullopt;
        if (!params) {
            out.diagnostics.push_back(taskDiagnostic(Severity::Warning, "autotuner.preset-skipped", "", label + " left out: " + why));
            continue;
        }
        // The autotuner's own command sets the model, host and port (it waits for the server on
        // that port): a preset's serving.port would move the server away from it.
        for (std::size_t k = 0; k < runtime->command.size(); ++k) {
            const std::string &flag = runtime->command[k];
            if (flag.rfind("--", 0) == 0 && params->erase(flag.substr(2)) > 0)
                out.diagnostics.push_back(
                    taskDiagnostic(Severity::Warning, "autotuner.own-option", "",
                                   "preset " + name + ": the autotuner sets " + flag + " itself, so the preset's value is not passed"));
        }
        for (const Diagnostic &d : plan.diagnostics) // what the preset loses on this engine version
            if (d.severity == Severity::Warning) {
                Diagnostic note = d;
                note.message = label + ": " + d.message;
                out.diagnostics.push_back(std::move(note));
            }
        Json task = Json::object();
        task["task_name"] = spec.name + "-" + name;
        task["description"] = "quantcfg " + label + " on " + profile->displayName() + " " + profile->version() + " (" + out.image + ")";
        task["model"] = {{"id_or_path", model}, {"namespace", "autotuner"}};
        task["base_runtime"] = runtime->engine;
        task["runtime_image_tag"] = tag;
        task["parameters"] = *params;
        task["optimization"] = {{"strategy", "grid_search"},
                                {"objective", spec.objective},
                                {"max_iterations", 1}, // one value per parameter: one combination
                                {"timeout_per_iteration", spec.timeoutSeconds}};
        // Clients ask for the served name when the preset sets one (serving.served_model_name).
        std::string modelName = hubModel ? model : std::string("/model");
        if (const Json *served = findPointer(*params, "/served-model-name");
            served && served->is_array() && !served->empty() && (*served)[0].is_string())
            modelName = (*served)[0].get<std::string>();
        task["benchmark"] = {{"task", "text-to-text"},
                             {"model_name", modelName},
                             {"model_tokenizer", model},
                             {"traffic_scenarios", {"D(100,100)"}},
                             {"num_concurrency", spec.concurrency},
                             {"max_time_per_iteration", 10},
                             {"max_requests_per_iteration", 50}};
        Json slo = Json::object();
        if (spec.ttftSeconds)
            slo["ttft"] = {{"threshold", *spec.ttftSeconds}, {"weight", 2.0}};
        if (spec.tpotSeconds)
            slo["tpot"] = {{"threshold", *spec.tpotSeconds}, {"weight", 2.0}};
        if (!slo.empty())
            task["slo"] = slo;
        out.tasks.emplace_back(name, std::move(task));
    }
    return out;
}

std::vector<Json> autotunerParameterPresets(const AutotunerTasks &tasks, const AutotunerTaskSpec &spec)
{
    std::vector<Json> out;
    for (const auto &[preset, task] : tasks.tasks)
        out.push_back(Json{{"version", "1.0"},
                           {"preset", {{"name", spec.name + "-" + preset},
                                       {"description", stringAt(task, "/description")},
                                       {"runtime", stringAt(task, "/base_runtime")},
                                       {"parameters", task["parameters"]}}}});
    return out;
}

AutotunerExpansion expandAutotunerTask(const Json &task, AutotunerPath path)
{
    AutotunerExpansion out;
    out.path = path;
    const bool web = path == AutotunerPath::WebWorker;
    Diagnostics &diags = out.diagnostics;
    if (!task.is_object()) {
        diags.push_back(taskDiagnostic(Severity::Error, "autotuner.invalid", "", "a task must be a JSON object"));
        return out;
    }
    // What run_experiment() reads without a default: a missing one stops the experiment.
    for (const char *pointer : {"/task_name", "/model/id_or_path", "/model/namespace", "/base_runtime",
                                "/optimization/timeout_per_iteration", "/parameters", "/benchmark"})
        if (!at(task, pointer))
            diags.push_back(taskDiagnostic(Severity::Error, "autotuner.missing", pointer,
                                           std::string(pointer + 1) + " is missing; the autotuner reads it without a default and stops"));
    if (const Json *b = at(task, "/benchmark"); b && b->is_object()) {
        if (!b->contains("model_name"))
            diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.benchmark-model", "/benchmark/model_name",
                                           "genai-bench will ask for a model named 'unknown', which the engine answers with 404"));
        if (!b->contains("model_tokenizer"))
            diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.benchmark-tokenizer", "/benchmark/model_tokenizer",
                                           "genai-bench will count tokens with the gpt2 tokenizer"));
    }
    if (stringAt(task, "/deployment_mode") == "ome")
        diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.ome", "/deployment_mode",
                                       "in OME mode the parameters never reach the engine (its template uses only the GPU count); "
                                       "the commands below are what Docker mode would run"));
    if (!web && task.contains("quant_config") && !task["quant_config"].is_null())
        diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.quant-config", "/quant_config",
                                       "quant_config is read only by the web worker; the command-line runner shown here ignores it"));
    const Json *runtimeName = at(task, "/base_runtime");
    if (!runtimeName)
        return out;
    if (!runtimeName->is_string()) {
        diags.push_back(taskDiagnostic(Severity::Error, "autotuner.invalid", "/base_runtime", "base_runtime must be the runtime's name", runtimeNames()));
        return out;
    }
    const std::optional<AutotunerRuntime> runtime = autotunerRuntime(runtimeName->get<std::string>());
    if (!runtime) {
        diags.push_back(taskDiagnostic(Severity::Error, "autotuner.runtime-unsupported", "/base_runtime",
                                       "the autotuner's Docker mode launches only runtimes whose name starts with sglang or vllm, not '"
                                           + runtimeName->get<std::string>() + "'",
                                       runtimeNames()));
        return out;
    }
    out.engine = runtime->engine;
    if (const Json *t = at(task, "/runtime_image_tag"); t && !t->is_string())
        diags.push_back(taskDiagnostic(Severity::Error, "autotuner.invalid", "/runtime_image_tag",
                                       "runtime_image_tag must be a string such as \"v0.5.2-cu126\"; the default image is shown"));
    const std::string tag = stringAt(task, "/runtime_image_tag", runtime->defaultTag);
    out.image = runtime->repository + ":" + tag;
    const EngineProfile *profile = profileForTag(runtime->engine, runtime->repository, tag, "/runtime_image_tag", diags);
    if (!profile)
        return out;
    out.engineVersion = profile->version();

    // The grid: parameters, then the command-line runner takes parallel_config's keys as they are,
    // while the web worker adds __quant__ and __parallel__ entries it translates per experiment.
    std::vector<std::pair<std::string, std::vector<Json>>> grid;
    bool gridBroken = false;
    Json webEntries = Json::object();
    if (web)
        for (auto &[name, values] : webWorkerGridEntries(task, diags))
            webEntries[name] = std::move(values);
    const std::vector<std::pair<std::string, const Json *>> sources = {
        {"/parameters", at(task, "/parameters")},
        {"/parallel_config", web ? nullptr : at(task, "/parallel_config")},
        {"", &webEntries}};
    for (const auto &[section, params] : sources) {
        if (!params || !params->is_object())
            continue;
        for (auto it = params->begin(); it != params->end(); ++it) {
            const std::string pointer = section + "/" + it.key();
            std::optional<std::vector<Json>> values = gridValues(*it);
            if (!values) {
                diags.push_back(taskDiagnostic(Severity::Error, "autotuner.bad-parameter", pointer,
                                               "a parameter is a list of values or {\"type\": \"choice\", \"values\": [...]}"));
                gridBroken = true;
                continue;
            }
            if (values->empty())
                continue; // the autotuner skips an empty list
            if (section == "/parallel_config")
                diags.push_back(taskDiagnostic(Severity::Info, "autotuner.parallel-config", pointer,
                                               "the command-line runner passes parallel_config's '" + it.key() + "' to the engine as --" + it.key()
                                                   + "; the web worker translates it to the engine's flag"));
            grid.emplace_back(it.key(), std::move(*values));
        }
    }
    if (gridBroken)
        return out;
    if (const std::string strategy = stringAt(task, "/optimization/strategy", "grid_search"); strategy != "grid_search")
        diags.push_back(taskDiagnostic(Severity::Info, "autotuner.strategy", "/optimization/strategy",
                                       withArticle(strategy)
                                           + " search picks its combinations from this space as results come in; "
                                             "the commands below are the grid's first ones"));
    out.combinations = 1;
    for (const auto &[name, values] : grid)
        out.combinations = std::min<std::size_t>(out.combinations * values.size(), 1u << 20);
    const Json *maxIt = at(task, "/optimization/max_iterations");
    const std::size_t maxIterations = maxIt && maxIt->is_number_integer() && maxIt->get<long long>() > 0
                                          ? static_cast<std::size_t>(maxIt->get<long long>())
                                          : 100;
    if (out.combinations > maxIterations)
        diags.push_back(taskDiagnostic(Severity::Warning, "autotuner.max-iterations", "/optimization/max_iterations",
                                       "the grid has " + std::to_string(out.combinations) + " combinations; the autotuner stops after "
                                           + std::to_string(maxIterations)));
    const std::size_t count = std::min<std::size_t>({out.combinations, maxIterations, 1000});
    const std::string modelName = stringAt(task, "/model/id_or_path");
    const bool hubModel = servedUnderItsName(modelName);
    std::vector<std::size_t> index(grid.size(), 0);
    for (std::size_t n = 0; n < count; ++n) {
        AutotunerLaunch launch;
        launch.parameters = Json::object();
        std::string line; // the autotuner joins its command with spaces and splits it again
        for (std::string word : runtime->command) {
            if (word == "{model}")
                word = hubModel ? modelName : "/model";
            else if (word == "{port}")
                word = "8000";
            line += (line.empty() ? "" : " ") + word;
        }
        for (std::size_t g = 0; g < grid.size(); ++g)
            launch.parameters[grid[g].first] = grid[g].second[index[g]];
        launch.runtimeParameters = web ? webWorkerRuntimeParameters(stringAt(task, "/base_runtime"), launch.parameters, modelName,
                                                                    task.value("model", Json()))
                                       : launch.parameters;
        for (auto p = launch.runtimeParameters.begin(); p != launch.runtimeParameters.end(); ++p) {
            const std::string &name = p.key();
            const Json &value = *p;
            const std::string flag = name.rfind("--", 0) == 0 ? name : "--" + name;
            if (value.is_boolean()) {
                if (value.get<bool>())
                    line += " " + flag;
            } else {
                line += " " + flag + " " + pythonStr(value);
            }
        }
        launch.argv = profile->imageEntrypoint();
        std::size_t start = 0;
        while ((start = line.find_first_not_of(" \t\n", start)) != std::string::npos) {
            const std::size_t end = line.find_first_of(" \t\n", start);
            launch.argv.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
            start = end;
        }
        launch.lint = lintArgv(*profile, launch.argv);
        out.launches.push_back(std::move(launch));
        for (std::size_t g = grid.size(); g-- > 0;) { // odometer, last parameter fastest (itertools.product)
            if (++index[g] < grid[g].second.size())
                break;
            index[g] = 0;
        }
    }
    return out;
}

Json autotunerExpansionToJson(const Json &task, const AutotunerExpansion &expansion)
{
    Json experiments = Json::array();
    for (std::size_t i = 0; i < expansion.launches.size(); ++i) {
        const AutotunerLaunch &l = expansion.launches[i];
        Json lint = Json::array();
        for (const Diagnostic &d : l.lint)
            lint.push_back(diagnosticToJson(d));
        std::string command;
        for (const std::string &w : l.argv)
            command += (command.empty() ? "" : " ") + shellQuote(w);
        experiments.push_back(Json{{"experiment_id", i + 1},
                                   {"parameters", l.parameters},
                                   {"runtime_parameters", l.runtimeParameters},
                                   {"argv", l.argv},
                                   {"command", command},
                                   {"starts", !hasErrors(l.lint)},
                                   {"lint", lint}});
    }
    return Json{{"task_name", stringAt(task, "/task_name")},
                {"path", expansion.path == AutotunerPath::WebWorker ? "web worker, Docker mode" : "command-line runner, Docker mode"},
                {"engine", expansion.engine},
                {"engine_version", expansion.engineVersion},
                {"image", expansion.image},
                {"combinations", expansion.combinations},
                {"experiments", experiments}};
}

} // namespace quantcfg
