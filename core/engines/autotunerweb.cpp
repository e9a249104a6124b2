#include "core/engines/autotunerweb.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace quantcfg {

namespace {

constexpr std::string_view quantPrefix = "__quant__";
constexpr std::string_view parallelPrefix = "__parallel__";

// quantization_mapper.py validate_quant_config(): the values each field accepts.
struct QuantField
{
    const char *name;
    std::vector<std::string> allowed;
};
const std::array<QuantField, 4> &quantFields()
{
    static const std::array<QuantField, 4> fields = {{
        {"gemm_dtype", {"auto", "float16", "bfloat16", "float32", "fp8", "int8"}},
        {"kvcache_dtype", {"auto", "fp16", "bfloat16", "fp8", "fp8_e5m2", "fp8_e4m3", "int8", "int4"}},
        {"attention_dtype", {"auto", "float16", "bfloat16", "fp8", "fp8_e5m2", "fp8_e4m3", "fp8_block"}},
        {"moe_dtype", {"auto", "float16", "bfloat16", "fp8", "w4afp8", "mxfp4", "int8"}},
    }};
    return fields;
}

// parallel_integration.py expand_parallel_config_to_parameter_spec(): the fields it keeps.
constexpr std::array<const char *, 10> parallelFields = {"tp", "pp", "dp", "cp", "dcp", "enable_expert_parallel",
                                                         "moe_tp", "moe_ep", "moe_cluster", "moe_dense_tp"};

Diagnostic finding(Severity severity, std::string code, std::string pointer, std::string message,
                   std::vector<std::string> allowed = {})
{
    Diagnostic d = makeDiagnostic(severity, std::move(code), std::move(message), std::move(pointer));
    d.allowed = std::move(allowed);
    return d;
}

Json asList(const Json &value)
{
    return value.is_array() ? value : Json::array({value});
}

// The TensorRT-LLM spellings each mapper compares base_runtime with (lower-cased): the two
// mappers differ, and only these and "vllm"/"sglang" get any flag.
bool quantTrtllm(const std::string &runtime)
{
    return runtime == "tensorrt_llm" || runtime == "trtllm" || runtime == "tensorrt-llm";
}

bool parallelTrtllm(const std::string &runtime)
{
    return runtime == "tensorrt-llm" || runtime == "tensorrt_llm" || runtime == "tensorrtllm";
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

// quantization_integration.py detect_model_quantization(): the model's name first, then the
// task's model object (which in a task holds id_or_path and namespace only).
std::string detectModelQuantization(const std::string &modelPath, const Json &model)
{
    const std::string name = asciiLower(modelPath);
    if (contains(name, "awq"))
        return "awq";
    if (contains(name, "gptq"))
        return "gptq";
    if (contains(name, "gguf") || (modelPath.size() >= 5 && modelPath.compare(modelPath.size() - 5, 5, ".gguf") == 0))
        return "gguf";
    if (contains(name, "nvfp4") || contains(name, "fp4"))
        return "nvfp4";
    if (contains(name, "fp8"))
        return "fp8";
    if (model.is_object()) {
        if (model.contains("quantization"))
            return pythonStr(model["quantization"]);
        if (const auto q = model.find("quantization_config"); q != model.end() && q->is_object() && q->contains("quant_method"))
            return pythonStr((*q)["quant_method"]);
    }
    return {};
}

// should_apply_dynamic_fp8(): fp8 GEMMs, unless the model is already quantized offline.
bool dynamicFp8(const std::string &gemm, const std::string &modelQuantization)
{
    static const std::array<const char *, 9> offline = {"awq", "gptq", "gguf", "squeezellm", "marlin", "nvfp4", "fp8", "bitsandbytes", "hqq"};
    return gemm == "fp8" && std::find(offline.begin(), offline.end(), modelQuantization) == offline.end();
}

// map_to_vllm_args / map_to_sglang_args / map_to_tensorrt_llm_args, keys with their dashes.
Json quantArgs(const std::string &runtime, const Json &config, const std::string &modelQuantization)
{
    const auto field = [&](const char *name) { return config.contains(name) ? pythonStr(config[name]) : std::string("auto"); };
    const std::string gemm = field("gemm_dtype"), kv = field("kvcache_dtype"), attention = field("attention_dtype"),
                      moe = field("moe_dtype");
    Json args = Json::object();
    if (runtime == "vllm") {
        if (dynamicFp8(gemm, modelQuantization)) {
            args["--quantization"] = "fp8";
            args["--dtype"] = "auto";
        } else if (gemm == "int8") {
            args["--quantization"] = "int8";
            args["--dtype"] = "auto";
        } else {
            args["--dtype"] = gemm;
        }
        if (kv != "auto")
            args["--kv-cache-dtype"] = kv;
    } else if (runtime == "sglang") {
        if (moe == "w4afp8" || moe == "mxfp4") {
            args["--quantization"] = moe;
            args["--dtype"] = "auto";
            args["--moe-runner-backend"] = "flashinfer_mxfp4";
        } else if (dynamicFp8(gemm, modelQuantization)) {
            args["--quantization"] = "fp8";
            args["--dtype"] = "auto";
        } else {
            args["--dtype"] = gemm == "int8" ? std::string("auto") : gemm;
        }
        if (kv == "fp8")
            args["--kv-cache-dtype"] = "fp8_e5m2";
        else if (kv == "fp8_e5m2" || kv == "fp8_e4m3")
            args["--kv-cache-dtype"] = kv;
        if (attention == "fp8" || attention == "fp8_e5m2" || attention == "fp8_e4m3")
            args["--attention-backend"] = "flashinfer";
        if (moe == "fp8" && !args.contains("--quantization"))
            args["--moe-runner-backend"] = "flashinfer_cutlass";
    } else if (quantTrtllm(runtime)) {
        if (dynamicFp8(gemm, modelQuantization))
            args["--quant-algo"] = "FP8";
        else if (gemm == "int8")
            args["--quant-algo"] = "INT8";
        if (contains(kv, "fp8"))
            args["--kv-cache-quant-algo"] = "FP8";
        else if (kv == "int8")
            args["--kv-cache-quant-algo"] = "INT8";
        else if (kv == "int4")
            args["--kv-cache-quant-algo"] = "INT4";
        if (attention == "fp8" || attention == "fp8_e5m2" || attention == "fp8_e4m3")
            args["--fmha-quant-algo"] = "FP8";
        else if (attention == "fp8_block")
            args["--fmha-quant-algo"] = "FP8_BLOCK";
    }
    return args;
}

bool quantConfigValid(const Json &config)
{
    for (const QuantField &f : quantFields()) {
        const std::string value = config.contains(f.name) ? pythonStr(config[f.name]) : std::string("auto");
        if (std::find(f.allowed.begin(), f.allowed.end(), value) == f.allowed.end())
            return false;
    }
    return true;
}

// map_to_*_parallel_args(): keys with their dashes; null is Python's None (a bare switch).
Json parallelArgs(const std::string &runtime, const Json &config)
{
    Json args = Json::object();
    const auto notOne = [&](const char *key) { return config.contains(key) && !(config[key].is_number() && config[key] == 1); };
    const auto str = [&](const char *key) { return Json(pythonStr(config[key])); };
    if (runtime == "vllm") {
        if (notOne("tp"))
            args["--tensor-parallel-size"] = str("tp");
        if (notOne("pp"))
            args["--pipeline-parallel-size"] = str("pp");
        if (notOne("dp"))
            args["--data-parallel-size"] = str("dp");
        if (notOne("dcp"))
            args["--decode-context-parallel-size"] = str("dcp");
        if (const auto ep = config.find("enable_expert_parallel"); ep != config.end() && !ep->is_null()
            && !(ep->is_boolean() && !ep->get<bool>()) && !(ep->is_number() && *ep == 0) && !(ep->is_string() && ep->get<std::string>().empty()))
            args["--enable-expert-parallel"] = nullptr;
    } else if (runtime == "sglang") {
        if (notOne("tp"))
            args["--tp-size"] = str("tp");
        if (notOne("pp"))
            args["--pp-size"] = str("pp");
        if (notOne("dp"))
            args["--dp-size"] = str("dp");
        if (config.contains("moe_dense_tp"))
            args["--moe-dense-tp-size"] = str("moe_dense_tp");
    } else if (parallelTrtllm(runtime)) {
        for (const auto &[key, flag] : {std::pair{"tp", "tp_size"}, {"pp", "pp_size"}})
            if (config.contains(key))
                args[flag] = config[key];
        if (notOne("cp"))
            args["cp_size"] = config["cp"];
        for (const auto &[key, flag] : {std::pair{"moe_tp", "moe_tp_size"}, {"moe_ep", "moe_ep_size"}, {"moe_cluster", "moe_cluster_size"}})
            if (config.contains(key))
                args[flag] = config[key];
    }
    return args;
}

std::string withoutDashes(const std::string &key)
{
    const std::size_t start = key.find_first_not_of('-');
    return start == std::string::npos ? std::string() : key.substr(start);
}

} // namespace

std::string pythonStr(const Json &v, bool nested)
{
    switch (v.type()) {
    case Json::value_t::null: return "None";
    case Json::value_t::boolean: return v.get<bool>() ? "True" : "False";
    case Json::value_t::string: return nested ? "'" + v.get<std::string>() + "'" : v.get<std::string>();
    case Json::value_t::array: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + pythonStr(v[i], true);
        return out + "]";
    }
    case Json::value_t::object: {
        std::string out = "{";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += (first ? "'" : ", '") + it.key() + "': " + pythonStr(*it, true);
            first = false;
        }
        return out + "}";
    }
    default: return v.dump();
    }
}

std::vector<std::pair<std::string, Json>> webWorkerGridEntries(const Json &task, Diagnostics &findings)
{
    std::vector<std::pair<std::string, Json>> entries;
    const std::string runtime = task.contains("base_runtime") ? asciiLower(pythonStr(task["base_runtime"])) : std::string();
    const bool named = runtime == "vllm" || runtime == "sglang";
    const auto quant = task.find("quant_config");
    if (quant != task.end() && quant->is_object() && !quant->empty()) {
        if (quant->contains("presets")) {
            entries.emplace_back(std::string(quantPrefix) + "preset", asList((*quant)["presets"]));
            findings.push_back(finding(Severity::Warning, "autotuner.quant-preset-ignored", "/quant_config/presets",
                                       "the web worker never expands these presets: each runs with every dtype 'auto' "
                                       "(resolve_quant_config reads only the four dtype fields)"));
        } else {
            for (const QuantField &f : quantFields())
                if (const auto v = quant->find(f.name); v != quant->end() && !asList(*v).empty())
                    entries.emplace_back(std::string(quantPrefix) + f.name, asList(*v));
            if (quant->contains("preset"))
                findings.push_back(finding(Severity::Warning, "autotuner.quant-preset-ignored", "/quant_config/preset",
                                           "the web worker reads a preset only from \"presets\" (a list), and even those are never expanded: "
                                           "this one adds nothing"));
            for (const QuantField &f : quantFields())
                if (const auto v = quant->find(f.name); v != quant->end())
                    for (const Json &value : asList(*v))
                        if (std::find(f.allowed.begin(), f.allowed.end(), pythonStr(value)) == f.allowed.end())
                            findings.push_back(finding(Severity::Warning, "autotuner.quant-config-invalid",
                                                       std::string("/quant_config/") + f.name,
                                                       "the web worker rejects '" + pythonStr(value) + "' and runs those experiments without any of quant_config",
                                                       f.allowed));
        }
        if (!named && !quantTrtllm(runtime))
            findings.push_back(finding(Severity::Warning, "autotuner.quant-unmapped", "/quant_config",
                                       "the web worker translates quant_config only for base_runtime vllm, sglang or tensorrt_llm spelled so; '"
                                           + pythonStr(task["base_runtime"]) + "' gets no quantization flags"));
    }
    const auto parallel = task.find("parallel_config");
    if (parallel != task.end() && parallel->is_object() && !parallel->empty()) {
        if (parallel->contains("presets")) {
            entries.emplace_back(std::string(parallelPrefix) + "preset", asList((*parallel)["presets"]));
            findings.push_back(finding(Severity::Warning, "autotuner.parallel-preset-ignored", "/parallel_config/presets",
                                       "the web worker's parallel mappers read tp, pp, dp and the like, never a preset name: these presets add no flag"));
        } else {
            for (const char *name : parallelFields)
                if (const auto v = parallel->find(name); v != parallel->end() && !asList(*v).empty())
                    entries.emplace_back(std::string(parallelPrefix) + name, asList(*v));
        }
        if (!named && !parallelTrtllm(runtime))
            findings.push_back(finding(Severity::Warning, "autotuner.parallel-unmapped", "/parallel_config",
                                       "the web worker translates parallel_config only for base_runtime vllm, sglang or tensorrt_llm spelled so; '"
                                           + pythonStr(task["base_runtime"]) + "' gets no parallel flags"));
    }
    return entries;
}

Json webWorkerRuntimeParameters(const std::string &runtimeName, const Json &combination, const std::string &modelPath,
                                const Json &model)
{
    const std::string runtime = asciiLower(runtimeName);
    Json regular = Json::object(), quant = Json::object(), parallel = Json::object();
    for (auto it = combination.begin(); it != combination.end(); ++it) {
        const std::string &key = it.key();
        if (key.rfind(quantPrefix, 0) == 0)
            quant[key.substr(quantPrefix.size())] = *it;
        else if (key.rfind(parallelPrefix, 0) == 0)
            parallel[key.substr(parallelPrefix.size())] = *it;
        else
            regular[key] = *it;
    }
    if (!quant.empty()) {
        // prepare_experiment_parameters(): a rejected quant_config leaves the user's parameters alone.
        Json merged = Json::object();
        if (quantConfigValid(quant)) {
            merged = quantArgs(runtime, quant, detectModelQuantization(modelPath, model));
            // merge_parameters(): the user's values win, a boolean stays one, anything else becomes
            // its str(); a list is cut to str() of its first value, an empty one adds nothing.
            for (auto it = regular.begin(); it != regular.end(); ++it) {
                const std::string key = it.key().rfind("--", 0) == 0 ? it.key() : "--" + it.key();
                if (it->is_array()) {
                    if (!it->empty())
                        merged[key] = pythonStr(it->front());
                } else {
                    merged[key] = it->is_boolean() ? *it : Json(pythonStr(*it));
                }
            }
        } else {
            merged = regular;
        }
        regular = Json::object();
        for (auto it = merged.begin(); it != merged.end(); ++it)
            regular[withoutDashes(it.key())] = *it;
    }
    if (!parallel.empty()) {
        // prepare_runtime_parallel_parameters(): the parallel flags first, the rest after (and winning).
        Json merged = Json::object();
        const Json args = parallelArgs(runtime, parallel);
        for (auto it = args.begin(); it != args.end(); ++it)
            merged[withoutDashes(it.key())] = *it;
        for (auto it = regular.begin(); it != regular.end(); ++it)
            merged[it.key()] = *it;
        regular = std::move(merged);
    }
    return regular;
}

} // namespace quantcfg
