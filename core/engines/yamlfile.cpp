#include "core/engines/yamlfile.h"

#include <cctype>

#include <yaml-cpp/yaml.h>

namespace quantcfg {

namespace {

// Scalars made only of these characters, and not words YAML would read as another type, are
// written as they are; anything else goes through yaml-cpp's emitter, which knows the quoting
// rules. Profile values (fp8, bfloat16, FLASHINFER, 4) are all plain, and yaml-cpp's emitter
// costs about half of a whole TensorRT-LLM mapping (it runs regular expressions per scalar).
bool isPlainScalar(const std::string &s)
{
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    static const char *const special[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
    std::string lower = s;
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char *w : special) {
        if (lower == w)
            return false;
    }
    return !(s[0] >= '0' && s[0] <= '9'); // "1e3", "0x1F": let yaml-cpp decide
}

bool isPlainTree(const Json &v)
{
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!isPlainScalar(it.key()) || !isPlainTree(it.value()))
                return false;
        }
        return true;
    }
    return v.is_number() || v.is_boolean() || (v.is_string() && isPlainScalar(v.get<std::string>()));
}

void writePlain(std::string &out, const Json &v, int indent)
{
    for (auto it = v.begin(); it != v.end(); ++it) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += it.key();
        out += ':';
        if (it.value().is_object()) {
            out += '\n';
            writePlain(out, it.value(), indent + 2);
            continue;
        }
        out += ' ';
        if (it.value().is_boolean())
            out += it.value().get<bool>() ? "true" : "false";
        else if (it.value().is_number_integer())
            out += std::to_string(it.value().get<long long>());
        else if (it.value().is_number())
            out += toCompactJson(it.value()); // the shortest text that reads back the same double: 0.85
        else
            out += it.value().get<std::string>();
        out += '\n';
    }
}

void emitJson(YAML::Emitter &out, const Json &v)
{
    if (v.is_object()) {
        out << YAML::BeginMap;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out << YAML::Key << it.key() << YAML::Value;
            emitJson(out, it.value());
        }
        out << YAML::EndMap;
    } else if (v.is_boolean()) {
        out << v.get<bool>();
    } else if (v.is_number_integer()) {
        out << v.get<long long>();
    } else if (v.is_number()) {
        out << toCompactJson(v); // plain 0.85, not yaml-cpp's 0.84999999999999998
    } else if (v.is_string()) {
        out << v.get<std::string>();
    } else {
        out << YAML::Null;
    }
}

} // namespace

std::string renderYamlFile(const std::vector<std::pair<std::string, Json>> &entries)
{
    Json tree = Json::object();
    for (const auto &[path, value] : entries) {
        Json *node = &tree;
        std::size_t start = 0;
        for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
            node = &(*node)[path.substr(start, dot - start)];
            start = dot + 1;
        }
        (*node)[path.substr(start)] = value;
    }
    if (isPlainTree(tree) && !tree.empty()) {
        std::string out;
        writePlain(out, tree, 0);
        return out;
    }
    YAML::Emitter out;
    emitJson(out, tree);
    return std::string(out.c_str()) + "\n";
}

} // namespace quantcfg
