#include "core/bench/methodology.h"

#include <algorithm>
#include <array>
#include <map>

namespace quantcfg::bench {

namespace {

constexpr std::string_view kKey = "methodology";

// "v0.5.0.dev", "0.7.4", "0.10" → {0, 5, 0}, {0, 7, 4}, {0, 10, 0}; false when no number leads.
bool parseVersion(std::string_view text, std::array<int, 3> &out)
{
    if (!text.empty() && (text.front() == 'v' || text.front() == 'V'))
        text.remove_prefix(1);
    out = {0, 0, 0};
    std::size_t part = 0;
    bool any = false;
    while (part < out.size() && !text.empty() && text.front() >= '0' && text.front() <= '9') {
        int n = 0;
        while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
            n = std::min(n * 10 + (text.front() - '0'), 1'000'000);
            text.remove_prefix(1);
        }
        out[part++] = n;
        any = true;
        if (text.empty() || text.front() != '.')
            break;
        text.remove_prefix(1);
    }
    return any;
}

struct Family
{
    std::string_view family;
    std::string_view definitions; ///< what TPOT, ITL and the throughputs mean there
};

// Keyed by methodology label value. The definitions are read from each tool's source; see the
// table "What each tool calls TPOT and ITL" in docs/benchmarks.md.
const std::map<std::string_view, Family> &families()
{
    static const std::map<std::string_view, Family> table = {
        {"vllm", {"serve-bench", "vLLM and SGLang bench_serving: TPOT per request (latency - TTFT) / (output tokens - 1), "
                                 "averaged over requests; ITL the gaps between streamed chunks"}},
        {"sglang", {"serve-bench", ""}},
        {"guidellm-0.3", {"guidellm-0.3", "GuideLLM 0.3: TPOT per request without the first token; ITL per request "
                                          "(latency - TTFT) / (tokens - 1)"}},
        {"guidellm-0.4-0.7.3", {"guidellm-0.4-0.7.3", "GuideLLM 0.4 to 0.7.3: TPOT latency / output tokens, so it includes "
                                                      "the first token, weighted by token; ITL (latency - TTFT) / (tokens - 1), "
                                                      "weighted by token"}},
        {"guidellm-0.7.4+", {"guidellm-0.7.4+", "GuideLLM 0.7.4 and later: token accounting changed in v0.7.4, so its "
                                                "token counts and per-token latencies differ from earlier GuideLLM runs"}},
        {"guidellm", {"guidellm", "GuideLLM of an unknown version (the file names none): its TPOT and token counts "
                                  "depend on the version"}},
        {"aiperf", {"aiperf", "AIPerf and GenAI-Perf: no TPOT; ITL per request (latency - TTFT) / (output tokens - 1)"}},
        {"genai-perf", {"aiperf", ""}},
        {"llmperf", {"llmperf", "LLMPerf: ITL per request e2e latency / output tokens, so it includes the first token"}},
        {"genai-bench", {"genai-bench", "genai-bench (and the autotuner, which runs it): TPOT per request "
                                        "(e2e latency - TTFT) / (output tokens - 1); throughput over the run's duration"}},
        {"autotuner", {"genai-bench", ""}},
    };
    return table;
}

} // namespace

std::string methodologyOf(Tool tool, std::string_view toolVersion)
{
    if (tool == Tool::TidyCsv)
        return {}; // a hand-made table: only its own label can say
    if (tool != Tool::GuideLlm)
        return toolName(tool);
    std::array<int, 3> v{};
    if (!parseVersion(toolVersion, v))
        return "guidellm";
    if (v < std::array<int, 3>{0, 4, 0})
        return "guidellm-0.3";
    if (v < std::array<int, 3>{0, 7, 4})
        return "guidellm-0.4-0.7.3";
    return "guidellm-0.7.4+";
}

std::string_view methodologyFamily(std::string_view methodology)
{
    const auto it = families().find(methodology);
    return it == families().end() ? std::string_view() : it->second.family;
}

std::vector<std::string> mixedMethodologyNotes(const ResultTable &table, const std::vector<std::uint32_t> &runs)
{
    // family → the first methodology seen of it (its description names the family's tools)
    std::map<std::string_view, std::string_view> seen;
    for (std::uint32_t run : runs) {
        const auto m = table.label(run, kKey);
        if (!m)
            continue;
        if (const std::string_view family = methodologyFamily(*m); !family.empty())
            seen.emplace(family, *m);
    }
    if (seen.size() < 2)
        return {};
    std::vector<std::string> notes;
    std::string names;
    for (const auto &[family, methodology] : seen)
        names += (names.empty() ? "" : ", ") + std::string(family);
    notes.push_back("these runs were measured by tools that define their metrics differently (" + names
                    + "); the same name does not mean the same number:");
    for (const auto &[family, methodology] : seen) {
        std::string_view text = families().at(methodology).definitions;
        if (text.empty()) // a member without its own text: use the family's first entry that has one
            for (const auto &[name, f] : families())
                if (f.family == family && !f.definitions.empty()) {
                    text = f.definitions;
                    break;
                }
        notes.emplace_back(text);
    }
    return notes;
}

} // namespace quantcfg::bench
