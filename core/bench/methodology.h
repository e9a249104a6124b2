#pragma once

#include "core/bench/resulttable.h"

#include <string>
#include <string_view>
#include <vector>

namespace quantcfg::bench {

/// How a tool measured a run: the value of the "methodology" label every importer gives its runs
/// ("vllm", "sglang", "aiperf", "guidellm-0.4-0.7.3", …; docs/benchmarks.md lists them). Tools
/// use one metric name for different things (GuideLLM 0.5's TPOT includes the first token,
/// vLLM's does not), and GuideLLM changed its token accounting in v0.7.4, so runs of different
/// methodologies are never one sweep, and comparisons say when they mix them.
///
/// @p toolVersion is the version the file names ("0.7.4", "v0.5.0.dev"), or "" when unknown.
std::string methodologyOf(Tool tool, std::string_view toolVersion = {});

/// Runs whose methodologies define TPOT, ITL and throughput alike share a family (vLLM and SGLang's
/// bench_serving are one family: SGLang copied vLLM's definitions). "" for a methodology this
/// build does not know (a hand-made table's own label).
std::string_view methodologyFamily(std::string_view methodology);

/// What the families among @p runs define differently, one line per family, when the runs mix
/// more than one known family (else empty): the note `bench score`/`pareto` print and the studio
/// shows where such runs are compared.
std::vector<std::string> mixedMethodologyNotes(const ResultTable &table, const std::vector<std::uint32_t> &runs);

} // namespace quantcfg::bench
