#include "core/engines/mapper.h"
#include "core/presets.h"
#include "core/validation.h"
#include "ui/shared/counts.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/config/presetlistmodel.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

std::vector<PresetListModel::Entry> builtInEntries()
{
    std::vector<PresetListModel::Entry> entries;
    for (const Preset &p : builtInPresets()) {
        PresetListModel::Entry e{p, {}};
        for (const LaunchPlan &plan : mapAllEngines(Config::fromJson(p.document)))
            e.statuses.push_back({plan.engineName, plan.status});
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace

class TestStudioModels : public QObject
{
    Q_OBJECT

private slots:
    void countsAreSingularForOne()
    {
        QCOMPARE(runCount(1), QStringLiteral("1 run"));
        QCOMPARE(runCount(0), QStringLiteral("0 runs"));
        QCOMPARE(runCount(12), QStringLiteral("12 runs"));
        QCOMPARE(fileCount(1), QStringLiteral("1 file"));
        QCOMPARE(fileCount(3), QStringLiteral("3 files"));
    }

    void diagnosticsModel()
    {
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        const Json doc = Json::parse(R"({"model": {"id_or_path": "a/b"}, "quantization": {"method": "fp8", "weight_bits": 4}, "x_extra": 1})");
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setDiagnostics(validateDocument(doc));
        QCOMPARE(reset.count(), 1);
        model.setEngineNames({{QStringLiteral("vllm"), QStringLiteral("vLLM")}});

        QCOMPARE(studiotest::printModel(model),
                 QStringList({QStringLiteral("fp8 checkpoints do not have 4-bit weights | /quantization/weight_bits | Rules"),
                              QStringLiteral("unknown key 'x_extra' (kept when saving, ignored by quantcfg) | /x_extra | Schema")}));
        QCOMPARE(model.index(0, 0).data(DiagnosticsModel::PointerRole).toString(), QStringLiteral("/quantization/weight_bits"));
        QCOMPARE(model.index(0, 0).data(DiagnosticsModel::SeverityRole).toInt(), int(Severity::Error));
        QCOMPARE(model.index(1, 0).data(DiagnosticsModel::SeverityRole).toInt(), int(Severity::Warning));
        QCOMPARE(model.index(0, 0).data(DiagnosticsModel::CodeRole).toString(), QStringLiteral("semantic.weight-bits"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Error: ")));
        // Copied rows come in row order whatever order they were selected in; rows out of range are skipped.
        QCOMPARE(model.copyText({1, 0, 7}),
                 QStringLiteral("Error: fp8 checkpoints do not have 4-bit weights (/quantization/weight_bits, Rules) [semantic.weight-bits]\n"
                                "Warning: unknown key 'x_extra' (kept when saving, ignored by quantcfg) (/x_extra, Schema) [schema.unknown-key]"));
        QCOMPARE(model.copyText({}), QString());

        // Engine findings name the engine; suggestions follow the message.
        Diagnostic d;
        d.severity = Severity::Warning;
        d.engine = "vllm";
        d.pointer = "/moe/expert_tp_size";
        d.message = "skipped";
        d.suggestion = "use SGLang";
        model.setDiagnostics({d});
        QCOMPARE(studiotest::printModel(model), QStringList{QStringLiteral("skipped — use SGLang | /moe/expert_tp_size | vLLM")});
        model.setDiagnostics({});
        QCOMPARE(model.rowCount(), 0);
    }

    void presetListModel()
    {
        PresetListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto entries = builtInEntries();
        model.setEntries(entries);

        QStringList names;
        for (const Preset &p : builtInPresets())
            names << QString::fromStdString(p.name);
        QCOMPARE(studiotest::printModel(model), names);
        QCOMPARE(model.rowOf(QStringLiteral("high-quality")), names.indexOf(QStringLiteral("high-quality")));
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);

        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(PresetListModel::UseCaseRole).toString(), QStringLiteral("Cross-engine benchmarking, production safety"));
        QVERIFY(first.data(PresetListModel::BuiltInRole).toBool());
        // One status per engine, the same the mapper gives.
        const QVariantList statuses = first.data(PresetListModel::StatusesRole).toList();
        QCOMPARE(statuses.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(statuses[i].toInt(), int(entries[0].statuses[static_cast<std::size_t>(i)].status));
        QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("vLLM: ")));

        // Filtering goes through a proxy on the filter role (name, description, use case).
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setFilterRole(PresetListModel::FilterTextRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(QStringLiteral("moe"));
        QCOMPARE(studiotest::printModel(proxy), QStringList{QStringLiteral("sglang-marlin-moe")});
        proxy.setFilterFixedString(QStringLiteral("BLACKWELL"));
        QCOMPARE(proxy.rowCount(), 1);

        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    // The memory fit's figures say "1 sequence", not "1 sequences".
    void sequencesAreSingularForOne()
    {
        QCOMPARE(sequenceCount(1), QStringLiteral("1 sequence"));
        QCOMPARE(sequenceCount(0), QStringLiteral("0 sequences"));
        QCOMPARE(sequenceCount(7), QStringLiteral("7 sequences"));
        QCOMPARE(sequenceCount(4096), QStringLiteral("%1 sequences").arg(QLocale().toString(4096)));
        QCOMPARE(byteCount(1), QStringLiteral("1 byte"));
        QCOMPARE(byteCount(2), QStringLiteral("2 bytes"));
        QCOMPARE(byteCount(0.5), QStringLiteral("0.5 bytes"));
    }

    // Measured values in the benchmark table and charts: a million and more without decimals
    // ("1000000000.0" said nothing the decimal could add), smaller ones as before.
    void measurementsDropDecimalsFromAMillion_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("1e9") << 1e9 << QLocale().toString(1e9, 'f', 0);
        QTest::newRow("1e6") << 1e6 << QLocale().toString(1e6, 'f', 0);
        QTest::newRow("2.5e6") << 2.5e6 << QLocale().toString(2.5e6, 'f', 0);
        QTest::newRow("-3e7") << -3e7 << QLocale().toString(-3e7, 'f', 0);
        QTest::newRow("999999.9") << 999999.94 << QStringLiteral("999999.9");
        QTest::newRow("1520.7") << 1520.7 << QStringLiteral("1520.7");
        QTest::newRow("21.3") << 21.3 << QStringLiteral("21.30");
    }
    void measurementsDropDecimalsFromAMillion()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(measurementText(value), text);
        QVERIFY(!measurementText(1e9).endsWith(QLatin1String(".0")));
        QCOMPARE(measurementText(1e9).remove(QLocale().groupSeparator()), QStringLiteral("1000000000"));
    }
};

QTEST_MAIN(TestStudioModels)
#include "tst_studio_models.moc"
