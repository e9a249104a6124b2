#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"
#include "core/presets.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace quantcfg::cli {

/// What every subcommand gets: the streams and the exit code to set.
struct Context
{
    std::istream &in;
    std::ostream &out;
    std::ostream &err;
    int exitCode = 0;
};

/// Prints @p diags to ctx.err as "LABEL:/pointer: severity: message (allowed: …)" lines, with
/// "LABEL:LINE:COL:" for text positions and an indented hint line for suggestions.
void printDiagnostics(Context &ctx, const std::string &label, const Diagnostics &diags);

/// Reads a JSON document from a path, or standard input for "-". Diagnostics are returned.
JsonResult readJsonArgument(Context &ctx, const std::string &pathOrDash);

/// A configuration named on the command line: a preset name or a JSON file ("-" = stdin).
struct LoadedConfig
{
    std::string label; ///< file name or "preset:NAME", for messages
    std::optional<Json> document;
    Diagnostics diagnostics; ///< read/parse problems (the document is then empty)
};

/// Resolves @p arg: an existing file (or "-") is read; otherwise a preset of that name is used.
LoadedConfig loadConfigArgument(Context &ctx, const std::string &arg);

/// The "preset.unknown" error for @p message, listing the presets of @p lib as allowed values.
Diagnostic unknownPreset(const PresetLibrary &lib, std::string message);

/// Writes @p doc to ctx.out, pretty-printed.
void printJson(Context &ctx, const Json &doc);

// Registration of the subcommands, one function per source file.
void addConfigCommands(CLI::App &app, Context &ctx);
void addEngineCommands(CLI::App &app, Context &ctx);
void addAutotunerCommands(CLI::App &app, Context &ctx);
void addHardwareCommands(CLI::App &app, Context &ctx);
void addBenchCommands(CLI::App &app, Context &ctx);

} // namespace quantcfg::cli
