#include "core/bench/metrics.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace quantcfg::bench {

namespace {

struct Alias
{
    const char *canonical;
    Quantity quantity;
    std::vector<const char *> names; // not an initializer_list: its array would not outlive the braces
};

// Every spelling seen in the formats of formats.md §3 and §4.10, after snakeCase() and with units and
// statistics removed.
const std::vector<Alias> &aliases()
{
    static const std::vector<Alias> list = {
        {"ttft", Quantity::Time, {"ttft", "time_to_first_token"}},
        {"ttst", Quantity::Time, {"ttst", "time_to_second_token"}},
        {"ttfot", Quantity::Time, {"ttfot", "time_to_first_output_token"}},
        {"tpot", Quantity::Time, {"tpot", "time_per_output_token"}},
        {"itl", Quantity::Time, {"itl", "inter_token_latency"}},
        {"e2e_latency", Quantity::Time, {"e2e_latency", "e2el", "e2e", "request_latency", "req_latency", "latency", "end_to_end_latency"}},
        {"output_latency", Quantity::Time, {"output_latency"}},
        {"queue_time", Quantity::Time, {"queue_time", "client_queue_time"}},
        {"duration", Quantity::Time, {"duration", "run_duration", "benchmark_duration"}},
        {"output_throughput", Quantity::TokenRate,
         {"output_throughput", "output_token_throughput", "output_tokens_per_second", "output_throughput_tokens_per_s",
          "output_tokens_per_s", "output_tps"}},
        {"input_throughput", Quantity::TokenRate,
         {"input_throughput", "input_token_throughput", "prompt_tokens_per_second", "input_throughput_tokens_per_s"}},
        {"total_throughput", Quantity::TokenRate,
         {"total_throughput", "total_token_throughput", "tokens_per_second", "total_tokens_throughput_tokens_per_s",
          "total_tokens_per_second", "throughput"}},
        {"total_throughput_per_gpu", Quantity::TokenRate, {"total_throughput_per_gpu"}},
        {"output_throughput_per_gpu", Quantity::TokenRate, {"output_throughput_per_gpu"}},
        {"output_throughput_per_user", Quantity::TokenRate,
         {"output_throughput_per_user", "output_token_throughput_per_user", "output_inference_speed"}},
        {"peak_output_throughput", Quantity::TokenRate, {"max_output_tokens_per_s", "peak_output_throughput"}},
        {"request_throughput", Quantity::RequestRate, {"request_throughput", "requests_per_second", "rps"}},
        {"request_goodput", Quantity::RequestRate, {"request_goodput", "goodput"}},
        {"input_tokens", Quantity::Tokens,
         {"input_tokens", "input_sequence_length", "prompt_token_count", "num_input_tokens", "input_len", "isl"}},
        {"output_tokens", Quantity::Tokens,
         {"output_tokens", "output_sequence_length", "output_token_count", "num_output_tokens", "output_len", "osl"}},
        {"total_tokens", Quantity::Tokens, {"total_tokens", "total_token_count"}},
        {"total_input_tokens", Quantity::Tokens, {"total_input_tokens", "total_input"}},
        {"total_output_tokens", Quantity::Tokens, {"total_output_tokens", "total_output"}},
        {"request_count", Quantity::Count, {"request_count", "num_requests", "requests", "total_requests"}},
        {"requests_completed", Quantity::Count, {"requests_completed", "completed", "num_completed_requests", "successful", "successful_requests", "completed_requests"}},
        {"requests_failed", Quantity::Count, {"requests_failed", "failed", "num_error_requests", "errored", "error_requests", "failed_requests", "error_request_count"}},
        {"measured_concurrency", Quantity::Count, {"measured_concurrency", "request_concurrency"}},
        {"max_concurrent_requests", Quantity::Count, {"max_concurrent_requests"}},
        {"error_rate", Quantity::Ratio, {"error_rate"}},
        {"gpu_memory_used", Quantity::Memory, {"gpu_memory_used", "memory_used", "gpu_memory", "memory", "peak_memory"}},
        {"total_gpu_memory", Quantity::Memory, {"total_gpu_memory"}},
        {"gpu_power", Quantity::Power, {"gpu_power", "gpu_power_usage", "power"}},
        {"gpu_power_limit", Quantity::Power, {"gpu_power_limit"}},
        {"energy", Quantity::Energy, {"energy", "energy_consumption"}},
        {"gpu_utilization", Quantity::Percent, {"gpu_utilization"}},
    };
    return list;
}

const std::unordered_map<std::string, const Alias *> &aliasIndex()
{
    static const std::unordered_map<std::string, const Alias *> index = [] {
        std::unordered_map<std::string, const Alias *> m;
        for (const Alias &a : aliases())
            for (const char *n : a.names)
                m.emplace(n, &a);
        return m;
    }();
    return index;
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

// Tokens of a header: alphanumerics, keeping "99.9" in "p99.9" together.
std::vector<std::string> tokens(std::string_view s)
{
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool decimalPoint = c == '.' && !cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back()))
                                  && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]));
        if (std::isalnum(c) || decimalPoint) {
            cur += static_cast<char>(std::tolower(c));
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty())
        out.push_back(std::move(cur));
    return out;
}

std::string join(const std::vector<std::string> &parts, std::size_t from, std::size_t to)
{
    std::string s;
    for (std::size_t i = from; i < to; ++i)
        s += (i > from ? "_" : "") + parts[i];
    return s;
}

const std::vector<std::string> &unitWords()
{
    static const std::vector<std::string> w = {"ms", "s", "sec", "secs", "seconds", "us", "ns", "gb", "gib", "mb", "mib", "w", "mj"};
    return w;
}

} // namespace

std::string snakeCase(std::string_view s)
{
    const std::vector<std::string> t = tokens(s);
    return join(t, 0, t.size());
}

MetricDef canonicalMetric(std::string_view name)
{
    const std::string key = snakeCase(name);
    const auto &index = aliasIndex();
    if (auto it = index.find(key); it != index.end())
        return MetricDef{it->second->canonical, it->second->quantity, true};
    // "…_per_gpu" variants keep their suffix on top of the base metric.
    return MetricDef{key, Quantity::Other, false};
}

std::optional<std::string> canonicalStatistic(std::string_view name)
{
    const std::string s = asciiLower(trimmed(name));
    if (s == "avg" || s == "mean" || s == "average")
        return "mean";
    if (s == "median" || s == "p50" || s == "50th")
        return "median";
    if (s == "std" || s == "stddev" || s == "std_dev" || s == "std dev" || s == "stdev")
        return "std";
    if (s == "min" || s == "max")
        return s;
    if (s.size() >= 2 && s[0] == 'p' && std::isdigit(static_cast<unsigned char>(s[1]))) {
        double v = 0;
        auto res = std::from_chars(s.data() + 1, s.data() + s.size(), v);
        if (res.ec != std::errc() || res.ptr != s.data() + s.size() || v < 0 || v > 100)
            return std::nullopt;
        if (v == 50)
            return "median";
        char buf[32];
        auto out = std::to_chars(buf, buf + sizeof buf, v);
        return "p" + std::string(buf, out.ptr);
    }
    return std::nullopt;
}

std::optional<Normalised> normalise(Quantity q, std::string_view unitIn, double v)
{
    std::string u = asciiLower(trimmed(unitIn));
    u.erase(std::remove(u.begin(), u.end(), ' '), u.end());
    auto is = [&u](std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(), [&u](const char *n) { return u == n; });
    };
    switch (q) {
    case Quantity::Time:
        if (is({"", "ms", "msec", "millisecond", "milliseconds"}))
            return Normalised{v, "ms"};
        if (is({"s", "sec", "secs", "second", "seconds"}))
            return Normalised{v * 1000.0, "ms"};
        if (is({"us", "µs", "usec", "microsecond", "microseconds"}))
            return Normalised{v / 1000.0, "ms"};
        if (is({"ns", "nanosecond", "nanoseconds"}))
            return Normalised{v / 1.0e6, "ms"};
        if (is({"min", "minutes"}))
            return Normalised{v * 60000.0, "ms"};
        return std::nullopt;
    case Quantity::TokenRate:
        if (is({"", "tokens/s", "tokens/sec", "tok/s", "tokens/second", "persec", "/s", "tps", "tokens_per_s", "tok_s"}))
            return Normalised{v, "tokens/s"};
        // Per user (AIPerf "tokens/sec/user"): the metric's name says per user, the rate is tokens/s.
        if (is({"tokens/sec/user", "tokens/s/user", "tok/s/user", "tokens/second/user"}))
            return Normalised{v, "tokens/s"};
        return std::nullopt;
    case Quantity::RequestRate:
        if (is({"", "requests/s", "requests/sec", "req/s", "persec", "/s", "rps", "qps", "requests_per_s", "req_s"}))
            return Normalised{v, "requests/s"};
        return std::nullopt;
    case Quantity::Tokens:
        if (is({"", "tokens", "token", "tok", "count"}))
            return Normalised{v, "tokens"};
        return std::nullopt;
    case Quantity::Count:
        if (is({"", "count", "requests"}))
            return Normalised{v, "count"};
        return std::nullopt;
    case Quantity::Memory:
        if (is({"", "gb"}))
            return Normalised{v, "GB"};
        if (is({"gib"}))
            return Normalised{v * 1.073741824, "GB"};
        if (is({"mb"}))
            return Normalised{v / 1000.0, "GB"};
        if (is({"mib"}))
            return Normalised{v * 1.048576 / 1000.0, "GB"};
        if (is({"b", "bytes"}))
            return Normalised{v / 1.0e9, "GB"};
        return std::nullopt;
    case Quantity::Power:
        if (is({"", "w", "watt", "watts"}))
            return Normalised{v, "W"};
        return std::nullopt;
    case Quantity::Energy:
        if (is({"", "mj"}))
            return Normalised{v, "MJ"};
        if (is({"j"}))
            return Normalised{v / 1.0e6, "MJ"};
        return std::nullopt;
    case Quantity::Percent:
        if (is({"", "%", "percent", "pct"}))
            return Normalised{v, "%"};
        return std::nullopt;
    case Quantity::Ratio:
    case Quantity::Other:
        return Normalised{v, ""};
    }
    return std::nullopt;
}

std::optional<Quantity> quantityOfUnit(std::string_view unit)
{
    if (trimmed(unit).empty())
        return std::nullopt;
    for (const Quantity q : {Quantity::Time, Quantity::TokenRate, Quantity::RequestRate, Quantity::Memory, Quantity::Power, Quantity::Energy,
                             Quantity::Percent}) {
        if (normalise(q, unit, 1.0))
            return q;
    }
    return std::nullopt;
}

ColumnMeaning parseColumnName(std::string_view header)
{
    ColumnMeaning m;
    std::string_view name = header;
    // A unit in parentheses or brackets: "Time To First Token (ms)".
    if (auto open = name.find_last_of("(["); open != std::string_view::npos) {
        auto close = name.find_first_of(")]", open);
        if (close != std::string_view::npos) {
            m.unit = trimmed(name.substr(open + 1, close - open - 1));
            name = name.substr(0, open);
        }
    }
    std::vector<std::string> t = tokens(name);
    // Statistics may stand anywhere: "mean_ttft_ms", "ttft_p99_ms", "TTFT Std Dev".
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == "std" && i + 1 < t.size() && t[i + 1] == "dev") {
            m.statistic = "std";
            ++i;
            continue;
        }
        if (auto st = canonicalStatistic(t[i]); st && m.statistic.empty() && t.size() > 1) {
            m.statistic = *st;
            continue;
        }
        rest.push_back(t[i]);
    }
    const std::string full = join(rest, 0, rest.size());
    m.metric = canonicalMetric(full);
    if (m.metric.known || !m.unit.empty())
        return m;
    // Units at the end in snake case: "_ms", "_s", "_tok_s", "_tokens_per_s", "_req_s".
    const std::size_t n = rest.size();
    auto tail = [&](std::size_t k) { return n > k ? join(rest, n - k, n) : std::string(); };
    for (const auto &[suffix, unit] : std::initializer_list<std::pair<const char *, const char *>>{
             {"tokens_per_s", "tokens/s"}, {"tok_per_s", "tokens/s"}, {"requests_per_s", "requests/s"},
             {"req_per_s", "requests/s"}}) {
        if (tail(3) == suffix) {
            m.unit = unit;
            m.metric = canonicalMetric(join(rest, 0, n - 3));
            return m;
        }
    }
    for (const auto &[suffix, unit] : std::initializer_list<std::pair<const char *, const char *>>{
             {"tok_s", "tokens/s"}, {"tokens_s", "tokens/s"}, {"req_s", "requests/s"}, {"requests_s", "requests/s"}}) {
        if (tail(2) == suffix) {
            m.unit = unit;
            m.metric = canonicalMetric(join(rest, 0, n - 2));
            return m;
        }
    }
    if (n > 1 && std::find(unitWords().begin(), unitWords().end(), rest.back()) != unitWords().end()) {
        m.unit = rest.back();
        m.metric = canonicalMetric(join(rest, 0, n - 1));
    } else if (n > 1 && (rest.back() == "tps" || rest.back() == "rps")) {
        m.unit = rest.back();
        m.metric = canonicalMetric(join(rest, 0, n - 1));
    }
    return m;
}

MetricDef perfAnalyzerMetric(std::string_view name)
{
    MetricDef def = canonicalMetric(name);
    if (def.name == "request_count")
        def = canonicalMetric("requests_completed");
    return def;
}

} // namespace quantcfg::bench
