#include "core/hardware/modelshape.h"

#include <algorithm>
#include <cctype>

namespace quantcfg {

namespace {

long long intField(const Json &c, const char *key, long long fallback = 0)
{
    const auto it = c.find(key);
    return it != c.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

bool boolField(const Json &c, const char *key, bool fallback)
{
    const auto it = c.find(key);
    return it != c.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

bool startsWith(const std::string &s, std::string_view prefix)
{
    return s.rfind(prefix, 0) == 0;
}

void readMoe(const Json &c, ModelShape &m)
{
    // Mixtral: num_local_experts; Qwen2/3-MoE: num_experts; DeepSeek: n_routed_experts.
    m.numExperts = intField(c, "num_local_experts", intField(c, "num_experts", intField(c, "n_routed_experts")));
    if (!m.isMoe())
        return;
    m.expertsPerToken = intField(c, "num_experts_per_tok", 2);
    m.expertIntermediateSize = intField(c, "moe_intermediate_size", m.intermediateSize);
    m.sharedExpertIntermediateSize = intField(c, "shared_expert_intermediate_size",
                                              intField(c, "n_shared_experts") * m.expertIntermediateSize);
    // DeepSeek: the first first_k_dense_replace layers are dense, then every moe_layer_freq-th.
    // Qwen: every decoder_sparse_step-th layer (counting from 1) except mlp_only_layers.
    const long long firstDense = intField(c, "first_k_dense_replace");
    const long long freq = std::max(1LL, intField(c, "moe_layer_freq", 1));
    const long long step = std::max(1LL, intField(c, "decoder_sparse_step", 1));
    std::vector<long long> mlpOnly;
    if (const auto it = c.find("mlp_only_layers"); it != c.end() && it->is_array()) {
        for (const Json &v : *it) {
            if (v.is_number_integer())
                mlpOnly.push_back(v.get<long long>());
        }
    }
    m.moeLayers.assign(static_cast<std::size_t>(m.numLayers), false);
    for (long long i = 0; i < m.numLayers; ++i) {
        m.moeLayers[static_cast<std::size_t>(i)] = i >= firstDense && i % freq == 0 && (i + 1) % step == 0
                                                   && std::find(mlpOnly.begin(), mlpOnly.end(), i) == mlpOnly.end();
    }
}

void readSlidingWindow(const Json &c, ModelShape &m)
{
    m.slidingLayers.assign(static_cast<std::size_t>(m.numLayers), false);
    const long long window = intField(c, "sliding_window");
    // Qwen2-style configs carry a window that is switched off.
    if (window <= 0 || !boolField(c, "use_sliding_window", true))
        return;
    m.slidingWindow = window;
    const auto types = c.find("layer_types"); // newer transformers: explicit per layer
    const long long pattern = intField(c, "sliding_window_pattern");
    for (long long i = 0; i < m.numLayers; ++i) {
        bool sliding = true; // Mistral: every layer
        if (types != c.end() && types->is_array() && i < static_cast<long long>(types->size()))
            sliding = (*types)[static_cast<std::size_t>(i)] == "sliding_attention";
        else if (pattern > 0) // Gemma 3: every pattern-th layer is global
            sliding = (i + 1) % pattern != 0;
        else if (m.modelType == "gemma2") // Gemma 2: even layers slide, odd layers are global
            sliding = i % 2 == 0;
        m.slidingLayers[static_cast<std::size_t>(i)] = sliding;
    }
}

} // namespace

long long ModelShape::slidingLayerCount() const
{
    return std::count(slidingLayers.begin(), slidingLayers.end(), true);
}

long long ModelShape::moeLayerCount() const
{
    return std::count(moeLayers.begin(), moeLayers.end(), true);
}

ModelShapeResult modelShapeFromJson(const Json &root)
{
    ModelShapeResult result;
    if (!root.is_object()) {
        result.diagnostics.push_back(makeDiagnostic(Severity::Error, "model.not-object", "config.json is not a JSON object"));
        return result;
    }
    const Json &c = !root.contains("hidden_size") && root.contains("text_config") && root["text_config"].is_object()
                        ? root["text_config"]
                        : root;
    ModelShape m;
    if (const auto it = c.find("model_type"); it != c.end() && it->is_string())
        m.modelType = it->get<std::string>();
    m.hiddenSize = intField(c, "hidden_size");
    m.numLayers = intField(c, "num_hidden_layers");
    m.numHeads = intField(c, "num_attention_heads");
    m.vocabSize = intField(c, "vocab_size");
    m.intermediateSize = intField(c, "intermediate_size");
    for (const auto &[key, value] : {std::pair{"hidden_size", m.hiddenSize}, std::pair{"num_hidden_layers", m.numLayers},
                                     std::pair{"num_attention_heads", m.numHeads}, std::pair{"vocab_size", m.vocabSize}}) {
        if (value <= 0) {
            result.diagnostics.push_back(makeDiagnostic(Severity::Error, "model.missing-field",
                                                        std::string("config.json has no positive integer \"") + key + "\"",
                                                        std::string("/") + key));
        }
    }
    if (hasErrors(result.diagnostics))
        return result;
    m.numKvHeads = intField(c, "num_key_value_heads", m.numHeads);
    m.headDim = intField(c, "head_dim", m.hiddenSize / m.numHeads);
    m.maxPositionEmbeddings = intField(c, "max_position_embeddings");
    const bool gemma = startsWith(m.modelType, "gemma");
    // transformers' default is true, but every Llama-family config overrides it; Gemma relies on it.
    m.tiedEmbeddings = boolField(c, "tie_word_embeddings", gemma);
    m.attentionBias = boolField(c, "attention_bias", startsWith(m.modelType, "qwen2"));
    m.normsPerLayer = m.modelType == "gemma2" || m.modelType == "gemma3_text" || m.modelType == "gemma3" ? 4 : 2;
    m.qkNorm = startsWith(m.modelType, "qwen3") || startsWith(m.modelType, "gemma3");
    m.kvLoraRank = intField(c, "kv_lora_rank");
    m.qLoraRank = intField(c, "q_lora_rank");
    m.qkNopeHeadDim = intField(c, "qk_nope_head_dim");
    m.qkRopeHeadDim = intField(c, "qk_rope_head_dim");
    m.vHeadDim = intField(c, "v_head_dim", m.headDim);
    readMoe(c, m);
    readSlidingWindow(c, m);
    if (m.maxPositionEmbeddings <= 0) {
        result.diagnostics.push_back(makeDiagnostic(Severity::Warning, "model.no-max-length",
                                                    "config.json has no max_position_embeddings; give --max-len",
                                                    "/max_position_embeddings"));
    }
    result.shape = std::move(m);
    return result;
}

ModelShapeResult loadModelShape(const std::filesystem::path &path)
{
    std::error_code ec;
    const std::filesystem::path file = std::filesystem::is_directory(path, ec) ? path / "config.json" : path;
    JsonResult json = loadJsonFile(file);
    if (!json.value) {
        ModelShapeResult r;
        r.diagnostics = std::move(json.diagnostics);
        return r;
    }
    return modelShapeFromJson(*json.value);
}

ModelLocation locateModel(const std::string &idOrPath, const std::filesystem::path &base)
{
    ModelLocation where;
    where.path = idOrPath;
    if (idOrPath.empty())
        return where;
    std::error_code ec;
    const std::filesystem::path given(idOrPath);
    std::vector<std::filesystem::path> candidates;
    if (given.is_relative() && !base.empty())
        candidates.push_back(base / given);
    candidates.push_back(given);
    for (const std::filesystem::path &p : candidates) {
        if (std::filesystem::exists(p, ec)) {
            where.kind = ModelLocation::Kind::Local;
            where.path = p;
            return where;
        }
    }
    // org/name: two non-empty parts of the characters Hugging Face allows, not a path that starts
    // like one (/, ./, ../, ~).
    const auto slash = idOrPath.find('/');
    const bool idChars = std::all_of(idOrPath.begin(), idOrPath.end(),
                                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/'; });
    if (idChars && slash != std::string::npos && slash > 0 && slash + 1 < idOrPath.size()
        && idOrPath.find('/', slash + 1) == std::string::npos && idOrPath[0] != '.' && idOrPath[slash + 1] != '.')
        where.kind = ModelLocation::Kind::HubId;
    return where;
}

ParameterCount countParameters(const ModelShape &m)
{
    ParameterCount p;
    const long long h = m.hiddenSize;
    p.embedding = m.vocabSize * h;
    p.lmHead = m.tiedEmbeddings ? 0 : m.vocabSize * h;

    long long attnLinear = 0, attnOther = 0;
    if (m.isMla()) {
        const long long qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
        if (m.qLoraRank > 0) {
            attnLinear += h * m.qLoraRank + m.qLoraRank * m.numHeads * qHead; // q_a_proj, q_b_proj
            attnOther += m.qLoraRank;                                          // q_a_layernorm
        } else {
            attnLinear += h * m.numHeads * qHead; // q_proj
        }
        attnLinear += h * (m.kvLoraRank + m.qkRopeHeadDim);                   // kv_a_proj_with_mqa
        attnLinear += m.kvLoraRank * m.numHeads * (m.qkNopeHeadDim + m.vHeadDim); // kv_b_proj
        attnLinear += m.numHeads * m.vHeadDim * h;                             // o_proj
        attnOther += m.kvLoraRank;                                             // kv_a_layernorm
    } else {
        const long long q = m.numHeads * m.headDim;
        const long long kv = m.numKvHeads * m.headDim;
        attnLinear = h * q + 2 * h * kv + q * h; // q, k, v, o
        if (m.attentionBias)
            attnOther += q + 2 * kv;
        if (m.qkNorm)
            attnOther += 2 * m.headDim;
    }
    const long long denseMlp = 3 * h * m.intermediateSize;        // gate, up, down
    const long long expertMlp = 3 * h * m.expertIntermediateSize;
    const long long sharedMlp = 3 * h * m.sharedExpertIntermediateSize;
    const long long norms = m.normsPerLayer * h;

    for (long long i = 0; i < m.numLayers; ++i) {
        const bool moe = m.isMoe() && m.moeLayers[static_cast<std::size_t>(i)];
        p.linear += attnLinear + (moe ? m.numExperts * expertMlp + sharedMlp : denseMlp);
        p.other += attnOther + norms + (moe ? h * m.numExperts : 0); // router
        p.active -= moe ? (m.numExperts - m.expertsPerToken) * expertMlp : 0;
    }
    p.other += h; // final norm
    p.active += p.total();
    return p;
}

} // namespace quantcfg
