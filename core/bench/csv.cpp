#include "core/bench/csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

namespace quantcfg::bench {

namespace {
constexpr std::size_t kChunk = 1u << 20;
constexpr std::size_t kScratchFlag = std::size_t(1) << (sizeof(std::size_t) * 8 - 1);
} // namespace

CsvReader::CsvReader(std::istream &in, char delimiter)
    : m_in(in)
    , m_delim(delimiter)
{
    m_buf.reserve(kChunk * 2);
    m_stop.fill(false);
    m_stop[static_cast<unsigned char>(delimiter)] = m_stop['\n'] = m_stop['\r'] = true;
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Drop what was consumed and append a chunk. Only the current, incomplete record is kept.
    m_buf.erase(0, m_pos);
    m_pos = 0;
    const std::size_t old = m_buf.size();
    m_buf.resize(old + kChunk);
    m_in.read(m_buf.data() + old, static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    m_buf.resize(old + got);
    if (got == 0)
        m_eof = true;
    if (m_first && m_buf.size() >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        m_buf.erase(0, 3);
        m_consumed += 3;
    }
    if (m_buf.size() >= 3 || m_eof)
        m_first = false;
    return got > 0;
}

bool CsvReader::next()
{
    m_fields.clear();
    m_quoted.clear();
    m_unterminated = false;
    for (;;) {
        // Parse one record from m_pos; when the buffer ends inside it, read more and start over.
        m_spans.clear();
        m_quoted.clear();
        m_scratch.clear();
        std::size_t i = m_pos;
        const std::size_t end = m_buf.size();
        const char *b = m_buf.data();
        std::uint64_t lines = 0;
        bool complete = false;
        bool truncated = false;
        if (i >= end && m_eof)
            return false;
        while (true) {
            if (i < end && b[i] == '"') {
                // Quoted field: copy into scratch, "" is a quote.
                const std::size_t start = m_scratch.size();
                std::size_t j = i + 1;
                bool closed = false;
                while (j < end) {
                    const char *q = static_cast<const char *>(std::memchr(b + j, '"', end - j));
                    const std::size_t stop = q ? static_cast<std::size_t>(q - b) : end;
                    lines += static_cast<std::uint64_t>(std::count(b + j, b + stop, '\n'));
                    m_scratch.append(b + j, stop - j);
                    if (!q) {
                        j = end;
                        break;
                    }
                    if (stop + 1 < end && b[stop + 1] == '"') {
                        m_scratch += '"';
                        j = stop + 2;
                        continue;
                    }
                    if (stop + 1 >= end && !m_eof) { // cannot tell "" from " yet
                        j = end;
                        break;
                    }
                    j = stop + 1;
                    closed = true;
                    break;
                }
                if (!closed) {
                    if (!m_eof) {
                        truncated = true;
                        break;
                    }
                    m_unterminated = true;
                }
                m_spans.emplace_back(start | kScratchFlag, m_scratch.size() - start);
                m_quoted.push_back(1);
                // Text after the closing quote up to the separator is ignored, as Python's csv does not write any.
                while (j < end && b[j] != m_delim && b[j] != '\n' && b[j] != '\r')
                    ++j;
                i = j;
            } else {
                std::size_t j = i;
                while (j < end && !m_stop[static_cast<unsigned char>(b[j])])
                    ++j;
                if (j >= end && !m_eof) {
                    truncated = true;
                    break;
                }
                m_spans.emplace_back(i, j - i);
                m_quoted.push_back(0);
                i = j;
            }
            if (i >= end) {
                if (!m_eof) {
                    truncated = true;
                    break;
                }
                complete = true;
                break;
            }
            if (b[i] == m_delim) {
                ++i;
                continue;
            }
            // End of line: \n, \r\n or a lone \r.
            if (b[i] == '\r') {
                if (i + 1 >= end && !m_eof) {
                    truncated = true;
                    break;
                }
                ++i;
                if (i < end && b[i] == '\n')
                    ++i;
            } else {
                ++i;
            }
            ++lines;
            complete = true;
            break;
        }
        if (truncated || !complete) {
            if (!fill() && m_eof && m_pos >= m_buf.size())
                return false;
            continue;
        }
        m_recordLine = m_line;
        m_line += lines;
        m_consumed += i - m_pos;
        m_pos = i;
        for (const auto &[off, len] : m_spans) {
            if (off & kScratchFlag)
                m_fields.emplace_back(m_scratch.data() + (off & ~kScratchFlag), len);
            else
                m_fields.emplace_back(m_buf.data() + off, len);
        }
        return true;
    }
}

char sniffDelimiter(std::string_view line)
{
    std::size_t comma = 0, semi = 0, tab = 0;
    bool inQuotes = false;
    for (char c : line) {
        if (c == '"')
            inQuotes = !inQuotes;
        else if (!inQuotes)
            comma += c == ',', semi += c == ';', tab += c == '\t';
    }
    if (tab > comma && tab >= semi)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

namespace {

bool isMissingToken(std::string_view s)
{
    if (s.empty() || s == "-")
        return true;
    if (s.size() > 4)
        return false;
    char low[5] = {};
    for (std::size_t i = 0; i < s.size(); ++i)
        low[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    const std::string_view l(low, s.size());
    return l == "n/a" || l == "na" || l == "null" || l == "none" || l == "nan";
}

bool parseDouble(std::string_view s, double &out)
{
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    const auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// "1,740.26" → "1740.26" when the commas group digits by three.
bool stripThousands(std::string_view s, std::string &out)
{
    const std::size_t dot = s.find('.');
    const std::string_view intPart = s.substr(0, dot);
    std::size_t digitsSinceComma = 0;
    bool sawComma = false;
    std::size_t firstGroup = 0;
    for (std::size_t i = 0; i < intPart.size(); ++i) {
        const char c = intPart[i];
        if (c == ',') {
            if (!sawComma)
                firstGroup = digitsSinceComma;
            else if (digitsSinceComma != 3)
                return false;
            sawComma = true;
            digitsSinceComma = 0;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            ++digitsSinceComma;
        } else if (!(i == 0 && c == '-')) {
            return false;
        }
    }
    if (!sawComma || digitsSinceComma != 3 || firstGroup == 0 || firstGroup > 3)
        return false;
    out.clear();
    for (char c : s)
        if (c != ',')
            out += c;
    return true;
}

} // namespace

Cell parseCell(std::string_view cell, bool decimalComma)
{
    const std::string_view s = trim(cell);
    if (isMissingToken(s))
        return {CellKind::Missing, 0};
    double v = 0;
    if (parseDouble(s, v))
        return std::isnan(v) ? Cell{CellKind::Missing, 0} : Cell{CellKind::Number, v};
    if (s.find(',') == std::string_view::npos)
        return {CellKind::Invalid, 0};
    std::string fixed;
    if (decimalComma) {
        // "1.234,5" and "12,5": dots group thousands, the comma is the decimal point.
        for (char c : s)
            if (c != '.')
                fixed += c == ',' ? '.' : c;
        if (std::count(s.begin(), s.end(), ',') == 1 && parseDouble(fixed, v))
            return {CellKind::Number, v};
        return {CellKind::Invalid, 0};
    }
    if (stripThousands(s, fixed) && parseDouble(fixed, v))
        return {CellKind::Number, v};
    return {CellKind::Invalid, 0};
}

} // namespace quantcfg::bench
