#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// A JSON Schema (draft-7 subset) checked with valijson, plus look-ups the studio and the
/// diagnostics need: the sub-schema, description and allowed values at a JSON pointer.
class Schema
{
public:
    /// Parses @p schemaDoc. Throws std::runtime_error when it is not a usable schema (a bug in the
    /// shipped resources, caught by the tests).
    explicit Schema(const Json &schemaDoc);
    ~Schema();
    Schema(const Schema &) = delete;
    Schema &operator=(const Schema &) = delete;

    /// The unified-config schema compiled into quantcfg (resources/schema/unified-config.schema.json).
    static const Schema &unifiedConfig();

    /// The engine-profile schema (resources/schema/engine-profile.schema.json): what
    /// tools/gen_profiles.py writes and EngineProfile::load() checks.
    static const Schema &engineProfile();

    /// Validates @p doc. Each violation becomes one error diagnostic at the deepest JSON pointer
    /// that explains it, with code schema.type / schema.enum / schema.range / schema.length /
    /// schema.required / schema.invalid and, for enumerations, the allowed values.
    Diagnostics validate(const Json &doc) const;

    /// Warnings (code "schema.unknown-key") for every object key the schema does not describe.
    /// Unknown keys are kept on save; the warning points out typos.
    Diagnostics unknownKeys(const Json &doc) const;

    /// The sub-schema describing @p pointer ("/quantization/method"), following local $refs, or
    /// nullptr when the schema does not describe it.
    const Json *subschema(std::string_view pointer) const;

    /// The enum values allowed at @p pointer, as compact JSON text ("fp8", 4 → "4"); empty when free.
    std::vector<std::string> allowedValues(std::string_view pointer) const;

    /// The description at @p pointer, or an empty string.
    std::string description(std::string_view pointer) const;

    /// The whole schema document.
    const Json &document() const { return m_doc; }

private:
    const Json *resolve(const Json *node) const;
    const Json *unresolvedSubschema(std::string_view pointer) const;

    Json m_doc;
    struct Compiled;
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace quantcfg
