#include "core/validation.h"

#include "core/applicability.h"
#include "core/engines/profile.h"
#include "core/methods.h"
#include "core/schema.h"

#include <algorithm>
#include <sstream>

namespace quantcfg {

namespace {

Diagnostic make(Severity s, std::string code, std::string pointer, std::string message)
{
    return makeDiagnostic(s, std::move(code), std::move(message), std::move(pointer));
}

std::vector<std::string> toStrings(const std::vector<int> &bits)
{
    std::vector<std::string> out;
    for (int b : bits)
        out.push_back(std::to_string(b));
    return out;
}

int ggufBits(std::string_view variant)
{
    if (variant.size() >= 2 && variant[0] == 'Q')
        return variant[1] - '0';
    return 0;
}

void checkQuantization(const Config &c, Diagnostics &out)
{
    const auto &q = c.quantization;
    const std::string method = q.methodOrNone();
    const MethodInfo *t = MethodCatalogue::builtIn().find(method);
    if (!t)
        return; // the schema already reports an unknown method

    // Fields that do not apply to the method (weight_bits with none, ...) are checkApplicability()'s.
    if (q.weightBits && t->weightBits.size() > 0
        && std::find(t->weightBits.begin(), t->weightBits.end(), *q.weightBits) == t->weightBits.end()) {
        Diagnostic d = make(Severity::Error, "semantic.weight-bits", "/quantization/weight_bits",
                            method + " checkpoints do not have " + std::to_string(*q.weightBits) + "-bit weights");
        d.value = std::to_string(*q.weightBits);
        d.allowed = toStrings(t->weightBits);
        out.push_back(std::move(d));
    }
    if (q.activationBits && t->activationBits != 0 && *q.activationBits != t->activationBits) {
        Diagnostic d = make(Severity::Error, "semantic.activation-bits", "/quantization/activation_bits",
                            method + (t->activationBits == 16 ? " is weight-only: activations stay 16-bit"
                                                              : " quantizes activations to 8 bits"));
        d.value = std::to_string(*q.activationBits);
        d.allowed = {std::to_string(t->activationBits)};
        out.push_back(std::move(d));
    }
    if (method == "w4a8" && !q.activationDtype) {
        Diagnostic d = make(Severity::Info, "semantic.default-activation-dtype", "/quantization/activation_dtype",
                            "w4a8 without activation_dtype is taken as fp8 activations");
        d.allowed = {"fp8", "int8"};
        out.push_back(std::move(d));
    }
    if (method == "gguf" && q.ggufVariant && q.weightBits && ggufBits(*q.ggufVariant) != *q.weightBits) {
        out.push_back(make(Severity::Warning, "semantic.gguf-bits", "/quantization/weight_bits",
                           "weight_bits " + std::to_string(*q.weightBits) + " does not match GGUF type " + *q.ggufVariant));
    }
    if (method == "qoq" && !q.baseQuantization) {
        Diagnostic d = make(Severity::Error, "semantic.qoq-needs-base", "/quantization/base_quantization",
                            "qoq needs base_quantization: engines without QoQ need a checkpoint of that method instead, and their plans name it");
        d.suggestion = "set base_quantization to the method the checkpoint was quantized with, e.g. awq";
        out.push_back(std::move(d));
    }
    if (method == "qoq" && q.baseQuantization == "qoq") {
        out.push_back(make(Severity::Error, "semantic.qoq-base-is-qoq", "/quantization/base_quantization",
                           "base_quantization cannot itself be qoq"));
    }
    if (q.fallbackMethod) {
        if (*q.fallbackMethod == method)
            out.push_back(make(Severity::Warning, "semantic.fallback-same", "/quantization/fallback_method",
                               "fallback_method is the same as method, so it never helps"));
        else if (*q.fallbackMethod == "qoq")
            out.push_back(make(Severity::Error, "semantic.fallback-qoq", "/quantization/fallback_method",
                               "qoq cannot be a fallback: it is itself the least supported method"));
    }
    const bool isMarlin = method == "awq_marlin" || method == "gptq_marlin" || method == "marlin";
    if (q.enableMarlin == false && isMarlin) {
        out.push_back(make(Severity::Warning, "semantic.marlin-conflict", "/quantization/enable_marlin",
                           "enable_marlin is false but method " + method + " is a Marlin method"));
    }
}

void checkKvCache(const Config &c, Diagnostics &out)
{
    const auto &kv = c.kvCache;
    if (!kv.fp8Format)
        return;
    // fp8_format with any other dtype does not apply (checkApplicability()); with an FP8 dtype that
    // names the other format it is a contradiction.
    const std::string dtype = kv.dtype.value_or("auto");
    if ((dtype == "fp8_e5m2" || dtype == "fp8_e4m3") && dtype.substr(4) != *kv.fp8Format) {
        Diagnostic d = make(Severity::Error, "semantic.kv-fp8-conflict", "/kv_cache/fp8_format",
                            "fp8_format " + *kv.fp8Format + " contradicts dtype " + dtype);
        d.suggestion = "set dtype to fp8 and choose the format here, or remove fp8_format";
        out.push_back(std::move(d));
    }
}

void checkParallelism(const Config &c, Diagnostics &out)
{
    const auto &p = c.parallelism;
    // With several nodes the deployment's own check (core/engines/deploy.cpp) knows the node's size
    // and the engine's reason.
    if (p.tensorParallel && *p.tensorParallel > 8 && c.deployment.nodeCount() == 1) {
        out.push_back(make(Severity::Warning, "semantic.multi-node", "/parallelism/tensor_parallel_size",
                           "tensor_parallel_size " + std::to_string(*p.tensorParallel)
                               + " is larger than one 8-GPU node: tensor parallelism across nodes needs a fast interconnect"));
    } else if (p.tensorParallel && *p.tensorParallel > 0 && (*p.tensorParallel & (*p.tensorParallel - 1)) != 0) {
        out.push_back(make(Severity::Warning, "semantic.tp-not-power-of-two", "/parallelism/tensor_parallel_size",
                           "tensor_parallel_size is not a power of two; most models' head counts will not divide evenly"));
    }
    const auto &m = c.moe;
    const int tp = p.tp();
    // Non-positive expert sizes are schema errors; the arithmetic below only makes sense for real
    // sizes, so they count as unset (0). Plain ints: GCC 12 -O2 wrongly finds copied optionals
    // "maybe uninitialized", which fails the -Werror build.
    const int expertParallel = m.expertParallel && *m.expertParallel > 0 ? *m.expertParallel : 0;
    const int expertTp = m.expertTp && *m.expertTp > 0 ? *m.expertTp : 0;
    if (expertParallel > 0 && tp % expertParallel != 0 && expertParallel % tp != 0) {
        out.push_back(make(Severity::Warning, "semantic.ep-tp", "/moe/expert_parallel_size",
                           "expert_parallel_size " + std::to_string(expertParallel) + " neither divides nor is a multiple of tensor_parallel_size "
                               + std::to_string(tp)));
    }
    if (expertTp > 0) {
        const int ep = expertParallel;
        const long long product = static_cast<long long>(expertTp) * ep;
        if (ep > 0 && product != tp) {
            Diagnostic d = make(Severity::Warning, "semantic.moe-sizes", "/moe/expert_tp_size",
                                "expert_tp_size × expert_parallel_size = " + std::to_string(product)
                                    + " but tensor_parallel_size is " + std::to_string(tp));
            d.suggestion = "engines split the TP group into expert TP × expert parallel; make the product equal tensor_parallel_size";
            out.push_back(std::move(d));
        } else if (ep == 0 && (expertTp > tp || tp % expertTp != 0)) {
            out.push_back(make(Severity::Warning, "semantic.moe-sizes", "/moe/expert_tp_size",
                               "expert_tp_size " + std::to_string(expertTp) + " does not divide tensor_parallel_size " + std::to_string(tp)));
        }
    }
}

// What the schema's ranges cannot say about the serving settings.
void checkServing(const Config &c, Diagnostics &out)
{
    const auto &s = c.serving;
    if (s.gpuMemoryUtilization && *s.gpuMemoryUtilization == 1.0) {
        Diagnostic d = make(
            Severity::Warning, "semantic.memory-fraction-whole", "/serving/gpu_memory_utilization",
            "gpu_memory_utilization 1 asks for the whole GPU, which is never free: the CUDA context alone takes some of it, and vLLM stops at "
            "start-up when less than this fraction is free (\"Free memory on device ... is less than desired GPU memory utilization\")");
        d.suggestion = "leave some memory: 0.95 or less";
        out.push_back(std::move(d));
    }
    if (s.port && *s.port > 0 && *s.port < 1024) {
        Diagnostic d = make(Severity::Warning, "semantic.privileged-port", "/serving/port",
                            "port " + std::to_string(*s.port)
                                + " is below 1024: only root (or a process with CAP_NET_BIND_SERVICE) may listen on it");
        d.suggestion = "use a port from 1024 up, e.g. 8000";
        out.push_back(std::move(d));
    }
}

// What the schema cannot say about the deployment section without knowing an engine (the engine's
// own GPU-count and flag rules are in core/engines/deploy.cpp).
void checkDeployment(const Config &c, Diagnostics &out)
{
    const auto &d = c.deployment;
    if (d.nodeCount() > 1 && d.launcherOrDefault() == "single") {
        Diagnostic e = make(Severity::Error, "semantic.deployment-single", "/deployment/launcher",
                            "launcher single starts one process on one machine, but nodes is " + std::to_string(d.nodeCount())
                                + ": the other nodes would never join");
        e.allowed = {"native", "ray", "mpi"};
        e.suggestion = "set launcher to native (the engine's own multi-node mode), ray (vLLM) or mpi (TensorRT-LLM)";
        out.push_back(std::move(e));
    }
    if (d.dataParallelLb && *d.dataParallelLb != "internal" && c.parallelism.dp() <= 1) {
        out.push_back(make(Severity::Warning, "semantic.deployment-lb-without-dp", "/deployment/data_parallel_lb",
                           "data_parallel_lb " + *d.dataParallelLb + " has no effect without data parallelism (data_parallel_size is "
                               + std::to_string(c.parallelism.dp()) + ")"));
    }
}

// Fields set although they have no effect: warnings from the same rules the studio's form disables
// fields by. A field that already has an error says what is wrong with it more precisely, and an
// unknown method (a schema error) is no ground for judging the fields that depend on it.
void checkApplicability(const Config &c, Diagnostics &out)
{
    const bool knownMethod = MethodCatalogue::builtIn().find(c.quantization.methodOrNone()) != nullptr;
    for (InapplicableField &f : inapplicableFields(c)) {
        if (!knownMethod && f.applicability.dependsOn == "/quantization/method")
            continue;
        const bool hasError = std::any_of(out.begin(), out.end(), [&](const Diagnostic &d) {
            return d.pointer == f.pointer && d.severity == Severity::Error;
        });
        if (!hasError)
            out.push_back(make(Severity::Warning, std::move(f.code), std::move(f.pointer), std::move(f.message)));
    }
}

} // namespace

int nominalWeightBits(std::string_view method)
{
    const MethodInfo *t = MethodCatalogue::builtIn().find(method);
    if (!t || t->weightBits.size() != 1)
        return 0;
    return t->weightBits.front();
}

Diagnostics checkSemantics(const Config &config)
{
    Diagnostics out;
    if (!config.model.idOrPath) {
        out.push_back(make(Severity::Info, "semantic.default-model", "/model/id_or_path",
                           std::string("no model set: the commands serve the default model ") + kDefaultModel));
    }
    checkQuantization(config, out);
    checkKvCache(config, out);
    checkParallelism(config, out);
    checkServing(config, out);
    checkDeployment(config, out);
    checkApplicability(config, out);
    return out;
}

void sortDiagnostics(Diagnostics &diags)
{
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.pointer != b.pointer)
            return a.pointer < b.pointer;
        return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
}

Diagnostics validateDocument(const Json &doc)
{
    return validateDocument(doc, Config::fromJson(doc));
}

Diagnostics validateDocument(const Json &doc, const Config &config)
{
    if (!doc.is_object()) {
        Diagnostic d = make(Severity::Error, "json.not-object", "",
                            std::string("a configuration must be a JSON object, found ") + doc.type_name());
        return {d};
    }
    const Schema &schema = Schema::unifiedConfig();
    Diagnostics out = schema.validate(doc);
    // A percentage where the fraction belongs (90 for 0.9): the range error says which to write.
    if (const auto &fraction = config.serving.gpuMemoryUtilization; fraction && *fraction > 1 && *fraction <= 100) {
        for (Diagnostic &d : out) {
            if (d.pointer == "/serving/gpu_memory_utilization" && d.code == "schema.range") {
                std::ostringstream text; // 90 and 0.9, as people write them
                text << "it is a fraction, not a percentage: write " << *fraction / 100 << " for " << *fraction << " %";
                d.suggestion = text.str();
            }
        }
    }
    Diagnostics unknown = schema.unknownKeys(doc);
    out.insert(out.end(), unknown.begin(), unknown.end());
    Diagnostics semantic = checkSemantics(config);
    out.insert(out.end(), semantic.begin(), semantic.end());
    Diagnostics pins = ProfileRegistry::builtIn().checkPins(config);
    out.insert(out.end(), pins.begin(), pins.end());
    sortDiagnostics(out);
    return out;
}

} // namespace quantcfg
