#include "ui/shared/fieldlabels.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace quantcfg::ui {

namespace {

using Entry = std::pair<std::string_view, const char *>;

// Labels of the known fields, by JSON pointer.
constexpr std::array<Entry, 48> kLabels{{
    {"/name", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Name")},
    {"/description", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Description")},
    {"/use_case", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Use case")},
    {"/model/id_or_path", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Model id or path")},
    {"/model/revision", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Revision")},
    {"/quantization/method", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Method")},
    {"/quantization/weight_bits", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Weight bits")},
    {"/quantization/activation_bits", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Activation bits")},
    {"/quantization/activation_dtype", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Activation type")},
    {"/quantization/group_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Group size")},
    {"/quantization/enable_marlin", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Prefer Marlin kernels")},
    {"/quantization/fp8_variant", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "FP8 variant")},
    {"/quantization/fallback_method", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Fallback method")},
    {"/quantization/gguf_variant", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "GGUF variant")},
    {"/quantization/base_quantization", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Base method (QoQ)")},
    {"/quantization/memory_reduction", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Memory reduction (QoQ)")},
    {"/kv_cache/dtype", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Data type")},
    {"/kv_cache/fp8_format", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "FP8 format")},
    {"/parallelism/tensor_parallel_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Tensor parallel")},
    {"/parallelism/pipeline_parallel_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Pipeline parallel")},
    {"/parallelism/data_parallel_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Data parallel")},
    {"/moe/quantization", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Expert quantization")},
    {"/moe/runner_backend", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Runner backend")},
    {"/moe/expert_tp_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Expert tensor parallel")},
    {"/moe/expert_parallel_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Expert parallel")},
    {"/attention/backend", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Backend")},
    {"/attention/fmha_quantization", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "FMHA precision")},
    {"/dtype", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Data type")},
    {"/serving/max_model_len", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Max model length")},
    {"/serving/gpu_memory_utilization", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "GPU memory fraction")},
    {"/serving/port", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Port")},
    {"/serving/served_model_name", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Served model name")},
    {"/deployment/nodes", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Nodes")},
    {"/deployment/gpus_per_node", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "GPUs per node")},
    {"/deployment/launcher", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Launcher")},
    {"/deployment/head_address", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Head address")},
    {"/deployment/head_port", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Head port")},
    {"/deployment/network_interface", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Network interface")},
    {"/deployment/image/vllm", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "vLLM image")},
    {"/deployment/image/sglang", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "SGLang image")},
    {"/deployment/image/trtllm", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "TensorRT-LLM image")},
    {"/deployment/model_cache", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Model cache")},
    {"/deployment/shm_size", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Shared memory")},
    {"/deployment/data_parallel_lb", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "DP load balancing")},
    {"/expected_performance/memory", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Memory")},
    {"/expected_performance/throughput", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Throughput")},
    {"/expected_performance/quality", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Quality")},
    {"/expected_performance/hardware", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Hardware")},
}};

// Form sections in display order; "" collects top-level free-text fields. The name, description
// and use case say what a configuration is for, not how it runs: they come after the settings.
constexpr std::array<Entry, 11> kSections{{
    {"model", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Model")},
    {"quantization", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Quantization")},
    {"kv_cache", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "KV cache")},
    {"parallelism", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Parallelism")},
    {"moe", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "MoE")},
    {"attention", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Attention")},
    {"dtype", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Data type")},
    {"serving", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Serving")},
    {"deployment", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Deployment")},
    {"", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "General")},
    {"expected_performance", QT_TRANSLATE_NOOP("quantcfg::ui::Fields", "Expected performance")},
}};

QString translate(const char *text)
{
    return QCoreApplication::translate("quantcfg::ui::Fields", text);
}

QString humanize(std::string_view key)
{
    QString text = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString fieldLabel(std::string_view pointer)
{
    for (const auto &[p, label] : kLabels) {
        if (p == pointer)
            return translate(label);
    }
    return humanize(pointer.substr(pointer.rfind('/') + 1));
}

QString sectionTitle(std::string_view key)
{
    for (const auto &[k, title] : kSections) {
        if (k == key)
            return translate(title);
    }
    return humanize(key);
}

int sectionRank(std::string_view key)
{
    for (std::size_t i = 0; i < kSections.size(); ++i) {
        if (kSections[i].first == key)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace quantcfg::ui
