#include "core/jsonio.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace quantcfg {

namespace {

Diagnostic ioError(std::string code, std::string message)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = std::move(code);
    d.message = std::move(message);
    return d;
}

std::string sizeText(std::uintmax_t bytes)
{
    std::ostringstream s;
    if (bytes >= 1024u * 1024u)
        s << (bytes / (1024u * 1024u)) << " MiB";
    else
        s << bytes << " bytes";
    return s.str();
}

// A NUL byte never occurs in a text configuration; it is the simplest reliable sign of a binary file.
bool looksBinary(std::string_view text)
{
    return text.find('\0') != std::string_view::npos;
}

// 1-based line and column (in UTF-8 characters) of byte offset @p offset.
std::pair<int, int> lineColumnAt(std::string_view text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0u) != 0x80u) { // count characters, not continuation bytes
            ++column;
        }
    }
    return {line, column};
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error while parsing value - invalid literal; last read: 'tru,'". Keep only the part after the
// position, which says what was wrong.
std::string cleanParseMessage(const std::string &what)
{
    const auto colon = what.find(": ");
    std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
    if (!msg.empty())
        msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    return msg;
}

} // namespace

TextResult readTextStream(std::istream &in, std::uintmax_t maxBytes)
{
    TextResult result;
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes) {
            result.diagnostics.push_back(ioError("io.too-large",
                "input is larger than " + sizeText(maxBytes) + "; quantcfg refuses it"));
            return result;
        }
    }
    if (looksBinary(text)) {
        result.diagnostics.push_back(ioError("io.binary", "input is binary (contains NUL bytes), not a JSON text"));
        return result;
    }
    result.text = std::move(text);
    return result;
}

TextResult readTextFile(const std::filesystem::path &path, std::uintmax_t maxBytes)
{
    TextResult result;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        result.diagnostics.push_back(ioError("io.not-found", "no such file"));
        return result;
    }
    if (std::filesystem::is_directory(status)) {
        result.diagnostics.push_back(ioError("io.is-directory", "is a directory, not a file"));
        return result;
    }
    if (std::filesystem::is_regular_file(status)) {
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > maxBytes) {
            result.diagnostics.push_back(ioError("io.too-large",
                "file is " + sizeText(size) + ", larger than the " + sizeText(maxBytes) + " quantcfg accepts"));
            return result;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.diagnostics.push_back(ioError("io.read-failed", std::string("cannot open file: ") + std::strerror(errno)));
        return result;
    }
    return readTextStream(in, maxBytes);
}

JsonResult parseJson(std::string_view text)
{
    JsonResult result;
    try {
        result.value = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error &e) {
        Diagnostic d = ioError("json.syntax", cleanParseMessage(e.what()));
        // e.byte is the 1-based index of the last byte read, i.e. the offending one.
        const auto [line, column] = lineColumnAt(text, e.byte > 0 ? e.byte - 1 : 0);
        d.line = line;
        d.column = column;
        result.diagnostics.push_back(std::move(d));
    } catch (const Json::out_of_range &e) {
        // A number beyond double's range ("1E999"): nlohmann reports it without a position, but
        // quotes the literal, which is found again in the text.
        Diagnostic d = ioError("json.number-out-of-range", cleanParseMessage(e.what()));
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        if (open != std::string::npos && close > open + 1) {
            const auto at = text.find(std::string_view(what).substr(open + 1, close - open - 1));
            if (at != std::string_view::npos) {
                const auto [line, column] = lineColumnAt(text, at);
                d.line = line;
                d.column = column;
            }
        }
        result.diagnostics.push_back(std::move(d));
    }
    return result;
}

JsonResult loadJsonFile(const std::filesystem::path &path, std::uintmax_t maxBytes)
{
    TextResult text = readTextFile(path, maxBytes);
    if (!text.text) {
        JsonResult r;
        r.diagnostics = std::move(text.diagnostics);
        return r;
    }
    return parseJson(*text.text);
}

std::string toPrettyJson(const Json &doc)
{
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string toCompactJson(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Diagnostic> writeFileAtomic(const std::filesystem::path &path, std::string_view content)
{
    const auto fail = [&](const std::string &what) {
        return ioError("io.write-failed", what + ": " + std::strerror(errno));
    };
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::random_device rd;
    std::string tmpName = "." + path.filename().string() + ".tmp-" + std::to_string(rd());
    const std::filesystem::path tmp = dir / tmpName;

    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail("cannot create a temporary file in " + dir.string());

    const char *data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            Diagnostic d = fail("cannot write " + tmp.string());
            ::close(fd);
            ::unlink(tmp.c_str());
            return d;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        Diagnostic d = fail("cannot flush " + tmp.string());
        ::unlink(tmp.c_str());
        return d;
    }
    // Keep the permissions of a file we replace.
    std::error_code ec;
    const auto perms = std::filesystem::status(path, ec).permissions();
    if (!ec && std::filesystem::exists(path))
        std::filesystem::permissions(tmp, perms, ec);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        Diagnostic d = fail("cannot replace " + path.string());
        ::unlink(tmp.c_str());
        return d;
    }
    return std::nullopt;
}

} // namespace quantcfg

namespace quantcfg {

Json diagnosticToJson(const Diagnostic &d)
{
    Json j = Json::object();
    j["severity"] = severityName(d.severity);
    j["code"] = d.code;
    j["pointer"] = d.pointer;
    j["message"] = d.message;
    if (!d.value.empty())
        j["value"] = d.value;
    if (!d.allowed.empty())
        j["allowed"] = d.allowed;
    if (!d.suggestion.empty())
        j["suggestion"] = d.suggestion;
    if (!d.engine.empty())
        j["engine"] = d.engine;
    if (d.line > 0) {
        j["line"] = d.line;
        j["column"] = d.column;
    }
    return j;
}

} // namespace quantcfg
