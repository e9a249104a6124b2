#include "cli/cli.h"

#include "cli/context.h"
#include "core/engines/lint.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <utility>

namespace quantcfg::cli {

namespace {

// CLI11 answers a mistyped subcommand ("quantcfg valdate x.json", "bench improt") with "A
// subcommand is required", which names neither the word nor the choices. At a level that has
// subcommands, a word that is neither an option nor the value of one must be a subcommand.
std::optional<Diagnostic> unknownSubcommand(const CLI::App &app, const std::vector<std::string> &args, std::string &label)
{
    const CLI::App *level = &app;
    label = app.get_name();
    bool optionValue = false; // the word is the value of the option before it ("versions --format json")
    for (const std::string &word : args) {
        if (word == "--")
            break;
        if (std::exchange(optionValue, false))
            continue;
        if (!word.empty() && word.front() == '-') {
            const CLI::Option *option = word.find('=') == std::string::npos ? level->get_option_no_throw(word) : nullptr;
            optionValue = option && option->get_type_size() != 0;
            continue;
        }
        if (word.empty())
            continue;
        const std::vector<const CLI::App *> subcommands = level->get_subcommands([](const CLI::App *) { return true; });
        if (subcommands.empty())
            break;
        const CLI::App *next = nullptr;
        for (const CLI::App *s : subcommands) {
            if (s->check_name(word))
                next = s;
        }
        if (!next) {
            Diagnostic d = makeDiagnostic(Severity::Error, "cli.unknown-subcommand", "unknown subcommand '" + word + "'");
            std::size_t best = std::string::npos;
            for (const CLI::App *s : subcommands) {
                d.allowed.push_back(s->get_name());
                const std::size_t distance = editDistance(word, s->get_name());
                if (distance < best && distance <= std::max<std::size_t>(2, word.size() / 3)) {
                    best = distance;
                    d.suggestion = "did you mean '" + s->get_name() + "'?";
                }
            }
            return d;
        }
        level = next;
        label += ' ' + next->get_name();
    }
    return std::nullopt;
}

} // namespace

int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out, std::ostream &err)
{
    Context ctx{in, out, err};
    CLI::App app{"quantcfg: one quantization config, correct launch commands for vLLM, SGLang and TensorRT-LLM.", "quantcfg"};
    app.set_version_flag("--version", std::string("quantcfg ") + QUANTCFG_VERSION);
    app.require_subcommand(1);
    app.fallthrough(false);

    addConfigCommands(app, ctx);
    addEngineCommands(app, ctx);
    addDeployCommands(app, ctx);
    addAutotunerCommands(app, ctx);
    addHardwareCommands(app, ctx);
    addBenchCommands(app, ctx);
    addVersionCommands(app, ctx);

    std::vector<std::string> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
    std::string label;
    if (const auto unknown = unknownSubcommand(app, rest, label)) {
        printDiagnostics(ctx, label, {*unknown});
        err << "Run with --help for more information.\n";
        return ExitUsage;
    }
    std::reverse(rest.begin(), rest.end()); // CLI11 consumes a reversed vector
    try {
        app.parse(rest);
    } catch (const CLI::CallForHelp &e) {
        app.exit(e, out, err);
        return ExitOk;
    } catch (const CLI::CallForAllHelp &e) {
        app.exit(e, out, err);
        return ExitOk;
    } catch (const CLI::CallForVersion &e) {
        app.exit(e, out, err);
        return ExitOk;
    } catch (const CLI::ParseError &e) {
        app.exit(e, out, err);
        return ExitUsage;
    }
    return ctx.exitCode;
}

} // namespace quantcfg::cli
