#pragma once

#include "core/config.h"

#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// Whether a field of the unified configuration has any effect under a configuration, and if not,
/// which rule says so. Front ends disable such fields and phrase the reason from @c rule.
struct FieldApplicability
{
    enum class Rule {
        Applies,           ///< the field has an effect
        RequiresValue,     ///< applies only when @c dependsOn has one of @c values
        RequiresMethod,    ///< applies only when a quantization method is chosen (not "none")
        RequiresLowBits,   ///< applies only to methods with 4 or fewer weight bits
    };
    Rule rule = Rule::Applies;
    std::string dependsOn;           ///< JSON pointer of the field that decides ("/quantization/method")
    std::vector<std::string> values; ///< for RequiresValue: the values of @c dependsOn that enable it

    bool applies() const { return rule == Rule::Applies; }
};

/// The applicability of the field at @p pointer (e.g. "/quantization/fp8_variant") under
/// @p config. These are the same rules checkSemantics() reports as "not applicable" warnings when
/// such a field is set anyway. Fields without a rule always apply.
FieldApplicability fieldApplicability(const Config &config, std::string_view pointer);

} // namespace quantcfg
