// The memory fit tab: figures equal core's estimateFit() for the document and target, follow
// every edit, and list the checkpoint's conflicts with the configuration.
#include "core/hardware/checkpoint.h"
#include "core/hardware/gpudatabase.h"
#include "core/hardware/memoryfit.h"
#include "core/presets.h"
#include "ui/state/configdocument.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/window/mainwindow.h"
#include "ui/fit/fitbar.h"
#include "ui/fit/memoryfitpanel.h"
#include "ui/state/settings.h"
#include "ui/state/studiosession.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace quantcfg;
using namespace quantcfg::ui;
using Figure = MemoryFitPanel::Figure;

namespace {

QString data(const char *relative)
{
    return QStringLiteral(QCFG_TEST_DATA "/") + QLatin1String(relative);
}

bool hasCode(const DiagnosticsModel &model, const char *code)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(DiagnosticsModel::CodeRole).toString() == QLatin1String(code))
            return true;
    }
    return false;
}

} // namespace

class TestStudioFit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home); // QSettings live in m_home, never in the developer's
    }

    void figuresMatchCore_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("gpu");
        QTest::addRow("llama 8B on H100") << data("models/llama-3.1-8b") << QStringLiteral("H100 SXM");
        QTest::addRow("mixtral config.json on A100 80GB") << data("models/mixtral-8x7b/config.json") << QStringLiteral("A100 80GB");
        QTest::addRow("deepseek-v2-lite on L40S") << data("models/deepseek-v2-lite") << QStringLiteral("L40S");
    }

    void figuresMatchCore()
    {
        QFETCH(QString, model);
        QFETCH(QString, gpu);
        ConfigDocument doc;
        doc.reset(builtInPresets().front().document);
        StudioSession session;
        MemoryFitPanel panel(&doc, &session);
        QAbstractItemModelTester tester(panel.diagnosticsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!panel.estimate());
        QCOMPARE(panel.valueText(Figure::WeightsPerGpu), QStringLiteral("—"));
        QVERIFY(panel.loadModel(model));
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:") + gpu));
        const GpuTarget target = *session.targetGpu();
        QCOMPARE(target.name, gpu.toStdString());
        panel.setLength(4096);
        panel.setConcurrency(4);

        FitOptions options;
        options.maxLen = 4096;
        options.concurrency = 4;
        const FitEstimate expected = estimateFit(*loadModelShape(model.toStdString()).shape, doc.config(), target, options);
        QVERIFY(panel.estimate());
        const FitEstimate &e = *panel.estimate();
        QCOMPARE(e.weightBytes, expected.weightBytes);
        QCOMPARE(e.kvBytesPerToken, expected.kvBytesPerToken);
        QCOMPARE(e.kvCapacityTokens, expected.kvCapacityTokens);
        QCOMPARE(e.maxConcurrency, expected.maxConcurrency);
        QCOMPARE(e.fits, expected.fits);
        const QLocale locale;
        QCOMPARE(panel.valueText(Figure::WeightsPerGpu), QStringLiteral("%1 GiB").arg(expected.weightBytes / (1024.0 * 1024 * 1024), 0, 'f', 2));
        QVERIFY(panel.valueText(Figure::KvPerToken).startsWith(locale.toString(static_cast<long long>(expected.kvBytesPerToken))));
        QVERIFY(panel.valueText(Figure::KvCapacity).startsWith(locale.toString(expected.kvCapacityTokens)));
        QCOMPARE(panel.valueText(Figure::MaxConcurrency),
                 QStringLiteral("%1 sequences of %2 tokens").arg(locale.toString(expected.maxConcurrency), locale.toString(4096)));
        QVERIFY(panel.valueText(Figure::Verdict).startsWith(expected.fits ? QStringLiteral("✓") : QStringLiteral("✗")));
    }

    void followsEditsTargetAndOptions()
    {
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", "x"}}}, {"quantization", {{"method", "none"}}}});
        StudioSession session;
        MemoryFitPanel panel(&doc, &session);
        QVERIFY(panel.loadModel(data("models/llama-3.1-8b")));
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        panel.setLength(8192);
        const double bf16 = panel.estimate()->weightBytes;
        const QString bf16Text = panel.valueText(Figure::WeightsPerGpu);

        doc.setValue("/quantization/method", Json("awq"));
        doc.setValue("/quantization/weight_bits", Json(4));
        doc.setValue("/quantization/group_size", Json(128));
        QVERIFY(panel.estimate()->weightBytes < bf16 / 2); // embeddings stay 16-bit
        QVERIFY(panel.valueText(Figure::WeightsPerGpu) != bf16Text);
        QVERIFY(panel.valueText(Figure::WeightFormat).startsWith(QLatin1String("4.156 bits per weight (awq)")));

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(panel.estimate()->weightBytes, bf16);

        // Tensor parallelism halves the weights per GPU.
        doc.setValue("/parallelism/tensor_parallel_size", Json(2));
        QVERIFY(qAbs(panel.estimate()->weightBytes - bf16 / 2) < bf16 * 0.01);
        doc.undoStack()->undo();

        // Too many sequences: it says so, in text.
        panel.setConcurrency(100000);
        QVERIFY(!panel.estimate()->fits);
        QVERIFY(panel.valueText(Figure::Verdict).startsWith(QStringLiteral("✗ Does not fit")));
        QVERIFY(hasCode(*panel.diagnosticsModel(), "fit.kv-does-not-fit"));

        // Memory would do, but there are too few GPUs: the verdict says that, not a KV shortfall.
        panel.setConcurrency(1);
        Detection one; // one H100 found on this machine: the "detected" target, count 1
        DetectedGpu h100;
        h100.name = "NVIDIA H100 80GB HBM3";
        h100.computeCapability = 90;
        h100.memoryGiB = findGpu("H100 SXM")->memoryGiB;
        one.gpus.push_back(h100);
        session.setDetection(one);
        QCOMPARE(session.targetGpuId(), QStringLiteral("gpu:H100 SXM")); // the user's choice stays
        QVERIFY(session.setTargetGpuId(QStringLiteral("detected")));
        QCOMPARE(session.targetGpu()->count, 1);
        doc.setValue("/parallelism/tensor_parallel_size", Json(2));
        QCOMPARE(panel.valueText(Figure::Verdict), QStringLiteral("✗ Does not fit: tensor × pipeline parallel needs 2 GPUs, 1 available"));
        doc.undoStack()->undo();

        // A bare compute capability has no memory: no capacity, and the reason is listed.
        QVERIFY(session.setTargetGpuId(QStringLiteral("sm_90")));
        QVERIFY(panel.valueText(Figure::Verdict).startsWith(QLatin1String("Unknown")));
        QVERIFY(hasCode(*panel.diagnosticsModel(), "fit.memory-unknown"));
        // ... with the studio's remedy, not the CLI's option.
        const QString listed = studiotest::printModel(*panel.diagnosticsModel()).join(QLatin1Char('\n'));
        QVERIFY2(listed.contains(QLatin1String("Target GPU list")) && !listed.contains(QLatin1String("--gpu")), qPrintable(listed));

        // No target at all: the verdict asks for one; no error is listed for a choice not made yet.
        QVERIFY(session.setTargetGpuId(QStringLiteral("none")));
        QVERIFY(panel.valueText(Figure::Verdict).startsWith(QLatin1String("Unknown")));
        QVERIFY(!hasCode(*panel.diagnosticsModel(), "fit.memory-unknown"));
    }

    void checkpointWarnings()
    {
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", "x"}}}, {"quantization", {{"method", "gptq"}}}});
        StudioSession session;
        MemoryFitPanel panel(&doc, &session);
        QVERIFY(panel.loadModel(data("checkpoints/awq")));
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        QVERIFY(hasCode(*panel.diagnosticsModel(), "checkpoint.method-mismatch"));
        // The conflict goes away once the configuration matches the checkpoint.
        doc.setValue("/quantization/method", Json("awq"));
        QVERIFY(!hasCode(*panel.diagnosticsModel(), "checkpoint.method-mismatch"));
        const Diagnostics direct = checkCheckpoint(*readCheckpoint(data("checkpoints/awq").toStdString()).quantization, doc.config());
        for (const Diagnostic &d : direct)
            QVERIFY(hasCode(*panel.diagnosticsModel(), d.code.c_str()));
    }

    // A GGUF file names its variant ("…-Q8_0.gguf"): the studio prices it as the CLI does.
    void ggufVariantFromTheFileName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.path().toStdString();
        testutil::writeFile(path + "/config.json", testutil::readFile(testutil::dataPath("checkpoints/gguf/config.json")));
        testutil::writeFile(path + "/Llama-3.1-8B-Q8_0.gguf", "GGUF");
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", "x"}}}, {"quantization", {{"method", "gguf"}}}});
        StudioSession session;
        MemoryFitPanel panel(&doc, &session);
        QVERIFY(panel.loadModel(dir.path()));
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        QVERIFY2(panel.valueText(Figure::WeightFormat).startsWith(QLatin1String("8.500 bits per weight")), qPrintable(panel.valueText(Figure::WeightFormat)));
        // A variant the configuration names wins over the file name.
        doc.setValue("/quantization/gguf_variant", Json("Q2_K"));
        QVERIFY2(panel.valueText(Figure::WeightFormat).startsWith(QLatin1String("3.350 bits per weight")), qPrintable(panel.valueText(Figure::WeightFormat)));
    }

    // The model chosen in the tab is remembered (in the settings file) and loaded again by the next
    // window; a remembered model that has gone away is reported in the panel, not silently dropped.
    void modelIsRememberedBetweenRuns()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("llama"));
        QVERIFY(QDir().mkpath(model));
        QVERIFY(QFile::copy(data("models/llama-3.1-8b/config.json"), model + QStringLiteral("/config.json")));
        {
            MainWindow first;
            QCOMPARE(first.memoryFitPanel()->modelPath(), QString());
            QVERIFY(first.memoryFitPanel()->loadModel(model));
        }
        // On disk, where the next run reads it.
        QSettings settings;
        settings.sync();
        QCOMPARE(Settings().fitModelPath(), QFileInfo(model).absoluteFilePath());
        QCOMPARE(QSettings(settings.fileName(), QSettings::IniFormat).value(QStringLiteral("fit/model")).toString(),
                 QFileInfo(model).absoluteFilePath());
        {
            MainWindow second;
            MemoryFitPanel *panel = second.memoryFitPanel();
            QCOMPARE(panel->modelPath(), QFileInfo(model).absoluteFilePath());
            QVERIFY(panel->estimate());
            QVERIFY(panel->valueText(Figure::Model).startsWith(QLatin1String("llama:")));
            QCOMPARE(panel->notice(), QString());
        }

        QVERIFY(dir.remove());
        MainWindow third;
        MemoryFitPanel *panel = third.memoryFitPanel();
        QVERIFY(!panel->estimate());
        QCOMPARE(panel->modelPath(), QString());
        QVERIFY2(panel->notice().contains(QDir::toNativeSeparators(QFileInfo(model).absoluteFilePath())), qPrintable(panel->notice()));
        QVERIFY(panel->notice().contains(QLatin1String("no longer exists")));
        // Choosing another model clears the notice and is remembered instead.
        QVERIFY(panel->loadModel(data("models/mistral-7b-v0.1")));
        QCOMPARE(panel->notice(), QString());
        QCOMPARE(Settings().fitModelPath(), QFileInfo(data("models/mistral-7b-v0.1")).absoluteFilePath());
    }

    void unusableModel()
    {
        ConfigDocument doc;
        StudioSession session;
        MemoryFitPanel panel(&doc, &session);
        QVERIFY(!panel.loadModel(data("bench/slo.json")));
        QVERIFY(!panel.estimate());
        QVERIFY(panel.diagnosticsModel()->rowCount() > 0);
    }

    // Without a model the page says to choose one (it used to ask for a target GPU it had).
    void emptyStateAsksForAModel()
    {
        ConfigDocument doc;
        doc.reset(Json{{"quantization", {{"method", "none"}}}});
        StudioSession session;
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        MemoryFitPanel panel(&doc, &session);
        QVERIFY(!panel.estimate());
        const FitBar *bar = studiotest::child<FitBar>(&panel, "FitBar");
        QVERIFY2(bar->accessibleDescription().startsWith(QLatin1String("Choose a model")), qPrintable(bar->accessibleDescription()));
        QVERIFY(panel.valueText(Figure::Verdict).startsWith(QLatin1String("Choose a model")));
        // With a model but a GPU of unknown memory, it asks for the GPU.
        QVERIFY(panel.loadModel(data("models/llama-3.1-8b")));
        QVERIFY(session.setTargetGpuId(QStringLiteral("sm_90")));
        QVERIFY(bar->accessibleDescription().contains(QLatin1String("named GPU")));
    }

    // Issue 18: the configuration's model is fitted without being chosen again; a hub id is said to
    // be out of reach offline; the field takes a typed path (and says why one fails); the
    // configuration's model can be taken up again.
    void fitsTheConfigurationsModel()
    {
        const QString llama = data("models/llama-3.1-8b");
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", llama.toStdString()}}}, {"quantization", {{"method", "none"}}}});
        StudioSession session;
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        MemoryFitPanel panel(&doc, &session);
        auto *field = panel.findChild<QLineEdit *>(QStringLiteral("FitModelPath"));
        auto *useConfig = panel.findChild<QPushButton *>(QStringLiteral("FitUseConfigModel"));
        QVERIFY(field && useConfig);
        QVERIFY(!field->isReadOnly());
        QVERIFY(panel.estimate());
        QCOMPARE(panel.source(), MemoryFitPanel::Source::Configuration);
        QCOMPARE(field->text(), llama);
        QCOMPARE(panel.notice(), QString());
        QVERIFY(!useConfig->isEnabled());

        // A hub id: nothing to fit, and the panel says why and what to do.
        doc.setValue("/model/id_or_path", Json("meta-llama/Llama-3.1-8B-Instruct"));
        QVERIFY(!panel.estimate());
        QVERIFY2(panel.notice().contains(QLatin1String("Hugging Face id")) && panel.notice().contains(QLatin1String("offline")), qPrintable(panel.notice()));
        QCOMPARE(field->text(), QStringLiteral("meta-llama/Llama-3.1-8B-Instruct"));

        // Typed: a path that is not there says so; one that is, is fitted (the configuration keeps its model).
        field->clear();
        QTest::keyClicks(field, QStringLiteral("/no/such/model"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY2(panel.notice().contains(QLatin1String("no such file or folder")), qPrintable(panel.notice()));
        QVERIFY(!panel.estimate());
        field->clear();
        QTest::keyClicks(field, llama);
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(panel.estimate());
        QCOMPARE(panel.notice(), QString());
        QCOMPARE(panel.source(), MemoryFitPanel::Source::Chosen);
        QCOMPARE(doc.config().model.idOrPath.value(), std::string("meta-llama/Llama-3.1-8B-Instruct"));
        // An edit of something else keeps the chosen model; taking the configuration's model up again drops it.
        doc.setValue("/parallelism/tensor_parallel_size", Json(2));
        QVERIFY(panel.estimate());
        QVERIFY(useConfig->isEnabled());
        useConfig->click();
        QCOMPARE(panel.source(), MemoryFitPanel::Source::Configuration);
        QVERIFY(!panel.estimate());
        // A new model in the configuration is followed again.
        doc.setValue("/model/id_or_path", Json(llama.toStdString() + "/config.json"));
        QVERIFY(panel.estimate());
        QVERIFY(panel.valueText(Figure::Model).startsWith(QLatin1String("llama:")));
    }

    // The advice listed is checked against the configuration: no FP8 KV cache for one that is FP8.
    void adviceFitsTheConfiguration()
    {
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", data("models/llama-3.1-8b").toStdString()}}}, {"quantization", {{"method", "awq"}}}});
        StudioSession session;
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:L4")));
        MemoryFitPanel panel(&doc, &session);
        panel.setConcurrency(8);
        QVERIFY(hasCode(*panel.diagnosticsModel(), "fit.kv-does-not-fit"));
        QString listed = studiotest::printModel(*panel.diagnosticsModel()).join(QLatin1Char('\n'));
        QVERIFY2(listed.contains(QLatin1String("use an fp8 KV cache")), qPrintable(listed));
        doc.setValue("/kv_cache/dtype", Json("fp8"));
        QVERIFY(hasCode(*panel.diagnosticsModel(), "fit.kv-does-not-fit"));
        listed = studiotest::printModel(*panel.diagnosticsModel()).join(QLatin1Char('\n'));
        QVERIFY2(!listed.contains(QLatin1String("fp8 KV cache")), qPrintable(listed));
        QVERIFY2(listed.contains(QLatin1String("use 4 GPUs (tensor_parallel_size 4)")), qPrintable(listed));
    }

    // The serving section sets what is checked; the page writes the fewest GPUs, the longest length
    // and the memory fraction back, each as one undo step.
    void writesIntoTheConfiguration()
    {
        ConfigDocument doc;
        doc.reset(Json{{"model", {{"id_or_path", data("models/llama-3.1-8b").toStdString()}}},
                       {"quantization", {{"method", "none"}}},
                       {"serving", {{"max_model_len", 8192}, {"gpu_memory_utilization", 0.85}}}});
        StudioSession session;
        QVERIFY(session.setTargetGpuId(QStringLiteral("gpu:Tesla T4")));
        MemoryFitPanel panel(&doc, &session);
        auto *useGpus = panel.findChild<QPushButton *>(QStringLiteral("FitUseFewestGpus"));
        auto *writeLength = panel.findChild<QPushButton *>(QStringLiteral("FitWriteMaxLength"));
        auto *writeFraction = panel.findChild<QPushButton *>(QStringLiteral("FitWriteMemoryFraction"));
        auto *fraction = panel.findChild<QDoubleSpinBox *>(QStringLiteral("FitMemoryUtilization"));
        QVERIFY(useGpus && writeLength && writeFraction && fraction);
        QCOMPARE(panel.estimate()->maxLen, 8192LL);
        QCOMPARE(panel.estimate()->budgetBytes, 16.0 * 1024 * 1024 * 1024 * 0.85);
        QCOMPARE(fraction->value(), 0.85);
        QVERIFY(!writeFraction->isEnabled()); // the configuration says 0.85 already
        QVERIFY(panel.valueText(Figure::Gpus).startsWith(QLatin1String("1 per replica")));

        // bf16 Llama-8B does not fit one T4; two do (tst_memoryfit, "T4 8192 tokens: 2 GPUs").
        QVERIFY(!panel.estimate()->fits);
        QCOMPARE(panel.valueText(Figure::FewestGpus), QStringLiteral("2 (tensor parallel 2 × pipeline parallel 1)"));
        QVERIFY(useGpus->isEnabled());
        QCOMPARE(useGpus->text().remove(QLatin1Char('&')), QStringLiteral("Use 2 GPUs"));
        const int steps = doc.undoStack()->count();
        useGpus->click();
        QCOMPARE(doc.config().parallelism.tensorParallel.value_or(0), 2);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QVERIFY(panel.estimate()->fits);
        QVERIFY(panel.valueText(Figure::Gpus).startsWith(QLatin1String("2 per replica")));
        QVERIFY(!useGpus->isEnabled());

        // The longest length that fits becomes max_model_len, and the page checks it from then on.
        const long long longest = panel.estimate()->maxFittingLength;
        QVERIFY(longest > 8192);
        QVERIFY(writeLength->isEnabled());
        writeLength->click();
        QCOMPARE(doc.config().serving.maxModelLen.value_or(0), static_cast<int>(longest));
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        QCOMPARE(panel.estimate()->maxLen, longest);
        QVERIFY(panel.estimate()->fits);

        fraction->setValue(0.7);
        QVERIFY(writeFraction->isEnabled());
        writeFraction->click();
        QCOMPARE(doc.config().serving.gpuMemoryUtilization.value_or(0), 0.7);
        QCOMPARE(doc.undoStack()->count(), steps + 3);

        // One undo each, in reverse; the page follows the configuration back.
        doc.undoStack()->undo();
        QCOMPARE(doc.config().serving.gpuMemoryUtilization.value_or(0), 0.85);
        QCOMPARE(fraction->value(), 0.85);
        doc.undoStack()->undo();
        QCOMPARE(doc.config().serving.maxModelLen.value_or(0), 8192);
        QCOMPARE(panel.estimate()->maxLen, 8192LL);
        doc.undoStack()->undo();
        QVERIFY(!doc.config().parallelism.tensorParallel);
        QCOMPARE(doc.undoStack()->count(), steps + 3); // undone, not merged
    }
};

QTEST_MAIN(TestStudioFit)
#include "tst_studio_fit.moc"
