#include "core/engines/mapper.h"

#include "core/engines/capability.h"
#include "core/engines/lint.h"
#include "core/engines/yamlfile.h"
#include "core/hardware/checkpoint.h"
#include "core/methods.h"
#include "core/text.h"

#include <algorithm>

namespace quantcfg {

namespace {

// Builds one LaunchPlan. Every decision comes from the profile's "mapping" section; this class
// only knows the kinds of targets (flag, env, YAML key) and the few parallelism styles.
class PlanBuilder
{
public:
    PlanBuilder(const Config &config, const EngineProfile &profile, const MapOptions &options)
        : m_config(config)
        , m_profile(profile)
        , m_map(profile.mapping())
        , m_flags(profile.fieldFlags())
        , m_options(options)
    {
        m_plan.engine = profile.engine();
        m_plan.engineName = profile.displayName();
        m_plan.version = profile.version();
        m_plan.argv = profile.invocation();
        m_plan.programWords = m_plan.argv.size();
    }

    LaunchPlan build()
    {
        model();
        method();
        kvCache();
        dtype();
        parallelism();
        moe();
        attention();
        serving();
        finishYaml();
        enforceConstraints();
        gpuChecks();
        finishStatus();
        return std::move(m_plan);
    }

private:
    void note(Severity s, std::string code, std::string pointer, std::string message, std::string suggestion = {}, std::string value = {})
    {
        Diagnostic d;
        d.severity = s;
        d.code = std::move(code);
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        d.suggestion = std::move(suggestion);
        d.value = std::move(value);
        d.engine = m_profile.engine();
        m_plan.diagnostics.push_back(std::move(d));
    }

    // Reports the "note"/"warn" texts an entry carries.
    void entryNotes(const Json &entry, const std::string &pointer, const std::string &code)
    {
        if (entry.contains("note"))
            note(Severity::Info, code, pointer, entry["note"].get<std::string>());
        if (entry.contains("warn"))
            note(Severity::Warning, code, pointer, entry["warn"].get<std::string>(), entry.value("suggestion", std::string()));
    }

    void flag(const std::string &name, const std::string &value)
    {
        m_plan.argv.push_back(name);
        if (!value.empty() && value[0] == '-')
            m_plan.argv.back() += "=" + value; // argparse/click would take "-x" for an option
        else
            m_plan.argv.push_back(value);
    }

    void setYaml(const std::string &path, Json value) { m_yaml.emplace_back(path, std::move(value)); }

    // Emits @p value to a target: {"flag": ...} | {"env": ...} | {"yaml": ...}.
    void emit(const Json &target, const std::string &value)
    {
        if (target.contains("flag"))
            flag(target["flag"].get<std::string>(), value);
        else if (target.contains("env"))
            m_plan.env.push_back({target["env"].get<std::string>(), value});
        else if (target.contains("yaml"))
            setYaml(target["yaml"].get<std::string>(), value);
    }

    // Emits @p value to the flag @p flagName if the engine has one, else to the target
    // mapping[@p targetKey]; to nothing when it has neither.
    void emitTo(const std::string &flagName, const char *targetKey, const std::string &value)
    {
        if (!flagName.empty())
            flag(flagName, value);
        else if (const auto t = m_map.find(targetKey); t != m_map.end())
            emit(*t, value);
    }

    // Looks up @p key in mapping[@p table], falling back to @p fallbackKey.
    const Json *entry(const char *table, const std::string &key, const std::string &fallbackKey = {}) const
    {
        const Json &t = m_map[table];
        if (const auto it = t.find(key); it != t.end())
            return &*it;
        if (fallbackKey.empty())
            return nullptr;
        const auto it = t.find(fallbackKey);
        return it != t.end() ? &*it : nullptr;
    }

    void model()
    {
        std::string model = m_options.model.value_or(m_config.modelOrDefault());
        const Json &m = m_map["model"];
        if (!model.empty() && model[0] == '-') {
            model = "./" + model; // a leading '-' would be read as an option
            note(Severity::Info, "map.model-path-prefixed", "/model/id_or_path", "the model path starts with '-': passed as " + model);
        } else if (m.value("positional", false) && m_profile.isSubcommand(model)) {
            model = "./" + model; // trtllm-serve would run its subcommand of that name
            note(Severity::Info, "map.model-path-prefixed", "/model/id_or_path",
                 "the model path is also the name of " + withArticle(m_profile.displayName()) + " subcommand: passed as " + model);
        }
        if (m.value("positional", false))
            m_plan.argv.push_back(model);
        else
            flag(m["flag"].get<std::string>(), model);

        if (m_config.model.revision) {
            const Json &r = m_map["revision"];
            if (r.contains("flag"))
                flag(r["flag"].get<std::string>(), *m_config.model.revision);
            else
                note(Severity::Warning, "map.revision-unsupported", "/model/revision", r.value("unsupported", std::string()), r.value("suggestion", std::string()));
        }
    }

    // The key of the method in mapping.methods: "fp8:<variant>", "w4a8:<dtype>" refine the method.
    std::pair<std::string, std::string> methodKeys(const std::string &method) const
    {
        const auto &q = m_config.quantization;
        if (method == "fp8" && q.fp8Variant && *q.fp8Variant != "standard")
            return {"fp8:" + *q.fp8Variant, "fp8"};
        if (method == "w4a8")
            return {"w4a8:" + q.activationDtype.value_or("fp8"), "w4a8"};
        return {method, {}};
    }

    // " on NVIDIA H100 (SM90)": the target GPU, for messages.
    std::string onGpu() const { return " on " + m_options.gpu->name + " (SM" + std::to_string(m_options.gpu->computeCapability) + ")"; }

    // Why the target GPU cannot run @p e (it is below the minimum, or not a target); empty when it
    // can or no GPU was given.
    std::string gpuRulesOut(const Json &e) const
    {
        if (!m_options.gpu || m_options.gpu->computeCapability <= 0)
            return {};
        const std::string value = methodEntryValue(e);
        if (value.empty() || value == "none")
            return {};
        const CapabilityVerdict v = checkCapability(m_profile, value, m_options.gpu->computeCapability);
        if (v.state != Support::Unsupported && v.state != Support::NotTargeted)
            return {};
        return v.reason + onGpu();
    }

    void method()
    {
        const auto &q = m_config.quantization;
        std::string method = q.methodOrNone();
        const std::string pointer = "/quantization/method";
        if (q.enableMarlin.value_or(false) && (method == "awq" || method == "gptq")) {
            const Json *marlin = entry("methods", method + "_marlin");
            if (marlin && !marlin->contains("unsupported")) {
                if (const std::string why = gpuRulesOut(*marlin); !why.empty()) {
                    note(Severity::Info, "map.enable-marlin", "/quantization/enable_marlin", "enable_marlin: keeping " + method + ": " + why);
                } else {
                    note(Severity::Info, "map.enable-marlin", "/quantization/enable_marlin", "enable_marlin: using " + method + "_marlin");
                    method += "_marlin";
                }
            }
        }
        auto [key, fallbackKey] = methodKeys(method);
        const Json *e = entry("methods", key, fallbackKey);
        if (!e) {
            note(Severity::Error, "map.method-unknown", pointer, profile() + " has no mapping for method " + method);
            m_unsupported = true;
            return;
        }
        // The method cannot run when the engine lacks it, or when the target GPU is below its
        // minimum (then gpuChecks() reports it, unless a fallback runs).
        const bool engineLacks = e->contains("unsupported");
        const std::string cannot = engineLacks ? (*e)["unsupported"].get<std::string>() : gpuRulesOut(*e);
        if (!cannot.empty()) {
            std::string replacement;
            std::string why;
            if (method == "qoq" && q.baseQuantization) {
                replacement = *q.baseQuantization;
                why = "qoq falls back to base_quantization " + replacement;
            } else if (q.fallbackMethod) {
                replacement = *q.fallbackMethod;
                why = "using fallback_method " + replacement;
            }
            const Json *alt = nullptr;
            if (!replacement.empty()) {
                const auto [altKey, altFallback] = methodKeys(replacement);
                alt = entry("methods", altKey, altFallback);
                if (alt && (alt->contains("unsupported") || !gpuRulesOut(*alt).empty()))
                    alt = nullptr;
            }
            // The command keeps the configuration's model, a checkpoint made for the primary
            // method: a fallback that reads another format would stop on the mismatch.
            const bool otherCheckpoint = alt && !runOnSameCheckpoint(method, replacement);
            if (engineLacks && otherCheckpoint) {
                note(Severity::Error, "map.fallback-checkpoint", pointer,
                     profile() + " cannot run " + method + " (" + cannot + "), and its fallback " + replacement
                         + " needs a checkpoint made for " + replacement + ", not the " + method
                         + " checkpoint this configuration serves: the engine would stop on the mismatch",
                     "serve " + withArticle(replacement)
                         + " checkpoint of the model from a configuration of its own, or use an engine that runs " + method,
                     method);
                m_unsupported = true;
                return;
            }
            if (engineLacks && !alt) {
                note(Severity::Error, "map.method-unsupported", pointer,
                     profile() + " cannot run " + method + ": " + cannot
                         + (replacement.empty() ? "" : "; the fallback " + replacement + " is not available either"),
                     e->value("suggestion", std::string()), method);
                m_unsupported = true;
                return;
            }
            if (alt && !otherCheckpoint) {
                note(Severity::Warning, "map.method-fallback", pointer, profile() + " cannot run " + method + " (" + cannot + "): " + why,
                     engineLacks ? e->value("suggestion", std::string()) : std::string(), method);
                e = alt;
            }
        }
        entryNotes(*e, pointer, "map.method-note");
        m_plan.resolvedMethod = methodEntryValue(*e);
        checkpointNeeded(method, !e->contains("checkpoint"));
        if (e->contains("checkpoint")) {
            if (e->contains("suggestion") && !e->contains("warn"))
                note(Severity::Info, "map.method-note", pointer, (*e)["suggestion"].get<std::string>());
            note(Severity::Info, "map.checkpoint", pointer,
                 profile() + " has no quantization option: the checkpoint decides (expected format: " + m_plan.resolvedMethod + ")");
            return;
        }
        if (e->value("omit", false))
            return;
        flag(m_flags.method, m_plan.resolvedMethod);
        for (const Json &f : e->value("requires_flags", Json::array()))
            m_plan.argv.push_back(f.get<std::string>());
    }

    // A method that loads an already quantized checkpoint: say which, and warn when the model's
    // name looks like an unquantized model (the engine would stop while loading it).
    void checkpointNeeded(const std::string &method, bool sayFormat)
    {
        const MethodInfo *info = MethodCatalogue::builtIn().find(method);
        if (!info || !info->needsQuantizedCheckpoint())
            return;
        const std::string &formats = info->checkpointText;
        const std::string pointer = "/quantization/method";
        const std::string model = m_options.model ? *m_options.model : m_config.modelOrDefault();
        if (!m_options.checkpointMetadataRead && !modelNameLooksQuantized(model)) {
            note(Severity::Warning, "map.checkpoint-unquantized", pointer,
                 method + " loads " + withArticle(formats) + " checkpoint, but " + model
                     + " looks like an unquantized model (its name names no quantization): " + m_profile.displayName()
                     + " stops while loading an unquantized one",
                 "serve " + withArticle(formats) + " checkpoint of the model, or choose a method that quantizes while loading ("
                     + MethodCatalogue::builtIn().quantizingWhileLoading() + ")");
        } else if (sayFormat) {
            note(Severity::Info, "map.checkpoint-format", pointer, method + " loads " + withArticle(formats) + " checkpoint");
        }
    }

    void kvCache()
    {
        const auto &kv = m_config.kvCache;
        const std::string dtype = kv.dtype.value_or("auto");
        const std::string key = dtype == "fp8" && kv.fp8Format ? "fp8:" + *kv.fp8Format : dtype;
        const Json *e = entry("kv_cache", key, dtype);
        m_plan.resolvedKvCache = "auto (model dtype)";
        if (!e)
            return;
        if (e->contains("unsupported")) {
            note(Severity::Warning, "map.kv-unsupported", "/kv_cache/dtype", profile() + ": " + (*e)["unsupported"].get<std::string>() + "; KV cache left at auto",
                 e->value("suggestion", std::string()), dtype);
            return;
        }
        entryNotes(*e, "/kv_cache/dtype", "map.kv-note");
        if (e->value("omit", false))
            return;
        const std::string value = (*e)["value"].get<std::string>();
        m_plan.resolvedKvCache = value + " (" + e->value("format", value) + ")";
        emitTo(m_flags.kvCache, "kv_cache_target", value);
        m_kvValue = value;
    }

    void dtype()
    {
        if (!m_config.dtype)
            return;
        const Json *e = entry("dtype", *m_config.dtype);
        if (e && e->contains("value"))
            emitTo(m_flags.dtype, "dtype_target", (*e)["value"].get<std::string>());
    }

    void parallelism()
    {
        const auto &p = m_config.parallelism;
        if (p.tensorParallel)
            flag(m_flags.tensorParallel, std::to_string(*p.tensorParallel));
        if (p.pipelineParallel)
            flag(m_flags.pipelineParallel, std::to_string(*p.pipelineParallel));
        if (p.dataParallel) {
            if (!m_flags.dataParallel.empty())
                flag(m_flags.dataParallel, std::to_string(*p.dataParallel));
            else if (*p.dataParallel > 1)
                note(Severity::Warning, "map.dp-unsupported", "/parallelism/data_parallel_size", m_map["dp"].value("unsupported", std::string()),
                     m_map["dp"].value("suggestion", std::string()));
        }
    }

    void moe()
    {
        // Non-positive expert sizes are schema errors (validation reports them); they map to nothing.
        auto m = m_config.moe;
        if (m.expertParallel && *m.expertParallel <= 0)
            m.expertParallel.reset();
        if (m.expertTp && *m.expertTp <= 0)
            m.expertTp.reset();
        const auto &p = m_config.parallelism;
        const int tp = p.tp();
        const Json &style = m_map["expert_parallel"];
        const std::string kind = style.value("style", "");
        const std::string epFlag = style.value("flag", "");

        if (kind == "enable_flag") {
            // vLLM: one switch; EP size = TP × DP and MoE TP = 1 with it, MoE TP = TP × DP without.
            // SGLang v0.4.8 (--enable-ep-moe): EP size = TP ("ep_size": "tp").
            const bool epIsTp = style.value("ep_size", std::string()) == "tp";
            const long long world = epIsTp ? static_cast<long long>(tp) : static_cast<long long>(tp) * p.dp();
            const std::string worldName = epIsTp ? "TP" : "TP × DP";
            const bool wantEp = (m.expertParallel && *m.expertParallel > 1) || (m.expertTp && *m.expertTp == 1 && world > 1 && !m.expertParallel);
            if (wantEp) {
                m_plan.argv.push_back(epFlag);
                if (m.expertParallel && *m.expertParallel != world)
                    note(Severity::Warning, "map.ep-size", "/moe/expert_parallel_size",
                         profile() + " has no expert-parallel size: " + epFlag + " makes EP = " + worldName + " = " + std::to_string(world)
                             + ", not " + std::to_string(*m.expertParallel),
                         epIsTp ? "set tensor_parallel_size to the EP size you want" : "set tensor_parallel_size × data_parallel_size to the EP size you want");
                if (m.expertTp && *m.expertTp != 1)
                    note(Severity::Warning, "map.expert-tp", "/moe/expert_tp_size",
                         "with expert parallelism " + profile() + " runs each expert unsplit (MoE TP = 1); expert_tp_size " + std::to_string(*m.expertTp) + " cannot be honoured");
            } else if (m.expertTp && *m.expertTp != world) {
                note(Severity::Warning, "map.expert-tp", "/moe/expert_tp_size",
                     profile() + " has no expert TP size: without expert parallelism MoE TP = " + worldName + " = " + std::to_string(world) + ", not " + std::to_string(*m.expertTp),
                     "use expert_parallel_size (→ " + epFlag + ") for MoE TP 1, or drop expert_tp_size");
            }
        } else if (kind == "size_divides_tp" || kind == "size_with_tp_yaml") {
            // SGLang: MoE TP = tp / ep. TensorRT-LLM: moe_tensor_parallel_size × ep = tp.
            std::optional<int> ep = m.expertParallel;
            if (!ep && m.expertTp) {
                if (tp % *m.expertTp == 0) {
                    ep = tp / *m.expertTp;
                    note(Severity::Info, "map.ep-derived", "/moe/expert_tp_size",
                         "no engine has an expert-TP flag: expert_tp_size " + std::to_string(*m.expertTp) + " with TP " + std::to_string(tp)
                             + " is expressed as " + epFlag + " " + std::to_string(*ep));
                } else {
                    note(Severity::Warning, "map.expert-tp", "/moe/expert_tp_size",
                         "expert_tp_size " + std::to_string(*m.expertTp) + " does not divide tensor_parallel_size " + std::to_string(tp) + "; skipped");
                }
            }
            if (ep) {
                if (tp % *ep != 0) {
                    note(Severity::Warning, "map.ep-size", "/moe/expert_parallel_size",
                         profile() + " needs the expert-parallel size to divide the tensor-parallel size (" + std::to_string(*ep) + " does not divide "
                             + std::to_string(tp) + "); " + epFlag + " not emitted",
                         "choose an expert_parallel_size that divides tensor_parallel_size");
                } else {
                    if (m.expertTp && m.expertParallel && static_cast<long long>(*m.expertTp) * *ep != tp)
                        note(Severity::Warning, "map.expert-tp", "/moe/expert_tp_size",
                             profile() + " derives MoE TP = TP / EP = " + std::to_string(tp / *ep) + "; expert_tp_size " + std::to_string(*m.expertTp) + " cannot be honoured");
                    flag(epFlag, std::to_string(*ep));
                    if (kind == "size_with_tp_yaml")
                        setYaml(style["tp_yaml"].get<std::string>(), tp / *ep);
                }
            }
        }

        if (m.quantization) {
            note(Severity::Warning, "map.moe-quantization", "/moe/quantization",
                 "no engine takes a separate expert quantization: " + profile() + " reads it from the checkpoint (a mixed-precision checkpoint carries it)",
                 "use a checkpoint whose experts are quantized with " + *m.quantization);
        }
        if (m.runnerBackend) {
            const Json *e = entry("moe_backend", *m.runnerBackend);
            if (e && e->contains("unsupported")) {
                note(Severity::Warning, "map.moe-backend", "/moe/runner_backend", profile() + ": " + (*e)["unsupported"].get<std::string>(),
                     e->value("suggestion", std::string()), *m.runnerBackend);
            } else if (e && !e->value("omit", false)) {
                entryNotes(*e, "/moe/runner_backend", "map.moe-backend-note");
                emitTo(m_flags.moeBackend, "moe_backend_target", (*e)["value"].get<std::string>());
            }
        }
    }

    void attention()
    {
        const auto &a = m_config.attention;
        if (a.backend) {
            const Json *e = entry("attention", *a.backend);
            if (e && e->contains("unsupported")) {
                note(Severity::Warning, "map.attention", "/attention/backend", profile() + ": " + (*e)["unsupported"].get<std::string>(),
                     e->value("suggestion", std::string()), *a.backend);
            } else if (e && !e->value("omit", false)) {
                entryNotes(*e, "/attention/backend", "map.attention-note");
                const Json &target = m_map["attention_target"];
                const std::string value = (*e)["value"].get<std::string>();
                if (e->contains("args")) { // a spelling that needs several words
                    const auto words = (*e)["args"].get<std::vector<std::string>>();
                    for (std::size_t i = 0; i + 1 < words.size(); i += 2)
                        flag(words[i], words[i + 1]);
                } else {
                    emit(target, value);
                }
            }
        }
        if (a.fmhaQuantization && *a.fmhaQuantization != "auto") {
            const bool fp8Kv = m_kvValue.find("fp8") != std::string::npos;
            if (*a.fmhaQuantization == "fp8" && !fp8Kv)
                note(Severity::Warning, "map.fmha", "/attention/fmha_quantization",
                     profile() + " has no attention-precision option: FP8 attention follows an FP8 KV cache, which this config does not use",
                     "set kv_cache.dtype to an fp8 value");
            else
                note(Severity::Info, "map.fmha", "/attention/fmha_quantization",
                     profile() + " has no attention-precision option: attention runs in the KV-cache precision");
        }
    }

    // The serving section: each setting to the option mapping.serving names for this version, or
    // skipped with the reason where the version has none.
    void serving()
    {
        const auto &s = m_config.serving;
        std::optional<long long> maxLen = m_options.maxModelLen;
        if (!maxLen && s.maxModelLen && *s.maxModelLen > 0)
            maxLen = *s.maxModelLen;
        if (maxLen)
            servingOption("max_model_len", Json(*maxLen));
        if (s.gpuMemoryUtilization && *s.gpuMemoryUtilization > 0 && *s.gpuMemoryUtilization <= 1)
            servingOption("gpu_memory_utilization", Json(*s.gpuMemoryUtilization));
        if (s.port && *s.port > 0 && *s.port <= 65535)
            servingOption("port", Json(*s.port));
        if (s.servedModelName && !s.servedModelName->empty())
            servingOption("served_model_name", Json(*s.servedModelName));
    }

    void servingOption(const std::string &field, const Json &value)
    {
        const std::string pointer = "/serving/" + field;
        const std::string text = value.is_string() ? value.get<std::string>() : toCompactJson(value); // 0.85, 1.0, 8192
        const auto table = m_map.find("serving");
        const Json *e = table != m_map.end() && table->contains(field) ? &(*table)[field] : nullptr;
        if (!e || !e->contains("flag")) {
            note(Severity::Warning, "map.serving-unsupported", pointer,
                 profile() + ": " + (e ? (*e)["unsupported"].get<std::string>() : "no option for " + field) + "; " + field + " not emitted",
                 e ? e->value("suggestion", std::string()) : std::string(), text);
            return;
        }
        entryNotes(*e, pointer, "map.serving-note");
        // A YAML section replaces the command line's whole one (TensorRT-LLM's kv_cache_config):
        // where the file has the section, the value goes into it.
        if (e->contains("yaml")) {
            const std::string key = (*e)["yaml"].get<std::string>();
            const std::string section = key.substr(0, key.find('.'));
            const bool sectionInYaml = std::any_of(m_yaml.begin(), m_yaml.end(),
                                                   [&](const auto &kv) { return kv.first.substr(0, kv.first.find('.')) == section; });
            if (sectionInYaml) {
                setYaml(key, value);
                return;
            }
        }
        flag((*e)["flag"].get<std::string>(), text);
    }

    // TensorRT-LLM: everything without a portable flag goes into one YAML file.
    void finishYaml()
    {
        if (m_yaml.empty())
            return;
        if (m_flags.yamlFile.empty())
            return;
        m_plan.files.push_back({m_options.yamlFileName, renderYamlFile(m_yaml), "extra LLM-API options read by " + m_profile.displayName()});
        flag(m_flags.yamlFile, m_options.yamlFileName);
    }

    // The engine's own cross-flag rules: drop the optional flag that breaks one, and say why.
    void enforceConstraints()
    {
        for (int guard = 0; guard < 8; ++guard) {
            const Diagnostics violations = checkConstraints(m_profile, collectFlagValues(m_profile, m_plan.argv));
            const auto it = std::find_if(violations.begin(), violations.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; });
            if (it == violations.end())
                return;
            const std::string drop = it->suggestion;
            if (!removeFlag(drop)) {
                note(Severity::Error, "map.constraint", "", profile() + ": " + it->message);
                m_unsupported = true;
                return;
            }
            note(Severity::Warning, "map.constraint", pointerForFlag(drop), profile() + ": " + it->message + "; " + drop + " not emitted");
        }
    }

    bool removeFlag(const std::string &primary)
    {
        for (std::size_t i = m_profile.invocation().size(); i < m_plan.argv.size(); ++i) {
            std::string name = m_plan.argv[i].substr(0, m_plan.argv[i].find('='));
            std::string canonical;
            if (!m_profile.flag(name, &canonical) || canonical != primary)
                continue;
            const Json *f = m_profile.flag(name);
            const bool hasSeparateValue = f->value("value", false) && m_plan.argv[i].find('=') == std::string::npos;
            m_plan.argv.erase(m_plan.argv.begin() + static_cast<std::ptrdiff_t>(i),
                              m_plan.argv.begin() + static_cast<std::ptrdiff_t>(i + (hasSeparateValue ? 2 : 1)));
            return true;
        }
        return false;
    }

    std::string pointerForFlag(const std::string &flag) const
    {
        if (flag == m_flags.moeBackend)
            return "/moe/runner_backend";
        if (flag == m_flags.expertParallel)
            return "/moe/expert_parallel_size";
        if (flag == m_flags.method)
            return "/quantization/method";
        return {};
    }

    // The model dtype on the target GPU: the engine's own rule (bfloat16 needs SM 8.0 in vLLM and
    // SGLang; SGLang quietly runs float16 there, vLLM stops).
    void dtypeCheck()
    {
        const std::string dtype = m_config.dtype.value_or("auto");
        const DtypeVerdict v = checkDtype(m_profile, dtype, m_options.gpu->computeCapability);
        if (v.behaviour == DtypeBehaviour::Runs || v.behaviour == DtypeBehaviour::NotListed)
            return; // (NotListed: the GPU generation check says it better)
        const std::string why = " below compute capability " + ccText(v.minCapability) + " (" + v.source + ": \"" + v.message + "\")";
        switch (v.behaviour) {
        case DtypeBehaviour::Runs:
        case DtypeBehaviour::NotListed:
            break;
        case DtypeBehaviour::Refused:
            note(Severity::Error, "gpu.dtype-unsupported", "/dtype", profile() + " refuses dtype " + dtype + why + onGpu(),
                 dtype == "bfloat16" ? "set dtype to float16 (or auto)" : "set dtype to auto");
            m_unsupported = true;
            break;
        case DtypeBehaviour::FallsBackToFloat16:
            if (dtype == "auto") // the checkpoint's dtype was not asked for by name: only say what it becomes
                note(Severity::Info, "gpu.dtype-fallback", "/dtype", profile() + " runs float16" + why + onGpu());
            else
                note(Severity::Warning, "gpu.dtype-fallback", "/dtype", profile() + " runs float16 instead of " + dtype + why + onGpu(),
                     "set dtype to float16 to say what runs");
            break;
        }
    }

    void gpuChecks()
    {
        if (!m_options.gpu || m_options.gpu->computeCapability <= 0 || m_unsupported)
            return;
        dtypeCheck();
        if (m_unsupported)
            return;
        const GpuTarget &gpu = *m_options.gpu;
        const std::string value = m_plan.resolvedMethod;
        if (value.empty() || value == "none")
            return;
        const CapabilityVerdict v = checkCapability(m_profile, value, gpu.computeCapability);
        const std::string on = onGpu();
        switch (v.state) {
        case Support::Unsupported:
        case Support::NotTargeted:
            note(Severity::Error, "gpu.unsupported", "/quantization/method", v.reason + on);
            m_unsupported = true;
            break;
        case Support::WeightOnly:
            note(Severity::Warning, "gpu.weight-only", "/quantization/method", v.reason + on);
            break;
        case Support::Supported:
            if (!v.caveat.empty())
                note(Severity::Warning, "gpu.other-kernel", "/quantization/method", v.caveat + on);
            break;
        case Support::NotAvailable:
        case Support::Unknown:
            note(Severity::Info, "gpu.unknown", "/quantization/method", v.reason);
            break;
        }
        if (m_map.contains("kv_min_sm") && !m_kvValue.empty() && m_map["kv_min_sm"].contains(m_kvValue)) {
            const int minSm = m_profile.document()["min_sm"].value(m_map["kv_min_sm"][m_kvValue].get<std::string>(), 0);
            if (gpu.computeCapability < minSm)
                note(Severity::Error, "gpu.kv-unsupported", "/kv_cache/dtype",
                     profile() + " needs SM" + std::to_string(minSm) + " for " + withArticle(m_kvValue) + " KV cache" + on);
        }
    }

    void finishStatus()
    {
        if (m_unsupported || hasErrors(m_plan.diagnostics)) {
            m_plan.status = PlanStatus::Unsupported;
            m_plan.argv.clear();
            m_plan.env.clear();
            m_plan.files.clear();
        } else if (countSeverity(m_plan.diagnostics, Severity::Warning) > 0) {
            m_plan.status = PlanStatus::Degraded;
        }
    }

    std::string profile() const { return m_profile.displayName() + " " + m_profile.version(); }

    const Config &m_config;
    const EngineProfile &m_profile;
    const Json &m_map;
    const FieldFlags &m_flags;
    const MapOptions &m_options;
    LaunchPlan m_plan;
    std::vector<std::pair<std::string, Json>> m_yaml;
    std::string m_kvValue;
    bool m_unsupported = false;
};

} // namespace

const char *planStatusName(PlanStatus s)
{
    switch (s) {
    case PlanStatus::Full:
        return "full";
    case PlanStatus::Degraded:
        return "degraded";
    case PlanStatus::Unsupported:
        return "unsupported";
    }
    return "unsupported";
}

LaunchPlan mapConfig(const Config &config, const EngineProfile &profile, const MapOptions &options)
{
    return PlanBuilder(config, profile, options).build();
}

std::vector<LaunchPlan> mapAllEngines(const Config &config, const MapOptions &options)
{
    std::vector<LaunchPlan> plans;
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    for (const std::string &engine : registry.engines()) {
        if (const EngineProfile *p = registry.find(engine))
            plans.push_back(mapConfig(config, *p, options));
    }
    return plans;
}

} // namespace quantcfg
