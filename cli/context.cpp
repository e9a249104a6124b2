#include "cli/context.h"
#include "cli/cli.h"

#include "core/engines/launchplan.h"
#include "core/hardware/detect.h"
#include "core/presets.h"
#include "core/validation.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace quantcfg::cli {

void printDiagnostics(Context &ctx, const std::string &label, const Diagnostics &diags)
{
    for (const Diagnostic &d : diags) {
        ctx.err << label << ':';
        if (d.line > 0) {
            ctx.err << d.line << ':';
            if (d.column > 0)
                ctx.err << d.column << ':';
        }
        else
            ctx.err << (d.pointer.empty() ? "" : d.pointer) << (d.pointer.empty() ? "" : ":");
        ctx.err << ' ' << severityName(d.severity) << ": ";
        if (!d.engine.empty())
            ctx.err << '[' << d.engine << "] ";
        ctx.err << d.message;
        if (!d.allowed.empty()) {
            ctx.err << " (allowed: ";
            for (std::size_t i = 0; i < d.allowed.size(); ++i)
                ctx.err << (i ? ", " : "") << d.allowed[i];
            ctx.err << ')';
        }
        ctx.err << '\n';
        if (!d.suggestion.empty())
            ctx.err << "    hint: " << d.suggestion << '\n';
    }
}

JsonResult readJsonArgument(Context &ctx, const std::string &pathOrDash)
{
    if (pathOrDash == "-") {
        TextResult text = readTextStream(ctx.in);
        if (!text.text) {
            JsonResult r;
            r.diagnostics = std::move(text.diagnostics);
            return r;
        }
        return parseJson(*text.text);
    }
    return loadJsonFile(pathOrDash);
}

LoadedConfig loadConfigArgument(Context &ctx, const std::string &arg)
{
    LoadedConfig loaded;
    std::error_code ec;
    const bool looksLikeFile = arg == "-" || std::filesystem::exists(arg, ec) || arg.find('/') != std::string::npos
                               || (arg.size() > 5 && arg.substr(arg.size() - 5) == ".json");
    if (!looksLikeFile) {
        const PresetLibrary lib = loadPresetLibrary();
        if (const Preset *p = findPreset(ctx, lib, arg)) {
            loaded.label = "preset:" + arg;
            loaded.document = p->document;
            return loaded;
        }
        loaded.label = arg;
        loaded.diagnostics.push_back(unknownPreset(lib, "'" + arg + "' is neither a file nor a preset"));
        return loaded;
    }
    loaded.label = arg == "-" ? "<stdin>" : arg;
    JsonResult r = readJsonArgument(ctx, arg);
    loaded.document = std::move(r.value);
    loaded.diagnostics = std::move(r.diagnostics);
    return loaded;
}

std::optional<Diagnostics> loadValidConfig(Context &ctx, const std::string &arg, LoadedConfig &cfg)
{
    cfg = loadConfigArgument(ctx, arg);
    if (!cfg.document) {
        printDiagnostics(ctx, cfg.label, cfg.diagnostics);
        ctx.exitCode = ExitInvalid;
        return std::nullopt;
    }
    Diagnostics validation = validateDocument(*cfg.document);
    if (hasErrors(validation)) {
        printDiagnostics(ctx, cfg.label, validation);
        ctx.exitCode = ExitInvalid;
        return std::nullopt;
    }
    return validation;
}

Diagnostic unknownPreset(const PresetLibrary &lib, std::string message)
{
    Diagnostic d;
    d.code = "preset.unknown";
    d.message = std::move(message);
    for (const Preset &p : lib.presets)
        d.allowed.push_back(p.name);
    return d;
}

const Preset *findPreset(Context &ctx, const PresetLibrary &lib, const std::string &name)
{
    for (const Diagnostic &d : lib.diagnostics) {
        if (d.code == "preset.shadows-built-in" && std::filesystem::path(d.value).stem() == name)
            printDiagnostics(ctx, d.value, {d});
    }
    return lib.find(name);
}

void printPresetProblems(Context &ctx, const PresetLibrary &lib)
{
    for (const Diagnostic &d : lib.diagnostics)
        printDiagnostics(ctx, d.value.empty() ? std::string("presets") : d.value, {d});
}

const EngineProfile *resolveEngineSpec(Context &ctx, const std::string &spec)
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    if (const std::string note = registry.formerIdNote(spec); !note.empty())
        printDiagnostics(ctx, "--engine", {makeDiagnostic(Severity::Info, "engine.former-id", note)});
    if (const EngineProfile *p = registry.findSpec(spec))
        return p;
    Diagnostic d = makeDiagnostic(Severity::Error, "engine.unknown", "unknown engine or version '" + spec + "'");
    for (const auto &profile : registry.all())
        d.allowed.push_back(profile->engine() + "@" + profile->version());
    printDiagnostics(ctx, "quantcfg", {d});
    return nullptr;
}

void printJson(Context &ctx, const Json &doc)
{
    ctx.out << toPrettyJson(doc);
}

void printPlan(Context &ctx, const std::string &label, const LaunchPlan &plan, CommandLayout layout)
{
    printDiagnostics(ctx, label, plan.diagnostics);
    ctx.out << "# " << plan.engineName << ' ' << plan.version << ": " << planStatusName(plan.status) << '\n';
    if (plan.argv.empty()) {
        ctx.out << "# (no command: see the errors above)\n\n";
        return;
    }
    for (const ExtraFile &f : plan.files)
        ctx.out << "# " << f.name << " (" << f.purpose << "):\n" << f.content;
    ctx.out << renderCommand(plan, layout) << "\n\n";
}

namespace {

// Terminal columns of UTF-8 text: one per code point ("≈" is three bytes, one column).
std::size_t displayWidth(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

std::vector<std::string> columnLines(const std::vector<std::vector<std::string>> &rows)
{
    std::vector<std::size_t> width;
    for (const auto &row : rows) {
        width.resize(std::max(width.size(), row.size()));
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], displayWidth(row[c]));
    }
    std::vector<std::string> lines;
    for (const auto &row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line.append(width[c] + 2 - displayWidth(row[c]), ' ');
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

void printColumns(Context &ctx, const std::vector<std::vector<std::string>> &rows)
{
    for (const std::string &line : columnLines(rows))
        ctx.out << line << '\n';
}

std::string tableNumber(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[64];
    // Whole numbers up to 10^12 in full (token counts, throughputs); beyond, an exponent (a
    // score of 1e150 is not a 151-digit integer).
    std::snprintf(buf, sizeof buf, std::fabs(v) >= 1000 && std::fabs(v) < 1e12 ? "%.0f" : "%.4g", v);
    return buf;
}

namespace {

std::string shortText(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Parses the whole of @p text as a finite number (an integer when @p integer).
std::optional<double> parseNumber(const std::string &text, bool integer)
{
    if (integer) {
        long long n = 0;
        const auto res = std::from_chars(text.data(), text.data() + text.size(), n);
        if (res.ec != std::errc() || res.ptr != text.data() + text.size())
            return std::nullopt;
        return static_cast<double>(n);
    }
    char *end = nullptr;
    const double v = text.empty() ? 0 : std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

CLI::Validator numberValidator(bool integer, double low, double high, const std::string &allowed, const std::string &description)
{
    return CLI::Validator(
        [=](std::string &text) -> std::string {
            const std::optional<double> v = parseNumber(text, integer);
            if (v && *v >= low && *v <= high)
                return {};
            return "must be " + allowed + ", got '" + text + "'";
        },
        description);
}

} // namespace

CLI::Validator positiveInteger()
{
    return numberValidator(true, 1, HUGE_VAL, "a positive integer", "POSITIVE");
}

CLI::Validator positiveNumber()
{
    return numberValidator(false, std::nextafter(0.0, 1.0), HUGE_VAL, "a number greater than 0", "POSITIVE");
}

CLI::Validator numberBetween(double low, double high)
{
    const std::string range = shortText(low) + " to " + shortText(high);
    return numberValidator(false, low, high, "a number from " + range, range);
}

bool applyModelAndGpu(Context &ctx, const std::string &model, const std::string &gpu, MapOptions &options, Diagnostics &validation)
{
    if (!model.empty()) { // the commands serve --model, not the default model
        options.model = model;
        std::erase_if(validation, [](const Diagnostic &d) { return d.code == "semantic.default-model"; });
    }
    if (gpu.empty())
        return true;
    const GpuChoice choice = chooseGpu(gpu);
    printDiagnostics(ctx, "--gpu", choice.diagnostics);
    if (!choice.target) {
        ctx.exitCode = ExitUsage;
        return false;
    }
    options.gpu = choice.target;
    return true;
}

} // namespace quantcfg::cli
