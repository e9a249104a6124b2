#include "core/applicability.h"

#include "core/methods.h"
#include "core/validation.h"

#include <algorithm>
#include <array>

namespace quantcfg {

namespace {

constexpr std::string_view kMethod = "/quantization/method";
constexpr std::string_view kNotApplicable = "semantic.not-applicable";

using Rule = FieldApplicability::Rule;

FieldApplicability onlyWhen(std::string_view dependsOn, std::vector<std::string> values, bool satisfied)
{
    if (satisfied)
        return {};
    return {Rule::RequiresValue, std::string(dependsOn), std::move(values)};
}

FieldApplicability onlyForMethod(const Config &c, std::vector<std::string> methods)
{
    const std::string method = c.quantization.methodOrNone();
    const bool satisfied = std::find(methods.begin(), methods.end(), method) != methods.end();
    return onlyWhen(kMethod, std::move(methods), satisfied);
}

// The AWQ/GPTQ methods whose kernels have Marlin variants (the catalogue's marlin_family).
std::vector<std::string> marlinFamily()
{
    std::vector<std::string> out;
    for (const MethodInfo &m : MethodCatalogue::builtIn().all()) {
        if (m.marlinFamily)
            out.push_back(m.name);
    }
    return out;
}

FieldApplicability requiresMethod(const Config &c)
{
    if (c.quantization.methodOrNone() == "none")
        return {Rule::RequiresMethod, std::string(kMethod), {}};
    return {};
}

FieldApplicability requiresLowBits(const Config &c)
{
    const std::string method = c.quantization.methodOrNone();
    if (method == "none" || nominalWeightBits(method) == 8)
        return {Rule::RequiresLowBits, std::string(kMethod), {}};
    return {};
}

// One field's rule: when it applies, and what validation says when it is set anyway. This table is
// the only place either is decided: the form disables by it, checkSemantics() warns by it.
struct FieldRule
{
    std::string_view pointer;
    bool (*isSet)(const Config &);
    FieldApplicability (*applicability)(const Config &);
    std::string_view code;
    std::string_view message;
};

const std::array<FieldRule, 10> kRules{{
    {"/quantization/weight_bits", [](const Config &c) { return c.quantization.weightBits.has_value(); }, requiresMethod,
     "semantic.bits-without-method", "weight_bits has no effect when method is none"},
    {"/quantization/activation_bits", [](const Config &c) { return c.quantization.activationBits.has_value(); }, requiresMethod,
     "semantic.bits-without-method", "activation_bits has no effect when method is none"},
    {"/quantization/group_size", [](const Config &c) { return c.quantization.groupSize.has_value(); }, requiresLowBits,
     kNotApplicable, "group_size only applies to 4-bit and lower methods"},
    {"/quantization/activation_dtype", [](const Config &c) { return c.quantization.activationDtype.has_value(); },
     [](const Config &c) { return onlyForMethod(c, {"w4a8"}); }, kNotApplicable, "activation_dtype only applies to method w4a8"},
    {"/quantization/fp8_variant", [](const Config &c) { return c.quantization.fp8Variant.has_value(); },
     [](const Config &c) { return onlyForMethod(c, {"fp8"}); }, kNotApplicable, "fp8_variant only applies to method fp8"},
    {"/quantization/gguf_variant", [](const Config &c) { return c.quantization.ggufVariant.has_value(); },
     [](const Config &c) { return onlyForMethod(c, {"gguf"}); }, kNotApplicable, "gguf_variant only applies to method gguf"},
    {"/quantization/base_quantization", [](const Config &c) { return c.quantization.baseQuantization.has_value(); },
     [](const Config &c) { return onlyForMethod(c, {"qoq"}); }, kNotApplicable, "base_quantization only applies to method qoq"},
    {"/quantization/memory_reduction", [](const Config &c) { return c.quantization.memoryReduction.has_value(); },
     [](const Config &c) { return onlyForMethod(c, {"qoq"}); }, kNotApplicable, "memory_reduction only applies to method qoq"},
    // The AWQ/GPTQ family, whose kernels have Marlin variants.
    {"/quantization/enable_marlin", [](const Config &c) { return c.quantization.enableMarlin.has_value(); },
     [](const Config &c) { return onlyForMethod(c, marlinFamily()); },
     "semantic.marlin-not-applicable", "enable_marlin only applies to AWQ and GPTQ methods"},
    {"/kv_cache/fp8_format", [](const Config &c) { return c.kvCache.fp8Format.has_value(); },
     [](const Config &c) { return onlyWhen("/kv_cache/dtype", {"fp8"}, c.kvCache.dtype.value_or("auto") == "fp8"); }, kNotApplicable,
     "fp8_format only applies when the KV-cache dtype is fp8"},
}};

} // namespace

FieldApplicability fieldApplicability(const Config &config, std::string_view pointer)
{
    for (const FieldRule &rule : kRules) {
        if (rule.pointer == pointer)
            return rule.applicability(config);
    }
    return {};
}

std::vector<InapplicableField> inapplicableFields(const Config &config)
{
    std::vector<InapplicableField> out;
    for (const FieldRule &rule : kRules) {
        if (!rule.isSet(config))
            continue;
        FieldApplicability a = rule.applicability(config);
        if (!a.applies())
            out.push_back({std::string(rule.pointer), std::move(a), std::string(rule.code), std::string(rule.message)});
    }
    return out;
}

} // namespace quantcfg
