#pragma once

#include "core/diagnostic.h"
#include "core/engines/mapper.h"
#include "core/engines/profile.h"
#include "core/engines/render.h"
#include "core/jsonio.h"
#include "core/presets.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace CLI {
class App;
class Validator;
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

/// loadConfigArgument(@p arg) into @p cfg, then validateDocument(): the validation's findings
/// (warnings at most), or nullopt when the file cannot be read or has errors (they are printed and
/// ctx.exitCode is ExitInvalid).
std::optional<Diagnostics> loadValidConfig(Context &ctx, const std::string &arg, LoadedConfig &cfg);

/// Applies the --model and --gpu options of map-like commands to @p options: a --model drops the
/// "default model" finding from @p validation; a --gpu is resolved (its findings printed). False, with
/// ctx.exitCode ExitUsage, when --gpu names no GPU.
bool applyModelAndGpu(Context &ctx, const std::string &model, const std::string &gpu, MapOptions &options, Diagnostics &validation);

/// The "preset.unknown" error for @p message, listing the presets of @p lib as allowed values.
Diagnostic unknownPreset(const PresetLibrary &lib, std::string message);

/// The preset @p name of @p lib, or nullptr. When a user preset file of that name was not loaded
/// because a built-in has the name, says so (labelled with the file's path), so the user knows
/// which of the two the command used.
const Preset *findPreset(Context &ctx, const PresetLibrary &lib, const std::string &name);

/// Prints the problems with user preset files, each labelled with the file's path.
void printPresetProblems(Context &ctx, const PresetLibrary &lib);

/// The engine profile @p spec names ("vllm", "sglang@v0.5.6", a former id such as "vllm@2026-08",
/// with a note naming today's id). Unknown: prints "engine.unknown" with every ENGINE@VERSION as the
/// allowed values and returns nullptr.
const EngineProfile *resolveEngineSpec(Context &ctx, const std::string &spec);

/// Writes @p doc to ctx.out, pretty-printed.
void printJson(Context &ctx, const Json &doc);

/// Prints @p plan's diagnostics (labelled @p label), a "# Engine version: status" line, its extra
/// files and its command, as `map` and `fit --write-max-len` show them.
void printPlan(Context &ctx, const std::string &label, const LaunchPlan &plan, CommandLayout layout);

/// @p rows as lines of left-aligned columns sized from their content, two spaces apart (the last
/// column is not padded).
std::vector<std::string> columnLines(const std::vector<std::vector<std::string>> &rows);

/// Prints columnLines(@p rows).
void printColumns(Context &ctx, const std::vector<std::vector<std::string>> &rows);

/// @p v rounded for a table: 4 significant digits, whole numbers from 1000 on ("292.3", "50808455").
/// JSON and CSV keep full precision.
std::string tableNumber(double v);

/// Validators whose messages name the value and what is allowed ("--max-len: must be a positive
/// integer, got '0'"); CLI11's own PositiveNumber prints a range with a 300-digit upper bound.
CLI::Validator positiveInteger();
CLI::Validator positiveNumber();
/// A number from @p low to @p high inclusive.
CLI::Validator numberBetween(double low, double high);

// Registration of the subcommands, one function per source file.
void addConfigCommands(CLI::App &app, Context &ctx);
void addEngineCommands(CLI::App &app, Context &ctx);
void addDeployCommands(CLI::App &app, Context &ctx);
void addAutotunerCommands(CLI::App &app, Context &ctx);
void addHardwareCommands(CLI::App &app, Context &ctx);
void addBenchCommands(CLI::App &app, Context &ctx);
void addVersionCommands(CLI::App &app, Context &ctx);

} // namespace quantcfg::cli
