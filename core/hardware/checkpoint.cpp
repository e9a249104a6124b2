#include "core/hardware/checkpoint.h"
#include "core/text.h"

#include "core/hardware/memoryfit.h"
#include "core/jsonio.h"
#include "core/methods.h"
#include "core/text.h"

#include <algorithm>
#include <initializer_list>

namespace quantcfg {

namespace {

std::string str(const Json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> integer(const Json &obj, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const auto it = obj.find(key);
        if (it != obj.end() && it->is_number_integer())
            return it->get<int>();
    }
    return std::nullopt;
}

bool startsWith(const std::string &s, std::string_view prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// A ModelOpt description: legacy {"quantization": {...}} or flat {"quant_method": "modelopt", ...}.
void readModelOpt(const Json &doc, CheckpointQuantization &q)
{
    const auto nested = doc.find("quantization");
    const Json &src = nested != doc.end() && nested->is_object() ? *nested : doc;
    q.format = "modelopt";
    q.quantMethod = "modelopt";
    q.quantAlgo = str(src, "quant_algo");
    q.kvCacheQuantAlgo = str(src, "kv_cache_quant_algo");
    q.groupSize = integer(src, {"group_size"});
}

std::string normalisedFormat(std::string method)
{
    method = asciiLower(method);
    if (method == "intel/auto-round" || method == "autoround")
        return "auto-round";
    return method;
}

std::string describe(const CheckpointQuantization &q)
{
    if (q.format.empty())
        return "not quantized";
    return q.format + (q.quantAlgo.empty() ? "" : " " + q.quantAlgo);
}

Diagnostic finding(Severity s, const char *code, std::string message, const char *pointer)
{
    return makeDiagnostic(s, code, std::move(message), pointer);
}

} // namespace

CheckpointInfo readCheckpoint(const std::filesystem::path &path)
{
    CheckpointInfo info;
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::is_directory(path, ec) ? path : path.parent_path();
    CheckpointQuantization q;
    const std::filesystem::path hfQuant = dir / "hf_quant_config.json";
    if (std::filesystem::exists(hfQuant, ec)) {
        JsonResult r = loadJsonFile(hfQuant);
        if (!r.value || !r.value->is_object()) {
            info.diagnostics = std::move(r.diagnostics);
            return info;
        }
        readModelOpt(*r.value, q);
        q.source = "hf_quant_config.json";
        info.quantization = q;
        return info;
    }
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".gguf") {
            q.format = q.quantMethod = "gguf";
            q.source = entry.path().filename().string();
            q.ggufVariant = ggufVariantFromFileName(q.source);
            info.quantization = q;
            return info;
        }
    }
    JsonResult r = loadJsonFile(dir / "config.json");
    if (!r.value || !r.value->is_object()) {
        info.diagnostics = std::move(r.diagnostics);
        return info;
    }
    q.source = "config.json";
    const Json &cfg = *r.value;
    auto qc = cfg.find("quantization_config");
    if (qc == cfg.end() || !qc->is_object())
        qc = cfg.find("compression_config"); // older compressed-tensors exports
    if (qc != cfg.end() && qc->is_object()) {
        q.quantMethod = str(*qc, "quant_method");
        if (q.quantMethod == "modelopt") {
            readModelOpt(*qc, q);
        } else {
            q.format = normalisedFormat(q.quantMethod);
            q.bits = integer(*qc, {"bits", "w_bit", "weight_bits"});
            q.groupSize = integer(*qc, {"group_size", "q_group_size"});
            if (q.format == "bitsandbytes" && !q.bits)
                q.bits = qc->value("load_in_8bit", false) ? 8 : 4;
        }
    }
    info.quantization = q;
    return info;
}

Config completedFromCheckpoint(Config config, const CheckpointQuantization &checkpoint)
{
    auto &q = config.quantization;
    if (checkpoint.format == "gguf" && q.methodOrNone() == "gguf" && !q.ggufVariant && !checkpoint.ggufVariant.empty())
        q.ggufVariant = checkpoint.ggufVariant;
    return config;
}

bool runOnSameCheckpoint(const std::string &a, const std::string &b)
{
    const MethodInfo *ra = MethodCatalogue::builtIn().find(a);
    const MethodInfo *rb = MethodCatalogue::builtIn().find(b);
    if (!ra || !rb)
        return true;
    return std::any_of(ra->checkpointFormats.begin(), ra->checkpointFormats.end(), [&](const std::string &format) { return rb->runsOn(format); });
}

Diagnostics checkCheckpoint(const CheckpointQuantization &q, const Config &config)
{
    Diagnostics out;
    const std::string method = config.quantization.methodOrNone();
    if (const MethodInfo *rule = MethodCatalogue::builtIn().find(method)) {
        const bool formatOk = rule->runsOn(q.format);
        const auto &prefixes = rule->modelOptAlgos;
        const bool algoOk = q.format != "modelopt" || prefixes.empty()
                            || std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string &p) { return startsWith(q.quantAlgo, p); });
        if (method == "none" && !q.format.empty()) {
            Diagnostic d = finding(Severity::Warning, "checkpoint.quantized-but-none",
                                   "the checkpoint is quantized (" + describe(q) + ", " + q.source
                                       + ") but the configuration's method is none; engines will use the checkpoint's method",
                                   "/quantization/method");
            d.value = q.format;
            out.push_back(std::move(d));
        } else if (q.format.empty() && !formatOk) {
            Diagnostic d = finding(Severity::Error, "checkpoint.not-quantized",
                                   "the configuration says " + method + " but the checkpoint is not quantized",
                                   "/quantization/method");
            d.suggestion = "point the model at " + withArticle(method) + " checkpoint, or quantize this one first";
            out.push_back(std::move(d));
        } else if (!formatOk || !algoOk) {
            Diagnostic d = finding(Severity::Error, "checkpoint.method-mismatch",
                                   "the configuration says " + method + " but the checkpoint is " + describe(q) + " ("
                                       + q.source + ")",
                                   "/quantization/method");
            d.value = q.format;
            d.suggestion = "set quantization.method to match the checkpoint, or use a checkpoint made with " + method;
            out.push_back(std::move(d));
        } else if (q.format.empty() && method != "none") {
            out.push_back(finding(Severity::Info, "checkpoint.online-quantization",
                                  "the checkpoint is not quantized: the engine quantizes the weights to " + method + " while loading",
                                  "/quantization/method"));
        }
    }
    if (q.bits && config.quantization.weightBits && *q.bits != *config.quantization.weightBits) {
        out.push_back(finding(Severity::Warning, "checkpoint.bits-mismatch",
                              "weight_bits is " + std::to_string(*config.quantization.weightBits) + " but the checkpoint has "
                                  + std::to_string(*q.bits) + "-bit weights",
                              "/quantization/weight_bits"));
    }
    if (q.groupSize && config.quantization.groupSize && *q.groupSize != *config.quantization.groupSize) {
        out.push_back(finding(Severity::Warning, "checkpoint.group-size-mismatch",
                              "group_size is " + std::to_string(*config.quantization.groupSize) + " but the checkpoint uses "
                                  + std::to_string(*q.groupSize),
                              "/quantization/group_size"));
    }
    const std::string kv = config.kvCache.dtype.value_or("auto");
    const bool kvFp8 = startsWith(kv, "fp8"), kvFp4 = kv == "nvfp4" || kv == "fp4_e2m1";
    if (!q.kvCacheQuantAlgo.empty() && !kvFp8 && !kvFp4) {
        out.push_back(finding(Severity::Info, "checkpoint.kv-scales-unused",
                              "the checkpoint carries " + q.kvCacheQuantAlgo + " KV-cache scales but kv_cache.dtype is " + kv,
                              "/kv_cache/dtype"));
    } else if ((kvFp8 && q.kvCacheQuantAlgo == "NVFP4") || (kvFp4 && q.kvCacheQuantAlgo != "NVFP4")) {
        out.push_back(finding(Severity::Warning, "checkpoint.kv-mismatch",
                              "kv_cache.dtype is " + kv + " but the checkpoint's KV-cache calibration is "
                                  + (q.kvCacheQuantAlgo.empty() ? std::string("absent") : q.kvCacheQuantAlgo),
                              "/kv_cache/dtype"));
    }
    // TensorRT-LLM's PyTorch backend loads ModelOpt, fp8/mxfp4/mxfp8/nvfp4 and compressed-tensors
    // checkpoints; AutoAWQ/AutoGPTQ raise "Unsupported quantization_config" and GGUF cannot load.
    static const std::initializer_list<std::string_view> trtFormats{"", "modelopt", "fp8", "mxfp4", "mxfp8", "nvfp4", "compressed-tensors"};
    if (std::find(trtFormats.begin(), trtFormats.end(), q.format) == trtFormats.end()) {
        Diagnostic d = finding(Severity::Warning, "checkpoint.trtllm-unsupported",
                               "TensorRT-LLM cannot load this checkpoint (" + q.format + ", " + q.source + ")", "/model/id_or_path");
        d.engine = "trtllm";
        d.suggestion = "re-quantize the original model with NVIDIA ModelOpt (examples/llm_ptq, --export_fmt hf), e.g. --quant int4_awq or fp8";
        out.push_back(std::move(d));
    }
    return out;
}

Json quantizationSectionFor(const CheckpointQuantization &q)
{
    Json section = Json::object();
    std::string method = q.format.empty() ? "none" : q.format;
    if (q.format == "modelopt") {
        // Priced by what the algorithm stores: NVFP4, FP8, or ModelOpt INT4-AWQ (group 128).
        if (startsWith(q.quantAlgo, "NVFP4"))
            method = "modelopt_fp4";
        else if (startsWith(q.quantAlgo, "FP8"))
            method = "modelopt_fp8";
        else if (startsWith(q.quantAlgo, "W4A8"))
            method = "w4a8";
        else if (startsWith(q.quantAlgo, "W4A16"))
            method = "awq";
    }
    section["method"] = method;
    if (q.bits)
        section["weight_bits"] = *q.bits;
    if (q.groupSize && method != "modelopt_fp4")
        section["group_size"] = *q.groupSize;
    if (!q.ggufVariant.empty())
        section["gguf_variant"] = q.ggufVariant;
    return section;
}

} // namespace quantcfg
