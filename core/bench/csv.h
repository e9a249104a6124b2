#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg::bench {

/// Progress of a long operation: bytes done and total; returning false cancels.
using ProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

/// A streaming CSV record reader (RFC 4180 quoting, CRLF or LF, a UTF-8 BOM, no final newline).
///
/// It reads the stream in 1 MiB chunks and hands out one record at a time; the fields are views
/// valid until the next call to next(). Memory use is one chunk plus the longest record.
class CsvReader
{
public:
    /// Reads from @p in (which must outlive the reader) with field separator @p delimiter.
    CsvReader(std::istream &in, char delimiter);

    /// Reads the next record; false at the end of the input. Empty lines give a record with one
    /// empty field (multi-section files are split on them).
    bool next();
    /// Fields of the current record.
    const std::vector<std::string_view> &fields() const { return m_fields; }
    /// True for the i-th field when it was quoted in the file.
    bool quoted(std::size_t i) const { return i < m_quoted.size() && m_quoted[i]; }
    /// 1-based line number where the current record starts.
    std::uint64_t line() const { return m_recordLine; }
    /// Bytes consumed so far (for progress).
    std::uint64_t bytesRead() const { return m_consumed; }
    /// True when the current record is an empty line.
    bool blank() const { return m_fields.size() == 1 && m_fields[0].empty() && !quoted(0); }
    /// True when a quoted field ran to the end of the input without its closing quote.
    bool unterminatedQuote() const { return m_unterminated; }
    char delimiter() const { return m_delim; }

private:
    bool fill();

    std::istream &m_in;
    char m_delim;
    std::array<bool, 256> m_stop; // bytes that end an unquoted field
    std::string m_buf;
    std::size_t m_pos = 0;
    bool m_eof = false;
    bool m_first = true;
    bool m_unterminated = false;
    std::uint64_t m_line = 1;
    std::uint64_t m_recordLine = 0;
    std::uint64_t m_consumed = 0;
    std::string m_scratch; // unescaped quoted fields
    std::vector<std::string_view> m_fields;
    std::vector<unsigned char> m_quoted; // not vector<bool>: bit packing costs time on every field
    std::vector<std::pair<std::size_t, std::size_t>> m_spans; // (offset | flag, length)
};

/// Guesses the field separator of a delimited text from its first line: ',', ';' or TAB, whichever
/// occurs most outside quotes (',' on a tie).
char sniffDelimiter(std::string_view firstLine);

/// Outcome of parsing a cell as a number.
enum class CellKind { Number, Missing, Invalid };

/// A parsed cell.
struct Cell
{
    CellKind kind = CellKind::Missing;
    double value = 0;
};

/// Parses a cell: "12.5", " 1e3 ", "1,740.26" (thousands commas, as GenAI-Perf writes), "12,5" when
/// @p decimalComma, "inf". Empty, "N/A", "NA", "null", "None", "nan", "-" are Missing (never 0).
Cell parseCell(std::string_view cell, bool decimalComma);

/// Trims ASCII spaces and tabs.
std::string_view trim(std::string_view s);

} // namespace quantcfg::bench
