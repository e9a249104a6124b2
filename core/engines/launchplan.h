#pragma once

#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <string>
#include <vector>

namespace quantcfg {

/// How completely an engine can honour a configuration.
enum class PlanStatus {
    Full,        ///< every setting is expressed
    Degraded,    ///< runs, but something was skipped, substituted or fell back (see diagnostics)
    Unsupported, ///< the engine cannot run this configuration; argv may be empty
};

struct EnvVar
{
    std::string name;
    std::string value;
};

/// A file the command needs next to it (e.g. TensorRT-LLM's extra LLM-API YAML).
struct ExtraFile
{
    std::string name;    ///< file name as referenced in argv
    std::string content; ///< exact file content
    std::string purpose; ///< one line saying what it is for
};

/// Everything needed to launch one engine for one configuration.
struct LaunchPlan
{
    std::string engine;        ///< profile engine id: "vllm", "sglang", "trtllm"
    std::string engineName;    ///< display name: "vLLM", "SGLang", "TensorRT-LLM"
    std::string version;       ///< profile version id, e.g. "main-2026-08-21", "v0.5.6"
    std::vector<std::string> argv; ///< the command, one token per element (not quoted)
    std::size_t programWords = 0;  ///< leading argv words naming the program ("vllm", "serve"), kept together
    std::vector<EnvVar> env;       ///< environment assignments to put in front of argv
    std::vector<ExtraFile> files;  ///< files argv refers to
    PlanStatus status = PlanStatus::Full;
    /// What was skipped, changed or fell back, and why; each has engine, pointer (unified field),
    /// severity, code, message and suggestion.
    Diagnostics diagnostics;
    std::string resolvedMethod;   ///< the engine's spelling of the method (or checkpoint format)
    std::string resolvedKvCache;  ///< the engine's KV-cache dtype with its real format, e.g. "fp8 (E4M3)"
};

/// One option of a plan's argv after the program words: a flag with the words that follow it up to
/// the next flag (none for a switch), or a positional word alone (empty @c flag). "--flag=value"
/// is split. A word is a flag when it starts with "--", or with "-" and a letter ("-1" is a value).
struct PlanOption
{
    std::string flag;
    std::vector<std::string> values;
    /// The values joined with single spaces (how a command line that splits on whitespace reads them).
    std::string joinedValues() const;
};
std::vector<PlanOption> planOptions(const LaunchPlan &plan);

/// "full", "degraded" or "unsupported".
const char *planStatusName(PlanStatus s);

} // namespace quantcfg
