// Checkpoint metadata (config.json quantization_config, ModelOpt hf_quant_config.json, *.gguf)
// against the configuration's method.
#include "core/hardware/checkpoint.h"
#include "core/hardware/memoryfit.h"

#include "testutil.h"

#include <QTest>

using namespace quantcfg;

namespace {

CheckpointQuantization checkpoint(const QString &dir)
{
    const CheckpointInfo info = readCheckpoint(testutil::dataPath(dir.toStdString()));
    if (!info.quantization)
        qFatal("cannot read checkpoint %s", qPrintable(dir));
    return *info.quantization;
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

private slots:
    void read_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("bits");  // 0: not stated
        QTest::addColumn<int>("group"); // 0: not stated
        QTest::addColumn<QString>("algo");
        QTest::addColumn<QString>("kv");
        QTest::addColumn<QString>("source");
        QTest::addRow("AutoAWQ") << QStringLiteral("checkpoints/awq") << QStringLiteral("awq") << 4 << 128 << QString() << QString() << QStringLiteral("config.json");
        QTest::addRow("GPTQ") << QStringLiteral("checkpoints/gptq") << QStringLiteral("gptq") << 4 << 128 << QString() << QString() << QStringLiteral("config.json");
        QTest::addRow("FP8 block") << QStringLiteral("checkpoints/fp8") << QStringLiteral("fp8") << 0 << 0 << QString() << QString() << QStringLiteral("config.json");
        QTest::addRow("ModelOpt nested") << QStringLiteral("checkpoints/modelopt-fp8") << QStringLiteral("modelopt") << 0 << 0 << QStringLiteral("FP8") << QStringLiteral("FP8") << QStringLiteral("hf_quant_config.json");
        QTest::addRow("ModelOpt flat") << QStringLiteral("checkpoints/modelopt-nvfp4") << QStringLiteral("modelopt") << 0 << 16 << QStringLiteral("NVFP4") << QStringLiteral("FP8") << QStringLiteral("hf_quant_config.json");
        QTest::addRow("GGUF file") << QStringLiteral("checkpoints/gguf") << QStringLiteral("gguf") << 0 << 0 << QString() << QString() << QStringLiteral("Llama-3.1-8B-Q4_K_M.gguf");
        QTest::addRow("unquantized") << QStringLiteral("models/llama-3.1-8b") << QString() << 0 << 0 << QString() << QString() << QStringLiteral("config.json");
        QTest::addRow("path to config.json") << QStringLiteral("checkpoints/awq/config.json") << QStringLiteral("awq") << 4 << 128 << QString() << QString() << QStringLiteral("config.json");
    }
    void ggufVariantFromFileName_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("variant");
        QTest::addRow("Q8_0") << QStringLiteral("Llama-3.1-8B-Q8_0.gguf") << QStringLiteral("Q8_0");
        QTest::addRow("Q4_K_M") << QStringLiteral("Llama-3.1-8B-Q4_K_M.gguf") << QStringLiteral("Q4_K_M");
        QTest::addRow("lower case, dots") << QStringLiteral("llama-3.1-8b.q5_k_m.gguf") << QStringLiteral("Q5_K_M");
        QTest::addRow("Q5_K_S, not Q5_0") << QStringLiteral("m-Q5_K_S.gguf") << QStringLiteral("Q5_K_S");
        QTest::addRow("unknown type") << QStringLiteral("Llama-3.1-8B-IQ4_XS.gguf") << QString();
        QTest::addRow("not a word of its own") << QStringLiteral("XQ8_0.gguf") << QString();
        QTest::addRow("none") << QStringLiteral("model.gguf") << QString();
    }
    void ggufVariantFromFileName()
    {
        QFETCH(QString, file);
        QFETCH(QString, variant);
        QCOMPARE(testutil::q(quantcfg::ggufVariantFromFileName(file.toStdString())), variant);
    }

    void ggufCheckpointNamesItsVariant()
    {
        const CheckpointQuantization q = checkpoint(QStringLiteral("checkpoints/gguf"));
        QCOMPARE(testutil::q(q.ggufVariant), QStringLiteral("Q4_K_M"));
        QCOMPARE_JSON(quantizationSectionFor(q), testutil::json(R"({"method": "gguf", "gguf_variant": "Q4_K_M"})"));
    }

    void read()
    {
        QFETCH(QString, dir);
        QFETCH(QString, format);
        QFETCH(int, bits);
        QFETCH(int, group);
        QFETCH(QString, algo);
        QFETCH(QString, kv);
        QFETCH(QString, source);
        const CheckpointQuantization q = checkpoint(dir);
        QCOMPARE(testutil::q(q.format), format);
        QCOMPARE(q.bits.value_or(0), bits);
        QCOMPARE(q.groupSize.value_or(0), group);
        QCOMPARE(testutil::q(q.quantAlgo), algo);
        QCOMPARE(testutil::q(q.kvCacheQuantAlgo), kv);
        QCOMPARE(testutil::q(q.source), source);
    }

    void missingDirectory()
    {
        const CheckpointInfo info = readCheckpoint("/nonexistent/model");
        QVERIFY(!info.quantization);
        QCOMPARE(testutil::codes(info.diagnostics), QStringLiteral("io.not-found"));
    }

    void check_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("codes");
        const QString trt = QStringLiteral("checkpoint.trtllm-unsupported");
        QTest::addRow("config gptq, checkpoint AWQ") << QStringLiteral("checkpoints/awq") << QStringLiteral(R"({"quantization": {"method": "gptq"}})")
                                                     << QStringLiteral("checkpoint.method-mismatch,") + trt;
        QTest::addRow("AWQ matches, TRT-LLM cannot load it") << QStringLiteral("checkpoints/awq") << QStringLiteral(R"({"quantization": {"method": "awq_marlin", "weight_bits": 4, "group_size": 128}})") << trt;
        QTest::addRow("marlin takes AWQ") << QStringLiteral("checkpoints/awq") << QStringLiteral(R"({"quantization": {"method": "marlin"}})") << trt;
        QTest::addRow("GPTQ group size differs") << QStringLiteral("checkpoints/gptq") << QStringLiteral(R"({"quantization": {"method": "gptq", "group_size": 64}})")
                                                 << QStringLiteral("checkpoint.group-size-mismatch,") + trt;
        QTest::addRow("GPTQ bits differ") << QStringLiteral("checkpoints/gptq") << QStringLiteral(R"({"quantization": {"method": "gptq", "weight_bits": 8}})")
                                          << QStringLiteral("checkpoint.bits-mismatch,") + trt;
        QTest::addRow("config none, checkpoint AWQ") << QStringLiteral("checkpoints/awq") << QStringLiteral(R"({"quantization": {"method": "none"}})")
                                                     << QStringLiteral("checkpoint.quantized-but-none,") + trt;
        QTest::addRow("ModelOpt FP8 with its KV scales") << QStringLiteral("checkpoints/modelopt-fp8") << QStringLiteral(R"({"quantization": {"method": "modelopt_fp8"}, "kv_cache": {"dtype": "fp8_e4m3"}})") << QString();
        QTest::addRow("ModelOpt FP8, KV scales unused") << QStringLiteral("checkpoints/modelopt-fp8") << QStringLiteral(R"({"quantization": {"method": "modelopt_fp8"}})")
                                                        << QStringLiteral("checkpoint.kv-scales-unused");
        QTest::addRow("config NVFP4, checkpoint FP8") << QStringLiteral("checkpoints/modelopt-fp8") << QStringLiteral(R"({"quantization": {"method": "modelopt_fp4"}, "kv_cache": {"dtype": "fp8"}})")
                                                      << QStringLiteral("checkpoint.method-mismatch");
        QTest::addRow("NVFP4 KV without NVFP4 calibration") << QStringLiteral("checkpoints/modelopt-nvfp4") << QStringLiteral(R"({"quantization": {"method": "modelopt_fp4"}, "kv_cache": {"dtype": "nvfp4"}})")
                                                            << QStringLiteral("checkpoint.kv-mismatch");
        QTest::addRow("fp8 checkpoint") << QStringLiteral("checkpoints/fp8") << QStringLiteral(R"({"quantization": {"method": "fp8"}})") << QString();
        QTest::addRow("config AWQ, checkpoint fp8") << QStringLiteral("checkpoints/fp8") << QStringLiteral(R"({"quantization": {"method": "awq"}})")
                                                    << QStringLiteral("checkpoint.method-mismatch");
        QTest::addRow("fp8 on the fly") << QStringLiteral("models/llama-3.1-8b") << QStringLiteral(R"({"quantization": {"method": "fp8"}})")
                                        << QStringLiteral("checkpoint.online-quantization");
        QTest::addRow("AWQ needs an AWQ checkpoint") << QStringLiteral("models/llama-3.1-8b") << QStringLiteral(R"({"quantization": {"method": "awq"}})")
                                                     << QStringLiteral("checkpoint.not-quantized");
        QTest::addRow("unquantized, none") << QStringLiteral("models/llama-3.1-8b") << QStringLiteral(R"({"quantization": {"method": "none"}})") << QString();
        QTest::addRow("GGUF") << QStringLiteral("checkpoints/gguf") << QStringLiteral(R"({"quantization": {"method": "gguf"}})") << trt;
        QTest::addRow("config AWQ, checkpoint GGUF") << QStringLiteral("checkpoints/gguf") << QStringLiteral(R"({"quantization": {"method": "awq"}})")
                                                     << QStringLiteral("checkpoint.method-mismatch,") + trt;
    }
    void check()
    {
        QFETCH(QString, dir);
        QFETCH(QString, config);
        QFETCH(QString, codes);
        const Diagnostics d = checkCheckpoint(checkpoint(dir), Config::fromJson(testutil::json(config.toUtf8().constData())));
        QCOMPARE(testutil::codes(d), codes);
        for (const Diagnostic &x : d) {
            if (x.code == "checkpoint.trtllm-unsupported")
                QCOMPARE(testutil::q(x.engine), QStringLiteral("trtllm"));
        }
    }

    void quantizationSection_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("section");
        QTest::addRow("AWQ") << QStringLiteral("checkpoints/awq") << QStringLiteral(R"({"method": "awq", "weight_bits": 4, "group_size": 128})");
        QTest::addRow("ModelOpt FP8") << QStringLiteral("checkpoints/modelopt-fp8") << QStringLiteral(R"({"method": "modelopt_fp8"})");
        QTest::addRow("ModelOpt NVFP4") << QStringLiteral("checkpoints/modelopt-nvfp4") << QStringLiteral(R"({"method": "modelopt_fp4"})");
        QTest::addRow("unquantized") << QStringLiteral("models/llama-3.1-8b") << QStringLiteral(R"({"method": "none"})");
    }
    void quantizationSection()
    {
        QFETCH(QString, dir);
        QFETCH(QString, section);
        QCOMPARE_JSON(quantizationSectionFor(checkpoint(dir)), testutil::json(section.toUtf8().constData()));
    }
};

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
