// Memory fit on the config.json of real public models (tests/data/models), against figures
// computed by hand in the comments (GiB = 1024^3 bytes; overhead 2 GiB; utilization 0.9).
#include "core/hardware/gpudatabase.h"
#include "core/hardware/memoryfit.h"
#include "core/hardware/modelshape.h"

#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace quantcfg;

namespace {

ModelShape model(const QString &name)
{
    const ModelShapeResult r = loadModelShape(testutil::dataPath("models/" + name.toStdString()));
    if (!r.shape)
        qFatal("cannot read model %s", qPrintable(name));
    return *r.shape;
}

Config config(const char *json)
{
    return Config::fromJson(testutil::json(json));
}

GpuTarget gpu(const char *name)
{
    return *resolveGpuName(name).target;
}

} // namespace

class TestMemoryFit : public QObject
{
    Q_OBJECT

private slots:
    void parameters_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qlonglong>("total");
        QTest::addColumn<qlonglong>("linear");
        QTest::addColumn<qlonglong>("active");
        QTest::addColumn<qlonglong>("lmHead");
        // Llama-3.1-8B (GQA): per layer q 4096² + k,v 2·4096·1024 + o 4096² = 41,943,040,
        // MLP 3·4096·14336 = 176,160,768, norms 2·4096 → 218,112,000 × 32 = 6,979,584,000;
        // + embedding and untied lm_head 2·128256·4096 = 1,050,673,152 + final norm 4096
        // = 8,030,261,248 (the published count). Linear = 32·218,103,808 = 6,979,321,856.
        QTest::addRow("Llama-3.1-8B dense GQA") << QStringLiteral("llama-3.1-8b") << 8030261248LL << 6979321856LL
                                                << 8030261248LL << 525336576LL;
        // Mixtral-8x7B: per layer attention 41,943,040 + 8 experts · 176,160,768 + router 4096·8
        // + norms 8192 = 1,451,270,144 × 32 = 46,440,644,608; + 2·32000·4096 + 4096
        // = 46,702,792,704. Active: minus 32 layers · 6 unused experts · 176,160,768 = 12,879,925,248.
        QTest::addRow("Mixtral-8x7B MoE") << QStringLiteral("mixtral-8x7b") << 46702792704LL << 46439333888LL
                                          << 12879925248LL << 131072000LL;
        // DeepSeek-V2-Lite (MLA, q_lora_rank null): attention q 2048·16·192 + kv_a 2048·576 +
        // kv_b 512·16·256 + o 2048·2048 = 13,762,560 (+ kv norm 512); layer 0 dense MLP
        // 3·2048·10944 = 67,239,936; layers 1-26: 64 experts · 3·2048·1408 (8,650,752) + 2 shared
        // + router 64·2048. Total 81,007,104 + 26·584,847,872 + 2·102400·2048 + 2048 = 15,706,484,224.
        // Active: minus 26 · 58 · 8,650,752 = 2,661,150,208.
        QTest::addRow("DeepSeek-V2-Lite MLA MoE") << QStringLiteral("deepseek-v2-lite") << 15706484224LL << 15283519488LL
                                                  << 2661150208LL << 209715200LL;
        // Mistral-7B-v0.1: Llama-3.1-8B's layers with a 32000 vocabulary:
        // 6,979,584,000 + 2·32000·4096 + 4096 = 7,241,732,096.
        QTest::addRow("Mistral-7B sliding window") << QStringLiteral("mistral-7b-v0.1") << 7241732096LL << 6979321856LL
                                                   << 7241732096LL << 131072000LL;
        // Gemma-2-9B: q 3584·4096 + k,v 2·3584·2048 + o 4096·3584 = 44,040,192, MLP 3·3584·14336
        // = 154,140,672, 4 norms 14,336 → 198,195,200 × 42 = 8,324,198,400; tied embedding
        // 256000·3584 = 917,504,000; final norm 3584 → 9,241,705,984.
        QTest::addRow("Gemma-2-9B tied, alternating window") << QStringLiteral("gemma-2-9b") << 9241705984LL
                                                             << 42LL * 198180864LL << 9241705984LL << 0LL;
    }
    void parameters()
    {
        QFETCH(QString, model);
        QFETCH(qlonglong, total);
        QFETCH(qlonglong, linear);
        QFETCH(qlonglong, active);
        QFETCH(qlonglong, lmHead);
        const ParameterCount p = countParameters(::model(model));
        QCOMPARE(p.total(), total);
        QCOMPARE(p.linear, linear);
        QCOMPARE(p.active, active);
        QCOMPARE(p.lmHead, lmHead);
    }

    void shape()
    {
        const ModelShape ds = model(QStringLiteral("deepseek-v2-lite"));
        QVERIFY(ds.isMla() && ds.isMoe());
        QCOMPARE(ds.moeLayerCount(), 26LL); // first_k_dense_replace = 1
        const ModelShape gemma = model(QStringLiteral("gemma-2-9b"));
        QCOMPARE(gemma.slidingLayerCount(), 21LL);
        QVERIFY(gemma.slidingLayers[0] && !gemma.slidingLayers[1]);
        QCOMPARE(model(QStringLiteral("mistral-7b-v0.1")).slidingLayerCount(), 32LL);
        QCOMPARE(model(QStringLiteral("mixtral-8x7b")).slidingWindow, 0LL); // "sliding_window": null
        // A model directory and its config.json read the same; a missing one is an io error.
        QCOMPARE(loadModelShape(testutil::dataPath("models/llama-3.1-8b/config.json")).shape->headDim, 128LL);
        const ModelShapeResult missing = loadModelShape("/nonexistent/model");
        QVERIFY(!missing.shape);
        QVERIFY(hasErrors(missing.diagnostics));
        const ModelShapeResult empty = modelShapeFromJson(testutil::json(R"({"model_type": "llama"})"));
        QVERIFY(!empty.shape);
        QCOMPARE(testutil::codes(empty.diagnostics), QStringLiteral("model.missing-field,model.missing-field,model.missing-field,model.missing-field"));
    }

    void weightBits_data()
    {
        QTest::addColumn<QString>("quantization");
        QTest::addColumn<double>("bits");
        QTest::addRow("none bf16") << QStringLiteral(R"({"method": "none"})") << 16.0;
        QTest::addRow("AWQ g128: 4 + (16+4)/128") << QStringLiteral(R"({"method": "awq", "weight_bits": 4, "group_size": 128})") << 4.15625;
        QTest::addRow("AWQ default group 128") << QStringLiteral(R"({"method": "awq"})") << 4.15625;
        QTest::addRow("GPTQ 4-bit g32: 4 + 20/32") << QStringLiteral(R"({"method": "gptq", "weight_bits": 4, "group_size": 32})") << 4.625;
        QTest::addRow("GPTQ 3-bit g128: 3 + 19/128") << QStringLiteral(R"({"method": "gptq", "weight_bits": 3, "group_size": 128})") << 3.1484375;
        QTest::addRow("GPTQ per channel") << QStringLiteral(R"({"method": "gptq_marlin", "weight_bits": 4, "group_size": -1})") << 4.0;
        QTest::addRow("GPTQ 8-bit") << QStringLiteral(R"({"method": "gptq", "weight_bits": 8})") << 8.0;
        QTest::addRow("w4afp8 symmetric: 4 + 16/128") << QStringLiteral(R"({"method": "w4afp8"})") << 4.125;
        QTest::addRow("fp8") << QStringLiteral(R"({"method": "fp8"})") << 8.0;
        QTest::addRow("mxfp8: 8 + 8/32") << QStringLiteral(R"({"method": "mxfp8"})") << 8.25;
        QTest::addRow("NVFP4: 4 + 8/16") << QStringLiteral(R"({"method": "modelopt_fp4"})") << 4.5;
        QTest::addRow("MXFP4: 4 + 8/32") << QStringLiteral(R"({"method": "mxfp4"})") << 4.25;
        QTest::addRow("bitsandbytes NF4: 4 + 32/64") << QStringLiteral(R"({"method": "bitsandbytes", "weight_bits": 4})") << 4.5;
        QTest::addRow("GGUF Q4_K_M") << QStringLiteral(R"({"method": "gguf", "gguf_variant": "Q4_K_M"})") << 4.84;
        QTest::addRow("GGUF Q8_0") << QStringLiteral(R"({"method": "gguf", "gguf_variant": "Q8_0"})") << 8.5;
        QTest::addRow("GGUF Q2_K") << QStringLiteral(R"({"method": "gguf", "gguf_variant": "Q2_K"})") << 3.35;
    }
    void weightBits()
    {
        QFETCH(QString, quantization);
        QFETCH(double, bits);
        const Config c = Config::fromJson(testutil::json(("{\"quantization\": " + quantization.toStdString() + "}").c_str()));
        QCOMPARE(weightFormat(c).bitsPerWeight, bits);
    }

    void kvElement_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<double>("bytes");
        QTest::addRow("auto follows a 16-bit model") << QStringLiteral(R"({})") << 2.0;
        QTest::addRow("auto with float32") << QStringLiteral(R"({"dtype": "float32"})") << 4.0;
        QTest::addRow("fp8_e5m2") << QStringLiteral(R"({"kv_cache": {"dtype": "fp8_e5m2"}})") << 1.0;
        QTest::addRow("fp8") << QStringLiteral(R"({"kv_cache": {"dtype": "fp8"}})") << 1.0;
        QTest::addRow("nvfp4: 0.5 + 1/16") << QStringLiteral(R"({"kv_cache": {"dtype": "nvfp4"}})") << 0.5625;
        QTest::addRow("float16") << QStringLiteral(R"({"kv_cache": {"dtype": "float16"}})") << 2.0;
    }
    void kvElement()
    {
        QFETCH(QString, doc);
        QFETCH(double, bytes);
        QCOMPARE(kvBytesPerElement(Config::fromJson(testutil::json(doc.toUtf8().constData()))), bytes);
    }

    void fit_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<qlonglong>("maxLen");      // 0: the model's maximum
        QTest::addColumn<qlonglong>("concurrency");
        QTest::addColumn<double>("weightBytes");
        QTest::addColumn<double>("kvPerToken");
        QTest::addColumn<double>("kvBudget");
        QTest::addColumn<qlonglong>("capacity");
        QTest::addColumn<qlonglong>("maxConcurrency");
        QTest::addColumn<qlonglong>("maxFitting");
        QTest::addColumn<bool>("fits");
        QTest::addColumn<QString>("codes");
        // Llama-3.1-8B bf16 on an H100 (80 GiB): weights 8,030,261,248 · 2 = 16,060,522,496;
        // budget 80 GiB · 0.9 = 77,309,411,328; KV budget − weights − 2 GiB = 59,101,405,184.
        // KV/token 32 · 2 · 8 · 128 · 2 = 131,072 → 450,907 tokens; one 131072-token sequence
        // takes 17,179,869,184 → 3 of them fit.
        QTest::addRow("Llama-8B bf16 H100") << QStringLiteral("llama-3.1-8b") << QStringLiteral("{}") << QStringLiteral("h100")
                                            << 0LL << 1LL << 16060522496.0 << 131072.0 << 59101405184.0 << 450907LL << 3LL
                                            << 131072LL << true << QString();
        // AWQ g128 + fp8 KV on an L4 (24 GiB), 4 × 32768: linear 6,979,321,856 · 4.15625 / 8
        // = 3,625,975,808 + 16-bit rest (1,050,673,152 + 266,240) · 2 = 2,101,878,784
        // → 5,727,854,592. Budget 24 GiB · 0.9 = 23,192,823,398.4 → KV 15,317,485,158.4.
        // KV/token 32 · 2 · 8 · 128 · 1 = 65,536 → 233,726 tokens; 4 · 32768 · 65536 = 8 GiB fit,
        // 7 sequences of 32768 would; for 4 sequences 15,317,485,158.4 / 4 / 65536 = 58,431 tokens.
        QTest::addRow("Llama-8B AWQ fp8-KV L4") << QStringLiteral("llama-3.1-8b")
                                                << QStringLiteral(R"({"quantization": {"method": "awq", "weight_bits": 4, "group_size": 128}, "kv_cache": {"dtype": "fp8_e4m3"}})")
                                                << QStringLiteral("l4") << 32768LL << 4LL << 5727854592.0 << 65536.0
                                                << 15317485158.4 << 233726LL << 7LL << 58431LL << true << QString();
        // Mixtral fp8, TP 2, fp8 KV, H100: linear 46,439,333,888 · 1 byte / 2 = 23,219,666,944
        // + rest 1,314,816 · 2 / 2 + vocab 2 · 131,072,000 · 2 / 2 = 23,483,125,760. KV budget
        // 77,309,411,328 − 23,483,125,760 − 2,147,483,648 = 51,678,801,920. KV/token per GPU
        // 32 · 2 · (8/2) · 128 · 1 = 32,768 → 1,577,111 tokens; 32768-token sequences: 48.
        QTest::addRow("Mixtral fp8 TP2 H100") << QStringLiteral("mixtral-8x7b")
                                              << QStringLiteral(R"({"quantization": {"method": "fp8"}, "kv_cache": {"dtype": "fp8"}, "parallelism": {"tensor_parallel_size": 2}})")
                                              << QStringLiteral("h100") << 0LL << 1LL << 23483125760.0 << 32768.0
                                              << 51678801920.0 << 1577111LL << 48LL << 32768LL << true << QString();
        // DeepSeek-V2-Lite bf16, TP 2, A10G (24 GiB): weights 15,706,484,224 · 2 / 2; KV budget
        // 23,192,823,398.4 − 15,706,484,224 − 2 GiB = 5,338,855,526.4. MLA: 27 · (512 + 64) · 2
        // = 31,104 per token on every rank (not split by TP) → 171,645 tokens ≥ 163,840: fits once.
        QTest::addRow("DeepSeek-V2-Lite MLA TP2 A10G") << QStringLiteral("deepseek-v2-lite")
                                                       << QStringLiteral(R"({"parallelism": {"tensor_parallel_size": 2}})")
                                                       << QStringLiteral("a10g") << 0LL << 1LL << 15706484224.0 << 31104.0
                                                       << 5338855526.4 << 171645LL << 1LL << 163840LL << true << QString();
        // Mistral-7B bf16 on an A10 (24 GiB): weights 7,241,732,096 · 2 = 14,483,464,192; KV
        // budget 23,192,823,398.4 − 14,483,464,192 − 2 GiB = 6,561,875,558.4 → 50,063 tokens at
        // 131,072/token. Every layer slides over 4096 tokens, so a 32768-token sequence holds
        // 4096 · 131,072 = 536,870,912 → 12 sequences, and any length up to the maximum fits.
        QTest::addRow("Mistral-7B window caps KV") << QStringLiteral("mistral-7b-v0.1") << QStringLiteral("{}")
                                                   << QStringLiteral("a10") << 0LL << 1LL << 14483464192.0 << 131072.0
                                                   << 6561875558.4 << 50063LL << 12LL << 32768LL << true << QString();
        // Gemma-2-9B bf16 on an L4, 2 × 8192: weights 9,241,705,984 · 2 = 18,483,411,968; KV
        // budget 23,192,823,398.4 − 18,483,411,968 − 2 GiB = 2,561,927,782.4. 21 global and 21
        // sliding layers at 2 · 8 · 256 · 2 = 8192 bytes: 172,032 + 172,032 per token. One 8192
        // sequence: 172,032 · 8192 + 172,032 · 4096 = 2,113,929,216 → 1 fits, 2 do not; for 2
        // sequences 2,561,927,782.4 / 2 / 344,064 = 3723 (below the window).
        QTest::addRow("Gemma-2 two sequences do not fit") << QStringLiteral("gemma-2-9b") << QStringLiteral("{}")
                                                          << QStringLiteral("l4") << 8192LL << 2LL << 18483411968.0 << 344064.0
                                                          << 2561927782.4 << 7446LL << 1LL << 3723LL << false
                                                          << QStringLiteral("fit.kv-does-not-fit");
        // Llama-3.1-8B bf16 on a T4: 16 GiB · 0.9 = 15,461,882,265.6 − 16,060,522,496 − 2 GiB < 0.
        QTest::addRow("Llama-8B bf16 T4: weights do not fit") << QStringLiteral("llama-3.1-8b") << QStringLiteral("{}")
                                                              << QStringLiteral("t4") << 0LL << 1LL << 16060522496.0 << 131072.0
                                                              << (15461882265.6 - 16060522496.0 - 2147483648.0) << 0LL << 0LL
                                                              << 0LL << false << QStringLiteral("fit.weights-do-not-fit");
        // GGUF Q4_K_M covers every parameter: 8,030,261,248 · 4.84 / 8 = 4,858,308,055.04.
        QTest::addRow("Llama-8B GGUF Q4_K_M") << QStringLiteral("llama-3.1-8b")
                                              << QStringLiteral(R"({"quantization": {"method": "gguf", "gguf_variant": "Q4_K_M"}})")
                                              << QStringLiteral("4090") << 8192LL << 1LL << 4858308055.04 << 131072.0
                                              << (23192823398.4 - 4858308055.04 - 2147483648.0) << 123497LL << 15LL
                                              << 123497LL << true << QString();
    }
    void fit()
    {
        QFETCH(QString, model);
        QFETCH(QString, doc);
        QFETCH(QString, gpu);
        QFETCH(qlonglong, maxLen);
        QFETCH(qlonglong, concurrency);
        QFETCH(double, weightBytes);
        QFETCH(double, kvPerToken);
        QFETCH(double, kvBudget);
        QFETCH(qlonglong, capacity);
        QFETCH(qlonglong, maxConcurrency);
        QFETCH(qlonglong, maxFitting);
        QFETCH(bool, fits);
        QFETCH(QString, codes);
        FitOptions o;
        if (maxLen > 0)
            o.maxLen = maxLen;
        o.concurrency = concurrency;
        const FitEstimate e = estimateFit(::model(model), config(doc.toUtf8().constData()), ::gpu(gpu.toUtf8().constData()), o);
        QCOMPARE(e.weightBytes, weightBytes);
        QCOMPARE(e.kvBytesPerToken, kvPerToken);
        QCOMPARE(e.kvBudgetBytes, kvBudget);
        QCOMPARE(e.kvCapacityTokens, capacity);
        QCOMPARE(e.maxConcurrency, maxConcurrency);
        QCOMPARE(e.maxFittingLength, maxFitting);
        QCOMPARE(e.fits, fits);
        QCOMPARE(testutil::codes(e.diagnostics), codes);
        QCOMPARE(largestFittingLength(::model(model), config(doc.toUtf8().constData()), ::gpu(gpu.toUtf8().constData()), o)
                     .value_or(0),
                 maxFitting);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<QString>("codes");
        QTest::addRow("memory unknown for sm_90") << QStringLiteral("{}") << QStringLiteral("sm_90") << QStringLiteral("fit.memory-unknown");
        QTest::addRow("32 heads over TP 3") << QStringLiteral(R"({"parallelism": {"tensor_parallel_size": 3}})") << QStringLiteral("h100")
                                            << QStringLiteral("fit.tp-heads");
        QTest::addRow("gguf without variant") << QStringLiteral(R"({"quantization": {"method": "gguf"}})") << QStringLiteral("h100")
                                              << QStringLiteral("fit.bits-assumed");
    }
    void problems()
    {
        QFETCH(QString, doc);
        QFETCH(QString, gpu);
        QFETCH(QString, codes);
        const FitEstimate e = estimateFit(model(QStringLiteral("llama-3.1-8b")), config(doc.toUtf8().constData()),
                                          ::gpu(gpu.toUtf8().constData()));
        QCOMPARE(testutil::codes(e.diagnostics), codes);
        QCOMPARE(e.fits, !hasErrors(e.diagnostics));
    }

    void tooFewDetectedGpus()
    {
        GpuTarget g = gpu("h100");
        g.count = 2;
        const FitEstimate e = estimateFit(model(QStringLiteral("llama-3.1-8b")),
                                          config(R"({"parallelism": {"tensor_parallel_size": 4}})"), g);
        QCOMPARE(testutil::codes(e.diagnostics), QStringLiteral("fit.not-enough-gpus"));
        QVERIFY(!e.fits);
    }

    // Pipeline parallelism: the busiest stage holds ceil(32/2) = 16 layers and the larger of
    // embedding and lm_head: (6,979,321,856 + 266,240) · 2 · 16/32 + 525,336,576 · 2
    // = 6,979,588,096 + 1,050,673,152 = 8,030,261,248 bytes; KV per token 16 layers · 2 · 8 · 128 · 2.
    void pipelineParallel()
    {
        const FitEstimate e = estimateFit(model(QStringLiteral("llama-3.1-8b")),
                                          config(R"({"parallelism": {"pipeline_parallel_size": 2}})"), gpu("h100"));
        QCOMPARE(e.weightBytes, 8030261248.0);
        QCOMPARE(e.kvBytesPerToken, 65536.0);
    }

    // The fewest GPUs that fit and the advice when it does not fit: numbers where there are some,
    // and nothing the configuration already does (an fp8 KV cache, a 4-bit method).
    void remedies_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<int>("count");           // GPUs detected; 0 = a GPU of the table
        QTest::addColumn<qlonglong>("maxLen");    // 0 = the model's maximum
        QTest::addColumn<qlonglong>("concurrency");
        QTest::addColumn<int>("fewest");          // tensor_parallel_size; 0 = none
        QTest::addColumn<QString>("advice");      // in the error's suggestion ("" = no error)
        QTest::addColumn<QString>("notAdvice");   // never in it
        // Llama-3.1-8B bf16 on a T4: weights alone 16.06 GB > 14.4 GiB. TP 2 leaves 5.28 GB of KV
        // budget: 8192 tokens (0.54 GB) fit, 131,072 tokens at 65,536 bytes (8.59 GB) do not; TP 4 does.
        QTest::addRow("T4 full length: 4 GPUs") << QStringLiteral("llama-3.1-8b") << QStringLiteral("{}") << QStringLiteral("t4") << 0 << 0LL << 1LL
                                               << 4 << QStringLiteral("use 4 GPUs (tensor_parallel_size 4)") << QStringLiteral("more than");
        QTest::addRow("T4 8192 tokens: 2 GPUs") << QStringLiteral("llama-3.1-8b") << QStringLiteral("{}") << QStringLiteral("t4") << 0 << 8192LL << 1LL
                                               << 2 << QStringLiteral("a lower-bit method") << QString();
        // Three T4s detected: TP 3 does not split 32 heads, TP 2 is too small at the full length.
        QTest::addRow("three T4s: none") << QStringLiteral("llama-3.1-8b") << QStringLiteral("{}") << QStringLiteral("t4") << 3 << 0LL << 1LL
                                        << 0 << QStringLiteral("a lower-bit method, a GPU with more memory, or more than 3 GPUs") << QStringLiteral("use ");
        // It fits on one H100 although the configuration asks for two: the fewest is one.
        QTest::addRow("fewer than configured") << QStringLiteral("llama-3.1-8b") << QStringLiteral(R"({"parallelism": {"tensor_parallel_size": 2}})")
                                              << QStringLiteral("h100") << 0 << 8192LL << 1LL << 1 << QString() << QString();
        // AWQ (5,727,854,592 bytes) on an L4, 8 sequences of 131,072 tokens. With an FP8 cache
        // (65,536 bytes per token) they need 68.7 GB: one sequence fits on one GPU, all of them
        // on 4 (19.6 GB left for 17.2 GB), not on 2 (18.2 GB for 34.4 GB). The cache is FP8 already
        // and the weights 4-bit: neither is suggested again. With a 16-bit cache it takes 8.
        QTest::addRow("fp8 KV not suggested again") << QStringLiteral("llama-3.1-8b")
                                                   << QStringLiteral(R"({"quantization": {"method": "awq"}, "kv_cache": {"dtype": "fp8"}})")
                                                   << QStringLiteral("l4") << 0 << 0LL << 8LL << 4 << QStringLiteral("lower the concurrency to 1, or use 4 GPUs (tensor_parallel_size 4)")
                                                   << QStringLiteral("fp8");
        QTest::addRow("bf16 KV: fp8 suggested") << QStringLiteral("llama-3.1-8b") << QStringLiteral(R"({"quantization": {"method": "awq"}})")
                                               << QStringLiteral("l4") << 0 << 0LL << 8LL << 8 << QStringLiteral("use an fp8 KV cache")
                                               << QStringLiteral("lower-bit");
        QTest::addRow("4-bit weights: no lower-bit advice") << QStringLiteral("llama-3.1-8b") << QStringLiteral(R"({"quantization": {"method": "awq"}})")
                                                           << QStringLiteral("h100") << 1 << 0LL << 64LL << 0
                                                           << QStringLiteral("lower the concurrency to ") << QStringLiteral("lower-bit");
    }
    void remedies()
    {
        QFETCH(QString, model);
        QFETCH(QString, doc);
        QFETCH(QString, gpu);
        QFETCH(int, count);
        QFETCH(qlonglong, maxLen);
        QFETCH(qlonglong, concurrency);
        QFETCH(int, fewest);
        QFETCH(QString, advice);
        QFETCH(QString, notAdvice);
        GpuTarget g = ::gpu(gpu.toUtf8().constData());
        g.count = count;
        FitOptions o;
        if (maxLen > 0)
            o.maxLen = maxLen;
        o.concurrency = concurrency;
        const Config c = config(doc.toUtf8().constData());
        const FitEstimate e = estimateFit(::model(model), c, g, o);
        QCOMPARE(e.fewestTensorParallel.value_or(0), fewest);
        QCOMPARE(e.fewestGpus, fewest);
        QCOMPARE(e.gpus, c.parallelism.tp() * c.parallelism.pp());
        if (fewest > 0) { // the search's answer is what estimateFit() says of that size
            Config split = c;
            split.parallelism.tensorParallel = fewest;
            QVERIFY(estimateFit(::model(model), split, g, o).fits);
        }
        std::string suggestion;
        for (const Diagnostic &d : e.diagnostics) {
            if (d.severity == Severity::Error)
                suggestion = d.suggestion;
        }
        QCOMPARE(suggestion.empty(), advice.isEmpty());
        QVERIFY2(suggestion.find(advice.toStdString()) != std::string::npos, suggestion.c_str());
        if (!notAdvice.isEmpty())
            QVERIFY2(suggestion.find(notAdvice.toStdString()) == std::string::npos, suggestion.c_str());
    }

    // The configuration's model on this machine: a folder or config.json (relative to the
    // configuration's folder first), an org/name id that is no path, or a path that is missing.
    void locatesTheConfigurationsModel_data()
    {
        QTest::addColumn<QString>("idOrPath");
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path"); // expected path, relative to the test data ("" = as given)
        const int local = static_cast<int>(ModelLocation::Kind::Local), hub = static_cast<int>(ModelLocation::Kind::HubId),
                  missing = static_cast<int>(ModelLocation::Kind::Missing);
        const QString models = QStringLiteral(QCFG_TEST_DATA "/models");
        QTest::addRow("absolute folder") << models + QStringLiteral("/llama-3.1-8b") << QString() << local << QStringLiteral("models/llama-3.1-8b");
        QTest::addRow("absolute config.json") << models + QStringLiteral("/llama-3.1-8b/config.json") << QString() << local
                                              << QStringLiteral("models/llama-3.1-8b/config.json");
        QTest::addRow("relative to the configuration") << QStringLiteral("llama-3.1-8b") << models << local << QStringLiteral("models/llama-3.1-8b");
        QTest::addRow("hub id") << QStringLiteral("meta-llama/Llama-3.1-8B-Instruct") << models << hub << QString();
        QTest::addRow("relative path that is missing") << QStringLiteral("./weights/llama") << models << missing << QString();
        QTest::addRow("absolute path that is missing") << QStringLiteral("/no/such/model") << QString() << missing << QString();
        QTest::addRow("three parts is no id") << QStringLiteral("a/b/c") << QString() << missing << QString();
        QTest::addRow("empty") << QString() << QString() << missing << QString();
    }
    void locatesTheConfigurationsModel()
    {
        QFETCH(QString, idOrPath);
        QFETCH(QString, base);
        QFETCH(int, kind);
        QFETCH(QString, path);
        const ModelLocation where = locateModel(idOrPath.toStdString(), base.toStdString());
        QCOMPARE(static_cast<int>(where.kind), kind);
        const std::filesystem::path expected = path.isEmpty() ? idOrPath.toStdString() : testutil::dataPath(path.toStdString());
        QCOMPARE(QString::fromStdString(where.path.lexically_normal().string()), QString::fromStdString(expected.lexically_normal().string()));
    }

    // The serving section is what the fit checks: its length and its memory fraction.
    void optionsFromTheServingSection()
    {
        const FitOptions none = fitOptionsFor(config("{}"));
        QCOMPARE(none.gpuMemoryUtilization, 0.9);
        QVERIFY(!none.maxLen);
        const FitOptions set = fitOptionsFor(config(R"({"serving": {"max_model_len": 8192, "gpu_memory_utilization": 0.5}})"));
        QCOMPARE(set.gpuMemoryUtilization, 0.5);
        QCOMPARE(set.maxLen.value_or(0), 8192LL);
    }
};

QTEST_APPLESS_MAIN(TestMemoryFit)
#include "tst_memoryfit.moc"
