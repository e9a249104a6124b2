// The hardware matrix tab: the model against the core matrix, highlighting of the detected GPU
// (a fake nvidia-smi), of the configuration's method, double-click to apply, CSV and PNG export.
#include "core/engines/matrix.h"
#include "core/engines/profile.h"
#include "core/hardware/gpudatabase.h"
#include "ui/state/configdocument.h"
#include "ui/config/enginepane.h"
#include "ui/matrix/hardwaretab.h"
#include "ui/window/lazypages.h"
#include "ui/window/mainwindow.h"
#include "ui/matrix/matrixmodel.h"
#include "ui/shared/statusstyle.h"
#include "ui/state/studiosession.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

int columnOf(const CompatibilityMatrix &m, int cc)
{
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        if (m.columns[c].computeCapability == cc)
            return static_cast<int>(c);
    }
    return -1;
}

int rowOf(const CompatibilityMatrix &m, const std::string &method)
{
    for (std::size_t r = 0; r < m.methods.size(); ++r) {
        if (m.methods[r] == method)
            return static_cast<int>(r);
    }
    return -1;
}

void useFakeSmi(const char *scenario)
{
    qputenv("QUANTCFG_NVML_LIBRARY", "");
    qputenv("QUANTCFG_ROCM_SMI", "");
    qputenv("QUANTCFG_NVIDIA_SMI", QCFG_TEST_DATA "/nvidia-smi/fake-nvidia-smi.sh");
    qputenv("QUANTCFG_FAKE_SMI_CASE", scenario);
}

// Shows @p w on the matrix tab and double-clicks the cell of @p method and capability @p cc with
// the mouse, as a user would; false when the cell cannot be found or did not ask to be applied.
bool doubleClickCell(MainWindow &w, const std::string &method, int cc)
{
    HardwareTab *tab = w.hardwareTab();
    const CompatibilityMatrix &m = tab->model()->matrix();
    w.resize(1280, 800);
    w.show();
    w.pages()->setCurrentWidget(tab);
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    const int row = rowOf(m, method);
    const int column = columnOf(m, cc);
    if (row < 0 || column < 0)
        return false;
    auto *view = studiotest::child<QTableView>(tab, "MatrixView");
    view->scrollTo(tab->model()->index(row, column));
    const QRect rect = view->visualRect(tab->model()->index(row, column));
    if (!rect.isValid())
        return false;
    QSignalSpy applied(tab, &HardwareTab::applyRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    return applied.size() == 1;
}

// The text of the matrix page's banner (the detected GPU).
QString shownBanner(const HardwareTab *tab)
{
    return studiotest::child<QLabel>(tab, "DetectionBanner")->text();
}

// Chooses @p method in the form's method combo box (named by its pointer), as a user would.
void chooseMethodInForm(MainWindow &w, const QString &method)
{
    auto *combo = studiotest::child<QComboBox>(&w, "/quantization/method");
    const int index = combo->findText(method);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

} // namespace

class TestStudioMatrix : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase() { studiotest::isolateUserFiles(m_home); }

    void modelMatchesCore_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addRow("all engines") << QString();
        for (const auto &p : ProfileRegistry::builtIn().all())
            QTest::addRow("%s", (p->engine() + "@" + p->version()).c_str()) << QString::fromStdString(p->engine() + "@" + p->version());
    }

    void modelMatchesCore()
    {
        QFETCH(QString, spec);
        StudioSession session;
        HardwareTab tab(&session);
        QAbstractItemModelTester tester(tab.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        tab.selectEngine(spec);
        const ProfileRegistry &registry = ProfileRegistry::builtIn();
        CompatibilityMatrix expected;
        if (spec.isEmpty()) {
            std::vector<const EngineProfile *> profiles;
            for (const std::string &e : registry.engines())
                profiles.push_back(registry.find(e));
            expected = buildSummaryMatrix(profiles);
        } else {
            expected = buildMatrix(*registry.findSpec(spec.toStdString()));
        }
        const MatrixModel &model = *tab.model();
        QCOMPARE(model.matrix().engines, expected.engines);
        QCOMPARE(model.rowCount(), static_cast<int>(expected.methods.size()));
        QCOMPARE(model.columnCount(), static_cast<int>(architectures().size()));
        QVERIFY(model.rowCount() > 10);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.headerData(r, Qt::Vertical).toString().toStdString(), expected.methods[static_cast<std::size_t>(r)]);
            for (int c = 0; c < model.columnCount(); ++c) {
                const MatrixCell &cell = expected.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                const QModelIndex index = model.index(r, c);
                QCOMPARE(index.data(MatrixModel::StateRole).toInt(), static_cast<int>(cell.state));
                QCOMPARE(index.data().toString(), supportText(cell.state));
                QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
                const QString tip = index.data(Qt::ToolTipRole).toString();
                const QString firstReasonLine = QString::fromStdString(cell.reason).section(QLatin1Char('\n'), 0, 0).toHtmlEscaped();
                QVERIFY2(tip.contains(firstReasonLine), qPrintable(tip));
                if (cell.minCapability)
                    QVERIFY2(tip.contains(QString::fromStdString(ccText(cell.minCapability))), qPrintable(tip));
                QVERIFY(tip.contains(QString::fromStdString(cell.engine.empty() ? expected.engines : cell.engine)));
            }
        }
        // The architecture's example GPUs are in the header tooltip.
        const int hopper = columnOf(expected, 90);
        QVERIFY(hopper >= 0);
        QVERIFY(model.headerData(hopper, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("H100")));
    }

    void csvExport()
    {
        StudioSession session;
        HardwareTab tab(&session);
        tab.selectEngine(QStringLiteral("vllm@") + QString::fromStdString(ProfileRegistry::builtIn().find("vllm")->version()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.csv"));
        QVERIFY(tab.exportCsv(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const CompatibilityMatrix &m = tab.model()->matrix();
        QCOMPARE(lines.size(), static_cast<int>(m.methods.size()) + 1);
        QVERIFY(lines.front().startsWith(QLatin1String("method,")));
        QVERIFY(lines.front().contains(QLatin1String("Hopper (sm_90)")));
        const int row = rowOf(m, "fp8");
        QStringList expected{QStringLiteral("fp8")};
        for (const MatrixCell &cell : m.cells[static_cast<std::size_t>(row)])
            expected << QLatin1String(supportName(cell.state));
        QCOMPARE(lines.at(row + 1), expected.join(QLatin1Char(',')));
    }

    void pngExport()
    {
        StudioSession session;
        HardwareTab tab(&session);
        tab.resize(900, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.png"));
        QVERIFY(tab.exportPng(path));
        QImage image(path);
        QVERIFY(!image.isNull());
        const auto *view = studiotest::child<QTableView>(&tab, "MatrixView");
        const qreal dpr = view->devicePixelRatioF();
        QCOMPARE(image.size(), view->size() * dpr);
    }

    void bannerTexts()
    {
        Detection none;
        QCOMPARE(HardwareTab::bannerText(none), QStringLiteral("No NVIDIA GPU detected — choose a target"));
        Detection amd;
        amd.amdGpu = true;
        QVERIFY(HardwareTab::bannerText(amd).startsWith(QLatin1String("No NVIDIA GPU detected")));
    }

    void detectedGpuHighlighted_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QString>("banner");
        QTest::addColumn<int>("capability");
        QTest::addRow("one-h100") << QByteArray("one-h100")
                                  << QStringLiteral("Detected: NVIDIA H100 80GB HBM3 — sm_90 Hopper, 80 GiB, driver 550.54.15") << 90;
        QTest::addRow("no-devices") << QByteArray("no-devices") << QStringLiteral("No NVIDIA GPU detected — choose a target") << 0;
    }

    void detectedGpuHighlighted()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QString, banner);
        QFETCH(int, capability);
        useFakeSmi(scenario.constData());
        MainWindow w;
        HardwareTab *tab = w.hardwareTab();
        QCOMPARE(shownBanner(tab), QStringLiteral("Detecting GPUs…"));
        QCOMPARE(tab->model()->highlightedColumn(), -1);
        QSignalSpy finished(w.session(), &StudioSession::detectionFinished);
        w.start({});
        QVERIFY(finished.wait(10000));
        QCOMPARE(shownBanner(tab), banner);
        const int column = capability ? columnOf(tab->model()->matrix(), capability) : -1;
        QCOMPARE(tab->model()->highlightedColumn(), column);
        if (column >= 0) {
            QVERIFY(tab->model()->index(0, column).data(MatrixModel::HighlightRole).toBool());
            QVERIFY(tab->model()->index(0, column).data(Qt::BackgroundRole).isValid());
            QVERIFY(!tab->model()->index(0, column - 1).data(Qt::BackgroundRole).isValid() || tab->model()->highlightedRow() == 0);
            QVERIFY(tab->model()->headerData(column, Qt::Horizontal).toString().startsWith(QStringLiteral("★")));
            QVERIFY(tab->model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("detected")));
        }
        w.close();
    }

    // The page is built when first shown; a detection that finished before must still reach it.
    void pageBuiltAfterDetectionShowsTheDetectedGpu()
    {
        useFakeSmi("one-h100");
        MainWindow w;
        QVERIFY(!w.findChild<HardwareTab *>());
        QSignalSpy finished(w.session(), &StudioSession::detectionFinished);
        w.start({});
        QVERIFY(finished.wait(10000));
        QVERIFY(!w.findChild<HardwareTab *>()); // not shown yet, not built yet
        w.pages()->setCurrentIndex(1);
        auto *tab = w.findChild<HardwareTab *>();
        QVERIFY(tab);
        QCOMPARE(tab, w.hardwareTab());
        QVERIFY(tab->isVisible());
        QVERIFY(shownBanner(tab).startsWith(QLatin1String("Detected: NVIDIA H100")));
        QCOMPARE(tab->model()->highlightedColumn(), columnOf(tab->model()->matrix(), 90));
        w.close();
    }

    // With a detected H100 and another target chosen, the matrix highlights the target's column
    // (the one every command is computed for) and marks the detected one; the banner says both,
    // and the engine panes say which GPU they were checked for.
    void targetGpuHighlightedDetectedMarked()
    {
        useFakeSmi("one-h100");
        MainWindow w;
        HardwareTab *tab = w.hardwareTab();
        QSignalSpy finished(w.session(), &StudioSession::detectionFinished);
        w.start({});
        QVERIFY(finished.wait(10000));
        QVERIFY(w.session()->setTargetGpuId(QStringLiteral("gpu:A10G")));
        const int target = columnOf(tab->model()->matrix(), 86);
        const int detected = columnOf(tab->model()->matrix(), 90);
        QVERIFY(target >= 0 && detected >= 0);
        QCOMPARE(tab->model()->highlightedColumn(), target);
        QCOMPARE(tab->model()->detectedColumn(), detected);
        QVERIFY(tab->model()->headerData(target, Qt::Horizontal).toString().startsWith(QStringLiteral("★")));
        QVERIFY(!tab->model()->headerData(detected, Qt::Horizontal).toString().startsWith(QStringLiteral("★")));
        QVERIFY(tab->model()->headerData(detected, Qt::Horizontal).toString().endsWith(QLatin1String("detected")));
        QVERIFY(tab->model()->headerData(target, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("the target GPU")));
        QVERIFY(shownBanner(tab).contains(QLatin1String("checking for the target A10G (sm_86)")));
        for (EnginePane *pane : w.findChildren<EnginePane *>())
            QVERIFY2(pane->gpuCheckText().startsWith(QLatin1String("Checked for A10G (sm_86)")), qPrintable(pane->gpuCheckText()));

        QVERIFY(w.session()->setTargetGpuId(QStringLiteral("none")));
        QCOMPARE(tab->model()->highlightedColumn(), -1);
        for (EnginePane *pane : w.findChildren<EnginePane *>())
            QVERIFY(pane->gpuCheckText().startsWith(QLatin1String("No target GPU")));
        QVERIFY(w.session()->setTargetGpuId(QStringLiteral("detected"))); // as the other tests expect
        w.close();
    }

    void methodRowFollowsDocumentAndDoubleClickApplies()
    {
        useFakeSmi("no-devices");
        MainWindow w;
        Json awq = w.document()->json();
        awq["quantization"]["method"] = "awq";
        w.document()->loadPreset(awq, QStringLiteral("awq"));
        HardwareTab *tab = w.hardwareTab();
        const CompatibilityMatrix &m = tab->model()->matrix();
        QCOMPARE(tab->model()->highlightedRow(), rowOf(m, "awq"));
        QVERIFY(tab->model()->headerData(rowOf(m, "awq"), Qt::Vertical, Qt::FontRole).value<QFont>().bold());

        QVERIFY(w.session()->setTargetGpuId(QStringLiteral("none")));
        QVERIFY(doubleClickCell(w, "fp8", 89));
        QCOMPARE(w.document()->config().quantization.methodOrNone(), std::string("fp8"));
        QCOMPARE(w.session()->targetGpuId(), QStringLiteral("sm_89"));
        QCOMPARE(tab->model()->highlightedRow(), rowOf(m, "fp8"));
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->config().quantization.methodOrNone(), std::string("awq"));
        QCOMPARE(tab->model()->highlightedRow(), rowOf(m, "awq"));
        w.document()->undoStack()->setClean();
        w.close();
    }

    // A double-click is one undo step of its own: it does not merge with a form edit of the method
    // just before it (nor does a form edit just after it merge into it).
    void doubleClickIsItsOwnUndoStep()
    {
        useFakeSmi("no-devices");
        MainWindow w;
        Json start = w.document()->json();
        start["quantization"]["method"] = "awq";
        w.document()->reset(start);
        QUndoStack *undo = w.document()->undoStack();

        chooseMethodInForm(w, QStringLiteral("gptq"));
        const Json afterForm = w.document()->json();
        QCOMPARE_JSON(afterForm["quantization"]["method"], Json("gptq"));
        QCOMPARE(undo->count(), 1);

        QVERIFY(doubleClickCell(w, "fp8", 89));
        const Json afterClick = w.document()->json();
        QCOMPARE_JSON(afterClick["quantization"]["method"], Json("fp8"));
        QCOMPARE(undo->count(), 2);
        QVERIFY(undo->undoText().contains(QLatin1String("matrix")));

        chooseMethodInForm(w, QStringLiteral("awq_marlin"));
        QCOMPARE(undo->count(), 3);

        undo->undo();
        QCOMPARE_JSON(w.document()->json(), afterClick);
        undo->undo(); // exactly the state before the double-click
        QCOMPARE_JSON(w.document()->json(), afterForm);
        undo->undo(); // then the form edit
        QCOMPARE_JSON(w.document()->json(), start);
        QVERIFY(!undo->canUndo());
        undo->redo();
        undo->redo();
        QCOMPARE_JSON(w.document()->json(), afterClick);
        undo->setClean();
        w.close();
    }

    // Each state has an icon of its own, in the cells and in the legend: "Unsupported" and "Not
    // targeted" shared one, as did "No such method" and "Unknown".
    void everyStateHasItsOwnIcon()
    {
        QList<QImage> seen;
        for (Support state : MatrixModel::allStates()) {
            const QImage image = supportIcon(state).pixmap(16, 16).toImage();
            QVERIFY2(!image.isNull(), supportName(state));
            QVERIFY2(!seen.contains(image), supportName(state));
            seen << image;
        }
        // The legend shows each of them.
        StudioSession session;
        HardwareTab tab(&session);
        QList<QImage> legend;
        for (const QLabel *label : tab.findChildren<QLabel *>()) {
            if (!label->pixmap().isNull())
                legend << label->pixmap().toImage();
        }
        QCOMPARE(legend.size(), seen.size());
        for (const QImage &image : seen)
            QVERIFY(legend.contains(image));
    }

    // A cell that does not run says what to use instead: a method that runs on that architecture,
    // computed by core (MatrixCell::alternative).
    void cellsThatDoNotRunSuggestAnAlternative()
    {
        StudioSession session;
        HardwareTab tab(&session);
        for (const QString &spec : {QString(), QStringLiteral("vllm"), QStringLiteral("sglang@v0.5.6")}) {
            tab.selectEngine(spec);
            const MatrixModel &model = *tab.model();
            int suggested = 0;
            for (int r = 0; r < model.rowCount(); ++r) {
                for (int c = 0; c < model.columnCount(); ++c) {
                    const MatrixCell &cell = model.matrix().cells[std::size_t(r)][std::size_t(c)];
                    const QString tip = model.index(r, c).data(Qt::ToolTipRole).toString();
                    if (cell.alternative.empty()) {
                        QVERIFY2(!tip.contains(QLatin1String("Instead")), qPrintable(tip));
                        continue;
                    }
                    ++suggested;
                    const int alt = rowOf(model.matrix(), cell.alternative);
                    QVERIFY(alt >= 0);
                    const auto state = Support(model.index(alt, c).data(MatrixModel::StateRole).toInt());
                    QVERIFY(state == Support::Supported || state == Support::WeightOnly);
                    QVERIFY2(tip.contains(QStringLiteral("<b>Instead:</b> %1 (%2").arg(QString::fromStdString(cell.alternative),
                                                                                       supportText(state).toLower())),
                             qPrintable(tip));
                }
            }
            QVERIFY2(suggested > 10, qPrintable(spec));
        }
        // qoq runs on no default engine version; w4a8 (4-bit weights, 8-bit activations) does on Hopper.
        tab.selectEngine(QString());
        const QString qoq = tab.model()->index(rowOf(tab.model()->matrix(), "qoq"), columnOf(tab.model()->matrix(), 90)).data(Qt::ToolTipRole).toString();
        QVERIFY2(qoq.contains(QLatin1String("<b>Instead:</b> w4a8")), qPrintable(qoq));
    }
};

QTEST_MAIN(TestStudioMatrix)
#include "tst_studio_matrix.moc"
