#include "core/diagnostic.h"

#include <algorithm>
#include <utility>

namespace quantcfg {

Diagnostic makeDiagnostic(Severity severity, std::string code, std::string message, std::string pointer)
{
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

bool hasErrors(const Diagnostics &diags)
{
    return std::any_of(diags.begin(), diags.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

int countSeverity(const Diagnostics &diags, Severity s)
{
    return static_cast<int>(std::count_if(diags.begin(), diags.end(), [s](const Diagnostic &d) { return d.severity == s; }));
}

} // namespace quantcfg
