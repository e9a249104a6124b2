#include "core/methods.h"

#include "core/jsonio.h"
#include "core/resources.h"
#include "core/schema.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace quantcfg {

namespace {

constexpr std::string_view kCataloguePath = "resources/methods/unified-methods.json";

} // namespace

bool MethodInfo::needsQuantizedCheckpoint() const
{
    return name != "none" && !runsOn("");
}

bool MethodInfo::runsOn(std::string_view format) const
{
    return std::find(checkpointFormats.begin(), checkpointFormats.end(), format) != checkpointFormats.end();
}

bool modelNameLooksQuantized(std::string_view modelId)
{
    std::string name(modelId);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Words quantized checkpoints carry besides the method names.
    static const std::vector<std::string> generic{"quant", "int4", "int8", "4bit", "8bit", "w4a16", "w8a8", "exl2", "nf4"};
    const auto named = [&](const std::string &hint) { return name.find(hint) != std::string::npos; };
    if (std::any_of(generic.begin(), generic.end(), named))
        return true;
    for (const MethodInfo &m : MethodCatalogue::builtIn().all()) {
        if (std::any_of(m.nameHints.begin(), m.nameHints.end(), named))
            return true;
    }
    return false;
}

const MethodCatalogue &MethodCatalogue::builtIn()
{
    static const MethodCatalogue catalogue = [] {
        const Json doc = Json::parse(resources::find(kCataloguePath).value());
        static const Schema schema(Json::parse(resources::find("resources/schema/method-catalogue.schema.json").value()));
        if (const Diagnostics problems = schema.validate(doc); !problems.empty())
            throw std::runtime_error(std::string(kCataloguePath) + ": " + problems.front().pointer + ": " + problems.front().message);
        MethodCatalogue c;
        for (auto it = doc["methods"].begin(); it != doc["methods"].end(); ++it) {
            const Json &m = it.value();
            MethodInfo info;
            info.name = it.key();
            info.description = m["description"].get<std::string>();
            info.weightBits = m["weight_bits"].get<std::vector<int>>();
            info.activationBits = m["activation_bits"].get<int>();
            info.checkpointFormats = m["checkpoint_formats"].get<std::vector<std::string>>();
            info.modelOptAlgos = m.value("modelopt_algos", std::vector<std::string>());
            info.nameHints = m["name_hints"].get<std::vector<std::string>>();
            info.zeroPoint = m["zero_point"].get<bool>();
            info.marlinFamily = m["marlin_family"].get<bool>();
            c.m_methods.push_back(std::move(info));
        }
        return c;
    }();
    return catalogue;
}

const MethodInfo *MethodCatalogue::find(std::string_view name) const
{
    const auto it = std::find_if(m_methods.begin(), m_methods.end(), [&](const MethodInfo &m) { return m.name == name; });
    return it != m_methods.end() ? &*it : nullptr;
}

} // namespace quantcfg
