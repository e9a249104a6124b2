#include "core/engines/lint.h"
#include "core/engines/lintreport.h"
#include "core/engines/mapper.h"
#include "core/presets.h"
#include "core/schema.h"

#include "planutil.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <algorithm>

using namespace quantcfg;

namespace {

// Errors and warnings: Info findings (notes such as "launch_server still works, sglang serve is
// recommended") are not problems with the command.
Diagnostics problems(Diagnostics diags)
{
    diags.erase(std::remove_if(diags.begin(), diags.end(), [](const Diagnostic &d) { return d.severity == Severity::Info; }), diags.end());
    return diags;
}

std::string dump(const Diagnostics &diags)
{
    std::string s;
    for (const auto &d : diags)
        s += std::string(severityName(d.severity)) + " " + d.code + " [" + d.value + "] " + d.message + " | " + d.suggestion + "\n";
    return s;
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private slots:
    void findings_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("code");       // expected finding, empty = clean
        QTest::addColumn<QString>("suggestion"); // expected did-you-mean / replacement

        QTest::newRow("bare dash with a value") << "vllm" << "vllm serve m -=x" << "lint.unknown-flag" << ""; // fuzz finding
        QTest::newRow("vllm clean") << "vllm" << "vllm serve m --kv-cache-dtype fp8 --tensor-parallel-size 2" << "" << "";
        QTest::newRow("vllm underscores ok") << "vllm" << "vllm serve m --kv_cache_dtype fp8 --tensor_parallel_size 2" << "" << "";
        QTest::newRow("vllm bf16 kv") << "vllm" << "vllm serve m --kv-cache-dtype bf16" << "lint.bad-choice" << "bfloat16";
        QTest::newRow("vllm tp-size renamed") << "vllm" << "vllm serve m --tp-size 2" << "lint.renamed-flag" << "--tensor-parallel-size";
        QTest::newRow("vllm short alias") << "vllm" << "vllm serve m -tp 2 -q awq" << "" << "";
        QTest::newRow("vllm swap-space removed") << "vllm" << "vllm serve m --swap-space 4" << "lint.removed-flag" << "";
        QTest::newRow("vllm 2025-12 has swap-space") << "vllm@2025-12" << "vllm serve m --swap-space 4" << "" << "";
        QTest::newRow("vllm bool with value") << "vllm" << "vllm serve m --enable-expert-parallel=true" << "lint.bool-value" << "";
        QTest::newRow("vllm bool then true") << "vllm" << "vllm serve m --trust-remote-code true" << "lint.bool-value" << "";
        QTest::newRow("vllm negation ok") << "vllm" << "vllm serve m --no-enable-expert-parallel" << "" << "";
        QTest::newRow("vllm bad int") << "vllm" << "vllm serve m --tensor-parallel-size two" << "lint.bad-int" << "";
        QTest::newRow("vllm human int ok") << "vllm" << "vllm serve m --max-model-len 32k" << "" << "";
        QTest::newRow("vllm max-model-len auto") << "vllm" << "vllm serve m --max-model-len auto" << "" << "";
        QTest::newRow("vllm bad float") << "vllm" << "vllm serve m --gpu-memory-utilization high" << "lint.bad-float" << "";
        QTest::newRow("vllm unknown method") << "vllm" << "vllm serve m --quantization gguf" << "lint.bad-choice" << "";
        QTest::newRow("vllm method case") << "vllm" << "vllm serve m --attention-backend flashinfer" << "" << "";
        QTest::newRow("vllm bad attention") << "vllm" << "vllm serve m --attention-backend FA3" << "lint.bad-choice" << "";
        QTest::newRow("vllm deprecated needs allow") << "vllm" << "vllm serve m --quantization fbgemm_fp8" << "lint.constraint.deprecated-quant-needs-allow" << "";
        QTest::newRow("vllm deprecated with allow") << "vllm" << "vllm serve m --quantization fbgemm_fp8 --allow-deprecated-quantization" << "lint.deprecated-value" << "";
        QTest::newRow("vllm eplb needs ep") << "vllm" << "vllm serve m --enable-eplb" << "lint.constraint.eplb-needs-ep" << "";
        QTest::newRow("vllm dotted json") << "vllm" << "vllm serve m --attention-config.flash_attn_version 3" << "" << "";
        QTest::newRow("vllm -O3") << "vllm" << "vllm serve m -O3" << "" << "";
        QTest::newRow("vllm abbreviation warns") << "vllm" << "vllm serve m --gpu-memory-utilizat 0.8" << "lint.abbreviation" << "--gpu-memory-utilization";
        QTest::newRow("vllm typo") << "vllm" << "vllm serve m --kv-cache-dtpye fp8" << "lint.unknown-flag" << "--kv-cache-dtype";
        QTest::newRow("vllm missing value") << "vllm" << "vllm serve m --dtype" << "lint.missing-value" << "";
        QTest::newRow("vllm no model") << "vllm" << "vllm serve --dtype auto" << "lint.missing-model" << "";
        QTest::newRow("vllm removed env") << "vllm" << "VLLM_ATTENTION_BACKEND=FLASHINFER vllm serve m" << "lint.removed-env" << "--attention-backend";
        QTest::newRow("vllm 2025-12 env ok") << "vllm@2025-12" << "VLLM_ATTENTION_BACKEND=FLASHINFER vllm serve m" << "" << "";
        QTest::newRow("vllm 2025-12 env bad") << "vllm@2025-12" << "VLLM_ATTENTION_BACKEND=fa3 vllm serve m" << "lint.bad-choice" << "";
        QTest::newRow("wrong program") << "vllm" << "python3 -m vllm.entrypoints.api_server --model m" << "lint.invocation" << "";
        QTest::newRow("sglang clean") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 2" << "" << "";
        QTest::newRow("sglang python ok") << "sglang" << "python -m sglang.launch_server --model-path m" << "" << "";
        QTest::newRow("sglang underscores rejected") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp_size 2" << "lint.dash-style" << "--tp-size";
        QTest::newRow("sglang enable-ep-moe") << "sglang" << "python3 -m sglang.launch_server --model-path m --enable-ep-moe" << "lint.removed-flag" << "--ep-size";
        QTest::newRow("sglang moe-tp-size never existed") << "sglang" << "python3 -m sglang.launch_server --model-path m --moe-tp-size 2" << "lint.removed-flag" << "--ep-size";
        QTest::newRow("sglang ep divides tp") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 3" << "lint.constraint.ep-divides-tp" << "";
        QTest::newRow("sglang 0.5.6 ep divides tp") << "sglang@0.5.6" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 3" << "lint.constraint.ep-divides-tp" << "";
        QTest::newRow("sglang missing model") << "sglang" << "python3 -m sglang.launch_server --tp-size 2" << "lint.missing-model" << "";
        QTest::newRow("sglang positional") << "sglang" << "python3 -m sglang.launch_server --model-path m extra" << "lint.unexpected-argument" << "";
        QTest::newRow("sglang qoq removed") << "sglang" << "python3 -m sglang.launch_server --model-path m --quantization qoq" << "lint.bad-choice" << "";
        QTest::newRow("sglang 0.5.6 qoq") << "sglang@0.5.6" << "python3 -m sglang.launch_server --model-path m --quantization qoq" << "" << "";
        QTest::newRow("sglang 0.5.2 kv bfloat16") << "sglang@v0.5.2" << "python3 -m sglang.launch_server --model-path m --kv-cache-dtype bfloat16" << "lint.bad-choice" << "";
        QTest::newRow("sglang 0.5.2 ep divides tp") << "sglang@v0.5.2" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 3" << "lint.constraint.ep-divides-tp" << "";
        QTest::newRow("sglang 0.4.8 enable-ep-moe") << "sglang@v0.4.8.post1" << "python3 -m sglang.launch_server --model-path m --tp-size 8 --enable-ep-moe" << "" << "";
        QTest::newRow("sglang 0.4.8 no moe-runner-backend") << "sglang@v0.4.8.post1" << "python3 -m sglang.launch_server --model-path m --moe-runner-backend triton" << "lint.unknown-flag" << "";
        QTest::newRow("sglang flashinfer cutlass quant") << "sglang" << "python3 -m sglang.launch_server --model-path m --quantization awq --moe-runner-backend flashinfer_cutlass" << "lint.constraint.flashinfer-cutlass-moe-quant" << "";
        // Every kind of cross-flag rule, broken and kept (conflicts, value_in_or_equals with and
        // without a condition, warn_value_equals, requires_flag with gt/and_flag_ne).
        QTest::newRow("vllm conflicting flags") << "vllm" << "vllm serve m --enable-per-request-metrics --disable-log-stats" << "lint.constraint.per-request-metrics-vs-disable-log-stats" << "";
        QTest::newRow("vllm one of conflicting flags") << "vllm" << "vllm serve m --enable-per-request-metrics" << "" << "";
        QTest::newRow("sglang dense tp not 1 or tp") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --moe-dense-tp-size 2" << "lint.constraint.moe-dense-tp-1-or-tp" << "";
        QTest::newRow("sglang dense tp equals tp") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --moe-dense-tp-size 4" << "" << "";
        QTest::newRow("sglang flashinfer cutlass ep") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 2 --moe-runner-backend flashinfer_cutlass --quantization modelopt_fp4" << "lint.constraint.flashinfer-cutlass-moe-ep" << "";
        QTest::newRow("sglang flashinfer cutlass ep equals tp") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 4 --moe-runner-backend flashinfer_cutlass --quantization modelopt_fp4" << "" << "";
        QTest::newRow("sglang a2a overrides ep") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 2 --moe-a2a-backend deepep" << "lint.constraint.a2a-forces-ep-eq-tp" << "";
        QTest::newRow("sglang a2a with ep equal tp") << "sglang" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 4 --moe-a2a-backend deepep" << "" << "";
        QTest::newRow("sglang multinode dp") << "sglang" << "python3 -m sglang.launch_server --model-path m --dp-size 2 --nnodes 2" << "lint.constraint.multinode-dp-needs-dp-attention" << "";
        QTest::newRow("sglang multinode dp attention") << "sglang" << "python3 -m sglang.launch_server --model-path m --dp-size 2 --nnodes 2 --enable-dp-attention" << "" << "";
        QTest::newRow("sglang single node dp") << "sglang" << "python3 -m sglang.launch_server --model-path m --dp-size 2" << "" << "";
        QTest::newRow("sglang ambiguous abbreviation") << "sglang" << "python3 -m sglang.launch_server --model-path m --quant fp8" << "lint.ambiguous-abbreviation" << "";
        QTest::newRow("sglang deprecated flag") << "sglang" << "python3 -m sglang.launch_server --model-path m --disable-cuda-graph" << "lint.deprecated-flag" << "";
        QTest::newRow("sglang errors when used") << "sglang" << "python3 -m sglang.launch_server --model-path m --enable-expert-distribution-metrics" << "lint.flag-errors" << "";
        QTest::newRow("trtllm clean") << "trtllm" << "trtllm-serve m --tp_size 2 --extra_llm_api_options x.yaml" << "" << "";
        QTest::newRow("trtllm serve subcommand") << "trtllm" << "trtllm-serve serve m --tp_size 2" << "" << "";
        QTest::newRow("trtllm model named like a subcommand") << "trtllm" << "trtllm-serve disaggregated --tp_size 2" << "lint.subcommand" << "./disaggregated";
        QTest::newRow("trtllm serve then a model named serve") << "trtllm" << "trtllm-serve serve serve --tp_size 2" << "" << "";
        QTest::newRow("trtllm local directory named serve") << "trtllm" << "trtllm-serve ./serve --tp_size 2" << "" << "";
        QTest::newRow("trtllm dashes rejected") << "trtllm" << "trtllm-serve m --tp-size 2" << "lint.dash-style" << "--tp_size";
        QTest::newRow("trtllm quant-algo") << "trtllm" << "trtllm-serve m --quant-algo FP8" << "lint.removed-flag" << "";
        QTest::newRow("trtllm kv-cache-quant-algo") << "trtllm" << "trtllm-serve m --kv-cache-quant-algo FP8" << "lint.removed-flag" << "--extra_llm_api_options";
        QTest::newRow("trtllm no abbreviations") << "trtllm" << "trtllm-serve m --tp_si 2" << "lint.unknown-flag" << "";
        QTest::newRow("trtllm not portable") << "trtllm" << "trtllm-serve m --kv_cache_dtype fp8" << "lint.not-portable" << "";
        QTest::newRow("trtllm bad kv choice") << "trtllm" << "trtllm-serve m --kv_cache_dtype fp8_e5m2" << "lint.bad-choice" << "fp8";
        QTest::newRow("trtllm missing model") << "trtllm" << "trtllm-serve --tp_size 2" << "lint.missing-model" << "";
        QTest::newRow("quoted values") << "vllm" << "vllm serve '/models/my model' --served-model-name \"a b\"" << "" << "";
        QTest::newRow("continuations") << "vllm" << "vllm serve m \\\n  --dtype auto \\\n  --tensor-parallel-size 2" << "" << "";
        QTest::newRow("unterminated quote") << "vllm" << "vllm serve 'm" << "lint.shell-syntax" << "";
        // What the engines' newer sources changed (shared/reference/engines/2026-12/freshness-audit.md).
        QTest::newRow("sglang cuda graph backend values") << "sglang" << "python3 -m sglang.launch_server --model-path m --cuda-graph-backend-decode full --cuda-graph-backend-prefill tc_piecewise" << "" << "";
        QTest::newRow("sglang cuda graph backend bad value") << "sglang" << "python3 -m sglang.launch_server --model-path m --cuda-graph-backend-decode f" << "lint.bad-choice" << "";
        QTest::newRow("vllm override-attention-dtype removed") << "vllm" << "vllm serve m --override-attention-dtype float16" << "lint.removed-flag" << "";
        QTest::newRow("vllm 08-14 has override-attention-dtype") << "vllm@main-2026-08-14" << "vllm serve m --override-attention-dtype float16" << "" << "";
        QTest::newRow("vllm 08-21 new flags") << "vllm" << "vllm serve m --prefix-cache-retention-interval 10 --per-request-spec-decode-metrics summary" << "" << "";
        QTest::newRow("vllm v0.29 files: sse keep-alive") << "vllm@partial-v0.29" << "vllm serve m --sse-keep-alive-interval 15" << "" << "";
        QTest::newRow("vllm v0.29 files: moe backend b12x") << "vllm@partial-v0.29" << "vllm serve m --moe-backend b12x" << "" << "";
        QTest::newRow("vllm 08-21 has no b12x") << "vllm" << "vllm serve m --moe-backend b12x" << "lint.bad-choice" << "";
        QTest::newRow("sglang newest: marlin gone") << "sglang@partial-after-v0.5.19" << "python3 -m sglang.launch_server --model-path m --quantization marlin" << "lint.bad-choice" << "";
        QTest::newRow("sglang newest: deepep_v2") << "sglang@partial-after-v0.5.19" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 4 --moe-a2a-backend deepep_v2 --deepep-v2-mode direct" << "" << "";
        QTest::newRow("sglang newest: deepep_v2 forces ep=tp") << "sglang@partial-after-v0.5.19" << "python3 -m sglang.launch_server --model-path m --tp-size 4 --ep-size 2 --moe-a2a-backend deepep_v2" << "lint.constraint.a2a-forces-ep-eq-tp" << "";
    }
    void findings()
    {
        QFETCH(QString, engine);
        QFETCH(QString, command);
        QFETCH(QString, code);
        QFETCH(QString, suggestion);
        const EngineProfile *p = ProfileRegistry::builtIn().findSpec(engine.toStdString());
        QVERIFY(p);
        const Diagnostics diags = lintCommandLine(*p, command.toStdString());
        if (code.isEmpty()) {
            QVERIFY2(problems(diags).empty(), dump(diags).c_str());
            return;
        }
        const auto it = std::find_if(diags.begin(), diags.end(), [&](const Diagnostic &d) { return d.code == code.toStdString(); });
        QVERIFY2(it != diags.end(), dump(diags).c_str());
        if (!suggestion.isEmpty())
            QCOMPARE(QString::fromStdString(it->suggestion), suggestion);
    }

    // The product's promise: every command quantcfg generates passes the engine's own rules.
    // Checked for every preset, and for a sweep over every schema value of each mapped field,
    // on every engine profile.
    void everyGeneratedCommandLints()
    {
        std::vector<Json> configs;
        for (const Preset &p : builtInPresets())
            configs.push_back(p.document);
        const Schema &schema = Schema::unifiedConfig();
        const auto values = [&](const char *pointer) { return schema.allowedValues(pointer); };
        for (const auto &method : values("/quantization/method")) {
            for (const auto &kv : values("/kv_cache/dtype")) {
                Json c = {{"quantization", {{"method", method}, {"base_quantization", "awq"}, {"activation_dtype", "fp8"}}},
                          {"kv_cache", {{"dtype", kv}}}};
                configs.push_back(c);
            }
            for (const auto &variant : values("/quantization/fp8_variant"))
                configs.push_back({{"quantization", {{"method", "fp8"}, {"fp8_variant", variant}, {"fallback_method", method}}}});
        }
        for (const auto &backend : values("/moe/runner_backend")) {
            for (int ep : {1, 2, 3, 4}) {
                for (const auto &method : {"none", "modelopt_fp4", "awq"})
                    configs.push_back({{"quantization", {{"method", method}}},
                                       {"parallelism", {{"tensor_parallel_size", 4}, {"data_parallel_size", 2}}},
                                       {"moe", {{"runner_backend", backend}, {"expert_parallel_size", ep}, {"expert_tp_size", 2}}}});
            }
        }
        for (const auto &attn : values("/attention/backend")) {
            for (const auto &dtype : values("/dtype"))
                configs.push_back({{"quantization", {{"method", "none"}}}, {"attention", {{"backend", attn}, {"fmha_quantization", "fp8"}}},
                                   {"dtype", dtype}, {"model", {{"id_or_path", "/models/a b/$x"}, {"revision", "v1"}}}});
        }
        // The serving section, its values at their limits, and a served name the parser could take for an option.
        for (const char *name : {"chat", "my model", "-x"})
            configs.push_back({{"quantization", {{"method", "none"}}},
                               {"serving", {{"max_model_len", 1}, {"gpu_memory_utilization", 1.0}, {"port", 65535}, {"served_model_name", name}}}});
        configs.push_back({{"quantization", {{"method", "none"}}}, {"serving", {{"gpu_memory_utilization", 0.05}, {"port", 1}}}});
        int checked = 0;
        // No GPU, and one of each architecture from Pascal to Blackwell: the GPU picks what runs
        // (Marlin or not, fallbacks), so each choice must lint too.
        for (const auto &profile : ProfileRegistry::builtIn().all()) {
            for (const int cc : {0, 60, 70, 75, 80, 86, 89, 90, 100, 120}) {
                for (const Json &doc : configs) {
                    MapOptions options;
                    options.maxModelLen = 8192;
                    if (cc > 0)
                        options.gpu = GpuTarget{"SM" + std::to_string(cc), cc, 80.0, {}, {}, 1};
                    const LaunchPlan plan = mapConfig(Config::fromJson(doc), *profile, options);
                    if (plan.status == PlanStatus::Unsupported)
                        continue;
                    std::vector<std::pair<std::string, std::string>> env;
                    for (const auto &e : plan.env)
                        env.emplace_back(e.name, e.value);
                    Diagnostics lint = problems(lintArgv(*profile, plan.argv, env));
                    // A deprecated value the plan itself warns about is the only finding allowed.
                    lint.erase(std::remove_if(lint.begin(), lint.end(), [&](const Diagnostic &d) {
                                   return d.code == "lint.deprecated-value" && plan.status == PlanStatus::Degraded;
                               }), lint.end());
                    QVERIFY2(lint.empty(), (profile->engine() + "@" + profile->version() + " SM" + std::to_string(cc) + ": " + testutil::planWords(plan) + "\n" + dump(lint) + doc.dump()).c_str());
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 10000);
    }

    // Commands as people write them (issue 15): entry points, wrappers, shell syntax,
    // abbreviations, --config files and the keys of JSON-valued flags. `error` is the error code
    // expected ("" = no error or warning), `also` a finding of any severity that must be there.
    void reads_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("also");
        // Entry points.
        QTest::newRow("sglang serve") << "sglang@v0.5.18" << "sglang serve --model-path stepfun-ai/Step-3.5-Flash --tp 4 --ep 4" << "" << "lint.unchecked.server";
        QTest::newRow("sglang serve positional model") << "sglang@v0.5.18" << "sglang serve Qwen/Qwen3-8B --tp-size 2" << "" << "";
        QTest::newRow("sglang serve --model-type stripped") << "sglang@v0.5.18" << "sglang serve --model-type llm Qwen/Qwen3-8B" << "" << "";
        QTest::newRow("sglang 0.5.6 serve: no positional") << "sglang@v0.5.6" << "sglang serve Qwen/Qwen3-8B" << "lint.unexpected-argument" << "";
        QTest::newRow("sglang serve: other server's flags warn") << "sglang@v0.5.18" << "sglang serve --model-path m --num-gpus 8 --ulysses-degree 8" << "" << "lint.unknown-flag";
        QTest::newRow("launch_server still works") << "sglang@v0.5.18" << "python3 -m sglang.launch_server --model-path m" << "" << "lint.deprecated-entry-point";
        QTest::newRow("vllm api_server") << "vllm@v0.11.0" << "python -m vllm.entrypoints.openai.api_server --model m --port 8000" << "" << "";
        QTest::newRow("vllm api_server takes no positional") << "vllm@v0.11.0" << "python3 -m vllm.entrypoints.openai.api_server m" << "lint.unexpected-argument" << "";
        QTest::newRow("vllm 0.11 serve refuses --model") << "vllm@v0.11.0" << "vllm serve --model m" << "lint.serve-model-flag" << "";
        QTest::newRow("vllm 2026 serve moves --model") << "vllm" << "vllm serve --model m" << "" << "";
        // Wrappers.
        QTest::newRow("docker vllm image") << "" << "docker run --gpus all -p 8000:8000 --ipc=host vllm/vllm-openai:v0.10.1 --model m --max-model-len 4096" << "" << "lint.image-version";
        QTest::newRow("docker args go to the entry point") << "" << "docker run --rm vllm/vllm-openai:latest vllm serve m" << "lint.unexpected-argument" << "";
        QTest::newRow("docker sglang image") << "" << "docker run --gpus all --shm-size 32g -p 30000:30000 lmsysorg/sglang:latest python3 -m sglang.launch_server --model-path m --tp 2" << "" << "";
        QTest::newRow("docker finds the typo") << "" << "docker run -d -e HF_TOKEN=x vllm/vllm-openai:v0.11.0 --model m --kv-cache-dtype fp9" << "lint.bad-choice" << "";
        QTest::newRow("exec") << "vllm" << "exec vllm serve m --tensor-parallel-size 2" << "" << "";
        QTest::newRow("srun bash -c") << "vllm" << "srun -N 2 --ntasks-per-node=1 bash -c \"vllm serve m --tensor-parallel-size 8 --kv-cache-dtype fp9\"" << "lint.bad-choice" << "";
        QTest::newRow("srun --container-image") << "" << "srun --container-image=vllm/vllm-openai:v0.11.0 vllm serve --model m" << "lint.serve-model-flag" << "lint.image-version";
        QTest::newRow("kubernetes args to the image") << "" << "containers:\n- name: vllm\n  image: vllm/vllm-openai:v0.11.0\n  args: [\"--model\", \"m\", \"--kv-cache-dtype\", \"fp9\"]\n" << "lint.bad-choice" << "lint.image-version";
        QTest::newRow("kubernetes sh -c fragment") << "vllm" << "command: [\"/bin/sh\", \"-c\"]\n        args: [\n          \"vllm serve m --max_num_batched_tokens 2048 --max_model_len 2048\"\n        ]" << "" << "";
        QTest::newRow("compose entrypoint + command") << "vllm@v0.11.0" << "entrypoint: /opt/env/bin/python3.10\n    command:\n      - -m\n      - vllm.entrypoints.openai.api_server\n      - --model=${BASE_MODEL}\n      - --tensor-parallel-size=2" << "" << "lint.unchecked.shell-value";
        QTest::newRow("no engine command") << "vllm" << "bash run_cluster.sh vllm/vllm-openai 10.0.0.1 --head" << "" << "lint.unchecked.no-engine-command";
        // Shell syntax.
        QTest::newRow("shell variables, pipe, redirection") << "vllm" << "vllm serve $MODEL_NAME --trust-remote-code --tensor-parallel-size $SKYPILOT_NUM_GPUS_PER_NODE 2>&1 | tee api_server.log" << "" << "lint.unchecked.shell-value";
        QTest::newRow("background and later commands") << "vllm" << "vllm serve m --port 8000 > vllm.log 2>&1 &\nsleep 60; curl localhost:8000/v1/models" << "" << "";
        QTest::newRow("command substitution") << "vllm" << "vllm serve m --tensor-parallel-size $(nvidia-smi -L | wc -l)" << "" << "lint.unchecked.shell-value";
        QTest::newRow("a shell value is unknown to constraints") << "sglang@v0.5.18" << "python3 -m sglang.launch_server --model-path m --tp-size $TP --ep-size 8" << "" << "lint.unchecked.constraint";
        QTest::newRow("a shell value after '='") << "sglang@v0.5.18" << "python3 -m sglang.launch_server --model-path m --tp-size=${TP} --ep-size 8" << "" << "lint.unchecked.constraint";
        QTest::newRow("an option named by the shell") << "vllm" << "vllm serve m --${OPT} 4 --dtype auto" << "" << "lint.unchecked.shell-word";
        QTest::newRow("comment after the backslash") << "vllm" << "vllm serve m \\\n  --tensor-parallel-size 1 \\    # one GPU\n  --kv-cache-dtype fp9" << "lint.bad-choice" << "lint.shell-continuation";
        QTest::newRow("script: assignment then command") << "vllm" << "MODEL=Qwen/Qwen3-8B\nexport VLLM_LOGGING_LEVEL=DEBUG\nvllm serve \"$MODEL\" --max-model-len 8192" << "" << "";
        // Abbreviations: the value reaches the cross-flag rules, and the spelling is no warning.
        QTest::newRow("sglang --tp --ep") << "sglang@v0.5.18" << "python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3 --moe-a2a-backend deepep --moe-runner-backend deep_gemm --tp 8 --ep 8" << "" << "lint.abbreviation";
        QTest::newRow("sglang --tp value reaches tp % ep") << "sglang@v0.5.18" << "python -m sglang.launch_server --model-path m --tp 8 --ep 3" << "lint.constraint.ep-divides-tp" << "";
        QTest::newRow("single-dash abbreviation") << "vllm@v0.11.0" << "vllm serve m -p 2" << "" << "lint.abbreviation";
        // --config files.
        QTest::newRow("vllm --config not here") << "vllm" << "vllm serve --config /nonexistent/config.yaml" << "" << "lint.unchecked.config-file";
        QTest::newRow("sglang --config not here") << "sglang@v0.5.6" << "python -m sglang.launch_server --config config.yaml" << "" << "lint.unchecked.config-file";
        QTest::newRow("sglang 0.5.2 has no --config") << "sglang@v0.5.2" << "python -m sglang.launch_server --model-path m --config config.yaml" << "lint.unknown-flag" << "";
        QTest::newRow("no config, no model") << "vllm" << "vllm serve --dtype auto" << "lint.missing-model" << "";
        // Keys of JSON-valued flags.
        QTest::newRow("removed compilation-config key") << "vllm@main-2026-08-21" << "vllm serve m --compilation-config '{\"level\": 3}'" << "lint.json-key" << "";
        QTest::newRow("dotted removed key") << "vllm@main-2026-08-21" << "vllm serve m --compilation-config.level 3" << "lint.json-key" << "";
        QTest::newRow("key still there in 0.11") << "vllm@v0.11.0" << "vllm serve m --compilation-config '{\"level\": 3}'" << "" << "";
        QTest::newRow("speculative keys with dashes") << "vllm@main-2026-08-21" << "vllm serve m --speculative-config '{\"method\": \"eagle3\", \"model\": \"d\", \"num-speculative-tokens\": 3}'" << "" << "";
        QTest::newRow("misspelt kv-transfer key") << "vllm@main-2026-08-21" << "vllm serve m --kv-transfer-config '{\"kv_connectr\": \"NixlConnector\", \"kv_role\": \"kv_both\"}'" << "lint.json-key" << "";
        QTest::newRow("2025-12 ignores unknown speculative keys") << "vllm@main-2025-12-31" << "vllm serve m --speculative-config '{\"model\": \"d\", \"bogus\": 1}'" << "" << "lint.json-key";
    }
    void reads()
    {
        QFETCH(QString, engine);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(QString, also);
        const LintReport report = lintText(ProfileRegistry::builtIn(), text.toStdString(), {engine.toStdString(), {}});
        const Diagnostics &diags = report.diagnostics;
        if (error.isEmpty()) { // nothing wrong; warnings only of the kind expected
            const Diagnostics left = problems(diags);
            QVERIFY2(std::all_of(left.begin(), left.end(), [&](const Diagnostic &d) { return d.severity == Severity::Warning && d.code == also.toStdString(); }),
                     dump(diags).c_str());
        }
        else
            QVERIFY2(std::any_of(diags.begin(), diags.end(), [&](const Diagnostic &d) { return d.severity == Severity::Error && d.code == error.toStdString(); }),
                     dump(diags).c_str());
        if (!also.isEmpty())
            QVERIFY2(std::any_of(diags.begin(), diags.end(), [&](const Diagnostic &d) { return d.code == also.toStdString(); }), dump(diags).c_str());
    }

    // The measure of issue 15 on real commands (tests/data/commands, each classified by reading
    // the engine source at its profile): lint errors on fewer than 2 % of the commands the engine
    // accepts and flags at least 80 % of those it rejects.
    void corpus()
    {
        std::ifstream in(QCFG_TEST_DATA "/commands/corpus.jsonl");
        QVERIFY(in);
        int accepted = 0, rejected = 0, unchecked = 0;
        std::vector<std::string> falseErrors, missed;
        std::string line;
        while (std::getline(in, line)) {
            const Json row = Json::parse(line);
            const std::string id = row.at("id").get<std::string>();
            const std::string verdict = row.at("verdict").get<std::string>();
            QVERIFY2(verdict == "accepted" || verdict == "rejected", id.c_str());
            const LintReport report = lintText(ProfileRegistry::builtIn(), row.at("command").get<std::string>(), {row.at("profile").get<std::string>(), {}});
            const bool errors = hasErrors(report.diagnostics);
            unchecked += report.profile == nullptr;
            if (verdict == "accepted") {
                ++accepted;
                if (errors)
                    falseErrors.push_back(id + ":\n" + dump(report.diagnostics));
            } else {
                ++rejected;
                if (!errors)
                    missed.push_back(id + " (" + row.at("verdict_why").get<std::string>().substr(0, 120) + ")\n");
            }
        }
        const int caught = rejected - static_cast<int>(missed.size());
        qInfo("corpus: %d accepted, lint errors on %zu; %d rejected, lint flags %d; %d without an engine command found", accepted,
              falseErrors.size(), rejected, caught, unchecked);
        const auto joined = [](const std::vector<std::string> &v) {
            std::string s;
            for (const auto &x : v)
                s += x;
            return s;
        };
        QVERIFY(accepted >= 100 && rejected >= 20);
        QVERIFY2(static_cast<int>(falseErrors.size()) * 100 < 2 * accepted, joined(falseErrors).c_str());
        QVERIFY2(caught * 100 >= 80 * rejected, joined(missed).c_str());
    }

    // A --config file that is there: its options are checked, and it supplies the model.
    void readsConfigFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("serve.yaml")).toStdString();
        {
            std::ofstream f(path);
            f << "model: Qwen/Qwen3-8B\ntensor-parallel-size: 2\nkv-cache-dtype: fp9\nenable-prefix-caching: true\n";
        }
        const LintReport report = lintText(ProfileRegistry::builtIn(), "vllm serve --config serve.yaml", {"vllm", dir.path().toStdString()});
        const Diagnostics errors = problems(report.diagnostics);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].code, std::string("lint.bad-choice"));
        QVERIFY2(errors[0].message.rfind("serve.yaml: ", 0) == 0, errors[0].message.c_str());
    }

    // The image tag picks the profile; the report says which and why.
    void imageTagPicksTheProfile()
    {
        const LintReport report = lintText(ProfileRegistry::builtIn(), "docker run vllm/vllm-openai:v0.10.2 --model m", {});
        QVERIFY(report.profile);
        QCOMPARE(report.profile->version(), std::string("v0.11.0"));
        QCOMPARE(report.command.imageVersion, std::string("0.10.2"));
        QCOMPARE(report.entryPoint, std::string("python3 -m vllm.entrypoints.openai.api_server"));
        const LintReport sglang = lintText(ProfileRegistry::builtIn(), "docker run lmsysorg/sglang:v0.5.9-cu129 sglang serve --model-path m", {});
        QVERIFY(sglang.profile);
        QCOMPARE(sglang.profile->version(), std::string("v0.5.6"));
        QCOMPARE(closestProfile(ProfileRegistry::builtIn(), "sglang", "0.5.16")->version(), std::string("v0.5.18"));
        // The inference-autotuner's images: its default and the one of its examples.
        const LintReport autotuner = lintText(ProfileRegistry::builtIn(),
                                              "docker run lmsysorg/sglang:v0.5.2-cu126 python3 -m sglang.launch_server --model-path m", {});
        QVERIFY(autotuner.profile);
        QCOMPARE(autotuner.profile->version(), std::string("v0.5.2"));
        QCOMPARE(autotuner.command.imageVersion, std::string("0.5.2"));
        const LintReport example = lintText(ProfileRegistry::builtIn(),
                                            "docker run lmsysorg/sglang:v0.4.8.post1-cu126 python3 -m sglang.launch_server --model-path m", {});
        QVERIFY(example.profile);
        QCOMPARE(example.profile->version(), std::string("v0.4.8.post1"));
        QCOMPARE(closestProfile(ProfileRegistry::builtIn(), "sglang", "0.5.3")->version(), std::string("v0.5.2"));
        QCOMPARE(versionFromImageTag("latest"), std::string());
        QCOMPARE(versionFromImageTag("v0.6.6.post1"), std::string("0.6.6.post1"));
    }

    void splitShellWords_()
    {
        const ShellWords w = splitShellWords("A=1 B='x y' vllm serve \"my \\\"model\\\"\" --x='a'\"b\" # comment\n");
        QCOMPARE(w.env.size(), std::size_t(2));
        QCOMPARE(w.env[1].second, std::string("x y"));
        QCOMPARE(w.argv, (std::vector<std::string>{"vllm", "serve", "my \"model\"", "--x=ab"}));
    }
};

QTEST_APPLESS_MAIN(TestLint)
#include "tst_lint.moc"
