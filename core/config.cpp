#include "core/config.h"

namespace quantcfg {

namespace {

template<typename T>
bool hasType(const Json &v)
{
    if constexpr (std::is_same_v<T, std::string>)
        return v.is_string();
    else if constexpr (std::is_same_v<T, bool>)
        return v.is_boolean();
    else if constexpr (std::is_same_v<T, int>)
        return v.is_number_integer() && v.get<long long>() >= INT32_MIN && v.get<long long>() <= INT32_MAX;
    else
        return v.is_number();
}

// Calls f(pointer, field) for every typed field. One table serves reading and writing, so a new
// field is added in exactly one place.
template<typename C, typename F>
void forEachField(C &c, F &&f)
{
    f("/name", c.name);
    f("/description", c.description);
    f("/use_case", c.useCase);
    f("/model/id_or_path", c.model.idOrPath);
    f("/model/revision", c.model.revision);
    f("/quantization/method", c.quantization.method);
    f("/quantization/weight_bits", c.quantization.weightBits);
    f("/quantization/activation_bits", c.quantization.activationBits);
    f("/quantization/activation_dtype", c.quantization.activationDtype);
    f("/quantization/group_size", c.quantization.groupSize);
    f("/quantization/enable_marlin", c.quantization.enableMarlin);
    f("/quantization/fp8_variant", c.quantization.fp8Variant);
    f("/quantization/fallback_method", c.quantization.fallbackMethod);
    f("/quantization/gguf_variant", c.quantization.ggufVariant);
    f("/quantization/base_quantization", c.quantization.baseQuantization);
    f("/quantization/memory_reduction", c.quantization.memoryReduction);
    f("/kv_cache/dtype", c.kvCache.dtype);
    f("/kv_cache/fp8_format", c.kvCache.fp8Format);
    f("/parallelism/tensor_parallel_size", c.parallelism.tensorParallel);
    f("/parallelism/pipeline_parallel_size", c.parallelism.pipelineParallel);
    f("/parallelism/data_parallel_size", c.parallelism.dataParallel);
    f("/moe/quantization", c.moe.quantization);
    f("/moe/runner_backend", c.moe.runnerBackend);
    f("/moe/expert_tp_size", c.moe.expertTp);
    f("/moe/expert_parallel_size", c.moe.expertParallel);
    f("/attention/backend", c.attention.backend);
    f("/attention/fmha_quantization", c.attention.fmhaQuantization);
    f("/dtype", c.dtype);
    f("/serving/max_model_len", c.serving.maxModelLen);
    f("/serving/gpu_memory_utilization", c.serving.gpuMemoryUtilization);
    f("/serving/port", c.serving.port);
    f("/serving/served_model_name", c.serving.servedModelName);
    f("/deployment/nodes", c.deployment.nodes);
    f("/deployment/gpus_per_node", c.deployment.gpusPerNode);
    f("/deployment/launcher", c.deployment.launcher);
    f("/deployment/head_address", c.deployment.headAddress);
    f("/deployment/head_port", c.deployment.headPort);
    f("/deployment/network_interface", c.deployment.networkInterface);
    f("/deployment/model_cache", c.deployment.modelCache);
    f("/deployment/shm_size", c.deployment.shmSize);
    f("/deployment/data_parallel_lb", c.deployment.dataParallelLb);
}

// Calls f(pointer, map) for every string-valued map keyed by engine id.
template<typename C, typename F>
void forEachEngineMap(C &c, F &&f)
{
    f("/engine_versions", c.engineVersions);
    f("/deployment/image", c.deployment.images);
}

// Splits "/a/b" into its parent pointer ("/a") and last key ("b").
std::pair<std::string, std::string> splitLast(std::string_view pointer)
{
    const auto slash = pointer.rfind('/');
    return {std::string(pointer.substr(0, slash)), std::string(pointer.substr(slash + 1))};
}

// Ensures the object at @p pointer exists in @p doc and returns it; replaces a non-object on the way.
Json &objectAt(Json &doc, std::string_view pointer)
{
    Json *node = &doc;
    std::size_t pos = 1;
    while (pos <= pointer.size() && !pointer.empty()) {
        const auto next = pointer.find('/', pos);
        const std::string key(pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
        if (!node->is_object())
            *node = Json::object();
        node = &(*node)[key];
        if (next == std::string_view::npos)
            break;
        pos = next + 1;
    }
    if (!node->is_object())
        *node = Json::object();
    return *node;
}

} // namespace

const Json *findPointer(const Json &doc, std::string_view pointer)
{
    const Json *node = &doc;
    std::size_t pos = 1;
    while (pos <= pointer.size() && !pointer.empty()) {
        if (!node->is_object())
            return nullptr;
        const auto next = pointer.find('/', pos);
        const std::string_view key = pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
        const auto it = node->find(key);
        if (it == node->end())
            return nullptr;
        node = &*it;
        if (next == std::string_view::npos)
            break;
        pos = next + 1;
    }
    return node;
}

Json withPointer(Json doc, std::string_view pointer, const std::optional<Json> &value)
{
    if (!doc.is_object())
        doc = Json::object();
    Json *node = &doc;
    std::size_t pos = 1;
    while (true) {
        const auto next = pointer.find('/', pos);
        const std::string key(pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
        if (next == std::string_view::npos) {
            if (value)
                (*node)[key] = *value;
            else
                node->erase(key);
            return doc;
        }
        if (!value && !node->contains(key))
            return doc; // nothing to remove
        Json &child = (*node)[key];
        if (!child.is_object())
            child = Json::object();
        node = &child;
        pos = next + 1;
    }
}

Config Config::fromJson(const Json &doc)
{
    Config c;
    c.m_source = doc;
    forEachField(c, [&doc](std::string_view pointer, auto &field) {
        using T = typename std::remove_reference_t<decltype(field)>::value_type;
        if (const Json *v = findPointer(doc, pointer); v && hasType<T>(*v))
            field = v->template get<T>();
    });
    forEachEngineMap(c, [&doc](std::string_view pointer, std::map<std::string, std::string> &map) {
        if (const Json *source = findPointer(doc, pointer); source && source->is_object()) {
            for (auto it = source->begin(); it != source->end(); ++it) {
                if (it.value().is_string())
                    map[it.key()] = it.value().get<std::string>();
            }
        }
    });
    return c;
}

Json Config::toJson() const
{
    Json out = m_source.is_object() ? m_source : Json::object();
    forEachField(*this, [&out](std::string_view pointer, const auto &field) {
        using T = typename std::remove_reference_t<decltype(field)>::value_type;
        const auto [parent, key] = splitLast(pointer);
        if (field) {
            objectAt(out, parent)[key] = *field;
        } else if (const Json *p = findPointer(out, parent); p && p->is_object()) {
            const auto it = p->find(key);
            if (it != p->end() && hasType<T>(*it))
                objectAt(out, parent).erase(key);
        }
    });
    // engine_versions, deployment.image: strings are the typed entries (written back or, when
    // dropped, removed); other values are kept for the validator to report.
    forEachEngineMap(*this, [&out](std::string_view pointer, const std::map<std::string, std::string> &map) {
        const Json *source = findPointer(out, pointer);
        if (map.empty() && !(source && source->is_object()))
            return;
        Json &target = objectAt(out, pointer);
        for (auto it = target.begin(); it != target.end();)
            it = it.value().is_string() && !map.count(it.key()) ? target.erase(it) : std::next(it);
        for (const auto &[engine, value] : map)
            target[engine] = value;
        if (target.empty()) {
            const auto [parent, key] = splitLast(pointer);
            objectAt(out, parent).erase(key);
        }
    });
    return out;
}

std::string Config::modelOrDefault() const
{
    return model.idOrPath && !model.idOrPath->empty() ? *model.idOrPath : std::string(kDefaultModel);
}

} // namespace quantcfg
