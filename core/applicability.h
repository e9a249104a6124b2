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
/// @p config. Fields without a rule always apply.
FieldApplicability fieldApplicability(const Config &config, std::string_view pointer);

/// A field that is set in a configuration under which it has no effect, with the warning
/// validation reports for it.
struct InapplicableField
{
    std::string pointer;              ///< "/quantization/fp8_variant"
    FieldApplicability applicability; ///< the rule it breaks
    std::string code;                 ///< "semantic.not-applicable", "semantic.bits-without-method", ...
    std::string message;              ///< "fp8_variant only applies to method fp8"
};

/// Every field that is set in @p config but does not apply under it, in a fixed order. This is
/// where checkSemantics() takes its not-applicable warnings from, so the studio's form (which
/// disables by fieldApplicability()) and the validator follow one set of rules.
std::vector<InapplicableField> inapplicableFields(const Config &config);

} // namespace quantcfg
