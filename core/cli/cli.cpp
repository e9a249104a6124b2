#include "core/cli/cli.h"

#include "core/cli/context.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace quantcfg::cli {

int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out, std::ostream &err)
{
    Context ctx{in, out, err};
    CLI::App app{"quantcfg: one quantization config, correct launch commands for vLLM, SGLang and TensorRT-LLM.", "quantcfg"};
    app.set_version_flag("--version", std::string("quantcfg ") + QUANTCFG_VERSION);
    app.require_subcommand(1);
    app.fallthrough(false);

    addConfigCommands(app, ctx);
    addEngineCommands(app, ctx);
    addAutotunerCommands(app, ctx);

    std::vector<std::string> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
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
