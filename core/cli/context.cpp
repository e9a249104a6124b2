#include "core/cli/context.h"

#include "core/presets.h"

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
        if (const Preset *p = lib.find(arg)) {
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

Diagnostic unknownPreset(const PresetLibrary &lib, std::string message)
{
    Diagnostic d;
    d.code = "preset.unknown";
    d.message = std::move(message);
    for (const Preset &p : lib.presets)
        d.allowed.push_back(p.name);
    return d;
}

void printJson(Context &ctx, const Json &doc)
{
    ctx.out << toPrettyJson(doc);
}

} // namespace quantcfg::cli
