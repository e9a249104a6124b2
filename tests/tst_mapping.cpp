#include "core/engines/lint.h"
#include "core/engines/mapper.h"
#include "core/engines/render.h"
#include "core/engines/yamlfile.h"
#include "core/preload.h"
#include "core/presets.h"
#include "core/schema.h"
#include "core/text.h"

#include "planutil.h"
#include "testutil.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>

using namespace quantcfg;

namespace {

const EngineProfile &profile(const QString &spec)
{
    const EngineProfile *p = ProfileRegistry::builtIn().findSpec(spec.toStdString());
    if (!p)
        qFatal("no profile %s", qPrintable(spec));
    return *p;
}

std::string describe(const LaunchPlan &plan)
{
    std::string s = "argv: " + testutil::planWords(plan) + "\nstatus: " + planStatusName(plan.status) + "\n";
    for (const auto &f : plan.files)
        s += f.name + ":\n" + f.content;
    for (const auto &d : plan.diagnostics)
        s += std::string(severityName(d.severity)) + " " + d.code + " " + d.pointer + ": " + d.message + "\n";
    return s;
}

bool hasDiag(const LaunchPlan &plan, const std::string &code, const std::string &pointer)
{
    return std::any_of(plan.diagnostics.begin(), plan.diagnostics.end(),
                       [&](const Diagnostic &d) { return d.code == code && (pointer.empty() || d.pointer == pointer); });
}

} // namespace

class TestMapping : public QObject
{
    Q_OBJECT

private slots:
    // First slot, so the data is not parsed yet: the studio starts the parse on another thread and
    // asks for it on the GUI thread at the same time. Both must see the same, complete registry.
    void preloadRacesFirstUse()
    {
        auto preload = preloadBuiltInData();
        const ProfileRegistry &registry = ProfileRegistry::builtIn();
        preload.get(); // rethrows whatever the other thread threw
        QCOMPARE(&registry, &ProfileRegistry::builtIn());
        QCOMPARE(registry.engines(), (std::vector<std::string>{"vllm", "sglang", "trtllm"}));
        QVERIFY(Schema::unifiedConfig().subschema("/quantization/method"));
    }

    // One row per mapping rule from the engine facts. "want" words must appear in argv (as a
    // contiguous " a b " sequence, env as NAME=value); "unwanted" must not; "yaml" must appear
    // in the TensorRT-LLM YAML file.
    void rules_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("want");
        QTest::addColumn<QString>("unwanted");
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("diag"); // "code@pointer" that must be reported, or empty

        const char *none = R"("quantization": {"method": "none"})";
        auto cfg = [](const char *body) { return QString::fromUtf8("{" ) + QString::fromUtf8(body) + QStringLiteral("}"); };
        auto with = [&](const char *extra) { return QString::fromUtf8("{") + QString::fromUtf8(none) + QStringLiteral(", ") + QString::fromUtf8(extra) + QStringLiteral("}"); };

        // KV cache spellings.
        QTest::newRow("kv bfloat16 vllm") << with(R"("kv_cache": {"dtype": "bfloat16"})") << "vllm" << " --kv-cache-dtype bfloat16 " << "bf16" << "" << "full" << "";
        QTest::newRow("kv bfloat16 sglang") << with(R"("kv_cache": {"dtype": "bfloat16"})") << "sglang" << " --kv-cache-dtype bfloat16 " << "bf16" << "" << "full" << "";
        QTest::newRow("kv bfloat16 sglang 0.5.6") << with(R"("kv_cache": {"dtype": "bfloat16"})") << "sglang@0.5.6" << " --kv-cache-dtype bfloat16 " << "" << "" << "full" << "";
        // SGLang v0.5.2 (the inference-autotuner's default image) has no bfloat16 KV-cache choice.
        QTest::newRow("kv bfloat16 sglang 0.5.2 rejected") << with(R"("kv_cache": {"dtype": "bfloat16"})") << "sglang@v0.5.2" << "" << "--kv-cache-dtype" << "" << "degraded" << "map.kv-unsupported@/kv_cache/dtype";
        QTest::newRow("kv fp8 trtllm yaml") << with(R"("kv_cache": {"dtype": "fp8_e4m3"})") << "trtllm" << " --extra_llm_api_options trtllm-extra.yaml " << "--kv_cache_dtype" << "kv_cache_config:\n  dtype: fp8" << "full" << "";
        QTest::newRow("kv e5m2 trtllm degrades") << with(R"("kv_cache": {"dtype": "fp8_e5m2"})") << "trtllm" << "" << "" << "dtype: fp8" << "degraded" << "map.kv-note@/kv_cache/dtype";
        QTest::newRow("kv fp8 vllm is e4m3") << with(R"("kv_cache": {"dtype": "fp8"})") << "vllm" << " --kv-cache-dtype fp8 " << "" << "" << "full" << "";
        QTest::newRow("kv fp8 e5m2 format vllm") << with(R"("kv_cache": {"dtype": "fp8", "fp8_format": "e5m2"})") << "vllm" << " --kv-cache-dtype fp8_e5m2 " << "" << "" << "full" << "";
        QTest::newRow("kv fp8 sglang picks e4m3") << with(R"("kv_cache": {"dtype": "fp8"})") << "sglang" << " --kv-cache-dtype fp8_e4m3 " << "" << "" << "full" << "map.kv-note@/kv_cache/dtype";
        QTest::newRow("kv float16 vllm 2025-12 omitted") << with(R"("kv_cache": {"dtype": "float16"})") << "vllm@2025-12" << "" << "--kv-cache-dtype" << "" << "degraded" << "map.kv-note@/kv_cache/dtype";
        QTest::newRow("kv nvfp4 vllm 2025-12 skipped") << with(R"("kv_cache": {"dtype": "nvfp4"})") << "vllm@2025-12" << "" << "--kv-cache-dtype" << "" << "degraded" << "map.kv-unsupported@/kv_cache/dtype";
        QTest::newRow("kv auto omitted") << with(R"("kv_cache": {"dtype": "auto"})") << "sglang" << "" << "--kv-cache-dtype" << "" << "full" << "";
        // Methods.
        QTest::newRow("none has no flag") << cfg(none) << "vllm" << " vllm serve " << "--quantization" << "" << "full" << "";
        QTest::newRow("awq_marlin vllm") << cfg(R"("quantization": {"method": "awq_marlin"})") << "vllm" << " --quantization awq_marlin " << "" << "" << "full" << "";
        QTest::newRow("enable_marlin picks marlin") << cfg(R"("quantization": {"method": "awq", "enable_marlin": true})") << "sglang" << " --quantization awq_marlin " << "" << "" << "full" << "map.enable-marlin@/quantization/enable_marlin";
        QTest::newRow("awq trtllm needs modelopt") << cfg(R"("quantization": {"method": "awq"})") << "trtllm" << " trtllm-serve " << "--quant" << "" << "degraded" << "map.method-note@/quantization/method";
        QTest::newRow("gguf trtllm unsupported") << cfg(R"("quantization": {"method": "gguf", "gguf_variant": "Q4_K_M"})") << "trtllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("gguf vllm 2026 removed") << cfg(R"("quantization": {"method": "gguf"})") << "vllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("gguf vllm 2025-12") << cfg(R"("quantization": {"method": "gguf"})") << "vllm@2025-12" << " --quantization gguf " << "" << "" << "full" << "";
        // A fallback runs on the configuration's own checkpoint only when both methods read it: an
        // AWQ checkpoint is no bitsandbytes one, but both quantize an unquantized checkpoint at load.
        QTest::newRow("bitsandbytes vllm 2026 no awq fallback") << cfg(R"("quantization": {"method": "bitsandbytes", "fallback_method": "awq"})") << "vllm" << "" << "--quantization" << "" << "unsupported" << "map.fallback-checkpoint@/quantization/method";
        QTest::newRow("bitsandbytes vllm 2026 falls back to fp8") << cfg(R"("quantization": {"method": "bitsandbytes", "fallback_method": "fp8"})") << "vllm" << " --quantization fp8 " << "bitsandbytes" << "" << "degraded" << "map.method-fallback@/quantization/method";
        QTest::newRow("mxfp8 vllm 2025-12 no fp8 fallback") << cfg(R"("quantization": {"method": "mxfp8", "fallback_method": "fp8"})") << "vllm@2025-12" << "" << "--quantization" << "" << "unsupported" << "map.fallback-checkpoint@/quantization/method";
        QTest::newRow("auto-round vllm 2026 is inc") << cfg(R"("quantization": {"method": "auto-round"})") << "vllm" << " --quantization inc " << "" << "" << "degraded" << "";
        QTest::newRow("petit vllm 2026 removed") << cfg(R"("quantization": {"method": "petit_nvfp4"})") << "vllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("fbgemm needs allow flag") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "fbgemm_fp8"})") << "vllm" << " --quantization fbgemm_fp8 --allow-deprecated-quantization " << "" << "" << "degraded" << "";
        QTest::newRow("fbgemm vllm 2025-12 plain") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "fbgemm_fp8"})") << "vllm@2025-12" << " --quantization fbgemm_fp8 " << "--allow-deprecated" << "" << "full" << "";
        QTest::newRow("ptpc removed 2026") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "ptpc_fp8"})") << "vllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("modelopt_fp8 vllm name") << cfg(R"("quantization": {"method": "modelopt_fp8"})") << "vllm" << " --quantization modelopt " << "" << "" << "full" << "";
        QTest::newRow("w8a8_fp8 variant sglang") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "w8a8_fp8"})") << "sglang" << " --quantization w8a8_fp8 " << "" << "" << "full" << "";
        QTest::newRow("w4a8 fp8 sglang") << cfg(R"("quantization": {"method": "w4a8", "weight_bits": 4, "activation_dtype": "fp8"})") << "sglang" << " --quantization w4afp8 " << "" << "" << "full" << "";
        QTest::newRow("w4a8 trtllm checkpoint") << cfg(R"("quantization": {"method": "w4a8", "activation_dtype": "fp8"})") << "trtllm" << " trtllm-serve " << "--quant" << "" << "full" << "map.checkpoint@/quantization/method";
        QTest::newRow("qoq sglang 0.5.6") << cfg(R"("quantization": {"method": "qoq", "base_quantization": "awq"})") << "sglang@0.5.6" << " --quantization qoq " << "" << "" << "full" << "";
        QTest::newRow("awq sglang 0.4.8 needs vllm") << cfg(R"("quantization": {"method": "awq"})") << "sglang@v0.4.8.post1" << " --quantization awq " << "" << "" << "degraded" << "";
        QTest::newRow("awq sglang 0.5.2 native") << cfg(R"("quantization": {"method": "awq"})") << "sglang@v0.5.2" << " --quantization awq " << "" << "" << "full" << "";
        QTest::newRow("compressed-tensors sglang 0.5.2 from config") << cfg(R"("quantization": {"method": "compressed-tensors"})") << "sglang@v0.5.2" << "" << "--quantization" << "" << "full" << "";
        // A QoQ checkpoint is not an AWQ or GPTQ one: its base method needs its own checkpoint.
        QTest::newRow("qoq sglang 0.5.18 no base fallback") << cfg(R"("quantization": {"method": "qoq", "base_quantization": "awq"})") << "sglang" << "" << "--quantization" << "" << "unsupported" << "map.fallback-checkpoint@/quantization/method";
        QTest::newRow("qoq vllm no base fallback") << cfg(R"("quantization": {"method": "qoq", "base_quantization": "gptq"})") << "vllm" << "" << "--quantization" << "" << "unsupported" << "map.fallback-checkpoint@/quantization/method";
        QTest::newRow("marlin vllm unsupported") << cfg(R"("quantization": {"method": "marlin"})") << "vllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        // Methods and KV formats the engines added in 2026 (shared/reference/engines/2026-12).
        QTest::newRow("nvfp4_online sglang") << cfg(R"("quantization": {"method": "nvfp4_online"})") << "sglang" << " --quantization nvfp4_online " << "" << "" << "full" << "";
        QTest::newRow("nvfp4_online vllm experts only") << cfg(R"("quantization": {"method": "nvfp4_online"})") << "vllm" << " --quantization nvfp4_per_token " << "" << "" << "degraded" << "map.method-note@/quantization/method";
        QTest::newRow("nvfp4_online trtllm needs a checkpoint") << cfg(R"("quantization": {"method": "nvfp4_online"})") << "trtllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("modelopt_mixed sglang") << cfg(R"("quantization": {"method": "modelopt_mixed"})") << "sglang" << " --quantization modelopt_mixed " << "" << "" << "full" << "";
        QTest::newRow("modelopt_mxfp8 vllm") << cfg(R"("quantization": {"method": "modelopt_mxfp8"})") << "vllm" << " --quantization modelopt_mxfp8 " << "" << "" << "full" << "";
        QTest::newRow("fp8 per_block vllm") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "per_block"})") << "vllm" << " --quantization fp8_per_block " << "" << "" << "full" << "";
        QTest::newRow("fp8 per_block vllm 2025-12 has none") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "per_block"})") << "vllm@2025-12" << "" << "--quantization" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("fp8 per_block trtllm block-scale checkpoint") << cfg(R"("quantization": {"method": "fp8", "fp8_variant": "per_block"})") << "trtllm" << "" << "" << "" << "full" << "map.checkpoint@/quantization/method";
        QTest::newRow("kv int8 vllm") << with(R"("kv_cache": {"dtype": "int8"})") << "vllm" << " --kv-cache-dtype int8_per_token_head " << "" << "" << "full" << "";
        QTest::newRow("kv fp8 per token head vllm") << with(R"("kv_cache": {"dtype": "fp8_per_token_head"})") << "vllm" << " --kv-cache-dtype fp8_per_token_head " << "" << "" << "full" << "";
        QTest::newRow("kv int8 sglang none") << with(R"("kv_cache": {"dtype": "int8"})") << "sglang" << "" << "--kv-cache-dtype" << "" << "degraded" << "map.kv-unsupported@/kv_cache/dtype";
        QTest::newRow("kv mxfp8 sglang fa4 only") << with(R"("kv_cache": {"dtype": "mxfp8"})") << "sglang" << " --kv-cache-dtype mxfp8 " << "" << "" << "degraded" << "map.kv-note@/kv_cache/dtype";
        // SGLang after v0.5.19 dropped 'marlin' from --quantization (PRs #37002, #37552): never printed there.
        QTest::newRow("marlin newest sglang unsupported") << cfg(R"("quantization": {"method": "marlin"})") << "sglang@partial-after-v0.5.19" << "" << "--quantization" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        QTest::newRow("marlin sglang v0.5.18 still a choice") << cfg(R"("quantization": {"method": "marlin"})") << "sglang@v0.5.18" << " --quantization marlin " << "" << "" << "degraded" << "";
        QTest::newRow("marlin vllm fallback") << cfg(R"("quantization": {"method": "marlin", "fallback_method": "gptq_marlin"})") << "vllm" << " --quantization gptq_marlin " << "" << "" << "degraded" << "map.method-fallback@/quantization/method";
        QTest::newRow("fallback unsupported too") << cfg(R"("quantization": {"method": "gptq", "fallback_method": "gguf"})") << "trtllm" << "" << "" << "" << "unsupported" << "map.method-unsupported@/quantization/method";
        // Parallelism and MoE.
        QTest::newRow("tp vllm") << with(R"("parallelism": {"tensor_parallel_size": 4, "pipeline_parallel_size": 2})") << "vllm" << " --tensor-parallel-size 4 --pipeline-parallel-size 2 " << "" << "" << "full" << "";
        QTest::newRow("tp trtllm underscores") << with(R"("parallelism": {"tensor_parallel_size": 4})") << "trtllm" << " --tp_size 4 " << "--tp-size" << "" << "full" << "";
        QTest::newRow("dp trtllm unsupported") << with(R"("parallelism": {"data_parallel_size": 2})") << "trtllm" << "" << "dp" << "" << "degraded" << "map.dp-unsupported@/parallelism/data_parallel_size";
        QTest::newRow("expert tp derives ep sglang") << with(R"("parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_tp_size": 2})") << "sglang" << " --tp-size 4 --ep-size 2 " << "--moe-tp-size" << "" << "full" << "map.ep-derived@/moe/expert_tp_size";
        QTest::newRow("ep must divide tp sglang") << with(R"("parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_parallel_size": 3})") << "sglang" << " --tp-size 4 " << "--ep-size" << "" << "degraded" << "map.ep-size@/moe/expert_parallel_size";
        QTest::newRow("vllm ep is a switch") << with(R"("parallelism": {"tensor_parallel_size": 8}, "moe": {"expert_parallel_size": 8})") << "vllm" << " --enable-expert-parallel " << "--ep" << "" << "full" << "";
        QTest::newRow("vllm ep size differs") << with(R"("parallelism": {"tensor_parallel_size": 8}, "moe": {"expert_parallel_size": 4})") << "vllm" << " --enable-expert-parallel " << "" << "" << "degraded" << "map.ep-size@/moe/expert_parallel_size";
        // SGLang v0.4.8: --ep-size alone leaves tensor-parallel experts; --enable-ep-moe makes EP = TP.
        QTest::newRow("sglang 0.4.8 ep is a switch") << with(R"("parallelism": {"tensor_parallel_size": 8, "data_parallel_size": 2}, "moe": {"expert_parallel_size": 8})") << "sglang@v0.4.8.post1" << " --enable-ep-moe " << "--ep-size" << "" << "full" << "";
        QTest::newRow("sglang 0.4.8 ep size differs") << with(R"("parallelism": {"tensor_parallel_size": 8}, "moe": {"expert_parallel_size": 4})") << "sglang@v0.4.8.post1" << " --enable-ep-moe " << "--ep-size" << "" << "degraded" << "map.ep-size@/moe/expert_parallel_size";
        QTest::newRow("sglang 0.5.2 ep size") << with(R"("parallelism": {"tensor_parallel_size": 8}, "moe": {"expert_parallel_size": 4})") << "sglang@v0.5.2" << " --ep-size 4 " << "--enable-ep-moe" << "" << "full" << "";
        QTest::newRow("vllm expert tp unexpressible") << with(R"("parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_tp_size": 2})") << "vllm" << "" << "expert" << "" << "degraded" << "map.expert-tp@/moe/expert_tp_size";
        // Sizes the schema rejects (0, negative, overflowing products) still map without dividing by zero: the
        // command shows what was typed, the expert-parallel arithmetic is skipped (fuzz finding).
        QTest::newRow("zero expert sizes sglang") << with(R"("parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_parallel_size": 0, "expert_tp_size": 0})") << "sglang" << " --tp-size 4 " << "--ep-size" << "" << "full" << "";
        QTest::newRow("zero tp with expert tp trtllm") << with(R"("parallelism": {"tensor_parallel_size": 0}, "moe": {"expert_tp_size": 3})") << "trtllm" << " --tp_size 0 " << "--ep_size" << "" << "degraded" << "map.expert-tp@/moe/expert_tp_size";
        QTest::newRow("huge sizes vllm") << with(R"("parallelism": {"tensor_parallel_size": 2147483647, "data_parallel_size": 2147483647}, "moe": {"expert_parallel_size": 2147483647})") << "vllm" << " --enable-expert-parallel " << "" << "" << "degraded" << "map.ep-size@/moe/expert_parallel_size";
        QTest::newRow("trtllm ep and moe tp yaml") << with(R"("parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_parallel_size": 2, "expert_tp_size": 2})") << "trtllm" << " --ep_size 2 " << "" << "moe_tensor_parallel_size: 2" << "full" << "";
        QTest::newRow("moe backend vllm 2026") << with(R"("moe": {"runner_backend": "flashinfer_cutlass"})") << "vllm" << " --moe-backend flashinfer_cutlass " << "" << "" << "full" << "";
        QTest::newRow("moe backend vllm 2025-12 none") << with(R"("moe": {"runner_backend": "triton"})") << "vllm@2025-12" << "" << "--moe-backend" << "" << "degraded" << "map.moe-backend@/moe/runner_backend";
        QTest::newRow("moe backend trtllm yaml") << with(R"("moe": {"runner_backend": "cutlass"})") << "trtllm" << "" << "" << "moe_config:\n  backend: CUTLASS" << "full" << "";
        QTest::newRow("flashinfer cutlass needs modelopt sglang") << cfg(R"("quantization": {"method": "awq"}, "moe": {"runner_backend": "flashinfer_cutlass"})") << "sglang" << " --quantization awq " << "--moe-runner-backend" << "" << "degraded" << "map.constraint@/moe/runner_backend";
        QTest::newRow("moe quantization has no flag") << with(R"("moe": {"quantization": "w4afp8"})") << "sglang" << "" << "w4afp8" << "" << "degraded" << "map.moe-quantization@/moe/quantization";
        // Attention.
        QTest::newRow("attention vllm 2026 flag") << with(R"("attention": {"backend": "flashinfer"})") << "vllm" << " --attention-backend FLASHINFER " << "VLLM_ATTENTION_BACKEND" << "" << "full" << "";
        QTest::newRow("attention vllm 2025-12 env") << with(R"("attention": {"backend": "triton"})") << "vllm@2025-12" << "VLLM_ATTENTION_BACKEND=TRITON_ATTN vllm serve " << "--attention-backend" << "" << "full" << "";
        QTest::newRow("attention fa3 vllm 2026") << with(R"("attention": {"backend": "fa3"})") << "vllm" << " --attention-config.backend FLASH_ATTN --attention-config.flash_attn_version 3 " << "" << "" << "full" << "";
        QTest::newRow("attention sglang fa3") << with(R"("attention": {"backend": "fa3"})") << "sglang" << " --attention-backend fa3 " << "" << "" << "full" << "";
        QTest::newRow("attention trtllm yaml") << with(R"("attention": {"backend": "flashinfer"})") << "trtllm" << "" << "" << "attn_backend: FLASHINFER" << "full" << "";
        QTest::newRow("attention trtllm fa3 skipped") << with(R"("attention": {"backend": "fa3"})") << "trtllm" << "" << "" << "" << "degraded" << "map.attention@/attention/backend";
        QTest::newRow("torch_native vllm skipped") << with(R"("attention": {"backend": "torch_native"})") << "vllm" << "" << "TORCH" << "" << "degraded" << "map.attention@/attention/backend";
        // Model and misc.
        QTest::newRow("model positional vllm") << with(R"("model": {"id_or_path": "Qwen/Qwen3-8B", "revision": "main"})") << "vllm" << " vllm serve Qwen/Qwen3-8B --revision main " << "--model" << "" << "full" << "";
        QTest::newRow("model flag sglang") << with(R"("model": {"id_or_path": "Qwen/Qwen3-8B"})") << "sglang" << " python3 -m sglang.launch_server --model-path Qwen/Qwen3-8B " << "" << "" << "full" << "";
        QTest::newRow("revision trtllm not portable") << with(R"("model": {"id_or_path": "x/y", "revision": "v2"})") << "trtllm" << " trtllm-serve x/y " << "--revision" << "" << "degraded" << "map.revision-unsupported@/model/revision";
        QTest::newRow("trtllm model named like a subcommand") << with(R"("model": {"id_or_path": "disaggregated"})") << "trtllm" << " trtllm-serve ./disaggregated " << "" << "" << "full" << "map.model-path-prefixed@/model/id_or_path";
        QTest::newRow("vllm model named serve") << with(R"("model": {"id_or_path": "serve"})") << "vllm" << " vllm serve serve " << "" << "" << "full" << "";
        QTest::newRow("dash model path") << with(R"("model": {"id_or_path": "-weird"})") << "vllm" << " vllm serve ./-weird " << "" << "" << "full" << "map.model-path-prefixed@/model/id_or_path";
        QTest::newRow("dtype trtllm yaml") << with(R"("dtype": "bfloat16")") << "trtllm" << "" << "--dtype" << "dtype: bfloat16" << "full" << "";
        // Serving: each engine's own option, per version; what a version lacks is skipped with the reason.
        const char *serving = R"("serving": {"max_model_len": 32768, "gpu_memory_utilization": 0.85, "port": 9000, "served_model_name": "chat"})";
        QTest::newRow("serving vllm") << with(serving) << "vllm" << " --max-model-len 32768 --gpu-memory-utilization 0.85 --port 9000 --served-model-name chat " << "" << "" << "full" << "";
        QTest::newRow("serving vllm v0.11.0") << with(serving) << "vllm@v0.11.0" << " --max-model-len 32768 --gpu-memory-utilization 0.85 --port 9000 --served-model-name chat " << "" << "" << "full" << "";
        QTest::newRow("serving sglang") << with(serving) << "sglang" << " --context-length 32768 --mem-fraction-static 0.85 --port 9000 --served-model-name chat " << "" << "" << "full" << "map.serving-note@/serving/gpu_memory_utilization";
        QTest::newRow("serving sglang v0.4.8") << with(serving) << "sglang@v0.4.8.post1" << " --context-length 32768 --mem-fraction-static 0.85 --port 9000 --served-model-name chat " << "" << "" << "full" << "";
        QTest::newRow("serving trtllm fraction of free memory") << with(R"("serving": {"max_model_len": 32768, "gpu_memory_utilization": 0.85, "port": 9000})") << "trtllm" << " --max_seq_len 32768 --kv_cache_free_gpu_memory_fraction 0.85 --port 9000 " << "" << "" << "degraded" << "map.serving-note@/serving/gpu_memory_utilization";
        QTest::newRow("serving trtllm fraction into the yaml section") << with(R"("kv_cache": {"dtype": "fp8"}, "serving": {"gpu_memory_utilization": 0.85})") << "trtllm" << " --extra_llm_api_options trtllm-extra.yaml " << "--kv_cache_free_gpu_memory_fraction" << "kv_cache_config:\n  dtype: fp8\n  free_gpu_memory_fraction: 0.85" << "degraded" << "map.serving-note@/serving/gpu_memory_utilization";
        QTest::newRow("serving trtllm served name not portable") << with(R"("serving": {"served_model_name": "chat"})") << "trtllm" << " trtllm-serve " << "served_model_name" << "" << "degraded" << "map.serving-unsupported@/serving/served_model_name";
        QTest::newRow("serving whole fraction vllm") << with(R"("serving": {"gpu_memory_utilization": 1})") << "vllm" << " --gpu-memory-utilization 1.0 " << "" << "" << "full" << "";
        QTest::newRow("serving dash name vllm") << with(R"("serving": {"served_model_name": "-x"})") << "vllm" << " --served-model-name=-x " << "" << "" << "full" << "";
        QTest::newRow("fmha fp8 without fp8 kv") << with(R"("attention": {"fmha_quantization": "fp8"})") << "sglang" << "" << "fmha" << "" << "degraded" << "map.fmha@/attention/fmha_quantization";
    }
    void rules()
    {
        QFETCH(QString, config);
        QFETCH(QString, engine);
        QFETCH(QString, want);
        QFETCH(QString, unwanted);
        QFETCH(QString, yaml);
        QFETCH(QString, status);
        QFETCH(QString, diag);
        // A quantized checkpoint's name: whether a model looks quantized is checkpointWarnings()' subject.
        const Json doc = Json::parse(config.toStdString());
        MapOptions options;
        if (!doc.contains("model"))
            options.model = "org/Model-quantized";
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(engine), options);
        std::string argv = " "; // (not " " + ...: GCC 12 -O2 reports a false -Wrestrict)
        argv += testutil::planWords(plan);
        const std::string info = describe(plan);
        QVERIFY2(argv.find(want.toStdString()) != std::string::npos, info.c_str());
        if (!unwanted.isEmpty())
            QVERIFY2(argv.find(unwanted.toStdString()) == std::string::npos, info.c_str());
        if (!yaml.isEmpty()) {
            QVERIFY2(!plan.files.empty(), info.c_str());
            QVERIFY2(plan.files[0].content.find(yaml.toStdString()) != std::string::npos, info.c_str());
        }
        QCOMPARE(QString::fromLatin1(planStatusName(plan.status)), status);
        if (!diag.isEmpty()) {
            const auto parts = diag.split(QLatin1Char('@'));
            QVERIFY2(hasDiag(plan, parts[0].toStdString(), parts.value(1).toStdString()), info.c_str());
        }
        if (plan.status == PlanStatus::Unsupported)
            QVERIFY(plan.argv.empty());
        // Every diagnostic names its engine and the unified field it is about.
        for (const Diagnostic &d : plan.diagnostics)
            QCOMPARE(d.engine, plan.engine);
    }

    void trtllmNeverSetsAValueTwice()
    {
        const Json doc = Json::parse(testutil::readFile(testutil::dataPath("configs/trtllm-everything.json")));
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(QStringLiteral("trtllm")));
        QCOMPARE(plan.files.size(), std::size_t(1));
        const YAML::Node yaml = YAML::Load(plan.files[0].content);
        // Settings on the command line are not repeated in the YAML (the winner differs by version).
        for (const char *key : {"tensor_parallel_size", "pipeline_parallel_size", "moe_expert_parallel_size"})
            QVERIFY2(!yaml[key], key);
        QCOMPARE(yaml["kv_cache_config"]["dtype"].as<std::string>(), std::string("fp8"));
        QCOMPARE(yaml["moe_tensor_parallel_size"].as<int>(), 2);
        const std::string argv = testutil::planWords(plan);
        QVERIFY(argv.find("--kv_cache_dtype") == std::string::npos);
        // The YAML's kv_cache_config replaces the one trtllm-serve builds from its options (a dict
        // union in update_llm_args_with_extra_dict): the memory fraction goes into the YAML's.
        QCOMPARE(yaml["kv_cache_config"]["free_gpu_memory_fraction"].as<double>(), 0.85);
        QVERIFY2(argv.find("--kv_cache_free_gpu_memory_fraction") == std::string::npos, argv.c_str());
        QVERIFY2(argv.find("--max_seq_len 8192") != std::string::npos, argv.c_str());
        // Every YAML key is one TensorRT-LLM's LLM API accepts (unknown keys are errors there).
        const auto known = profile(QStringLiteral("trtllm")).document()["yaml_keys"].get<std::vector<std::string>>();
        for (auto it = yaml.begin(); it != yaml.end(); ++it) {
            const std::string key = it->first.as<std::string>();
            if (it->second.IsMap()) {
                for (auto sub = it->second.begin(); sub != it->second.end(); ++sub) {
                    const std::string dotted = key + "." + sub->first.as<std::string>();
                    QVERIFY2(std::find(known.begin(), known.end(), dotted) != known.end(), dotted.c_str());
                }
            } else {
                QVERIFY2(std::find(known.begin(), known.end(), key) != known.end(), key.c_str());
            }
        }
    }

    // Plain identifiers are written directly; anything YAML could misread goes through yaml-cpp.
    void yamlValuesSurviveParsing_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *v : {"fp8", "FLASHINFER", "bfloat16", "yes", "No", "null", "x: y", "#hash", "1e3", "-1", "a b", "'q'", "", "true"})
            QTest::newRow(v[0] ? v : "empty") << QString::fromUtf8(v);
    }
    void yamlValuesSurviveParsing()
    {
        QFETCH(QString, value);
        const std::string text = renderYamlFile({{"kv_cache_config.dtype", value.toStdString()}, {"moe_tensor_parallel_size", 2}, {"flag", true},
                                                 {"kv_cache_config.free_gpu_memory_fraction", 0.85}});
        const YAML::Node yaml = YAML::Load(text);
        QCOMPARE(QString::fromStdString(yaml["kv_cache_config"]["dtype"].as<std::string>()), value);
        QCOMPARE(yaml["moe_tensor_parallel_size"].as<int>(), 2);
        QCOMPARE(yaml["flag"].as<bool>(), true);
        QCOMPARE(yaml["kv_cache_config"]["free_gpu_memory_fraction"].as<double>(), 0.85);
        QVERIFY2(text.find("free_gpu_memory_fraction: 0.85\n") != std::string::npos, text.c_str()); // not 0.84999999999999998
    }

    void gpuChecks_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("fp8 ampere vllm weight-only") << "fp8" << "vllm" << 80 << "degraded" << "gpu.weight-only";
        QTest::newRow("fp8 ada vllm full") << "fp8" << "vllm" << 89 << "full" << "";
        QTest::newRow("fp8 turing vllm weight-only") << "fp8" << "vllm" << 75 << "degraded" << "gpu.weight-only";
        QTest::newRow("fp8 turing sglang rejected") << "fp8" << "sglang" << 75 << "unsupported" << "gpu.unsupported";
        QTest::newRow("fp8 ampere trtllm rejected") << "fp8" << "trtllm" << 86 << "unsupported" << "gpu.unsupported";
        QTest::newRow("awq_marlin volta vllm rejected") << "awq_marlin" << "vllm" << 70 << "unsupported" << "gpu.unsupported";
        QTest::newRow("awq_marlin turing sglang rejected") << "awq_marlin" << "sglang" << 75 << "unsupported" << "gpu.unsupported";
        QTest::newRow("gptq_marlin pascal vllm loads, not as Marlin") << "gptq_marlin" << "vllm" << 60 << "degraded" << "gpu.other-kernel";
        QTest::newRow("gptq_marlin turing vllm") << "gptq_marlin" << "vllm" << 75 << "full" << "";
        QTest::newRow("modelopt_fp8 ampere sglang rejected") << "modelopt_fp8" << "sglang" << 80 << "unsupported" << "gpu.unsupported";
        QTest::newRow("modelopt_fp4 hopper trtllm rejected") << "modelopt_fp4" << "trtllm" << 90 << "unsupported" << "gpu.unsupported";
        QTest::newRow("modelopt_fp4 blackwell trtllm") << "modelopt_fp4" << "trtllm" << 100 << "full" << "";
        QTest::newRow("w4a8 blackwell trtllm not listed") << "w4a8" << "trtllm" << 100 << "unsupported" << "gpu.unsupported";
        QTest::newRow("none on volta trtllm not targeted") << "none" << "trtllm" << 70 << "unsupported" << "gpu.unsupported";
        QTest::newRow("none on ampere trtllm") << "none" << "trtllm" << 86 << "full" << "";
        QTest::newRow("fp8 on volta trtllm not targeted") << "fp8" << "trtllm" << 70 << "unsupported" << "gpu.unsupported";
        // SGLang's mxfp8 is its FP8 class with use_mxfp8, which needs SM100.
        QTest::newRow("mxfp8 hopper sglang rejected") << "mxfp8" << "sglang" << 90 << "unsupported" << "gpu.unsupported";
        QTest::newRow("mxfp8 blackwell sglang") << "mxfp8" << "sglang" << 100 << "full" << "";
        QTest::newRow("fp8 hopper sglang still from SM80") << "fp8" << "sglang" << 90 << "full" << "";
        QTest::newRow("nvfp4_online hopper sglang rejected") << "nvfp4_online" << "sglang" << 90 << "unsupported" << "gpu.unsupported";
    }

    // A method that loads a quantized checkpoint, served from a model that looks unquantized: the
    // engine stops while loading, so the plan warns and names the checkpoint it needs.
    void checkpointWarnings_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("code"); // expected about the checkpoint, empty = none
        QTest::newRow("gptq_marlin on a plain model vllm") << "gptq_marlin" << "Qwen/Qwen2.5-7B-Instruct" << "vllm" << "map.checkpoint-unquantized";
        QTest::newRow("gptq_marlin on a plain model sglang") << "gptq_marlin" << "Qwen/Qwen2.5-7B-Instruct" << "sglang" << "map.checkpoint-unquantized";
        QTest::newRow("awq on a plain model trtllm") << "awq" << "meta-llama/Llama-3.1-8B-Instruct" << "trtllm" << "map.checkpoint-unquantized";
        QTest::newRow("gptq_marlin on a GPTQ checkpoint") << "gptq_marlin" << "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4" << "vllm" << "map.checkpoint-format";
        QTest::newRow("modelopt_fp4 on an NVFP4 checkpoint") << "modelopt_fp4" << "nvidia/Llama-3.3-70B-Instruct-FP4" << "sglang" << "map.checkpoint-format";
        QTest::newRow("fp8 quantizes while loading") << "fp8" << "Qwen/Qwen2.5-7B-Instruct" << "vllm" << "";
        QTest::newRow("bitsandbytes quantizes while loading") << "bitsandbytes" << "Qwen/Qwen2.5-7B-Instruct" << "sglang" << "";
        QTest::newRow("none") << "none" << "Qwen/Qwen2.5-7B-Instruct" << "vllm" << "";
    }
    void checkpointWarnings()
    {
        QFETCH(QString, method);
        QFETCH(QString, model);
        QFETCH(QString, engine);
        QFETCH(QString, code);
        const Json doc = {{"model", {{"id_or_path", model.toStdString()}}}, {"quantization", {{"method", method.toStdString()}}}};
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(engine));
        const auto it = std::find_if(plan.diagnostics.begin(), plan.diagnostics.end(), [](const Diagnostic &d) {
            return d.code.rfind("map.checkpoint-", 0) == 0;
        });
        if (code.isEmpty()) {
            QVERIFY2(it == plan.diagnostics.end(), describe(plan).c_str());
            return;
        }
        QVERIFY2(it != plan.diagnostics.end() && it->code == code.toStdString(), describe(plan).c_str());
        if (code == QStringLiteral("map.checkpoint-unquantized")) {
            QCOMPARE(it->severity, Severity::Warning);
            QCOMPARE(QString::fromLatin1(planStatusName(plan.status)), QStringLiteral("degraded"));
            QVERIFY2(it->message.find(model.toStdString()) != std::string::npos, it->message.c_str());
        }
        // Metadata read from a local checkpoint replaces the guess from the name.
        MapOptions read;
        read.checkpointMetadataRead = true;
        const LaunchPlan checked = mapConfig(Config::fromJson(doc), profile(engine), read);
        QVERIFY(std::none_of(checked.diagnostics.begin(), checked.diagnostics.end(),
                             [](const Diagnostic &d) { return d.code == "map.checkpoint-unquantized"; }));
    }

    // The model dtype on the target GPU, by the rule each engine's source states (tools/enginefacts).
    void dtypeOnGpu_data()
    {
        QTest::addColumn<QString>("dtype"); // empty = not set (auto)
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code"); // expected diagnostic, empty = none about the dtype
        QTest::newRow("bfloat16 on T4 vllm refused") << "bfloat16" << "vllm" << 75 << "unsupported" << "gpu.dtype-unsupported";
        QTest::newRow("bfloat16 on T4 old vllm refused") << "bfloat16" << "vllm@v0.11.0" << 75 << "unsupported" << "gpu.dtype-unsupported";
        QTest::newRow("bfloat16 on A100 vllm") << "bfloat16" << "vllm" << 80 << "full" << "";
        QTest::newRow("float16 on T4 vllm") << "float16" << "vllm" << 75 << "full" << "";
        QTest::newRow("auto on T4 vllm is float16") << "" << "vllm" << 75 << "full" << "gpu.dtype-fallback";
        QTest::newRow("bfloat16 on T4 sglang runs float16") << "bfloat16" << "sglang" << 75 << "degraded" << "gpu.dtype-fallback";
        QTest::newRow("float32 on T4 sglang runs float16") << "float32" << "sglang@v0.5.6" << 75 << "degraded" << "gpu.dtype-fallback";
        QTest::newRow("bfloat16 on L4 sglang") << "bfloat16" << "sglang" << 89 << "full" << "";
    }
    void dtypeOnGpu()
    {
        QFETCH(QString, dtype);
        QFETCH(QString, engine);
        QFETCH(int, cc);
        QFETCH(QString, status);
        QFETCH(QString, code);
        Json doc = {{"quantization", {{"method", "none"}}}};
        if (!dtype.isEmpty())
            doc["dtype"] = dtype.toStdString();
        MapOptions options;
        options.gpu = GpuTarget{"test GPU", cc, 80.0, {}, {}, 1};
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(engine), options);
        QVERIFY2(QString::fromLatin1(planStatusName(plan.status)) == status, describe(plan).c_str());
        const auto it = std::find_if(plan.diagnostics.begin(), plan.diagnostics.end(), [](const Diagnostic &d) { return d.pointer == "/dtype"; });
        if (code.isEmpty()) {
            QVERIFY2(it == plan.diagnostics.end(), describe(plan).c_str());
            return;
        }
        QVERIFY2(it != plan.diagnostics.end() && it->code == code.toStdString(), describe(plan).c_str());
        if (it->severity == Severity::Error)
            QVERIFY2(it->suggestion.find("float16") != std::string::npos, describe(plan).c_str());
    }

    // The GPU decides between a method and its Marlin variant or fallback when the engine has both.
    void gpuChoosesWhatRuns_data()
    {
        QTest::addColumn<QString>("quantization");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("want");
        QTest::addColumn<QString>("status");
        QTest::newRow("enable_marlin on turing sglang keeps awq") << R"({"method": "awq", "enable_marlin": true})" << "sglang" << 75 << " --quantization awq" << "full";
        QTest::newRow("enable_marlin on ampere sglang") << R"({"method": "awq", "enable_marlin": true})" << "sglang" << 80 << " --quantization awq_marlin" << "full";
        QTest::newRow("enable_marlin on pascal vllm 2025-12 keeps gptq") << R"({"method": "gptq", "enable_marlin": true})" << "vllm@2025-12" << 60 << " --quantization gptq" << "full";
        QTest::newRow("awq_marlin on turing falls back to awq") << R"({"method": "awq_marlin", "fallback_method": "awq"})" << "sglang" << 75 << " --quantization awq" << "degraded";
        QTest::newRow("awq_marlin on turing without fallback") << R"({"method": "awq_marlin"})" << "sglang" << 75 << "" << "unsupported";
        QTest::newRow("mxfp8 on hopper sglang: fp8 is another checkpoint") << R"({"method": "mxfp8", "fallback_method": "fp8"})" << "sglang" << 90 << "" << "unsupported";
    }
    void gpuChoosesWhatRuns()
    {
        QFETCH(QString, quantization);
        QFETCH(QString, engine);
        QFETCH(int, cc);
        QFETCH(QString, want);
        QFETCH(QString, status);
        Json doc = Json::object();
        doc["quantization"] = Json::parse(quantization.toStdString());
        MapOptions options;
        options.gpu = GpuTarget{"test GPU", cc, 80.0, {}, {}, 1};
        options.model = "org/Model-quantized";
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(engine), options);
        QCOMPARE(QString::fromLatin1(planStatusName(plan.status)), status);
        const std::string words = testutil::planWords(plan) + " ";
        if (!want.isEmpty())
            QVERIFY2(words.find(want.toStdString() + " ") != std::string::npos, describe(plan).c_str());
    }
    void gpuChecks()
    {
        QFETCH(QString, method);
        QFETCH(QString, engine);
        QFETCH(int, cc);
        QFETCH(QString, status);
        QFETCH(QString, code);
        Config c;
        c.quantization.method = method.toStdString();
        MapOptions options;
        options.gpu = GpuTarget{"test GPU", cc, 80.0, {}, {}, 1};
        options.model = "org/Model-quantized";
        const LaunchPlan plan = mapConfig(c, profile(engine), options);
        QCOMPARE(QString::fromLatin1(planStatusName(plan.status)), status);
        if (!code.isEmpty())
            QVERIFY2(hasDiag(plan, code.toStdString(), "/quantization/method"), describe(plan).c_str());
    }

    void maxModelLenUsesEachEnginesFlag()
    {
        MapOptions options;
        options.maxModelLen = 32768;
        const auto plans = mapAllEngines(Config(), options);
        QCOMPARE(plans.size(), std::size_t(3));
        QVERIFY(testutil::planWords(plans[0]).find("--max-model-len 32768") != std::string::npos);
        QVERIFY(testutil::planWords(plans[1]).find("--context-length 32768") != std::string::npos);
        QVERIFY(testutil::planWords(plans[2]).find("--max_seq_len 32768") != std::string::npos);
        // The option (quantcfg map --max-model-len, fit --write-max-len) wins over the configuration's, once.
        const Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "none"}, "serving": {"max_model_len": 4096}})"));
        for (const LaunchPlan &plan : mapAllEngines(c, options)) {
            const std::string words = testutil::planWords(plan);
            QVERIFY2(words.find("32768") != std::string::npos && words.find("4096") == std::string::npos, words.c_str());
        }
        QVERIFY(testutil::planWords(mapAllEngines(c).front()).find("--max-model-len 4096") != std::string::npos);
    }

    // Messages name methods, formats and engines with an article: "an awq checkpoint", not "a awq".
    void messagesUseTheRightArticle_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("expected");
        QTest::newRow("vowel") << "awq" << "an awq";
        QTest::newRow("vowel, hyphen") << "auto-round" << "an auto-round";
        QTest::newRow("u") << "unquantized" << "an unquantized";
        QTest::newRow("letters: ef") << "fp8_e5m2" << "an fp8_e5m2";
        QTest::newRow("letters: em") << "mxfp4" << "an mxfp4";
        QTest::newRow("letters: en") << "nvfp4_online" << "an nvfp4_online";
        QTest::newRow("letters: es") << "SGLang" << "an SGLang";
        QTest::newRow("letters: gee") << "gguf" << "a gguf";
        QTest::newRow("letters: gee, pee") << "gptq or awq" << "a gptq or awq";
        QTest::newRow("letters: vee") << "vLLM" << "a vLLM";
        QTest::newRow("letter and digit") << "w4a8" << "a w4a8";
        QTest::newRow("word") << "modelopt" << "a modelopt";
        QTest::newRow("word with an onset") << "TensorRT-LLM" << "a TensorRT-LLM";
        QTest::newRow("eight") << "8-bit" << "an 8-bit";
        QTest::newRow("four") << "4-bit" << "a 4-bit";
    }
    void messagesUseTheRightArticle()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(withArticle(word.toStdString())), expected);
        QCOMPARE(counted(1, "sequence"), std::string("1 sequence"));
        QCOMPARE(counted(0, "sequence"), std::string("0 sequences"));
        QCOMPARE(counted(2, "GPU"), std::string("2 GPUs"));
        QCOMPARE(counted(3, "entry", "entries"), std::string("3 entries"));
    }

    // A method that loads an AWQ checkpoint says so with "an": the message is what users read.
    void checkpointNoteReadsWell()
    {
        const Json doc = {{"model", {{"id_or_path", "Qwen/Qwen2.5-7B-Instruct"}}}, {"quantization", {{"method", "awq_marlin"}}}};
        const LaunchPlan plan = mapConfig(Config::fromJson(doc), profile(QStringLiteral("vllm")));
        const auto it = std::find_if(plan.diagnostics.begin(), plan.diagnostics.end(),
                                     [](const Diagnostic &d) { return d.code == "map.checkpoint-unquantized"; });
        QVERIFY(it != plan.diagnostics.end());
        QVERIFY2(it->message.starts_with("awq_marlin loads an awq checkpoint"), it->message.c_str());
        QVERIFY2(it->suggestion.starts_with("serve an awq checkpoint"), it->suggestion.c_str());
    }
};

QTEST_APPLESS_MAIN(TestMapping)
#include "tst_mapping.moc"
