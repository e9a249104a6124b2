#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace quantcfg::bench {

/// Rewrites the non-RFC 8259 literals Python's json module writes, outside strings: bare
/// `Infinity` → `"inf"`, `-Infinity` → `"-inf"` (padded so columns stay put), `NaN` → `null`.
/// Works on a stream in chunks; the literal may be split between chunks.
class NonRfcJsonFilter
{
public:
    /// Appends the rewritten form of @p in to @p out.
    void feed(std::string_view in, std::string &out);
    /// Flushes what a chunk boundary held back.
    void finish(std::string &out);

private:
    void flushWord(std::string &out);

    bool m_inString = false;
    bool m_escape = false;
    bool m_minus = false; // a '-' outside a string, held back until we know if "Infinity" follows
    std::string m_word;
};

/// Keys whose values are bulky per-request data that the tidy table never uses (formats.md §4.13):
/// `requests`, `latencies`, `ttfts`, `itls`, `generated_texts`, `individual_request_metrics`, …
bool isBulkyKey(std::string_view key);

/// Parses one JSON text after NonRfcJsonFilter, dropping bulky keys. On a syntax error returns
/// nullopt and fills @p error (code "json.syntax", line, column).
std::optional<Json> parseLenient(std::string_view text, Diagnostic &error);

/// Same for a whole stream, read in 1 MiB chunks, so a 500 MB GuideLLM file with its request arrays
/// only costs the size of the kept metrics in memory. @p progress (may be empty) gets the bytes read
/// after each chunk; returning false stops the parse (the result is then nullopt).
std::optional<Json> parseLenientStream(std::istream &in, Diagnostic &error,
                                       const std::function<bool(std::uint64_t)> &progress = {});

} // namespace quantcfg::bench
