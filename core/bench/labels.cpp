#include "core/bench/labels.h"
#include "core/text.h"

#include "core/bench/metrics.h"
#include "core/presets.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace quantcfg::bench {

namespace {

bool oneOf(std::string_view s, std::initializer_list<std::string_view> list)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Split on separators used in file names and tags; '.' is kept so that versions stay whole.
std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == '-' || c == '_' || c == ' ' || c == '/' || c == ',' || c == ';' || c == '+' || c == '(' || c == ')') {
            if (!cur.empty())
                out.push_back(asciiLower(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(asciiLower(cur));
    return out;
}

bool isVersion(std::string_view w)
{
    static const std::regex re(R"(v?\d+(\.\d+)+([a-z0-9.]*)?)");
    return std::regex_match(w.begin(), w.end(), re);
}

std::string engineName(std::string_view w)
{
    if (oneOf(w, {"vllm"}))
        return "vllm";
    if (oneOf(w, {"sglang", "sgl"}))
        return "sglang";
    if (oneOf(w, {"trtllm", "tensorrt", "trt", "tensorrtllm"}))
        return "tensorrt-llm";
    if (oneOf(w, {"lmdeploy", "tgi"}))
        return std::string(w);
    return {};
}

bool isGpu(std::string_view w)
{
    static const std::regex re(R"((h100|h200|h20|h800|gh200|a100|a800|a10g?|a30|a40|l4|l40s?|b100|b200|gb200|b300|gb300|t4|v100|mi2\d\dx?|mi3\d\dx?|rtx\d{4}|\d{4}ti|rtx(pro)?6000)(sxm|pcie|nvl)?\d*(gb)?)");
    return std::regex_match(w.begin(), w.end(), re);
}

bool isQuantMethod(std::string_view w)
{
    static const std::regex re(R"(fp8|fp4|nvfp4|mxfp4|int8|int4|awq|gptq|marlin|bf16|fp16|gguf|bnb|bitsandbytes|smoothquant|w\d+a\d+(fp8|int8)?|e4m3|e5m2)");
    return std::regex_match(w.begin(), w.end(), re);
}

} // namespace

bool isQuantKey(std::string_view key)
{
    return key.substr(0, 9) == "__quant__";
}

std::string canonicalLabelKey(std::string_view keyIn)
{
    std::string_view key = keyIn;
    if (isQuantKey(key))
        key.remove_prefix(9);
    const std::string k = snakeCase(key);
    if (oneOf(k, {"tp", "tp_size", "tensor_parallel_size", "tensor_parallel"}))
        return "tp";
    if (oneOf(k, {"pp", "pp_size", "pipeline_parallel_size"}))
        return "pp";
    if (oneOf(k, {"ep", "ep_size", "expert_parallel_size"}))
        return "ep";
    if (oneOf(k, {"dp", "dp_size", "data_parallel_size"}))
        return "dp";
    if (oneOf(k, {"gpu", "gpu_type", "gpu_name", "server_gpu_type", "hardware"}))
        return "gpu";
    if (oneOf(k, {"gpu_count", "num_gpus", "server_gpu_count"}))
        return "gpu_count";
    if (oneOf(k, {"engine", "server_engine", "framework", "runtime"}))
        return "engine";
    if (oneOf(k, {"engine_version", "server_version", "vllm_version", "sglang_version"}))
        return "engine_version";
    if (oneOf(k, {"quant", "quantization", "quantization_method", "quant_method", "method"}))
        return "quantization";
    if (oneOf(k, {"kv_cache_dtype", "kv_dtype", "kvcache_dtype", "kv_cache"}))
        return "kv_cache_dtype";
    if (oneOf(k, {"preset", "quant_preset", "config_preset"}))
        return "preset";
    if (oneOf(k, {"model", "model_id", "model_name", "api_model_name"}))
        return "model";
    return k;
}

void mergeLabels(LabelPairs &labels, const LabelPairs &extra)
{
    for (const LabelPair &p : extra) {
        const bool present = std::any_of(labels.begin(), labels.end(), [&p](const LabelPair &l) { return l.first == p.first; });
        if (!present && !p.second.empty())
            labels.push_back(p);
    }
}

LabelPairs labelsFromText(std::string_view text)
{
    LabelPairs out;
    auto add = [&out](std::string k, std::string v) { mergeLabels(out, {{std::move(k), std::move(v)}}); };
    // Explicit "k=v" pairs first.
    std::string rest;
    {
        std::string cur;
        auto flush = [&] {
            const auto eq = cur.find('=');
            if (eq != std::string::npos && eq > 0)
                add(canonicalLabelKey(cur.substr(0, eq)), cur.substr(eq + 1));
            else
                rest += cur + ' ';
            cur.clear();
        };
        for (char c : text) {
            if (c == ',' || c == ';' || c == ' ')
                flush();
            else
                cur += c;
        }
        flush();
    }
    const std::string low = asciiLower(rest);
    static const std::vector<std::string> presetNames = [] {
        std::vector<std::string> names;
        for (const Preset &p : builtInPresets())
            names.push_back(p.name);
        return names;
    }();
    for (const std::string &name : presetNames)
        if (low.find(name) != std::string::npos)
            add("preset", name);
    const std::vector<std::string> w = words(rest);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string &word = w[i];
        if (std::string e = engineName(word); !e.empty()) {
            if (e == "tensorrt-llm" && i + 1 < w.size() && w[i + 1] == "llm")
                ++i;
            add("engine", e);
            if (i + 1 < w.size() && isVersion(w[i + 1]))
                add("engine_version", w[i + 1][0] == 'v' ? w[i + 1].substr(1) : w[i + 1]);
        } else if (word == "tp" && i + 1 < w.size() && std::all_of(w[i + 1].begin(), w[i + 1].end(), ::isdigit)) {
            add("tp", w[++i]);
        } else if (word.size() > 2 && word.substr(0, 2) == "tp" && std::all_of(word.begin() + 2, word.end(), ::isdigit)) {
            add("tp", word.substr(2));
        } else if (word == "kv" && i + 1 < w.size() && isQuantMethod(w[i + 1])) {
            std::string dtype = w[++i];
            if (i + 1 < w.size() && (w[i + 1] == "e4m3" || w[i + 1] == "e5m2"))
                dtype += "_" + w[++i];
            add("kv_cache_dtype", dtype);
        } else if (word.size() > 2 && word.substr(0, 2) == "kv" && isQuantMethod(word.substr(2))) {
            add("kv_cache_dtype", word.substr(2));
        } else if (isGpu(word)) {
            add("gpu", word);
        } else if (isQuantMethod(word)) {
            add("quantization", word);
        }
    }
    return out;
}

LabelPairs labelsFromPath(const std::filesystem::path &path)
{
    LabelPairs labels = labelsFromText(path.stem().string());
    std::filesystem::path dir = path.parent_path();
    for (int i = 0; i < 2 && !dir.empty() && dir.has_filename(); ++i) {
        mergeLabels(labels, labelsFromText(dir.filename().string()));
        dir = dir.parent_path();
    }
    return labels;
}

Load loadFromPath(const std::filesystem::path &path)
{
    Load load;
    static const std::regex conc(R"((?:^|[^a-z])(?:num_)?concurrency[-_]?(\d+))");
    static const std::regex rate(R"((?:^|[^a-z])request_?rate[-_]?(\d+(?:\.\d+)?|inf))");
    static const std::regex qps(R"((?:^|[-_])(\d+(?:\.\d+)?|inf)qps)");
    std::filesystem::path p = path;
    p.replace_extension();
    // The file name first, then its folder (GenAI-Perf: …-concurrency8/profile_export_genai_perf.csv).
    for (const std::string &part : {asciiLower(p.filename().string()), asciiLower(p.parent_path().filename().string())}) {
        std::smatch m;
        if (!load.hasConcurrency() && std::regex_search(part, m, conc))
            load.concurrency = std::stod(m[1].str());
        std::string r;
        if (std::regex_search(part, m, rate) || std::regex_search(part, m, qps))
            r = m[1].str();
        if (!load.hasRequestRate() && !r.empty())
            load.requestRate = r == "inf" ? std::numeric_limits<double>::infinity() : std::stod(r);
    }
    return load;
}

std::uint32_t internLabels(ResultTable &table, const LabelPairs &labels)
{
    std::vector<Label> ls;
    ls.reserve(labels.size());
    for (const LabelPair &p : labels)
        if (!p.second.empty())
            ls.push_back(Label{table.strings().intern(p.first), table.strings().intern(p.second)});
    return table.addLabelSet(std::move(ls));
}

bool sameSweep(const ResultTable &table, std::uint32_t a, std::uint32_t b)
{
    const std::uint32_t setA = table.run(a).labelSet;
    const std::uint32_t setB = table.run(b).labelSet;
    return setA == setB || sweepLabels(table, setA) == sweepLabels(table, setB);
}

std::vector<Label> sweepLabels(const ResultTable &table, std::uint32_t labelSet)
{
    const StrId status = table.strings().find("status");
    std::vector<Label> out;
    for (const Label &l : table.labels(labelSet)) {
        if (l.key != status)
            out.push_back(l);
    }
    return out;
}

} // namespace quantcfg::bench
