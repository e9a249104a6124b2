#include "core/engines/yamlfile.h"

#include <yaml-cpp/yaml.h>

namespace quantcfg {

namespace {

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
        out << v.get<double>();
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
    YAML::Emitter out;
    emitJson(out, tree);
    return std::string(out.c_str()) + "\n";
}

} // namespace quantcfg
