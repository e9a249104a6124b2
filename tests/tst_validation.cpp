#include "core/schema.h"
#include "core/validation.h"

#include "testutil.h"

#include <QTest>

#include <algorithm>

using namespace quantcfg;

namespace {

const Diagnostic *findDiag(const Diagnostics &diags, const std::string &code, const std::string &pointer)
{
    for (const Diagnostic &d : diags) {
        if (d.code == code && d.pointer == pointer)
            return &d;
    }
    return nullptr;
}

std::string dump(const Diagnostics &diags)
{
    std::string s;
    for (const Diagnostic &d : diags)
        s += std::string(severityName(d.severity)) + " " + d.code + " " + d.pointer + ": " + d.message + "\n";
    return s;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    // Each schema and semantic rule: one row that passes, one or more that fail.
    void rules_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("code");     // empty: the document has no errors and no warnings
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("severity");

        QTest::newRow("minimal ok") << R"({"quantization": {"method": "none"}})" << "" << "" << "";
        QTest::newRow("method required") << R"({"quantization": {}})" << "schema.required" << "/quantization/method" << "error";
        QTest::newRow("quantization required") << R"({"dtype": "auto"})" << "schema.required" << "/quantization" << "error";
        QTest::newRow("method enum") << R"({"quantization": {"method": "fp9"}})" << "schema.enum" << "/quantization/method" << "error";
        QTest::newRow("method type") << R"({"quantization": {"method": 8}})" << "schema.type" << "/quantization/method" << "error";
        QTest::newRow("weight_bits enum") << R"({"quantization": {"method": "gptq", "weight_bits": 5}})" << "schema.enum" << "/quantization/weight_bits" << "error";
        QTest::newRow("weight_bits type") << R"({"quantization": {"method": "gptq", "weight_bits": "4"}})" << "schema.type" << "/quantization/weight_bits" << "error";
        QTest::newRow("kv dtype ok") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8_e4m3"}})" << "" << "" << "";
        QTest::newRow("kv dtype bf16 is not unified") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "bf16"}})" << "schema.enum" << "/kv_cache/dtype" << "error";
        QTest::newRow("tp zero") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 0}})" << "schema.range" << "/parallelism/tensor_parallel_size" << "error";
        QTest::newRow("tp 16 warns") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 16}})" << "semantic.multi-node" << "/parallelism/tensor_parallel_size" << "warning";
        QTest::newRow("tp 8 ok") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 8}})" << "" << "" << "";
        QTest::newRow("tp 6 warns") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 6}})" << "semantic.tp-not-power-of-two" << "/parallelism/tensor_parallel_size" << "warning";
        QTest::newRow("pp type") << R"({"quantization": {"method": "none"}, "parallelism": {"pipeline_parallel_size": 1.5}})" << "schema.type" << "/parallelism/pipeline_parallel_size" << "error";
        QTest::newRow("dtype enum") << R"({"quantization": {"method": "none"}, "dtype": "fp16"})" << "schema.enum" << "/dtype" << "error";
        QTest::newRow("empty model id") << R"({"quantization": {"method": "none"}, "model": {"id_or_path": ""}})" << "schema.length" << "/model/id_or_path" << "error";
        QTest::newRow("model needs id") << R"({"quantization": {"method": "none"}, "model": {"revision": "main"}})" << "schema.required" << "/model/id_or_path" << "error";
        QTest::newRow("memory_reduction range") << R"({"quantization": {"method": "qoq", "base_quantization": "awq", "memory_reduction": 0}})" << "schema.range" << "/quantization/memory_reduction" << "error";
        QTest::newRow("moe backend enum") << R"({"quantization": {"method": "none"}, "moe": {"runner_backend": "flashinfer"}})" << "schema.enum" << "/moe/runner_backend" << "error";
        QTest::newRow("attention enum") << R"({"quantization": {"method": "none"}, "attention": {"backend": "FLASHINFER"}})" << "schema.enum" << "/attention/backend" << "error";
        QTest::newRow("enable_marlin type") << R"({"quantization": {"method": "awq", "enable_marlin": "yes"}})" << "schema.type" << "/quantization/enable_marlin" << "error";
        QTest::newRow("unknown key warns") << R"({"quantization": {"method": "none", "bits": 4}})" << "schema.unknown-key" << "/quantization/bits" << "warning";
        // Semantic rules.
        QTest::newRow("awq is 4-bit") << R"({"quantization": {"method": "awq", "weight_bits": 8}})" << "semantic.weight-bits" << "/quantization/weight_bits" << "error";
        QTest::newRow("awq 4 ok") << R"({"quantization": {"method": "awq", "weight_bits": 4}})" << "" << "" << "";
        QTest::newRow("fp8 is 8-bit") << R"({"quantization": {"method": "fp8", "weight_bits": 4}})" << "semantic.weight-bits" << "/quantization/weight_bits" << "error";
        QTest::newRow("w4a8 needs 4 bits") << R"({"quantization": {"method": "w4a8", "weight_bits": 8, "activation_dtype": "fp8"}})" << "semantic.weight-bits" << "/quantization/weight_bits" << "error";
        QTest::newRow("w4a8 ok") << R"({"quantization": {"method": "w4a8", "weight_bits": 4, "activation_dtype": "int8"}})" << "" << "" << "";
        QTest::newRow("w4a8 defaults fp8") << R"({"quantization": {"method": "w4a8"}})" << "semantic.default-activation-dtype" << "/quantization/activation_dtype" << "info";
        QTest::newRow("weight-only a8") << R"({"quantization": {"method": "gptq", "activation_bits": 8}})" << "semantic.activation-bits" << "/quantization/activation_bits" << "error";
        QTest::newRow("fp8 a16") << R"({"quantization": {"method": "fp8", "activation_bits": 16}})" << "semantic.activation-bits" << "/quantization/activation_bits" << "error";
        QTest::newRow("fp8 a8 ok") << R"({"quantization": {"method": "fp8", "activation_bits": 8}})" << "" << "" << "";
        QTest::newRow("weight_bits without method") << R"({"quantization": {"method": "none", "weight_bits": 8}})" << "semantic.bits-without-method" << "/quantization/weight_bits" << "warning";
        // activation_bits has no effect without a method either (the form disables it too).
        QTest::newRow("activation_bits without method") << R"({"quantization": {"method": "none", "activation_bits": 8}})" << "semantic.bits-without-method" << "/quantization/activation_bits" << "warning";
        QTest::newRow("qoq needs base") << R"({"quantization": {"method": "qoq"}})" << "semantic.qoq-needs-base" << "/quantization/base_quantization" << "error";
        QTest::newRow("qoq base is qoq") << R"({"quantization": {"method": "qoq", "base_quantization": "qoq"}})" << "semantic.qoq-base-is-qoq" << "/quantization/base_quantization" << "error";
        QTest::newRow("qoq with base ok") << R"({"quantization": {"method": "qoq", "base_quantization": "awq", "memory_reduction": 0.75}})" << "" << "" << "";
        QTest::newRow("base without qoq") << R"({"quantization": {"method": "awq", "base_quantization": "gptq"}})" << "semantic.not-applicable" << "/quantization/base_quantization" << "warning";
        QTest::newRow("memory_reduction without qoq") << R"({"quantization": {"method": "awq", "memory_reduction": 0.5}})" << "semantic.not-applicable" << "/quantization/memory_reduction" << "warning";
        QTest::newRow("activation_dtype without w4a8") << R"({"quantization": {"method": "fp8", "activation_dtype": "fp8"}})" << "semantic.not-applicable" << "/quantization/activation_dtype" << "warning";
        QTest::newRow("fp8_variant without fp8") << R"({"quantization": {"method": "awq", "fp8_variant": "w8a8_fp8"}})" << "semantic.not-applicable" << "/quantization/fp8_variant" << "warning";
        QTest::newRow("fp8_variant with fp8 ok") << R"({"quantization": {"method": "fp8", "fp8_variant": "w8a8_fp8"}})" << "" << "" << "";
        QTest::newRow("gguf_variant without gguf") << R"({"quantization": {"method": "awq", "gguf_variant": "Q4_K_M"}})" << "semantic.not-applicable" << "/quantization/gguf_variant" << "warning";
        QTest::newRow("gguf variant ok") << R"({"quantization": {"method": "gguf", "gguf_variant": "Q4_K_M", "weight_bits": 4}})" << "" << "" << "";
        QTest::newRow("gguf variant bits") << R"({"quantization": {"method": "gguf", "gguf_variant": "Q4_K_M", "weight_bits": 8}})" << "semantic.gguf-bits" << "/quantization/weight_bits" << "warning";
        QTest::newRow("fallback same") << R"({"quantization": {"method": "awq", "fallback_method": "awq"}})" << "semantic.fallback-same" << "/quantization/fallback_method" << "warning";
        QTest::newRow("fallback other ok") << R"({"quantization": {"method": "awq", "fallback_method": "gptq"}})" << "" << "" << "";
        QTest::newRow("fallback qoq") << R"({"quantization": {"method": "awq", "fallback_method": "qoq"}})" << "semantic.fallback-qoq" << "/quantization/fallback_method" << "error";
        QTest::newRow("marlin conflict") << R"({"quantization": {"method": "awq_marlin", "enable_marlin": false}})" << "semantic.marlin-conflict" << "/quantization/enable_marlin" << "warning";
        QTest::newRow("marlin method with marlin ok") << R"({"quantization": {"method": "gptq_marlin", "enable_marlin": true}})" << "" << "" << "";
        QTest::newRow("marlin on fp8") << R"({"quantization": {"method": "fp8", "enable_marlin": true}})" << "semantic.marlin-not-applicable" << "/quantization/enable_marlin" << "warning";
        // false has no effect outside AWQ/GPTQ either (the form disables the field whatever its value).
        QTest::newRow("marlin off on fp8") << R"({"quantization": {"method": "fp8", "enable_marlin": false}})" << "semantic.marlin-not-applicable" << "/quantization/enable_marlin" << "warning";
        QTest::newRow("marlin on gptq ok") << R"({"quantization": {"method": "gptq", "enable_marlin": true}})" << "" << "" << "";
        QTest::newRow("kv fp8 format conflict") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8_e5m2", "fp8_format": "e4m3"}})" << "semantic.kv-fp8-conflict" << "/kv_cache/fp8_format" << "error";
        QTest::newRow("kv fp8 with format ok") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8", "fp8_format": "e4m3"}})" << "" << "" << "";
        // An FP8 dtype that names the format already: fp8_format has no effect (the form disables it).
        QTest::newRow("fp8_format repeats the dtype") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8_e4m3", "fp8_format": "e4m3"}})" << "semantic.not-applicable" << "/kv_cache/fp8_format" << "warning";
        QTest::newRow("fp8_format without fp8") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "bfloat16", "fp8_format": "e4m3"}})" << "semantic.not-applicable" << "/kv_cache/fp8_format" << "warning";
        QTest::newRow("moe sizes multiply") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_tp_size": 2, "expert_parallel_size": 4}})" << "semantic.moe-sizes" << "/moe/expert_tp_size" << "warning";
        QTest::newRow("moe sizes ok") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_tp_size": 2, "expert_parallel_size": 2}})" << "" << "" << "";
        QTest::newRow("expert tp divides tp") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_tp_size": 3}})" << "semantic.moe-sizes" << "/moe/expert_tp_size" << "warning";
        QTest::newRow("zero ep is a schema error, not a crash") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_parallel_size": 0}})" << "schema.range" << "/moe/expert_parallel_size" << "error";
        QTest::newRow("zero tp with expert tp") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 0}, "moe": {"expert_tp_size": 3}})" << "schema.range" << "/parallelism/tensor_parallel_size" << "error";
        QTest::newRow("ep vs tp") << R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 4}, "moe": {"expert_parallel_size": 3}})" << "semantic.ep-tp" << "/moe/expert_parallel_size" << "warning";
        // serving: engine-independent ranges from the schema, and what it cannot say.
        QTest::newRow("serving ok") << R"({"quantization": {"method": "none"}, "serving": {"max_model_len": 8192, "gpu_memory_utilization": 0.85, "port": 8080, "served_model_name": "chat"}})" << "" << "" << "";
        QTest::newRow("max_model_len zero") << R"({"quantization": {"method": "none"}, "serving": {"max_model_len": 0}})" << "schema.range" << "/serving/max_model_len" << "error";
        QTest::newRow("max_model_len text") << R"({"quantization": {"method": "none"}, "serving": {"max_model_len": "32k"}})" << "schema.type" << "/serving/max_model_len" << "error";
        QTest::newRow("memory fraction zero") << R"({"quantization": {"method": "none"}, "serving": {"gpu_memory_utilization": 0}})" << "schema.range" << "/serving/gpu_memory_utilization" << "error";
        QTest::newRow("memory fraction percent") << R"({"quantization": {"method": "none"}, "serving": {"gpu_memory_utilization": 90}})" << "schema.range" << "/serving/gpu_memory_utilization" << "error";
        QTest::newRow("memory fraction whole GPU") << R"({"quantization": {"method": "none"}, "serving": {"gpu_memory_utilization": 1.0}})" << "semantic.memory-fraction-whole" << "/serving/gpu_memory_utilization" << "warning";
        QTest::newRow("port zero") << R"({"quantization": {"method": "none"}, "serving": {"port": 0}})" << "schema.range" << "/serving/port" << "error";
        QTest::newRow("port too large") << R"({"quantization": {"method": "none"}, "serving": {"port": 70000}})" << "schema.range" << "/serving/port" << "error";
        QTest::newRow("privileged port") << R"({"quantization": {"method": "none"}, "serving": {"port": 80}})" << "semantic.privileged-port" << "/serving/port" << "warning";
        QTest::newRow("served name empty") << R"({"quantization": {"method": "none"}, "serving": {"served_model_name": ""}})" << "schema.length" << "/serving/served_model_name" << "error";
        QTest::newRow("serving unknown key") << R"({"quantization": {"method": "none"}, "serving": {"host": "0.0.0.0"}})" << "schema.unknown-key" << "/serving/host" << "warning";
        QTest::newRow("group size on fp8") << R"({"quantization": {"method": "fp8", "group_size": 128}})" << "semantic.not-applicable" << "/quantization/group_size" << "warning";
        QTest::newRow("group size without method") << R"({"quantization": {"method": "none", "group_size": 128}})" << "semantic.not-applicable" << "/quantization/group_size" << "warning";
        QTest::newRow("group size on awq ok") << R"({"quantization": {"method": "awq", "group_size": 128}})" << "" << "" << "";
        QTest::newRow("not an object") << R"([1, 2])" << "json.not-object" << "" << "error";
        // engine_versions: pins checked against the built-in profiles.
        QTest::newRow("pin by profile id ok") << R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": "v0.11.0"}})" << "" << "" << "";
        QTest::newRow("pin by former id ok") << R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": "2025-12", "sglang": "0.5.6"}})" << "" << "" << "";
        QTest::newRow("pin by engine alias ok") << R"({"quantization": {"method": "none"}, "engine_versions": {"tensorrt_llm": "1.x"}})" << "" << "" << "";
        QTest::newRow("pin unknown version") << R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": "v9"}})" << "engine-versions.unknown-version" << "/engine_versions/vllm" << "error";
        QTest::newRow("pin unknown engine") << R"({"quantization": {"method": "none"}, "engine_versions": {"llama.cpp": "b1"}})" << "engine-versions.unknown-engine" << "/engine_versions/llama.cpp" << "error";
        QTest::newRow("pin not a string") << R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": 11}})" << "schema.type" << "/engine_versions/vllm" << "error";
        QTest::newRow("pin empty") << R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": ""}})" << "schema.length" << "/engine_versions/vllm" << "error";
        QTest::newRow("pins not an object") << R"({"quantization": {"method": "none"}, "engine_versions": "vllm@v0.11.0"})" << "schema.type" << "/engine_versions" << "error";
    }

    // A pin that names no profile says which ones exist, so the fix can be picked from the message.
    void unknownPinListsTheAllowedValues()
    {
        const Diagnostics diags = validateDocument(Json::parse(R"({"quantization": {"method": "none"}, "engine_versions": {"sglang": "0.9", "vlm": "x"}})"));
        const Diagnostic *version = findDiag(diags, "engine-versions.unknown-version", "/engine_versions/sglang");
        QVERIFY2(version, dump(diags).c_str());
        QCOMPARE(version->value, std::string("\"0.9\""));
        QVERIFY(std::find(version->allowed.begin(), version->allowed.end(), "v0.5.6") != version->allowed.end());
        QVERIFY(std::find(version->allowed.begin(), version->allowed.end(), "main-2026-08-21") == version->allowed.end()); // vLLM's, not SGLang's
        const Diagnostic *engine = findDiag(diags, "engine-versions.unknown-engine", "/engine_versions/vlm");
        QVERIFY2(engine, dump(diags).c_str());
        QCOMPARE(engine->allowed, (std::vector<std::string>{"vllm", "sglang", "trtllm"}));
    }
    void rules()
    {
        QFETCH(QString, doc);
        QFETCH(QString, code);
        QFETCH(QString, pointer);
        QFETCH(QString, severity);
        const Diagnostics diags = validateDocument(Json::parse(doc.toStdString()));
        if (code.isEmpty()) { // clean: nothing but notes
            QVERIFY2(!hasErrors(diags) && countSeverity(diags, Severity::Warning) == 0, dump(diags).c_str());
            return;
        }
        const Diagnostic *d = findDiag(diags, code.toStdString(), pointer.toStdString());
        QVERIFY2(d, dump(diags).c_str());
        QCOMPARE(QString::fromLatin1(severityName(d->severity)), severity);
        QVERIFY(!d->message.empty());
        // One explanation per problem: no duplicate diagnostics at the same place.
        QCOMPARE(std::count_if(diags.begin(), diags.end(), [&](const Diagnostic &o) { return o.pointer == d->pointer && o.code == d->code; }), 1L);
    }

    // A field with an error is not also reported as not applicable: the error is the explanation.
    void contradictionIsNotAlsoNotApplicable()
    {
        const Diagnostics diags = validateDocument(Json::parse(R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8_e5m2", "fp8_format": "e4m3"}})"));
        QVERIFY(findDiag(diags, "semantic.kv-fp8-conflict", "/kv_cache/fp8_format"));
        QCOMPARE(std::count_if(diags.begin(), diags.end(), [](const Diagnostic &d) { return d.pointer == "/kv_cache/fp8_format"; }), 1L);
    }

    // An unknown method is the schema's error; the fields that depend on the method are not judged by it.
    void unknownMethodIsNotAGroundForNotApplicable()
    {
        const Diagnostics diags = validateDocument(Json::parse(R"({"quantization": {"method": "fp9", "fp8_variant": "standard", "group_size": 128}})"));
        QVERIFY(findDiag(diags, "schema.enum", "/quantization/method"));
        QCOMPARE(countSeverity(diags, Severity::Warning), 0);
    }

    void enumErrorsListAllowedValues()
    {
        const Diagnostics diags = validateDocument(Json::parse(testutil::readFile(testutil::dataPath("configs/bad-enum.json"))));
        const Diagnostic *method = findDiag(diags, "schema.enum", "/quantization/method");
        QVERIFY(method);
        QCOMPARE(method->value, std::string("\"fp9\""));
        QVERIFY(std::find(method->allowed.begin(), method->allowed.end(), "fp8") != method->allowed.end());
        QVERIFY(std::find(method->allowed.begin(), method->allowed.end(), "awq_marlin") != method->allowed.end());
        const Diagnostic *kv = findDiag(diags, "schema.enum", "/kv_cache/dtype");
        QVERIFY(kv);
        QVERIFY(std::find(kv->allowed.begin(), kv->allowed.end(), "bfloat16") != kv->allowed.end());
        // Only the two real problems, nothing for the parents.
        QCOMPARE(countSeverity(diags, Severity::Error), 2);
    }

    void defaultModelIsNotedOnce()
    {
        Diagnostics diags = validateDocument(Json::parse(R"({"quantization": {"method": "none"}})"));
        QCOMPARE(diags.size(), std::size_t(1));
        QCOMPARE(diags[0].code, std::string("semantic.default-model"));
        QCOMPARE(diags[0].severity, Severity::Info);
        diags = validateDocument(Json::parse(R"({"quantization": {"method": "none"}, "model": {"id_or_path": "a/b"}})"));
        QVERIFY(diags.empty());
    }

    void schemaDescribesEveryProperty()
    {
        // The studio shows descriptions as tooltips: every property must have one.
        const Schema &schema = Schema::unifiedConfig();
        const auto walk = [&](const auto &self, const std::string &pointer) -> void {
            const Json *s = schema.subschema(pointer);
            QVERIFY2(s, pointer.c_str());
            if (!pointer.empty())
                QVERIFY2(!schema.description(pointer).empty(), pointer.c_str());
            if (s->contains("properties")) {
                for (auto it = (*s)["properties"].begin(); it != (*s)["properties"].end(); ++it)
                    self(self, pointer + "/" + it.key());
            }
        };
        walk(walk, "");
    }

    void allowedValuesFollowRefs()
    {
        const auto methods = Schema::unifiedConfig().allowedValues("/quantization/fallback_method");
        QVERIFY(methods.size() > 15);
        QCOMPARE(methods.front(), std::string("none"));
        QCOMPARE(Schema::unifiedConfig().allowedValues("/quantization/weight_bits"), (std::vector<std::string>{"2", "3", "4", "8"}));
    }

    // A percentage typed for the memory fraction: the range error says which fraction to write.
    void memoryFractionAsPercentage()
    {
        const Diagnostics diags = validateDocument(Json::parse(R"({"quantization": {"method": "none"}, "serving": {"gpu_memory_utilization": 90}})"));
        const Diagnostic *d = findDiag(diags, "schema.range", "/serving/gpu_memory_utilization");
        QVERIFY2(d, dump(diags).c_str());
        QCOMPARE(d->message, std::string("must be at most 1"));
        QCOMPARE(d->suggestion, std::string("it is a fraction, not a percentage: write 0.9 for 90 %"));
    }

    // A multi-node deployment needs a launcher that starts the other nodes; the schema bounds the rest.
    void deploymentRules()
    {
        const auto codes = [](const char *text) {
            const Json doc = Json::parse(text);
            std::vector<std::string> out;
            for (const Diagnostic &d : validateDocument(doc, Config::fromJson(doc)))
                out.push_back(d.code + " " + d.pointer);
            return out;
        };
        const auto has = [](const std::vector<std::string> &all, const std::string &what) {
            return std::find(all.begin(), all.end(), what) != all.end();
        };
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"nodes": 2}})"),
                    "semantic.deployment-single /deployment/launcher"));
        const auto fine = codes(R"({"quantization": {"method": "none"}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "h1"}})");
        QVERIFY(std::none_of(fine.begin(), fine.end(), [](const std::string &c) { return c.find("/deployment") != std::string::npos; }));
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"launcher": "slurm"}})"), "schema.enum /deployment/launcher"));
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"shm_size": "32 GB"}})"), "schema.pattern /deployment/shm_size"));
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"head_address": "h; rm -rf /"}})"),
                    "schema.pattern /deployment/head_address"));
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"data_parallel_lb": "external"}})"),
                    "semantic.deployment-lb-without-dp /deployment/data_parallel_lb"));
        QVERIFY(has(codes(R"({"quantization": {"method": "none"}, "deployment": {"image": {"vllm": ""}}})"), "schema.length /deployment/image/vllm"));
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
