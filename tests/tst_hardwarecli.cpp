// quantcfg gpus and quantcfg fit, driven in-process.
#include "core/cli/cli.h"

#include "cliutil.h"
#include "testutil.h"

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
        QTest::addRow("fit, nothing detected") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama} << QStringLiteral("no-devices") << 1;
        QTest::addRow("fit unknown GPU") << QStringList{QStringLiteral("fit"), QStringLiteral("--model-config"), llama, QStringLiteral("--gpu"), QStringLiteral("voodoo5")} << QString() << 1;
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
        QCOMPARE_JSON(j["diagnostics"][0]["suggestion"], "lower the max length to 29215, use an fp8 KV cache, or use more GPUs");
    }
};

QTEST_APPLESS_MAIN(TestHardwareCli)
#include "tst_hardwarecli.moc"
