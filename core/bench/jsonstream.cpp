#include "core/bench/jsonstream.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <streambuf>

namespace quantcfg::bench {

void NonRfcJsonFilter::flushWord(std::string &out)
{
    if (m_word == "Infinity")
        out += m_minus ? "\"-inf\"   " : "\"inf\"   "; // same length as the literal
    else if (m_word == "NaN")
        out += "null";
    else
        out += (m_minus ? "-" : "") + m_word;
    m_minus = false;
    m_word.clear();
}

void NonRfcJsonFilter::feed(std::string_view in, std::string &out)
{
    out.reserve(out.size() + in.size() + 16);
    for (char c : in) {
        if (m_inString) {
            out += c;
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (std::isalpha(static_cast<unsigned char>(c))) {
            m_word += c;
            continue;
        }
        if (m_minus || !m_word.empty())
            flushWord(out);
        if (c == '-') {
            m_minus = true; // held back: "-Infinity" is rewritten as a whole
            continue;
        }
        if (c == '"')
            m_inString = true;
        out += c;
    }
}

void NonRfcJsonFilter::finish(std::string &out)
{
    flushWord(out);
}

bool isBulkyKey(std::string_view key)
{
    // Not SGLang's server_info: a few kB per run, and it says what the server ran with.
    static constexpr std::array<std::string_view, 16> keys = {
        "requests", "latencies", "ttfts", "itls", "tpots", "generated_texts", "errors", "input_lens", "output_lens",
        "start_times", "queue_times", "details", "individual_request_metrics", "pdf", "cumulative_distribution_function",
        "prompts"};
    for (std::string_view k : keys)
        if (k == key)
            return true;
    return false;
}

namespace {

// nlohmann's message: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …".
Diagnostic syntaxError(const std::exception &e)
{
    Diagnostic d;
    d.code = "json.syntax";
    const std::string what = e.what();
    const auto at = what.find(" at line ");
    if (at != std::string::npos)
        std::sscanf(what.c_str() + at, " at line %d, column %d", &d.line, &d.column);
    const auto colon = what.find(": ", at == std::string::npos ? 0 : at);
    d.message = colon == std::string::npos ? what : what.substr(colon + 2);
    return d;
}

bool keepValue(int /*depth*/, Json::parse_event_t event, Json &parsed)
{
    if (event == Json::parse_event_t::key && parsed.is_string())
        return !isBulkyKey(parsed.get_ref<const std::string &>());
    return true;
}

// A read-only stream buffer that runs the underlying stream through NonRfcJsonFilter.
class FilterBuf : public std::streambuf
{
public:
    FilterBuf(std::istream &in, const std::function<bool(std::uint64_t)> &progress)
        : m_in(in)
        , m_progress(progress)
        , m_raw(1u << 20, '\0')
    {
    }

protected:
    int_type underflow() override
    {
        while (gptr() == egptr()) {
            if (m_done)
                return traits_type::eof();
            m_out.clear();
            m_in.read(m_raw.data(), static_cast<std::streamsize>(m_raw.size()));
            const auto got = static_cast<std::size_t>(m_in.gcount());
            m_read += got;
            if (m_progress && !m_progress(m_read)) { // cancelled: end the input, the parser then fails
                m_done = true;
                return traits_type::eof();
            }
            m_filter.feed(std::string_view(m_raw.data(), got), m_out);
            if (got == 0) {
                m_filter.finish(m_out);
                m_done = true;
            }
            setg(m_out.data(), m_out.data(), m_out.data() + m_out.size());
        }
        return traits_type::to_int_type(*gptr());
    }

private:
    std::istream &m_in;
    const std::function<bool(std::uint64_t)> &m_progress;
    std::uint64_t m_read = 0;
    std::string m_raw;
    std::string m_out;
    NonRfcJsonFilter m_filter;
    bool m_done = false;
};

} // namespace

std::optional<Json> parseLenient(std::string_view text, Diagnostic &error)
{
    std::string clean;
    NonRfcJsonFilter filter;
    filter.feed(text, clean);
    filter.finish(clean);
    try {
        return Json::parse(clean, keepValue);
    } catch (const Json::exception &e) {
        error = syntaxError(e);
        return std::nullopt;
    }
}

std::optional<Json> parseLenientStream(std::istream &in, Diagnostic &error, const std::function<bool(std::uint64_t)> &progress)
{
    FilterBuf buf(in, progress);
    std::istream filtered(&buf);
    try {
        return Json::parse(filtered, keepValue);
    } catch (const Json::exception &e) {
        error = syntaxError(e);
        return std::nullopt;
    }
}

} // namespace quantcfg::bench
