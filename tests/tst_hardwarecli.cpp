// quantcfg gpus and quantcfg fit, driven in-process.
#include "cli/cli.h"

#include "cliutil.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quantcfg;

namespace {

testutil::CliRun quantcfgRun(const QStringList &args)
{
    return testutil::quantcfgRunQt(args);
}

QString data(const char *relative)
{
    return testutil::q(testutil::dataPath(relative));
}

} // namespace

class TestHardwareCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Detection sees only the recorded nvidia-smi answers, never this machine's GPUs.
        qputenv("QUANTCFG_NVML_LIBRARY", "/nonexistent/libnvidia-ml.so.1");
        qputenv("QUANTCFG_NVIDIA_SMI", testutil::dataPath("nvidia-smi/fake-nvidia-smi.sh").c_str());
        qputenv("QUANTCFG_ROCM_SMI", "");
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("code");
        const QString llama = data("models/llama-3.1-8b");
        QTest::addRow("gpus") << QStringList{QStringLiteral("gpus")} << QStringLiteral("eight-a100") << 0;
        QTest::addRow("gpus without GPU") << QStringList{QStringLiteral("gpus")} << QStringLiteral("no-devices") << 0;
        QTest::addRow("gpus --known") << QStringList{QStringLiteral("gpus"), QStringLiteral("--known")} << QString() << 0;
        QTest::addRow("gpus bad format") << QStringList{QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("xml")} << QString() << 2;
        QTest::addRow("fit fits") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu"), QStringLiteral("h100")} << QString() << 0;
        QTest::addRow("fit does not fit") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu"), QStringLiteral("t4")} << QString() << 1;
        QTest::addRow("fit on detected GPUs") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama} << QStringLiteral("eight-a100") << 0;
        QTest::addRow("fit, nothing detected") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama} << QStringLiteral("no-devices") << 2;
        QTest::addRow("fit unknown GPU") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu"), QStringLiteral("voodoo5")} << QString() << 2;
        QTest::addRow("fit sm_90 has no memory") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu"), QStringLiteral("sm_90")} << QString() << 1;
        QTest::addRow("fit missing model") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), QStringLiteral("/nonexistent"), QStringLiteral("--gpu"), QStringLiteral("h100")} << QString() << 1;
        QTest::addRow("fit without --model-config") << QStringList{QStringLiteral("fit"), QStringLiteral("--gpu"), QStringLiteral("h100")} << QString() << 2;
        QTest::addRow("fit utilization out of range") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu-memory-utilization"), QStringLiteral("1.5")} << QString() << 2;
        QTest::addRow("fit preset on the AWQ checkpoint") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), data("checkpoints/awq"), QStringLiteral("universal-fp8"), QStringLiteral("--gpu"), QStringLiteral("l4")} << QString() << 1;
        QTest::addRow("fit AWQ checkpoint by itself") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), data("checkpoints/awq"), QStringLiteral("--gpu"), QStringLiteral("l4"), QStringLiteral("--max-len"), QStringLiteral("8192")} << QString() << 0;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, scenario);
        QFETCH(int, code);
        qputenv("QUANTCFG_FAKE_SMI_CASE", scenario.toUtf8());
        const testutil::CliRun r = quantcfgRun(args);
        QVERIFY2(r.code == code, (r.out + r.err).c_str());
    }

    void gpusJson()
    {
        qputenv("QUANTCFG_FAKE_SMI_CASE", "mig");
        const testutil::CliRun r = quantcfgRun({QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const Json j = Json::parse(r.out);
        QCOMPARE_JSON(j["source"], "nvidia-smi");
        QCOMPARE_JSON(j["gpus"][0]["compute_capability"], "8.0");
        QCOMPARE_JSON(j["gpus"][0]["architecture"], "Ampere");
        QCOMPARE_JSON(j["gpus"][0]["database_entry"], "A100 80GB");
        QCOMPARE_JSON(j["gpus"][0]["mig"], true);
        QCOMPARE_JSON(j["gpus"][0]["mig_instances"][0], testutil::json(R"({"profile": "3g.40gb", "memory_gib": 40.0})"));
    }

    // The JSON report carries the figures of tst_memoryfit ("Llama-8B AWQ fp8-KV L4"), and the
    // checkpoint's own quantization is used when no configuration is given. With a 16-bit KV
    // cache 4 · 32768 · 131,072 = 16 GiB exceeds the 15,317,485,158.4 left: exit 1.
    void fitJson()
    {
        const testutil::CliRun r = quantcfgRun({QStringLiteral("fit"), QStringLiteral("--model-config"), data("checkpoints/awq"), QStringLiteral("--gpu"),
                                   QStringLiteral("NVIDIA L4"), QStringLiteral("--max-len"), QStringLiteral("32768"),
                                   QStringLiteral("--concurrency"), QStringLiteral("4"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 1);
        const Json j = Json::parse(r.out);
        QCOMPARE_JSON(j["method"], "awq");
        QCOMPARE_JSON(j["weight_bits_per_parameter"], 4.15625);
        QCOMPARE_JSON(j["weight_bytes_per_gpu"], 5727854592.0);
        QCOMPARE_JSON(j["kv_bytes_per_token"], 131072.0); // bf16 KV this time
        QCOMPARE_JSON(j["max_fitting_length"], 29215);   // 15,317,485,158.4 / 4 / 131,072
        QCOMPARE_JSON(j["fits"], false);
        QCOMPARE(j["diagnostics"].size(), std::size_t(1));
        QCOMPARE_JSON(j["diagnostics"][0]["code"], "fit.kv-does-not-fit");
        // The advice names numbers: 3 sequences fit, and so do all 4 on two L4s.
        QCOMPARE_JSON(j["diagnostics"][0]["suggestion"],
                      "lower the max length to 29215, lower the concurrency to 3, use an fp8 KV cache, or use 2 GPUs (tensor_parallel_size 2)");
        QCOMPARE_JSON(j["gpus"], 1);
        QCOMPARE_JSON(j["fewest_gpus"], 2);
        QCOMPARE_JSON(j["fewest_tensor_parallel_size"], 2);
    }

    // The configuration's serving section is what fit checks (length and budget) unless an option
    // says otherwise: 0.5 · 24 GiB = 12,884,901,888 bytes; 0.9 · 24 GiB = 23,192,823,398.4.
    void fitReadsTheServingSection()
    {
        const std::string config = R"({"quantization": {"method": "awq"}, "serving": {"max_model_len": 4096, "gpu_memory_utilization": 0.5}})";
        QStringList args{QStringLiteral("fit"), QStringLiteral("--model-config"), data("checkpoints/awq"), QStringLiteral("--gpu"),
                         QStringLiteral("NVIDIA L4"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")};
        Json j = Json::parse(testutil::quantcfgRunQt(args, config).out);
        QCOMPARE_JSON(j["max_len"], 4096);
        QCOMPARE(j["budget_bytes"].get<double>(), 12884901888.0);
        args << QStringLiteral("--max-len") << QStringLiteral("8192") << QStringLiteral("--gpu-memory-utilization") << QStringLiteral("0.9");
        j = Json::parse(testutil::quantcfgRunQt(args, config).out);
        QCOMPARE_JSON(j["max_len"], 8192);
        QCOMPARE(j["budget_bytes"].get<double>(), 23192823398.4);
    }

    // Table columns are sized from their content: a long product name (the long-name case is
    // made up in nvidia-smi's format, not recorded) keeps two spaces before the next column.
    void gpusTableKeepsColumnsApart()
    {
        qputenv("QUANTCFG_FAKE_SMI_CASE", "long-name");
        const testutil::CliRun r = quantcfgRun({QStringLiteral("gpus")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("NVIDIA RTX PRO 6000 Blackwell Server Edition  12.0  Blackwell") != std::string::npos, r.out.c_str());
    }

    // As in map, a GPU that cannot be resolved is a command-line error about --gpu (exit 2).
    void fitUnknownGpuIsAboutTheOption()
    {
        const testutil::CliRun r = quantcfgRun({QStringLiteral("fit"), QStringLiteral("--model-config"), data("models/llama-3.1-8b"),
                                                QStringLiteral("universal-fp8"), QStringLiteral("--gpu"), QStringLiteral("h1000")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("--gpu: error: unknown GPU 'h1000'") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("preset:universal-fp8: error") == std::string::npos, r.err.c_str());
    }

    // --write-max-len with the config.json path serves that model, says nothing about the default
    // model, and shows the TensorRT-LLM extra file as map does.
    void fitWriteMaxLenServesTheEstimatedModel()
    {
        const QString llama = data("models/llama-3.1-8b");
        const testutil::CliRun r = quantcfgRun({QStringLiteral("fit"), QStringLiteral("--model-config"), llama + QStringLiteral("/config.json"),
                                                QStringLiteral("universal-fp8"), QStringLiteral("--gpu"), QStringLiteral("l40s"), QStringLiteral("--write-max-len")});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("vllm serve " + llama.toStdString() + " \\") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("Llama-3.2-1B") == std::string::npos, r.out.c_str());
        QVERIFY2(r.err.find("no model set") == std::string::npos, r.err.c_str());
        QVERIFY2(r.out.find("# trtllm-extra.yaml (") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("kv_cache_config") != std::string::npos, r.out.c_str());

        const testutil::CliRun plain = quantcfgRun({QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("universal-fp8"),
                                                    QStringLiteral("--gpu"), QStringLiteral("l40s")});
        QVERIFY2(plain.err.find("no model set") == std::string::npos, plain.err.c_str()); // no command printed
    }

    // A GGUF checkpoint's variant comes from the file name; when it names none, the warning names the file.
    void fitReadsGgufVariantFromFileName_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("config"); // empty: the checkpoint's own quantization
        QTest::addColumn<double>("bits");
        QTest::addColumn<QString>("warning");
        QTest::addRow("Q8_0, no config") << QStringLiteral("Llama-3.1-8B-Q8_0.gguf") << QString() << 8.5 << QString();
        QTest::addRow("Q5_K_M, gguf config") << QStringLiteral("llama-3.1-8b.q5_k_m.gguf") << QStringLiteral(R"({"quantization": {"method": "gguf"}})") << 5.68 << QString();
        QTest::addRow("config names the variant") << QStringLiteral("Llama-3.1-8B-Q8_0.gguf") << QStringLiteral(R"({"quantization": {"method": "gguf", "gguf_variant": "Q2_K"}})") << 3.35 << QString();
        QTest::addRow("no variant in the name") << QStringLiteral("model.gguf") << QString() << 4.84
                                                << QStringLiteral("no gguf_variant: assuming Q4_K_M (the file name model.gguf names no variant)");
    }
    void fitReadsGgufVariantFromFileName()
    {
        QFETCH(QString, file);
        QFETCH(QString, config);
        QFETCH(double, bits);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.path().toStdString();
        testutil::writeFile(path + "/config.json", testutil::readFile(testutil::dataPath("checkpoints/gguf/config.json")));
        testutil::writeFile(path + "/" + file.toStdString(), "GGUF");
        QStringList args{QStringLiteral("fit"), QStringLiteral("--model-config"), dir.path(), QStringLiteral("--gpu"), QStringLiteral("h100"),
                         QStringLiteral("--max-len"), QStringLiteral("8192"), QStringLiteral("--format"), QStringLiteral("json")};
        std::string stdinText;
        if (!config.isEmpty()) {
            args << QStringLiteral("-");
            stdinText = config.toStdString();
        }
        const testutil::CliRun r = testutil::quantcfgRunQt(args, stdinText);
        const Json j = Json::parse(r.out);
        QCOMPARE_JSON(j["method"], "gguf");
        QCOMPARE_JSON(j["weight_bits_per_parameter"], bits);
        std::string messages;
        for (const Json &d : j["diagnostics"])
            messages += d.value("message", std::string()) + "\n";
        if (warning.isEmpty())
            QVERIFY2(messages.find("gguf_variant") == std::string::npos, messages.c_str());
        else
            QVERIFY2(messages.find(warning.toStdString()) != std::string::npos, messages.c_str());
    }
};

QTEST_APPLESS_MAIN(TestHardwareCli)
#include "tst_hardwarecli.moc"
