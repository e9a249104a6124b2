#include "core/hardware/gpudatabase.h"

#include "core/jsonio.h"
#include "core/resources.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

namespace quantcfg {

namespace {

// The embedded tables are part of the build and checked by tests, so a malformed file is a
// programming error; reading stays defensive and skips entries of the wrong shape.
// The array under @p key of an embedded JSON file (an empty array when anything is missing).
Json embeddedList(std::string_view path, const char *key)
{
    const auto text = resources::find(path);
    const JsonResult r = text ? parseJson(*text) : JsonResult{};
    if (!r.value || !r.value->is_object())
        return Json::array();
    const auto it = r.value->find(key);
    return it != r.value->end() && it->is_array() ? *it : Json::array();
}

std::string stringField(const Json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool boolField(const Json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> stringList(const Json &obj, const char *key)
{
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_array())
        return out;
    for (const Json &v : *it) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
    }
    return out;
}

std::optional<int> parseDottedCapability(std::string_view text)
{
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 != text.size())
        return std::nullopt;
    int major = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + dot, major);
    if (ec != std::errc() || end != text.data() + dot || !std::isdigit(static_cast<unsigned char>(text[dot + 1])))
        return std::nullopt;
    // Real majors have one or two digits (1.0 … 12.x); a driver or a file that says 881111111.9
    // is refused, not multiplied past int's range.
    if (major < 0 || major > 99)
        return std::nullopt;
    return major * 10 + (text[dot + 1] - '0');
}

std::vector<ArchitectureInfo> loadArchitectures()
{
    std::vector<ArchitectureInfo> out;
    for (const Json &a : embeddedList("resources/hardware/architectures.json", "architectures")) {
        const auto cc = parseDottedCapability(stringField(a, "compute_capability"));
        if (!cc)
            continue;
        out.push_back({*cc, stringField(a, "architecture"), boolField(a, "tensor_cores"), boolField(a, "bf16"),
                       boolField(a, "fp8_tensor_cores"), boolField(a, "fp4_tensor_cores"), stringList(a, "examples")});
    }
    std::sort(out.begin(), out.end(),
              [](const ArchitectureInfo &x, const ArchitectureInfo &y) { return x.computeCapability < y.computeCapability; });
    return out;
}

std::vector<GpuSpec> loadGpus()
{
    std::vector<GpuSpec> out;
    for (const Json &g : embeddedList("resources/hardware/gpus.json", "gpus")) {
        const auto cc = parseDottedCapability(stringField(g, "compute_capability"));
        const auto mem = g.find("memory_gib");
        if (!cc || mem == g.end() || !mem->is_number())
            continue;
        GpuSpec spec;
        spec.name = stringField(g, "name");
        for (const std::string &alias : stringList(g, "aliases"))
            spec.aliases.push_back(normaliseGpuName(alias));
        spec.computeCapability = *cc;
        spec.memoryGiB = mem->get<double>();
        spec.memoryType = stringField(g, "memory_type");
        spec.fp8TensorCores = boolField(g, "fp8_tensor_cores");
        spec.fp4TensorCores = boolField(g, "fp4_tensor_cores");
        if (const auto most = g.find("max_per_node"); most != g.end() && most->is_number_integer())
            spec.maxPerNode = most->get<int>();
        out.push_back(std::move(spec));
    }
    return out;
}

std::vector<std::string> words(std::string_view normalised)
{
    std::vector<std::string> out;
    std::istringstream in{std::string(normalised)};
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

bool containsAllWords(const std::vector<std::string> &haystack, const std::vector<std::string> &needles)
{
    return std::all_of(needles.begin(), needles.end(), [&](const std::string &w) {
        return std::find(haystack.begin(), haystack.end(), w) != haystack.end();
    });
}

} // namespace

const std::vector<ArchitectureInfo> &architectures()
{
    static const std::vector<ArchitectureInfo> table = loadArchitectures();
    return table;
}

const std::vector<GpuSpec> &gpuDatabase()
{
    static const std::vector<GpuSpec> table = loadGpus();
    return table;
}

std::optional<ArchitectureInfo> architectureFor(int cc)
{
    const ArchitectureInfo *best = nullptr;
    for (const ArchitectureInfo &a : architectures()) {
        if (a.computeCapability / 10 == cc / 10 && a.computeCapability <= cc)
            best = &a;
    }
    if (!best)
        return std::nullopt;
    return *best;
}

std::optional<int> parseComputeCapability(std::string_view text)
{
    std::string t;
    for (char c : text)
        t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view prefix : {"compute_", "sm_", "sm"}) {
        if (t.rfind(prefix, 0) == 0) {
            const std::string digits = t.substr(prefix.size());
            int value = 0;
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
            if (ec != std::errc() || end != digits.data() + digits.size() || digits.size() < 2 || digits.size() > 3)
                return std::nullopt;
            return value;
        }
    }
    return parseDottedCapability(t);
}

std::string formatComputeCapability(int cc)
{
    return std::to_string(cc / 10) + "." + std::to_string(cc % 10);
}

std::string normaliseGpuName(std::string_view name)
{
    std::string spaced;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        spaced += (c == '-' || c == '_' || std::isspace(u)) ? ' ' : static_cast<char>(std::tolower(u));
    }
    std::vector<std::string> w = words(spaced);
    static const std::vector<std::string> dropped{"nvidia", "tesla", "geforce"};
    while (!w.empty() && std::find(dropped.begin(), dropped.end(), w.front()) != dropped.end())
        w.erase(w.begin());
    std::string out;
    for (const std::string &word : w)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

const GpuSpec *findGpu(std::string_view name)
{
    const std::string wanted = normaliseGpuName(name);
    if (wanted.empty())
        return nullptr;
    for (const GpuSpec &g : gpuDatabase()) {
        if (normaliseGpuName(g.name) == wanted
            || std::find(g.aliases.begin(), g.aliases.end(), wanted) != g.aliases.end())
            return &g;
    }
    const std::vector<std::string> wantedWords = words(wanted);
    const GpuSpec *best = nullptr;
    std::size_t bestWords = 0;
    for (const GpuSpec &g : gpuDatabase()) {
        for (const std::string &alias : g.aliases) {
            const std::vector<std::string> aliasWords = words(alias);
            if (aliasWords.size() > bestWords && containsAllWords(wantedWords, aliasWords)) {
                best = &g;
                bestWords = aliasWords.size();
            }
        }
    }
    return best;
}

GpuTarget targetFromSpec(const GpuSpec &spec)
{
    GpuTarget t;
    t.name = spec.name;
    t.computeCapability = spec.computeCapability;
    t.memoryGiB = spec.memoryGiB;
    t.databaseName = spec.name;
    if (const auto arch = architectureFor(spec.computeCapability))
        t.architecture = arch->name;
    return t;
}

GpuTarget targetFromComputeCapability(int cc)
{
    GpuTarget t;
    t.name = "sm_" + std::to_string(cc);
    t.computeCapability = cc;
    if (const auto arch = architectureFor(cc))
        t.architecture = arch->name;
    return t;
}

GpuChoice resolveGpuName(std::string_view spec)
{
    GpuChoice choice;
    if (const GpuSpec *g = findGpu(spec)) {
        choice.target = targetFromSpec(*g);
        return choice;
    }
    if (const auto cc = parseComputeCapability(spec)) {
        choice.target = targetFromComputeCapability(*cc);
        if (!architectureFor(*cc)) {
            Diagnostic d;
            d.severity = Severity::Warning;
            d.code = "gpu.unknown-architecture";
            d.value = std::string(spec);
            d.message = "compute capability " + formatComputeCapability(*cc) + " is not a modelled NVIDIA architecture";
            choice.diagnostics.push_back(std::move(d));
        }
        return choice;
    }
    Diagnostic d;
    d.code = "gpu.unknown";
    d.value = std::string(spec);
    d.message = "unknown GPU '" + std::string(spec) + "'";
    d.suggestion = "name a GPU from the list, give a compute capability such as sm_90 or 8.9, or use 'detected'";
    for (const GpuSpec &g : gpuDatabase())
        d.allowed.push_back(g.name);
    choice.diagnostics.push_back(std::move(d));
    return choice;
}

} // namespace quantcfg
