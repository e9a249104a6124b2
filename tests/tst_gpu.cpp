// GPU table, architectures and detection (from recorded nvidia-smi answers and a fake NVML).
#include "core/hardware/detect.h"
#include "core/hardware/gpudatabase.h"

#include "testutil.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace quantcfg;

namespace {

const std::string kFakeSmi = testutil::dataPath("nvidia-smi/fake-nvidia-smi.sh");
const std::string kMissing = "/nonexistent/quantcfg-test/tool";

template<typename F>
QString joined(const std::vector<DetectedGpu> &gpus, F field)
{
    QStringList parts;
    for (const DetectedGpu &g : gpus)
        parts << field(g);
    return parts.join(QLatin1Char('|'));
}

DetectOptions fakeOptions(bool withSmi)
{
    DetectOptions o;
    o.nvmlLibrary = kMissing;
    o.nvidiaSmi = withSmi ? kFakeSmi : kMissing;
    o.rocmSmi.clear();
    return o;
}

} // namespace

class TestGpu : public QObject
{
    Q_OBJECT

private slots:
    void architectureFor_data()
    {
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("arch"); // empty: not modelled
        QTest::addColumn<bool>("fp8");
        QTest::addColumn<bool>("fp4");
        QTest::addRow("5.2 Maxwell is not modelled") << 52 << QString() << false << false;
        QTest::addRow("6.0 P100") << 60 << QStringLiteral("Pascal") << false << false;
        QTest::addRow("6.1 P40") << 61 << QStringLiteral("Pascal") << false << false;
        QTest::addRow("7.0 V100") << 70 << QStringLiteral("Volta") << false << false;
        QTest::addRow("7.2 Xavier") << 72 << QStringLiteral("Volta") << false << false;
        QTest::addRow("7.5 T4") << 75 << QStringLiteral("Turing") << false << false;
        QTest::addRow("8.0 A100") << 80 << QStringLiteral("Ampere") << false << false;
        QTest::addRow("8.6 A10") << 86 << QStringLiteral("Ampere") << false << false;
        QTest::addRow("8.7 Orin") << 87 << QStringLiteral("Ampere") << false << false;
        QTest::addRow("8.9 L4: FP8 starts at Ada") << 89 << QStringLiteral("Ada") << true << false;
        QTest::addRow("9.0 H100") << 90 << QStringLiteral("Hopper") << true << false;
        QTest::addRow("10.0 B200") << 100 << QStringLiteral("Blackwell") << true << true;
        QTest::addRow("10.3 B300") << 103 << QStringLiteral("Blackwell") << true << true;
        QTest::addRow("11.0 Thor") << 110 << QStringLiteral("Blackwell") << true << true;
        QTest::addRow("12.0 RTX 5090") << 120 << QStringLiteral("Blackwell") << true << true;
        QTest::addRow("12.1 unlisted, classified as 12.0") << 121 << QStringLiteral("Blackwell") << true << true;
        QTest::addRow("13.0 unknown major") << 130 << QString() << false << false;
        QTest::addRow("0 unknown") << 0 << QString() << false << false;
    }
    void architectureFor()
    {
        QFETCH(int, cc);
        QFETCH(QString, arch);
        QFETCH(bool, fp8);
        QFETCH(bool, fp4);
        const auto a = quantcfg::architectureFor(cc);
        QCOMPARE(a.has_value(), !arch.isEmpty());
        if (!a)
            return;
        QCOMPARE(testutil::q(a->name), arch);
        QCOMPARE(a->fp8TensorCores, fp8);
        QCOMPARE(a->fp4TensorCores, fp4);
    }

    void parseComputeCapability_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cc"); // -1: refused
        QTest::addRow("dotted") << QStringLiteral("9.0") << 90;
        QTest::addRow("dotted two-digit major") << QStringLiteral("12.0") << 120;
        QTest::addRow("dotted 10.3") << QStringLiteral("10.3") << 103;
        QTest::addRow("sm_90") << QStringLiteral("sm_90") << 90;
        QTest::addRow("SM_100 upper case") << QStringLiteral("SM_100") << 100;
        QTest::addRow("sm89 without underscore") << QStringLiteral("sm89") << 89;
        QTest::addRow("compute_75") << QStringLiteral("compute_75") << 75;
        QTest::addRow("bare number is ambiguous") << QStringLiteral("90") << -1;
        QTest::addRow("major only") << QStringLiteral("9") << -1;
        QTest::addRow("three parts") << QStringLiteral("9.0.1") << -1;
        QTest::addRow("sm_ without digits") << QStringLiteral("sm_") << -1;
        QTest::addRow("N/A from nvidia-smi") << QStringLiteral("[N/A]") << -1;
        QTest::addRow("a GPU name") << QStringLiteral("h100") << -1;
        // issue 25: found by fuzz_nvidia_smi (signed overflow in major * 10)
        QTest::addRow("major past int range") << QStringLiteral("881111111.9") << -1;
        QTest::addRow("three-digit major") << QStringLiteral("100.0") << -1;
        QTest::addRow("negative major") << QStringLiteral("-9.0") << -1;
    }
    void parseComputeCapability()
    {
        QFETCH(QString, text);
        QFETCH(int, cc);
        QCOMPARE(quantcfg::parseComputeCapability(text.toStdString()).value_or(-1), cc);
    }

    void findGpu_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("entry"); // empty: not found
        QTest::addColumn<int>("cc");
        // Names as nvidia-smi prints them, and as users type them.
        QTest::addRow("P100 smi") << QStringLiteral("Tesla P100-PCIE-16GB") << QStringLiteral("Tesla P100 16GB") << 60;
        QTest::addRow("V100 16GB smi") << QStringLiteral("Tesla V100-SXM2-16GB") << QStringLiteral("Tesla V100 16GB") << 70;
        QTest::addRow("V100 32GB smi") << QStringLiteral("Tesla V100-SXM2-32GB") << QStringLiteral("Tesla V100 32GB") << 70;
        QTest::addRow("T4 smi") << QStringLiteral("Tesla T4") << QStringLiteral("Tesla T4") << 75;
        QTest::addRow("t4 typed") << QStringLiteral("t4") << QStringLiteral("Tesla T4") << 75;
        QTest::addRow("A10 smi") << QStringLiteral("NVIDIA A10") << QStringLiteral("A10") << 86;
        QTest::addRow("A10G smi") << QStringLiteral("NVIDIA A10G") << QStringLiteral("A10G") << 86;
        QTest::addRow("A100 40GB smi") << QStringLiteral("NVIDIA A100-SXM4-40GB") << QStringLiteral("A100 40GB") << 80;
        QTest::addRow("A100 40GB PCIe smi") << QStringLiteral("NVIDIA A100-PCIE-40GB") << QStringLiteral("A100 40GB") << 80;
        QTest::addRow("A100 80GB smi") << QStringLiteral("NVIDIA A100-SXM4-80GB") << QStringLiteral("A100 80GB") << 80;
        QTest::addRow("A100 80GB PCIe smi") << QStringLiteral("NVIDIA A100 80GB PCIe") << QStringLiteral("A100 80GB") << 80;
        QTest::addRow("L4 smi") << QStringLiteral("NVIDIA L4") << QStringLiteral("L4") << 89;
        QTest::addRow("L40 smi") << QStringLiteral("NVIDIA L40") << QStringLiteral("L40") << 89;
        QTest::addRow("L40S smi") << QStringLiteral("NVIDIA L40S") << QStringLiteral("L40S") << 89;
        QTest::addRow("RTX 3090 smi") << QStringLiteral("NVIDIA GeForce RTX 3090") << QStringLiteral("GeForce RTX 3090") << 86;
        QTest::addRow("4090 typed") << QStringLiteral("4090") << QStringLiteral("GeForce RTX 4090") << 89;
        QTest::addRow("RTX 5090 smi") << QStringLiteral("NVIDIA GeForce RTX 5090") << QStringLiteral("GeForce RTX 5090") << 120;
        QTest::addRow("RTX 6000 Ada smi") << QStringLiteral("NVIDIA RTX 6000 Ada Generation") << QStringLiteral("RTX 6000 Ada Generation") << 89;
        QTest::addRow("H100 PCIe smi") << QStringLiteral("NVIDIA H100 PCIe") << QStringLiteral("H100 PCIe") << 90;
        QTest::addRow("H100 SXM smi") << QStringLiteral("NVIDIA H100 80GB HBM3") << QStringLiteral("H100 SXM") << 90;
        QTest::addRow("h100-sxm typed") << QStringLiteral("h100-sxm") << QStringLiteral("H100 SXM") << 90;
        QTest::addRow("H100 NVL smi") << QStringLiteral("NVIDIA H100 NVL") << QStringLiteral("H100 NVL") << 90;
        QTest::addRow("H200 smi") << QStringLiteral("NVIDIA H200") << QStringLiteral("H200") << 90;
        QTest::addRow("H20 is not H200") << QStringLiteral("NVIDIA H20") << QStringLiteral("H20") << 90;
        QTest::addRow("B200 smi") << QStringLiteral("NVIDIA B200") << QStringLiteral("B200") << 100;
        QTest::addRow("GB200 smi") << QStringLiteral("NVIDIA GB200") << QStringLiteral("GB200") << 100;
        QTest::addRow("RTX PRO 6000 smi") << QStringLiteral("NVIDIA RTX PRO 6000 Blackwell Workstation Edition") << QStringLiteral("RTX PRO 6000 Blackwell") << 120;
        QTest::addRow("rtx_pro_6000 typed") << QStringLiteral("rtx_pro_6000") << QStringLiteral("RTX PRO 6000 Blackwell") << 120;
        QTest::addRow("Quadro RTX 6000 (Turing) is not the Ada card") << QStringLiteral("Quadro RTX 6000") << QString() << 0;
        QTest::addRow("GB10 not in the table") << QStringLiteral("NVIDIA GB10") << QString() << 0;
        QTest::addRow("vendor word only") << QStringLiteral("NVIDIA") << QString() << 0;
        QTest::addRow("empty") << QString() << QString() << 0;
    }
    void findGpu()
    {
        QFETCH(QString, query);
        QFETCH(QString, entry);
        QFETCH(int, cc);
        const GpuSpec *g = quantcfg::findGpu(query.toStdString());
        QCOMPARE(g ? testutil::q(g->name) : QString(), entry);
        if (g)
            QCOMPARE(g->computeCapability, cc);
    }

    // The table's own FP8/FP4 columns must agree with its architecture, and every alias must
    // lead to exactly one GPU.
    void databaseIsConsistent()
    {
        QVERIFY(quantcfg::gpuDatabase().size() >= 25);
        std::set<std::string> aliases;
        for (const GpuSpec &g : quantcfg::gpuDatabase()) {
            const auto arch = quantcfg::architectureFor(g.computeCapability);
            QVERIFY2(arch, g.name.c_str());
            QVERIFY2(g.fp8TensorCores == arch->fp8TensorCores, g.name.c_str());
            QVERIFY2(g.fp4TensorCores == arch->fp4TensorCores, g.name.c_str());
            QVERIFY2(g.memoryGiB > 0.0, g.name.c_str());
            QCOMPARE(quantcfg::findGpu(g.name), &g);
            for (const std::string &a : g.aliases) {
                QVERIFY2(aliases.insert(a).second, a.c_str());
                QCOMPARE(quantcfg::findGpu(a), &g);
            }
        }
    }

    void resolveGpuName_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("name"); // empty: unresolved
        QTest::addColumn<QString>("arch");
        QTest::addColumn<double>("memory");
        QTest::addColumn<QString>("codes");
        QTest::addRow("alias") << QStringLiteral("h100") << QStringLiteral("H100 SXM") << QStringLiteral("Hopper") << 80.0 << QString();
        QTest::addRow("sm_89") << QStringLiteral("sm_89") << QStringLiteral("sm_89") << QStringLiteral("Ada") << 0.0 << QString();
        QTest::addRow("dotted") << QStringLiteral("12.0") << QStringLiteral("sm_120") << QStringLiteral("Blackwell") << 0.0 << QString();
        QTest::addRow("pre-Pascal capability") << QStringLiteral("sm_52") << QStringLiteral("sm_52") << QString() << 0.0 << QStringLiteral("gpu.unknown-architecture");
        QTest::addRow("unknown") << QStringLiteral("frobnicator") << QString() << QString() << 0.0 << QStringLiteral("gpu.unknown");
    }
    void resolveGpuName()
    {
        QFETCH(QString, spec);
        QFETCH(QString, name);
        QFETCH(QString, arch);
        QFETCH(double, memory);
        QFETCH(QString, codes);
        const GpuChoice c = quantcfg::resolveGpuName(spec.toStdString());
        QCOMPARE(testutil::codes(c.diagnostics), codes);
        QCOMPARE(c.target.has_value(), !name.isEmpty());
        if (!c.target) {
            QVERIFY(!c.diagnostics.front().allowed.empty());
            return;
        }
        QCOMPARE(testutil::q(c.target->name), name);
        QCOMPARE(testutil::q(c.target->architecture), arch);
        QCOMPARE(c.target->memoryGiB, memory);
    }

    void migProfileMemory_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<double>("gib");
        QTest::addRow("3g.40gb") << QStringLiteral("3g.40gb") << 40.0;
        QTest::addRow("media extension") << QStringLiteral("1g.10gb+me") << 10.0;
        QTest::addRow("compute instance") << QStringLiteral("1c.3g.40gb") << 40.0;
        QTest::addRow("H100 1g.12gb") << QStringLiteral("1g.12gb") << 12.0;
        QTest::addRow("no size") << QStringLiteral("3g") << 0.0;
    }
    void migProfileMemory()
    {
        QFETCH(QString, profile);
        QFETCH(double, gib);
        QCOMPARE(quantcfg::migProfileMemoryGiB(profile.toStdString()), gib);
    }

    void detectWithNvidiaSmi_data()
    {
        QTest::addColumn<QString>("scenario"); // folder under tests/data/nvidia-smi
        QTest::addColumn<bool>("smi");         // false: nvidia-smi is not installed
        QTest::addColumn<bool>("rocm");        // the fake also answers as rocm-smi
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("names");
        QTest::addColumn<QString>("ccs");
        QTest::addColumn<QString>("entries");
        QTest::addColumn<QString>("memoryMiB");
        QTest::addColumn<QString>("codes");
        const QString a100 = QStringLiteral("NVIDIA A100-SXM4-80GB");
        QStringList eight, eightCc, eightEntry, eightMem;
        for (int i = 0; i < 8; ++i) {
            eight << a100;
            eightCc << QStringLiteral("80");
            eightEntry << QStringLiteral("A100 80GB");
            eightMem << QStringLiteral("81920");
        }
        const QString bar = QStringLiteral("|");
        QTest::addRow("one GPU") << QStringLiteral("one-h100") << true << false << QStringLiteral("nvidia-smi")
                                 << QStringLiteral("NVIDIA H100 80GB HBM3") << QStringLiteral("90") << QStringLiteral("H100 SXM")
                                 << QStringLiteral("81559") << QStringLiteral("gpu.nvml-unavailable");
        QTest::addRow("8 GPUs") << QStringLiteral("eight-a100") << true << false << QStringLiteral("nvidia-smi") << eight.join(bar)
                                << eightCc.join(bar) << eightEntry.join(bar) << eightMem.join(bar) << QStringLiteral("gpu.nvml-unavailable");
        QTest::addRow("mixed GPUs") << QStringLiteral("mixed") << true << false << QStringLiteral("nvidia-smi")
                                    << QStringLiteral("NVIDIA GeForce RTX 4090|NVIDIA GeForce RTX 3090") << QStringLiteral("89|86")
                                    << QStringLiteral("GeForce RTX 4090|GeForce RTX 3090") << QStringLiteral("24564|24576")
                                    << QStringLiteral("gpu.nvml-unavailable,gpu.mixed");
        QTest::addRow("old driver without compute_cap") << QStringLiteral("old-driver") << true << false << QStringLiteral("nvidia-smi")
                                                        << QStringLiteral("Tesla V100-SXM2-16GB|Tesla T4") << QStringLiteral("70|75")
                                                        << QStringLiteral("Tesla V100 16GB|Tesla T4") << QStringLiteral("16160|15109")
                                                        << QStringLiteral("gpu.nvml-unavailable,gpu.nvidia-smi-old,gpu.mixed");
        QTest::addRow("MIG") << QStringLiteral("mig") << true << false << QStringLiteral("nvidia-smi") << a100 << QStringLiteral("80")
                             << QStringLiteral("A100 80GB") << QStringLiteral("81920") << QStringLiteral("gpu.nvml-unavailable,gpu.mig");
        QTest::addRow("unknown GPU, memory N/A") << QStringLiteral("unknown-model") << true << false << QStringLiteral("nvidia-smi")
                                                 << QStringLiteral("NVIDIA GB10") << QStringLiteral("121") << QString() << QStringLiteral("0")
                                                 << QStringLiteral("gpu.nvml-unavailable,gpu.memory-unknown");
        QTest::addRow("unreadable line") << QStringLiteral("garbage") << true << false << QStringLiteral("nvidia-smi")
                                         << QStringLiteral("NVIDIA L4") << QStringLiteral("89") << QStringLiteral("L4")
                                         << QStringLiteral("23034") << QStringLiteral("gpu.nvml-unavailable,gpu.unparsed-line");
        QTest::addRow("driver error") << QStringLiteral("driver-error") << true << false << QStringLiteral("none") << QString()
                                      << QString() << QString() << QString()
                                      << QStringLiteral("gpu.nvml-unavailable,gpu.nvidia-smi-failed,gpu.none");
        QTest::addRow("no devices") << QStringLiteral("no-devices") << true << false << QStringLiteral("nvidia-smi") << QString()
                                    << QString() << QString() << QString() << QStringLiteral("gpu.nvml-unavailable,gpu.none");
        QTest::addRow("no nvidia-smi") << QStringLiteral("one-h100") << false << false << QStringLiteral("none") << QString()
                                       << QString() << QString() << QString()
                                       << QStringLiteral("gpu.nvml-unavailable,gpu.nvidia-smi-missing,gpu.none");
        QTest::addRow("AMD GPU") << QStringLiteral("amd") << false << true << QStringLiteral("none") << QString() << QString()
                                 << QString() << QString()
                                 << QStringLiteral("gpu.nvml-unavailable,gpu.nvidia-smi-missing,gpu.amd-not-modelled");
    }
    void detectWithNvidiaSmi()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, smi);
        QFETCH(bool, rocm);
        QFETCH(QString, source);
        QFETCH(QString, names);
        QFETCH(QString, ccs);
        QFETCH(QString, entries);
        QFETCH(QString, memoryMiB);
        QFETCH(QString, codes);
        qputenv("QUANTCFG_FAKE_SMI_CASE", scenario.toUtf8());
        DetectOptions o = fakeOptions(smi);
        if (rocm)
            o.rocmSmi = kFakeSmi;
        const Detection d = detectGpus(o);
        QCOMPARE(testutil::q(detectionSourceName(d.source)), source);
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return testutil::q(g.name); }), names);
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return QString::number(g.computeCapability); }), ccs);
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return g.spec ? testutil::q(g.spec->name) : QString(); }), entries);
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return QString::number(std::lround(g.memoryGiB * 1024)); }), memoryMiB);
        QCOMPARE(testutil::codes(d.diagnostics), codes);
        QCOMPARE(d.amdGpu, rocm);
        for (const DetectedGpu &g : d.gpus)
            QCOMPARE(g.computeCapabilityFromDatabase, scenario == QLatin1String("old-driver"));
    }

    void migInstancesFromList()
    {
        qputenv("QUANTCFG_FAKE_SMI_CASE", "mig");
        const Detection d = detectGpus(fakeOptions(true));
        QCOMPARE(d.gpus.size(), std::size_t(1));
        QVERIFY(d.gpus[0].mig);
        QCOMPARE(d.gpus[0].migInstances.size(), std::size_t(3));
        QCOMPARE(testutil::q(d.gpus[0].migInstances[2].profile), QStringLiteral("1g.10gb"));
        // One engine process gets one instance: the smallest one bounds what fits.
        QCOMPARE(targetFromDetected(d.gpus[0]).memoryGiB, 10.0);
    }

    void hungDriverTimesOut()
    {
        qputenv("QUANTCFG_FAKE_SMI_CASE", "hang"); // the fake sleeps 30 s
        DetectOptions o = fakeOptions(true);
        o.timeoutMs = 400;
        QElapsedTimer timer;
        timer.start();
        const Detection d = detectGpus(o);
        QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
        QVERIFY(d.gpus.empty());
        QCOMPARE(testutil::codes(d.diagnostics), QStringLiteral("gpu.nvml-unavailable,gpu.nvidia-smi-timeout,gpu.none"));
    }

    void detectWithNvml()
    {
        qunsetenv("FAKE_NVML_INIT_ERROR");
        DetectOptions o = fakeOptions(false);
        o.nvmlLibrary = QCFG_FAKE_NVML;
        const Detection d = detectGpus(o);
        QCOMPARE(testutil::q(detectionSourceName(d.source)), QStringLiteral("nvml"));
        QCOMPARE(testutil::q(d.driverVersion), QStringLiteral("550.54.15"));
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return testutil::q(g.name); }),
                 QStringLiteral("NVIDIA H100 80GB HBM3|NVIDIA A100-SXM4-80GB"));
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return QString::number(g.computeCapability); }), QStringLiteral("90|80"));
        QCOMPARE(joined(d.gpus, [](const DetectedGpu &g) { return testutil::q(g.architecture); }), QStringLiteral("Hopper|Ampere"));
        QCOMPARE(d.gpus[0].memoryGiB, 81559.0 / 1024.0);
        QVERIFY(!d.gpus[0].mig);
        QVERIFY(d.gpus[1].mig);
        QCOMPARE(d.gpus[1].migInstances.size(), std::size_t(2));
        QCOMPARE(testutil::q(d.gpus[1].migInstances[1].profile), QStringLiteral("1g.10gb"));
        QCOMPARE(targetFromDetected(d.gpus[1]).memoryGiB, 9856.0 / 1024.0);
        QCOMPARE(testutil::codes(d.diagnostics), QStringLiteral("gpu.mig,gpu.mixed"));
    }

    void nvmlInitFailureFallsBackToNvidiaSmi()
    {
        qputenv("FAKE_NVML_INIT_ERROR", "9"); // NVML_ERROR_DRIVER_NOT_LOADED
        qputenv("QUANTCFG_FAKE_SMI_CASE", "one-h100");
        DetectOptions o = fakeOptions(true);
        o.nvmlLibrary = QCFG_FAKE_NVML;
        const Detection d = detectGpus(o);
        qunsetenv("FAKE_NVML_INIT_ERROR");
        QCOMPARE(testutil::q(detectionSourceName(d.source)), QStringLiteral("nvidia-smi"));
        QCOMPARE(d.gpus.size(), std::size_t(1));
        QCOMPARE(testutil::codes(d.diagnostics), QStringLiteral("gpu.nvml-failed"));
    }

    void chooseDetected_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("entry"); // empty: no target
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("codes");
        QTest::addRow("8 GPUs") << QStringLiteral("eight-a100") << QStringLiteral("A100 80GB") << 8 << QString();
        QTest::addRow("mixed: GPU 0, warned") << QStringLiteral("mixed") << QStringLiteral("GeForce RTX 4090") << 1 << QStringLiteral("gpu.mixed");
        QTest::addRow("none") << QStringLiteral("no-devices") << QString() << 0 << QStringLiteral("gpu.none-detected");
    }
    void chooseDetected()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, entry);
        QFETCH(int, count);
        QFETCH(QString, codes);
        qputenv("QUANTCFG_FAKE_SMI_CASE", scenario.toUtf8());
        const GpuChoice c = chooseGpu("detected", fakeOptions(true));
        QCOMPARE(testutil::codes(c.diagnostics), codes); // infos (nvml-unavailable) are not repeated
        QCOMPARE(c.target.has_value(), !entry.isEmpty());
        if (!c.target)
            return;
        QCOMPARE(testutil::q(c.target->databaseName), entry);
        QCOMPARE(c.target->count, count);
    }
};

QTEST_APPLESS_MAIN(TestGpu)
#include "tst_gpu.moc"
