#pragma once

#include <string>
#include <vector>

namespace quantcfg {

enum class Severity { Error, Warning, Info };

/// One finding about a configuration, a file or a generated command.
///
/// Diagnostics are data: a stable machine-readable @c code, where it applies (@c pointer, a JSON
/// pointer into the unified configuration, or @c line / @c column for text positions), the offending
/// @c value and, for enumerations, the @c allowed values. @c message is an English default for the
/// CLI; front ends may phrase their own text from @c code and the other fields.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;                 ///< stable identifier, e.g. "schema.enum"
    std::string pointer;              ///< JSON pointer ("/quantization/method"); empty = whole document
    std::string message;              ///< English default text
    std::string value;                ///< offending value as compact JSON (may be empty)
    std::vector<std::string> allowed; ///< allowed values, when the rule is an enumeration
    std::string suggestion;           ///< what to do instead (may be empty)
    std::string engine;               ///< engine id for engine-specific findings ("vllm", ...), else empty
    int line = 0;                     ///< 1-based line for text positions, 0 when unknown
    int column = 0;                   ///< 1-based column (in characters), 0 when unknown
};

using Diagnostics = std::vector<Diagnostic>;

/// A diagnostic with the fields most findings need; set the others on the result.
Diagnostic makeDiagnostic(Severity severity, std::string code, std::string message, std::string pointer = {});

/// "error", "warning" or "info".
const char *severityName(Severity s);

/// True when any diagnostic in @p diags is an error.
bool hasErrors(const Diagnostics &diags);

/// Number of diagnostics of severity @p s.
int countSeverity(const Diagnostics &diags, Severity s);

} // namespace quantcfg
