#pragma once

#include "core/diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace quantcfg {

/// The JSON document type used throughout quantcfg: object keys keep their file order, so a
/// load/save round trip does not reorder a user's file.
using Json = nlohmann::ordered_json;

/// Largest configuration file quantcfg reads (16 MiB). Configurations are a few KiB; anything
/// bigger is almost certainly the wrong file.
inline constexpr std::uintmax_t kMaxConfigBytes = 16u * 1024u * 1024u;

struct TextResult
{
    std::optional<std::string> text;
    Diagnostics diagnostics;
};

struct JsonResult
{
    std::optional<Json> value;
    Diagnostics diagnostics;
};

/// Reads a whole text file. Refuses (with an error diagnostic, code "io.*") missing files,
/// directories, files larger than @p maxBytes and binary files (a NUL byte in the content).
TextResult readTextFile(const std::filesystem::path &path, std::uintmax_t maxBytes = kMaxConfigBytes);

/// Reads all of @p in (e.g. standard input) with the same size and binary checks as readTextFile().
TextResult readTextStream(std::istream &in, std::uintmax_t maxBytes = kMaxConfigBytes);

/// Parses @p text as JSON. A syntax error becomes a "json.syntax" diagnostic carrying the
/// 1-based line and column of the offending character.
JsonResult parseJson(std::string_view text);

/// readTextFile() followed by parseJson().
JsonResult loadJsonFile(const std::filesystem::path &path, std::uintmax_t maxBytes = kMaxConfigBytes);

/// Serialises @p doc with a 2-space indent and a trailing newline (the format of saved files).
std::string toPrettyJson(const Json &doc);

/// Compact single-line JSON for a value, as used in diagnostics.
std::string toCompactJson(const Json &value);

/// Writes @p content to @p path atomically: the data goes to a temporary file in the same
/// directory, is flushed, and is renamed over @p path. On failure the old file is untouched and
/// the returned diagnostic (code "io.write-failed") says why.
std::optional<Diagnostic> writeFileAtomic(const std::filesystem::path &path, std::string_view content);

} // namespace quantcfg

namespace quantcfg {

/// A diagnostic as a JSON object (the `--json` format of the CLI; empty fields are left out).
Json diagnosticToJson(const Diagnostic &d);

} // namespace quantcfg
