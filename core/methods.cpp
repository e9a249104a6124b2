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
    // Every hint, lower case, once: the catalogue's name hints and words quantized checkpoints
    // carry besides the method names. Sorted for binary search; a plan asks for every engine.
    static const std::vector<std::string> hints = [] {
        std::vector<std::string> all{"int4", "int8", "4bit", "8bit", "w4a16", "w8a8", "exl2", "nf4"};
        for (const MethodInfo &m : MethodCatalogue::builtIn().all())
            all.insert(all.end(), m.nameHints.begin(), m.nameHints.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        return all;
    }();
    // Every engine's plan asks about the same model: remember the last answer.
    thread_local std::string lastId;
    thread_local bool lastAnswer = false;
    if (!lastId.empty() && lastId == modelId)
        return lastAnswer;
    lastId.assign(modelId);
    // The id's words ("Qwen2.5-7B-Instruct-GPTQ-Int4" → qwen2, 5, 7b, instruct, gptq, int4): a hint
    // is a whole word, or starts one ("quantized", "fp8dynamic").
    std::string word;
    const auto matches = [&] {
        if (word.empty())
            return false;
        if (word.rfind("quant", 0) == 0)
            return true;
        for (std::size_t n = 1; n <= word.size(); ++n) { // each prefix of the word
            if (std::binary_search(hints.begin(), hints.end(), std::string_view(word).substr(0, n),
                                   [](std::string_view a, std::string_view b) { return a < b; }))
                return true;
        }
        return false;
    };
    lastAnswer = false;
    for (const char c : modelId) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            word.push_back(static_cast<char>(std::tolower(u)));
            continue;
        }
        if (matches())
            return lastAnswer = true;
        word.clear();
    }
    return lastAnswer = matches();
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
            for (const std::string &f : info.checkpointFormats) {
                if (!f.empty())
                    info.checkpointText += (info.checkpointText.empty() ? "" : " or ") + f;
            }
            c.m_methods.push_back(std::move(info));
        }
        for (std::size_t i = 0; i < c.m_methods.size(); ++i) {
            const MethodInfo &m = c.m_methods[i];
            c.m_byName.emplace_back(m.name, i);
            if (m.name != "none" && m.runsOn(""))
                c.m_quantizingWhileLoading += (c.m_quantizingWhileLoading.empty() ? "" : ", ") + m.name;
        }
        std::sort(c.m_byName.begin(), c.m_byName.end());
        return c;
    }();
    return catalogue;
}

const MethodInfo *MethodCatalogue::find(std::string_view name) const
{
    const auto it = std::lower_bound(m_byName.begin(), m_byName.end(), name, [](const auto &entry, std::string_view n) { return entry.first < n; });
    return it != m_byName.end() && it->first == name ? &m_methods[it->second] : nullptr;
}

} // namespace quantcfg
