#include "core/engines/shellwords.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace quantcfg {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }

// Reads one script. Positions are byte offsets into the text; lines are counted as they pass.
class ScriptReader
{
public:
    explicit ScriptReader(std::string_view text) : m_text(text) {}

    ShellScript read()
    {
        while (m_i < m_text.size() && !m_failed)
            step();
        if (!m_failed)
            endCommand("");
        return std::move(m_out);
    }

private:
    char at(std::size_t k) const { return k < m_text.size() ? m_text[k] : '\0'; }

    void fail(std::string message)
    {
        Diagnostic d = makeDiagnostic(Severity::Error, "lint.shell-syntax", std::move(message));
        d.line = m_line;
        m_out.diagnostics.push_back(std::move(d));
        m_failed = true;
    }

    // The rest of the line from @p k holds only blanks or a comment.
    bool onlyBlankOrCommentToEol(std::size_t k) const
    {
        while (k < m_text.size() && isBlank(m_text[k]))
            ++k;
        return k >= m_text.size() || m_text[k] == '\n' || m_text[k] == '#';
    }

    std::size_t endOfLine(std::size_t k) const
    {
        const auto nl = m_text.find('\n', k);
        return nl == std::string_view::npos ? m_text.size() : nl;
    }

    // Index just past the ')' closing a "$(" or "(" whose inside starts at @p k, or npos.
    std::size_t closeParen(std::size_t k) const
    {
        int depth = 1;
        while (k < m_text.size()) {
            const char c = m_text[k];
            if (c == '\\') {
                k += 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                const auto e = m_text.find(c, k + 1);
                if (e == std::string_view::npos)
                    return std::string_view::npos;
                k = e + 1;
                continue;
            }
            if (c == '(')
                ++depth;
            else if (c == ')' && --depth == 0)
                return k + 1;
            ++k;
        }
        return std::string_view::npos;
    }

    void countLines(std::size_t from, std::size_t to)
    {
        m_line += static_cast<int>(std::count(m_text.begin() + static_cast<std::ptrdiff_t>(from),
                                              m_text.begin() + static_cast<std::ptrdiff_t>(std::min(to, m_text.size())), '\n'));
    }

    // A "$…" expansion at m_i (outside single quotes): appends it literally and marks the word.
    // Returns false when the '$' is a plain character.
    bool expansion()
    {
        const char n = at(m_i + 1);
        std::size_t end = 0;
        if (n == '(') {
            end = closeParen(m_i + 2);
            if (end == std::string_view::npos) {
                fail("unterminated $( command substitution");
                return true;
            }
            m_out.nested.emplace_back(m_text.substr(m_i + 2, end - m_i - 3));
        } else if (n == '{') {
            const auto close = m_text.find('}', m_i + 2);
            if (close == std::string_view::npos) {
                fail("unterminated ${ expansion");
                return true;
            }
            end = close + 1;
        } else if (isNameStart(n)) {
            end = m_i + 2;
            while (end < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
                ++end;
        } else if (n != '\0' && std::string_view("0123456789@*#?$!-").find(n) != std::string_view::npos) {
            end = m_i + 2;
        } else {
            return false;
        }
        countLines(m_i, end);
        m_word.append(m_text.substr(m_i, end - m_i));
        m_inWord = true;
        m_expanded = true;
        m_i = end;
        return true;
    }

    void backquote()
    {
        const auto close = m_text.find('`', m_i + 1);
        if (close == std::string_view::npos) {
            fail("unterminated ` command substitution");
            return;
        }
        m_out.nested.emplace_back(m_text.substr(m_i + 1, close - m_i - 1));
        countLines(m_i, close);
        m_word.append(m_text.substr(m_i, close + 1 - m_i));
        m_inWord = true;
        m_expanded = true;
        m_i = close + 1;
    }

    void doubleQuoted()
    {
        std::size_t j = m_i + 1;
        m_inWord = true;
        while (j < m_text.size() && m_text[j] != '"' && !m_failed) {
            const char c = m_text[j];
            if (c == '\\' && j + 1 < m_text.size() && std::string_view("$`\"\\\n").find(m_text[j + 1]) != std::string_view::npos) {
                if (m_text[j + 1] != '\n')
                    m_word += m_text[j + 1];
                else
                    ++m_line;
                j += 2;
            } else if (c == '$') {
                m_i = j;
                if (expansion())
                    j = m_i;
                else {
                    m_word += c;
                    ++j;
                }
            } else if (c == '`') {
                m_i = j;
                backquote();
                j = m_i;
            } else {
                if (c == '\n')
                    ++m_line;
                m_word += c;
                ++j;
            }
        }
        if (m_failed)
            return;
        if (j >= m_text.size()) {
            fail("unterminated double quote");
            return;
        }
        m_i = j + 1;
    }

    void endWord()
    {
        if (!m_inWord)
            return;
        if (m_redirectTarget) {
            m_redirectTarget = false;
        } else if (m_heredocDelimiter) {
            m_heredocs.push_back({m_word, *m_heredocDelimiter});
            m_heredocDelimiter.reset();
        } else {
            m_cmd.argv.push_back(std::move(m_word));
            m_cmd.expanded.push_back(m_expanded);
        }
        m_word.clear();
        m_inWord = false;
        m_expanded = false;
    }

    // One warning per command for the line breaks read as continuations (see newline()).
    void reportBrokenLines()
    {
        if (m_brokenLines.empty())
            return;
        std::string lines;
        for (std::size_t k = 0; k < m_brokenLines.size(); ++k)
            lines += (k == 0 ? "" : k + 1 == m_brokenLines.size() ? " and " : ", ") + std::to_string(m_brokenLines[k]);
        const bool one = m_brokenLines.size() == 1;
        Diagnostic d = makeDiagnostic(Severity::Warning, "lint.shell-continuation",
                                      std::string(one ? "line " : "lines ") + lines + (one ? " does" : " do")
                                          + " not end with '\\' (a '\\' followed by spaces or a comment does not count): a shell ends the command at line "
                                          + std::to_string(m_brokenLines.front()) + " and runs the options after it as commands of their own; they were read as part of this command");
        d.line = m_brokenLines.front();
        m_out.diagnostics.push_back(std::move(d));
        m_brokenLines.clear();
    }

    void endCommand(std::string terminator)
    {
        endWord();
        reportBrokenLines();
        std::size_t k = 0;
        for (; k < m_cmd.argv.size() && isShellAssignment(m_cmd.argv[k]); ++k) {
            const auto eq = m_cmd.argv[k].find('=');
            m_cmd.env.emplace_back(m_cmd.argv[k].substr(0, eq), m_cmd.argv[k].substr(eq + 1));
        }
        m_cmd.argv.erase(m_cmd.argv.begin(), m_cmd.argv.begin() + static_cast<std::ptrdiff_t>(k));
        m_cmd.expanded.erase(m_cmd.expanded.begin(), m_cmd.expanded.begin() + static_cast<std::ptrdiff_t>(k));
        if (!m_cmd.argv.empty() || !m_cmd.env.empty()) {
            m_cmd.terminator = std::move(terminator);
            m_out.commands.push_back(std::move(m_cmd));
        }
        m_cmd = ShellCommand();
        m_cmd.line = m_line;
        m_redirectTarget = false;
    }

    // After a newline: here-document bodies announced on the line just ended.
    void readHeredocs()
    {
        for (const auto &[delimiter, stripTabs] : m_heredocs) {
            std::string body;
            while (m_i < m_text.size()) {
                const std::size_t eol = endOfLine(m_i);
                std::string_view lineText = m_text.substr(m_i, eol - m_i);
                m_i = std::min(eol + 1, m_text.size());
                ++m_line;
                std::string_view trimmed = lineText;
                while (!trimmed.empty() && (trimmed.front() == '\t' || (!stripTabs && trimmed.front() == ' ')))
                    trimmed.remove_prefix(1);
                while (!trimmed.empty() && isBlank(trimmed.back()))
                    trimmed.remove_suffix(1);
                if (trimmed == delimiter)
                    break;
                body.append(lineText).append("\n");
            }
            m_out.nested.push_back(std::move(body));
        }
        m_heredocs.clear();
    }

    // An unescaped line break. When the next line starts with an option and this command has
    // words, the author meant a continuation (a '\' followed by blanks, or a comment after it):
    // read on, and say where a shell would have cut.
    void newline()
    {
        const int lineEnded = m_line;
        ++m_i;
        ++m_line;
        endWord();
        if (!m_heredocs.empty()) {
            endCommand("\n");
            readHeredocs();
            return;
        }
        std::size_t k = m_i;
        while (k < m_text.size() && isBlank(m_text[k]))
            ++k;
        if (!m_cmd.argv.empty() && at(k) == '-' && at(k + 1) != '\0' && !isBlank(at(k + 1))) {
            m_brokenLines.push_back(lineEnded);
            return;
        }
        endCommand("\n");
    }

    void redirection()
    {
        // A word of digits just before '<' or '>' is the file descriptor ("2>&1").
        if (m_inWord && !m_expanded && !m_word.empty()
            && std::all_of(m_word.begin(), m_word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            m_word.clear();
            m_inWord = false;
        }
        endWord();
        const char c = m_text[m_i];
        ++m_i;
        bool heredoc = false;
        bool stripTabs = false;
        if (c == '<' && at(m_i) == '<') {
            ++m_i;
            if (at(m_i) == '<') { // here-string: its word is data
                ++m_i;
            } else {
                heredoc = true;
                if (at(m_i) == '-') {
                    stripTabs = true;
                    ++m_i;
                }
            }
        } else if (at(m_i) == '>' || at(m_i) == '|' || (c == '<' && at(m_i) == '>')) {
            ++m_i;
        }
        if (at(m_i) == '&') { // >&2, <&0, >&-: a descriptor, not a file
            ++m_i;
            while (std::isdigit(static_cast<unsigned char>(at(m_i))) || at(m_i) == '-')
                ++m_i;
            if (!isBlank(at(m_i)) && at(m_i) != '\n' && at(m_i) != '\0')
                m_redirectTarget = true; // ">&file" (bash): a file name follows
            return;
        }
        if (heredoc)
            m_heredocDelimiter = stripTabs;
        else
            m_redirectTarget = true;
    }

    void step()
    {
        const char c = m_text[m_i];
        if (c == '\\') {
            if (at(m_i + 1) == '\n' || (at(m_i + 1) == '\r' && at(m_i + 2) == '\n')) { // line continuation
                m_i += at(m_i + 1) == '\n' ? 2 : 3;
                ++m_line;
            } else if (isBlank(at(m_i + 1)) && onlyBlankOrCommentToEol(m_i + 1)) {
                m_i = endOfLine(m_i + 1); // "\ " at the end of a line: see newline()
            } else if (m_i + 1 < m_text.size()) {
                m_word += m_text[m_i + 1];
                m_inWord = true;
                m_i += 2;
            } else {
                ++m_i;
            }
        } else if ((c == '`' || c == '^') && onlyBlankOrCommentToEol(m_i + 1) && m_i + 1 < m_text.size()
                   && (m_i == 0 || isBlank(m_text[m_i - 1]))) {
            // PowerShell (`) and cmd.exe (^) line continuations.
            endWord();
            m_i = endOfLine(m_i + 1) + 1;
            ++m_line;
        } else if (c == '`') {
            backquote();
        } else if (c == '\'') {
            const auto end = m_text.find('\'', m_i + 1);
            if (end == std::string_view::npos) {
                fail("unterminated single quote");
                return;
            }
            m_word.append(m_text.substr(m_i + 1, end - m_i - 1));
            countLines(m_i, end);
            m_inWord = true;
            m_i = end + 1;
        } else if (c == '"') {
            doubleQuoted();
        } else if (c == '$') {
            if (!expansion()) {
                m_word += c;
                m_inWord = true;
                ++m_i;
            }
        } else if (isBlank(c)) {
            endWord();
            ++m_i;
        } else if (c == '\n') {
            newline();
        } else if (c == '#' && !m_inWord) {
            m_i = endOfLine(m_i);
        } else if (c == '|' || c == ';') {
            std::string op(1, c);
            if (at(m_i + 1) == c || (c == '|' && at(m_i + 1) == '&'))
                op += at(m_i + 1);
            m_i += op.size();
            endCommand(op);
        } else if (c == '&') {
            if (at(m_i + 1) == '>') { // &> and &>>: both streams to a file
                endWord();
                ++m_i;
                redirection();
            } else {
                const std::string op = at(m_i + 1) == '&' ? "&&" : "&";
                m_i += op.size();
                endCommand(op);
            }
        } else if (c == '<' || c == '>') {
            redirection();
        } else if ((c == '(' || c == ')') && !m_inWord) {
            // Subshells and groups: "(cd x && vllm serve …)"; the parentheses separate commands.
            ++m_i;
            endCommand(c == ')' ? ")" : "");
        } else {
            m_word += c;
            m_inWord = true;
            ++m_i;
        }
    }

    std::string_view m_text;
    std::size_t m_i = 0;
    int m_line = 1;
    bool m_failed = false;
    ShellScript m_out;
    ShellCommand m_cmd;
    std::string m_word;
    bool m_inWord = false;
    bool m_expanded = false;
    bool m_redirectTarget = false;
    std::optional<bool> m_heredocDelimiter; // set: the next word is a here-document's delimiter (value: <<-)
    std::vector<std::pair<std::string, bool>> m_heredocs;
    std::vector<int> m_brokenLines;
};

} // namespace

bool isShellAssignment(std::string_view w)
{
    const auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0 || !isNameStart(w[0]))
        return false;
    return std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

ShellScript parseShellScript(std::string_view text)
{
    return ScriptReader(text).read();
}

ShellWords splitShellWords(std::string_view text)
{
    ShellScript script = parseShellScript(text);
    ShellWords out;
    out.diagnostics = std::move(script.diagnostics);
    if (script.commands.empty())
        return out;
    ShellCommand &cmd = script.commands.front();
    out.env = std::move(cmd.env);
    std::size_t k = 0;
    if (k < cmd.argv.size() && cmd.argv[k] == "env" && !cmd.expanded[k]) {
        ++k;
        for (; k < cmd.argv.size() && isShellAssignment(cmd.argv[k]); ++k) {
            const auto eq = cmd.argv[k].find('=');
            out.env.emplace_back(cmd.argv[k].substr(0, eq), cmd.argv[k].substr(eq + 1));
        }
    }
    out.argv.assign(cmd.argv.begin() + static_cast<std::ptrdiff_t>(k), cmd.argv.end());
    out.expanded.assign(cmd.expanded.begin() + static_cast<std::ptrdiff_t>(k), cmd.expanded.end());
    return out;
}

} // namespace quantcfg
