#include "core/applicability.h"

#include "core/validation.h"

#include <algorithm>
#include <array>

namespace quantcfg {

namespace {

constexpr std::string_view kMethod = "/quantization/method";

FieldApplicability onlyWhen(std::string_view dependsOn, std::vector<std::string> values, bool satisfied)
{
    if (satisfied)
        return {};
    return {FieldApplicability::Rule::RequiresValue, std::string(dependsOn), std::move(values)};
}

} // namespace

FieldApplicability fieldApplicability(const Config &config, std::string_view pointer)
{
    const std::string method = config.quantization.methodOrNone();
    if (pointer == "/quantization/weight_bits" || pointer == "/quantization/activation_bits") {
        if (method == "none")
            return {FieldApplicability::Rule::RequiresMethod, std::string(kMethod), {}};
        return {};
    }
    if (pointer == "/quantization/group_size") {
        if (method == "none" || nominalWeightBits(method) == 8)
            return {FieldApplicability::Rule::RequiresLowBits, std::string(kMethod), {}};
        return {};
    }
    if (pointer == "/quantization/activation_dtype")
        return onlyWhen(kMethod, {"w4a8"}, method == "w4a8");
    if (pointer == "/quantization/fp8_variant")
        return onlyWhen(kMethod, {"fp8"}, method == "fp8");
    if (pointer == "/quantization/gguf_variant")
        return onlyWhen(kMethod, {"gguf"}, method == "gguf");
    if (pointer == "/quantization/base_quantization" || pointer == "/quantization/memory_reduction")
        return onlyWhen(kMethod, {"qoq"}, method == "qoq");
    if (pointer == "/quantization/enable_marlin") {
        // The AWQ/GPTQ family, whose kernels have Marlin variants.
        static const std::vector<std::string> family{"awq", "awq_marlin", "gptq", "gptq_marlin", "marlin"};
        return onlyWhen(kMethod, family, std::find(family.begin(), family.end(), method) != family.end());
    }
    if (pointer == "/kv_cache/fp8_format")
        return onlyWhen("/kv_cache/dtype", {"fp8"}, config.kvCache.dtype.value_or("auto") == "fp8");
    return {};
}

} // namespace quantcfg
