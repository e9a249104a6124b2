#include "core/hardware/memoryfit.h"

#include "core/methods.h"
#include "core/text.h"
#include "core/validation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace quantcfg {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// Whole-file bits per weight of llama.cpp's quantization types, as llama.cpp's quantize README
// lists them for Llama-2-7B (K-quant mixes keep some tensors at higher precision); the plain
// block types are their block size (Q4_0: 18 bytes per 32 weights = 4.5, plus a Q6_K output).
struct GgufType
{
    std::string_view name;
    double bits;
};
constexpr std::array<GgufType, 10> kGguf{{
    {"Q2_K", 3.35},
    {"Q3_K_M", 3.91},
    {"Q4_0", 4.55},
    {"Q4_K_S", 4.58},
    {"Q4_K_M", 4.84},
    {"Q5_0", 5.54},
    {"Q5_K_S", 5.52},
    {"Q5_K_M", 5.68},
    {"Q6_K", 6.56},
    {"Q8_0", 8.50},
}};

bool oneOf(const std::string &s, std::initializer_list<std::string_view> list)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

double dtypeBytes(const Config &c)
{
    return c.dtype.value_or("auto") == "float32" ? 4.0 : 2.0;
}

void assumed(Diagnostics *diags, std::string pointer, std::string message)
{
    if (diags)
        diags->push_back(makeDiagnostic(Severity::Warning, "fit.bits-assumed", std::move(message), std::move(pointer)));
}

// Integer weights with a 16-bit scale per group, plus a packed zero point per group for the
// asymmetric AWQ/GPTQ family.
double groupedBits(const Config &c, int bits, bool zeroPoint)
{
    const int group = c.quantization.groupSize.value_or(128);
    if (group <= 0)
        return bits; // per channel: one scale per row, negligible
    return bits + (16.0 + (zeroPoint ? bits : 0)) / group;
}

long long ceilDiv(long long a, long long b)
{
    return (a + b - 1) / b;
}

// Per-token KV bytes on one GPU, split into full-attention and sliding-window layers.
struct KvRate
{
    double full = 0;
    double sliding = 0;
};

KvRate kvRate(const ModelShape &m, const Config &c)
{
    const int tp = std::max(1, c.parallelism.tp());
    const int pp = std::max(1, c.parallelism.pp());
    // MLA keeps one latent vector per token, the same on every TP rank; otherwise K and V for
    // the KV heads of this rank (replicated when there are fewer heads than ranks).
    const double perLayer = (m.isMla() ? static_cast<double>(m.kvLoraRank + m.qkRopeHeadDim)
                                       : 2.0 * static_cast<double>(ceilDiv(m.numKvHeads, tp) * m.headDim))
                            * kvBytesPerElement(c);
    const long long sliding = m.slidingLayerCount();
    return {static_cast<double>(ceilDiv(m.numLayers - sliding, pp)) * perLayer,
            static_cast<double>(ceilDiv(sliding, pp)) * perLayer};
}

} // namespace

std::string ggufVariantFromFileName(std::string_view fileName)
{
    std::string upper(fileName);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const auto boundary = [&](std::size_t i) { return i >= upper.size() || !std::isalnum(static_cast<unsigned char>(upper[i])); };
    for (const GgufType &t : kGguf) { // no name is a prefix of another at a word boundary
        for (auto at = upper.find(t.name); at != std::string::npos; at = upper.find(t.name, at + 1)) {
            if ((at == 0 || boundary(at - 1)) && boundary(at + t.name.size()))
                return std::string(t.name);
        }
    }
    return {};
}

WeightFormat weightFormat(const Config &c, Diagnostics *diags)
{
    WeightFormat f;
    const QuantizationSettings &q = c.quantization;
    const std::string method = q.methodOrNone();
    f.otherBits = 8.0 * dtypeBytes(c);
    const int nominal = nominalWeightBits(method);
    const int bits = q.weightBits.value_or(nominal);
    if (method == "none") {
        f.bitsPerWeight = f.otherBits;
    } else if (method == "gguf") {
        const std::string variant = q.ggufVariant.value_or("Q4_K_M");
        if (!q.ggufVariant)
            assumed(diags, "/quantization/gguf_variant", "no gguf_variant: assuming Q4_K_M");
        const auto it = std::find_if(kGguf.begin(), kGguf.end(), [&](const GgufType &t) { return t.name == variant; });
        f.bitsPerWeight = it != kGguf.end() ? it->bits : 4.84;
        f.coversEmbeddings = true;
    } else if (oneOf(method, {"modelopt_fp4", "petit_nvfp4", "nvfp4_online"}) || (method == "modelopt" && bits == 4)) {
        f.bitsPerWeight = 4.0 + 8.0 / 16; // NVFP4: an FP8 scale per 16 weights
    } else if (method == "mxfp4") {
        f.bitsPerWeight = 4.0 + 8.0 / 32; // an E8M0 scale per 32 weights
    } else if (oneOf(method, {"mxfp8", "modelopt_mxfp8"})) {
        f.bitsPerWeight = 8.0 + 8.0 / 32;
    } else if (method == "bitsandbytes") {
        f.bitsPerWeight = bits == 8 ? 8.0 : 4.0 + 32.0 / 64; // NF4: an fp32 absmax per 64 weights
        if (!q.weightBits)
            assumed(diags, "/quantization/weight_bits", "no weight_bits for bitsandbytes: assuming 4-bit NF4");
    } else if (bits == 8 || oneOf(method, {"fp8", "w8a8_fp8", "modelopt_fp8", "w8a8_int8"})) {
        f.bitsPerWeight = 8.0; // per-tensor, per-channel or 128×128 block scales: negligible
    } else if (bits > 0) {
        const MethodInfo *info = MethodCatalogue::builtIn().find(method);
        const bool zeroPoint = info && info->zeroPoint;
        f.bitsPerWeight = groupedBits(c, bits, zeroPoint);
    } else {
        // modelopt / compressed-tensors without weight_bits: the checkpoint decides.
        f.bitsPerWeight = 8.0;
        assumed(diags, "/quantization/weight_bits", "no weight_bits for " + method + ": assuming 8-bit weights");
    }
    return f;
}

double kvBytesPerElement(const Config &c)
{
    const std::string dtype = c.kvCache.dtype.value_or("auto");
    if (dtype == "auto")
        return dtypeBytes(c);
    if (dtype.rfind("fp8", 0) == 0 || dtype == "int8")
        return 1.0; // (per-token-head scales of int8: negligible)
    if (dtype == "mxfp8")
        return 1.0 + 1.0 / 32; // an E8M0 scale per 32 elements
    if (dtype == "fp4_e2m1" || dtype == "nvfp4")
        return 0.5 + 1.0 / 16;
    return 2.0;
}

double kvBytesPerSequence(const ModelShape &shape, const Config &config, long long length)
{
    const KvRate r = kvRate(shape, config);
    const long long windowed = shape.slidingWindow > 0 ? std::min(length, shape.slidingWindow) : length;
    return r.full * static_cast<double>(length) + r.sliding * static_cast<double>(windowed);
}

namespace {

// The figures of one estimate and the findings that are not about memory (heads, GPU count,
// unknown memory); estimateFit() adds the verdict and the advice.
FitEstimate estimateNumbers(const ModelShape &m, const Config &c, const GpuTarget &gpu, const FitOptions &o)
{
    FitEstimate e;
    e.tensorParallel = std::max(1, c.parallelism.tp());
    e.pipelineParallel = std::max(1, c.parallelism.pp());
    e.gpus = e.tensorParallel * e.pipelineParallel;
    e.parameters = countParameters(m);
    e.format = weightFormat(c, &e.diagnostics);
    e.concurrency = std::max(1LL, o.concurrency);
    const int tp = e.tensorParallel, pp = e.pipelineParallel;

    // Weights: the layers split over PP stages and TP ranks; embedding and lm_head split over TP
    // (vocabulary-parallel) and held by the first and last stage.
    const ParameterCount &p = e.parameters;
    const double vocabBits = e.format.coversEmbeddings ? e.format.bitsPerWeight : e.format.otherBits;
    const double layerBytes = (static_cast<double>(p.linear) * e.format.bitsPerWeight
                               + static_cast<double>(p.other) * (e.format.coversEmbeddings ? e.format.bitsPerWeight : e.format.otherBits))
                              / 8.0;
    const double vocabParams = pp == 1 ? static_cast<double>(p.embedding + p.lmHead)
                                       : static_cast<double>(std::max(p.embedding, p.lmHead));
    e.weightBytes = (layerBytes * static_cast<double>(ceilDiv(m.numLayers, pp)) / static_cast<double>(m.numLayers)
                     + vocabParams * vocabBits / 8.0)
                    / tp;

    if (m.numHeads % tp != 0) {
        e.diagnostics.push_back(makeDiagnostic(Severity::Error, "fit.tp-heads",
                                               std::to_string(m.numHeads) + " attention heads cannot be split over tensor_parallel_size "
                                                   + std::to_string(tp),
                                               "/parallelism/tensor_parallel_size"));
    }
    const long long gpusNeeded = static_cast<long long>(tp) * pp;
    if (gpu.count > 0 && gpusNeeded > gpu.count) {
        e.diagnostics.push_back(makeDiagnostic(Severity::Error, "fit.not-enough-gpus",
                                               "tensor × pipeline parallel needs " + std::to_string(gpusNeeded) + " GPUs, "
                                                   + std::to_string(gpu.count) + " available",
                                               "/parallelism"));
    }
    e.maxLen = o.maxLen.value_or(m.maxPositionEmbeddings);
    e.kvBytesPerElement = kvBytesPerElement(c);
    const KvRate rate = kvRate(m, c);
    e.kvBytesPerToken = rate.full + rate.sliding;
    if (gpu.memoryGiB <= 0.0) {
        Diagnostic d = makeDiagnostic(Severity::Error, "fit.memory-unknown",
                                      gpu.name.empty() ? std::string("no target GPU: the fit needs a GPU of known memory")
                                                       : "the memory of GPU '" + gpu.name + "' is unknown");
        d.suggestion = "name the GPU (e.g. --gpu h100) instead of a compute capability";
        e.diagnostics.push_back(std::move(d));
        return e;
    }
    e.budgetBytes = gpu.memoryGiB * kGiB * o.gpuMemoryUtilization;
    e.overheadBytes = o.overheadGiB * kGiB;
    e.kvBudgetBytes = e.budgetBytes - e.weightBytes - e.overheadBytes;
    e.weightsFit = e.kvBudgetBytes > 0;
    e.kvCapacityTokens = e.weightsFit ? static_cast<long long>(e.kvBudgetBytes / e.kvBytesPerToken) : 0;
    const double perSequence = kvBytesPerSequence(m, c, e.maxLen);
    e.requiredKvBytes = perSequence * static_cast<double>(e.concurrency);
    e.headroomBytes = e.kvBudgetBytes - e.requiredKvBytes;
    e.maxConcurrency = e.weightsFit && perSequence > 0 ? static_cast<long long>(e.kvBudgetBytes / perSequence) : 0;

    // Largest L with concurrency × (full·L + sliding·min(L, window)) ≤ budget, capped at the
    // model's maximum: first assume L ≤ window, then solve the part past the window.
    if (e.weightsFit) {
        const double perSeqBudget = e.kvBudgetBytes / static_cast<double>(e.concurrency);
        const long long cap = m.maxPositionEmbeddings > 0 ? m.maxPositionEmbeddings : e.maxLen;
        double len = perSeqBudget / (rate.full + rate.sliding);
        if (m.slidingWindow > 0 && len > static_cast<double>(m.slidingWindow)) {
            const double rest = perSeqBudget - rate.sliding * static_cast<double>(m.slidingWindow);
            len = rate.full > 0 ? rest / rate.full : static_cast<double>(cap);
        }
        e.maxFittingLength = std::min(cap, static_cast<long long>(std::floor(len)));
    }
    e.fits = e.weightsFit && e.headroomBytes >= 0 && !hasErrors(e.diagnostics);
    return e;
}

// Whether tensor parallelism over @p tp ranks splits the model the way the engines require: the
// attention heads evenly, and the KV heads evenly or each replicated over a whole number of ranks
// (vLLM's QKVParallelLinear and SGLang's asserts; MLA's latent is not split by heads).
bool splitsHeads(const ModelShape &m, int tp)
{
    if (m.numHeads % tp != 0)
        return false;
    if (m.isMla() || m.numKvHeads <= 0)
        return true;
    return m.numKvHeads >= tp ? m.numKvHeads % tp == 0 : tp % m.numKvHeads == 0;
}

// "a", "a or b", "a, b, or c".
std::string either(const std::vector<std::string> &options)
{
    std::string out;
    for (std::size_t i = 0; i < options.size(); ++i)
        out += (i == 0 ? "" : i + 1 < options.size() ? ", " : options.size() > 2 ? ", or " : " or ") + options[i];
    return out;
}

} // namespace

FitOptions fitOptionsFor(const Config &config)
{
    FitOptions o;
    const ServingSettings &s = config.serving;
    if (s.gpuMemoryUtilization && *s.gpuMemoryUtilization > 0 && *s.gpuMemoryUtilization <= 1)
        o.gpuMemoryUtilization = *s.gpuMemoryUtilization;
    if (s.maxModelLen && *s.maxModelLen > 0)
        o.maxLen = *s.maxModelLen;
    return o;
}

FitEstimate estimateFit(const ModelShape &m, const Config &c, const GpuTarget &gpu, const FitOptions &o)
{
    FitEstimate e = estimateNumbers(m, c, gpu, o);
    if (e.budgetBytes <= 0)
        return e; // memory unknown: nothing to search, and the error says why

    // The fewest GPUs: the smallest tensor-parallel size that fits, pipeline stages as configured.
    e.gpuSearchLimit = gpu.count > 0 ? gpu.count : std::max(1, o.maxGpus);
    for (int tp = 1; tp * e.pipelineParallel <= e.gpuSearchLimit; ++tp) {
        if (!splitsHeads(m, tp))
            continue;
        Config split = c;
        split.parallelism.tensorParallel = tp;
        if (estimateNumbers(m, split, gpu, o).fits) {
            e.fewestTensorParallel = tp;
            e.fewestGpus = tp * e.pipelineParallel;
            break;
        }
    }

    // Advice that fits this configuration: more GPUs only when more of them fit (and how many), an
    // FP8 KV cache only when the cache is wider than that, fewer bits only above 4-bit formats.
    std::vector<std::string> moreGpus;
    if (e.fewestTensorParallel && *e.fewestTensorParallel > e.tensorParallel)
        moreGpus.push_back("use " + std::to_string(e.fewestGpus) + " GPUs (tensor_parallel_size " + std::to_string(*e.fewestTensorParallel)
                           + ")");
    const bool widerThanFp8Kv = e.kvBytesPerElement > 1.0 + 1.0 / 32;
    if (!e.weightsFit) {
        Diagnostic d = makeDiagnostic(Severity::Error, "fit.weights-do-not-fit",
                                      "the weights need more memory than the GPU's budget leaves");
        std::vector<std::string> ways = moreGpus;
        if (e.format.bitsPerWeight > 5.0)
            ways.push_back("a lower-bit method");
        ways.push_back("a GPU with more memory");
        if (!e.fewestTensorParallel)
            ways.push_back("more than " + std::to_string(e.gpuSearchLimit) + " GPUs");
        d.suggestion = either(ways);
        e.diagnostics.push_back(std::move(d));
    } else if (e.headroomBytes < 0) {
        Diagnostic d = makeDiagnostic(Severity::Error, "fit.kv-does-not-fit",
                                      counted(e.concurrency, "sequence") + " of " + std::to_string(e.maxLen)
                                          + " tokens need more KV cache than is left after the weights");
        std::vector<std::string> ways;
        if (e.maxFittingLength > 0)
            ways.push_back("lower the max length to " + std::to_string(e.maxFittingLength));
        if (e.concurrency > 1 && e.maxConcurrency > 0)
            ways.push_back("lower the concurrency to " + std::to_string(e.maxConcurrency));
        if (widerThanFp8Kv)
            ways.push_back("use an fp8 KV cache");
        ways.insert(ways.end(), moreGpus.begin(), moreGpus.end());
        if (ways.empty())
            ways.push_back("use a GPU with more memory");
        d.suggestion = either(ways);
        e.diagnostics.push_back(std::move(d));
    }
    return e;
}

std::optional<long long> largestFittingLength(const ModelShape &shape, const Config &config, const GpuTarget &gpu,
                                              const FitOptions &options)
{
    const FitEstimate e = estimateFit(shape, config, gpu, options);
    if (e.maxFittingLength <= 0)
        return std::nullopt;
    return e.maxFittingLength;
}

} // namespace quantcfg
