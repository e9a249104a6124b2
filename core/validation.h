#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/jsonio.h"

namespace quantcfg {

/// Checks that JSON Schema cannot express (method ↔ bits, qoq needs a base method, sizes that
/// must multiply up, fields that do not apply to the chosen method). Engine-independent: what a
/// particular engine can or cannot do is the mapper's business.
Diagnostics checkSemantics(const Config &config);

/// Everything quantcfg knows about a document without an engine: "json.not-object", the schema
/// (errors), unknown keys (warnings), checkSemantics() and the engine_versions pins (errors for
/// unknown engines or versions, ProfileRegistry::checkPins()). Diagnostics come sorted by pointer, then
/// errors before warnings before infos.
Diagnostics validateDocument(const Json &doc);
/// The same for a document whose typed view is built already: @p config is Config::fromJson(@p doc)
/// (the studio builds it once per edit).
Diagnostics validateDocument(const Json &doc, const Config &config);

/// Sorts diagnostics by pointer, then by severity (errors first), keeping the order otherwise.
void sortDiagnostics(Diagnostics &diags);

/// Nominal weight bits of a method ("awq" → 4, "fp8" → 8), or 0 when the method does not fix them.
int nominalWeightBits(std::string_view method);

} // namespace quantcfg
