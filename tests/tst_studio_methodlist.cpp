#include "core/engines/capability.h"
#include "core/engines/matrix.h"
#include "core/engines/profile.h"
#include "core/methods.h"
#include "core/presets.h"
#include "core/schema.h"
#include "ui/config/configform.h"
#include "ui/config/methodlistmodel.h"
#include "ui/shared/statusstyle.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/state/studiosession.h"
#include "ui/window/mainwindow.h"

#include "formfixture.h"
#include "studiotestutil.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

// The state owners as in the main window, and the form that shows the method list.
struct Fixture : FormFixture
{
    QComboBox *methodCombo() { return studiotest::child<QComboBox>(&form, "/quantization/method"); }
    MethodListModel *model()
    {
        auto *model = qobject_cast<MethodListModel *>(methodCombo()->model());
        if (!model)
            qFatal("the Method list is not a MethodListModel");
        return model;
    }
    // The profiles the commands are made for: the ones the marks must speak of.
    std::vector<const EngineProfile *> profilesInUse() const
    {
        std::vector<const EngineProfile *> out;
        for (const std::string &engine : analysis.engines())
            out.push_back(ProfileRegistry::builtIn().find(engine, analysis.engineVersion(engine)));
        return out;
    }
};

int rowOf(const QAbstractItemModel &model, const QString &method)
{
    const QModelIndexList hits = model.match(model.index(0, 0), MethodListModel::MethodRole, method, 1, Qt::MatchExactly);
    return hits.isEmpty() ? -1 : hits.front().row();
}

Support stateAt(const QAbstractItemModel &model, int row, std::size_t engine)
{
    return static_cast<Support>(model.index(row, 0).data(MethodListModel::SupportRole).toList().at(static_cast<int>(engine)).toInt());
}

// What the hardware matrix says for @p method with @p profile in the column of compute
// capability @p cc (one the architecture table lists), and the capability check behind it.
const MatrixCell &matrixCell(const CompatibilityMatrix &matrix, const std::string &method, int cc)
{
    const auto row = std::find(matrix.methods.begin(), matrix.methods.end(), method) - matrix.methods.begin();
    const auto column = std::find_if(matrix.columns.begin(), matrix.columns.end(), [cc](const MatrixColumn &c) { return c.computeCapability == cc; });
    if (column == matrix.columns.end())
        qFatal("no matrix column for sm_%d", cc);
    return matrix.cells[static_cast<std::size_t>(row)][static_cast<std::size_t>(column - matrix.columns.begin())];
}

} // namespace

class TestStudioMethodList : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home); // the session reads the settings file: not the developer's
    }

    // Each row gives the catalogue's line and, per engine version in use, the state the core's
    // capability check gives on the target's compute capability: fp8 on an A10G (sm_86) and on an
    // H100 (sm_90).
    void rowsGiveTheDescriptionAndSupportOnTheTarget_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("cc");
        QTest::newRow("A10G") << QStringLiteral("gpu:A10G") << 86;
        QTest::newRow("H100") << QStringLiteral("gpu:H100 SXM") << 90;
    }

    void rowsGiveTheDescriptionAndSupportOnTheTarget()
    {
        QFETCH(QString, target);
        QFETCH(int, cc);
        Fixture f;
        QVERIFY(f.session.setTargetGpuId(target));
        MethodListModel *model = f.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(model->targetText().contains(QStringLiteral("sm_%1").arg(cc)), qPrintable(model->targetText()));

        const auto profiles = f.profilesInUse();
        QStringList names;
        for (const EngineProfile *p : profiles)
            names << QString::fromStdString(p->displayName());
        QCOMPARE(model->engineNames(), names);

        std::vector<CompatibilityMatrix> matrices; // the hardware matrix page's, per engine version in use
        for (const EngineProfile *p : profiles)
            matrices.push_back(buildMatrix(*p));
        const auto &methods = MethodCatalogue::builtIn().all();
        QCOMPARE(model->rowCount(), int(methods.size()) + 1); // + "not set"
        for (const MethodInfo &m : methods) {
            const int row = rowOf(*model, QString::fromStdString(m.name));
            QVERIFY2(row > 0, m.name.c_str());
            const QModelIndex index = model->index(row, 0);
            QCOMPARE(index.data(Qt::DisplayRole).toString().toStdString(), m.name); // the closed box: the name alone
            QCOMPARE(index.data(MethodListModel::DescriptionRole).toString().toStdString(), m.description);
            QCOMPARE(index.data(MethodListModel::SupportRole).toList().size(), int(profiles.size()));
            const QStringList reasons = index.data(MethodListModel::SupportReasonRole).toStringList();
            const QString tip = index.data(Qt::ToolTipRole).toString();
            QVERIFY(tip.startsWith(QString::fromStdString(m.description)));
            bool available = false;
            for (std::size_t e = 0; e < profiles.size(); ++e) {
                const MatrixCell &cell = matrixCell(matrices[e], m.name, cc);
                const QByteArray what = QByteArray::fromStdString(m.name + " on " + profiles[e]->engine());
                QVERIFY2(stateAt(*model, row, e) == cell.state, what);
                // The capability check itself, where the engine has the method and quantizes.
                const std::string value = engineMethodValue(*profiles[e], m.name);
                if (!value.empty() && value != "none")
                    QVERIFY2(stateAt(*model, row, e) == checkCapability(*profiles[e], value, cc).state, what);
                QVERIFY2(reasons.at(int(e)).contains(QString::fromStdString(cell.reason)), qPrintable(reasons.at(int(e))));
                QVERIFY2(reasons.at(int(e)).contains(QString::fromStdString(profiles[e]->version())), qPrintable(reasons.at(int(e))));
                QVERIFY(tip.contains(reasons.at(int(e))));
                available = available || cell.state != Support::NotAvailable;
            }
            QCOMPARE(index.data(MethodListModel::UsableRole).toBool(), available);
            QCOMPARE(index.data(Qt::DecorationRole).isNull(), available); // a method no version has is marked
            const QString spoken = index.data(Qt::AccessibleTextRole).toString();
            for (std::size_t e = 0; e < profiles.size(); ++e)
                QVERIFY2(spoken.contains(names.at(int(e)) + QStringLiteral(": ") + MethodListModel::supportWord(stateAt(*model, row, e))), qPrintable(spoken));
        }
    }

    // The states differ where the core says they differ: fp8 is not the same on an A10G and an H100
    // for at least one engine (the Ada/Hopper FP8 cores), and the list follows the target.
    void changingTheTargetUpdatesTheRows()
    {
        Fixture f;
        MethodListModel *model = f.model();
        const int fp8 = rowOf(*model, QStringLiteral("fp8"));
        QVERIFY(fp8 > 0);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

        QVERIFY(f.session.setTargetGpuId(QStringLiteral("gpu:A10G")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(model->targetText().startsWith(QLatin1String("A10G")));
        const auto profiles = f.profilesInUse();
        bool differs = false;
        for (std::size_t e = 0; e < profiles.size(); ++e) {
            const std::string value = engineMethodValue(*profiles[e], "fp8");
            QVERIFY(!value.empty());
            QVERIFY(stateAt(*model, fp8, e) == checkCapability(*profiles[e], value, 86).state);
            differs = differs || checkCapability(*profiles[e], value, 86).state != checkCapability(*profiles[e], value, 90).state;
        }
        QVERIFY2(differs, "the profiles no longer tell sm_86 from sm_90 for fp8: pick another example");

        QVERIFY(f.session.setTargetGpuId(QStringLiteral("gpu:H100 SXM")));
        QCOMPARE(changed.count(), 2);
        for (std::size_t e = 0; e < profiles.size(); ++e)
            QVERIFY(stateAt(*model, fp8, e) == checkCapability(*profiles[e], engineMethodValue(*profiles[e], "fp8"), 90).state);

        // An edit of the configuration that changes neither the target nor a version leaves the
        // marks alone (they are not recomputed on every keystroke).
        f.document.setValue("/parallelism/tensor_parallel_size", Json(2));
        QCOMPARE(changed.count(), 2);
    }

    // The marks are for the engine versions the commands are made for: choosing SGLang's older
    // version, which still has qoq, makes qoq available and unmarked.
    void choosingAnEngineVersionUpdatesTheRows()
    {
        Fixture f;
        MethodListModel *model = f.model();
        const int qoq = rowOf(*model, QStringLiteral("qoq"));
        QVERIFY(qoq > 0);
        QVERIFY(!model->index(qoq, 0).data(MethodListModel::UsableRole).toBool());
        const QString tip = model->index(qoq, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("No engine version in use runs qoq")), qPrintable(tip));

        // The version that has it, found from the profiles rather than named here.
        const EngineProfile *older = nullptr;
        for (const auto &p : ProfileRegistry::builtIn().all()) {
            if (!older && !engineMethodValue(*p, "qoq").empty())
                older = p.get();
        }
        QVERIFY(older);
        QVERIFY2(tip.contains(QString::fromStdString(older->displayName() + " " + older->version())), qPrintable(tip));

        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        f.session.setEngineVersion(older->engine(), older->version());
        QCOMPARE(changed.count(), 1);
        QVERIFY(model->index(qoq, 0).data(MethodListModel::UsableRole).toBool());
        QVERIFY(model->index(qoq, 0).data(Qt::DecorationRole).isNull());
        const auto engines = f.analysis.engines();
        const auto e = std::size_t(std::find(engines.begin(), engines.end(), older->engine()) - engines.begin());
        QVERIFY(stateAt(*model, qoq, e) != Support::NotAvailable);
        QVERIFY(model->index(qoq, 0).data(MethodListModel::SupportReasonRole).toStringList().at(int(e)).contains(QString::fromStdString(older->version())));
        f.session.setEngineVersion(older->engine(), {}); // the settings outlive the fixture: back to the default
    }

    // Without a target GPU each mark is the best the engine version gets on any architecture (the
    // matrix's row), and the list says no target is chosen.
    void withoutATargetTheMarksSaySupportOnAnyGpu()
    {
        Fixture f;
        QVERIFY(f.session.setTargetGpuId(QStringLiteral("none")));
        MethodListModel *model = f.model();
        QVERIFY(model->targetText().isEmpty());
        QVERIFY(model->index(0, 0).data(MethodListModel::DescriptionRole).toString().contains(QLatin1String("No target GPU")));
        const auto profiles = f.profilesInUse();
        for (std::size_t e = 0; e < profiles.size(); ++e) {
            const CompatibilityMatrix matrix = buildMatrix(*profiles[e]);
            for (std::size_t r = 0; r < matrix.methods.size(); ++r) {
                Support best = Support::NotAvailable;
                for (const MatrixCell &cell : matrix.cells[r]) {
                    if (supportRank(cell.state) > supportRank(best))
                        best = cell.state;
                }
                const int row = rowOf(*model, QString::fromStdString(matrix.methods[r]));
                QVERIFY2(stateAt(*model, row, e) == best, matrix.methods[r].c_str());
                const QString reason = model->index(row, 0).data(MethodListModel::SupportReasonRole).toStringList().at(int(e));
                if (best != Support::NotAvailable)
                    QVERIFY2(reason.contains(QLatin1String("no target GPU chosen")), qPrintable(reason));
            }
        }
    }

    // The open list is wide enough for every row's description and marks: the delegate's size hint
    // holds the description, and the popup is at least as wide as the widest hint.
    void theOpenListFitsTheDescriptions()
    {
        Fixture f;
        QVERIFY(f.session.setTargetGpuId(QStringLiteral("gpu:A10G")));
        f.form.resize(500, 600);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.form));
        QComboBox *combo = f.methodCombo();
        QAbstractItemView *view = combo->view();
        QAbstractItemModel *model = combo->model();
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.fontMetrics = view->fontMetrics();
        int widest = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex index = model->index(r, 0);
            const QSize hint = view->itemDelegate()->sizeHint(option, index);
            const QString description = index.data(MethodListModel::DescriptionRole).toString();
            QVERIFY2(!description.isEmpty(), qPrintable(index.data().toString()));
            QVERIFY2(hint.width() > view->fontMetrics().horizontalAdvance(description), qPrintable(description));
            QVERIFY2(hint.height() >= 2 * view->fontMetrics().height(), qPrintable(description)); // name line and description line
            widest = std::max(widest, hint.width());
        }
        combo->showPopup();
        QTRY_VERIFY(view->isVisible());
        QVERIFY2(view->viewport()->width() >= widest, qPrintable(QStringLiteral("%1 < %2").arg(view->viewport()->width()).arg(widest)));
        combo->hidePopup();
    }

    // Typing a method's first letters chooses it, as in any combo box, and the closed box shows the
    // name alone.
    void typingChoosesAMethod()
    {
        Fixture f;
        f.form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.form));
        QComboBox *combo = f.methodCombo();
        QVERIFY(qobject_cast<MethodListModel *>(combo->model()));
        combo->setFocus();
        QTest::keyClicks(combo, QStringLiteral("awq_m"));
        QCOMPARE(combo->currentText(), QStringLiteral("awq_marlin"));
        QCOMPARE(f.document.config().quantization.method.value(), std::string("awq_marlin"));
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(f.document.config().quantization.method.value(),
                 combo->model()->index(combo->currentIndex(), 0).data(MethodListModel::MethodRole).toString().toStdString());
    }

    // In the window at 1280×800, the open list lies on the screen whole and is as wide as its
    // widest row. Under a real X server (tools/screenshots.sh), QCFG_SCREENSHOT_DIR receives a
    // picture of the screen with the list open for an A10G.
    void theOpenListInTheWindow()
    {
        MainWindow w;
        QVERIFY(w.session()->setTargetGpuId(QStringLiteral("gpu:A10G")));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.revealField(QStringLiteral("/quantization/method"));
        auto *combo = studiotest::child<QComboBox>(&w, "/quantization/method");
        QVERIFY(qobject_cast<MethodListModel *>(combo->model()));
        combo->showPopup();
        QAbstractItemView *view = combo->view();
        QTRY_VERIFY(view->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(view->window()));
        int widest = 0;
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.fontMetrics = view->fontMetrics();
        for (int r = 0; r < combo->count(); ++r)
            widest = std::max(widest, view->itemDelegate()->sizeHint(option, combo->model()->index(r, 0)).width());
        const QRect popup = view->window()->frameGeometry();
        const QRect screen = combo->screen()->geometry();
        // The offscreen platform's screen is 800×600, smaller than the window: there, only the width.
        if (screen.contains(w.frameGeometry()))
            QVERIFY2(screen.contains(popup), qPrintable(QStringLiteral("the list at %1,%2 %3×%4").arg(popup.x()).arg(popup.y()).arg(popup.width()).arg(popup.height())));
        if (screen.width() >= widest + 40)
            QVERIFY2(view->viewport()->width() >= widest, qPrintable(QStringLiteral("%1 < %2").arg(view->viewport()->width()).arg(widest)));

        const QString shots = qEnvironmentVariable("QCFG_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QTest::qWait(500); // the popup's first paint
            QVERIFY(combo->screen()->grabWindow(0).save(QDir(shots).filePath(QStringLiteral("studio-methodlist-1280x800.png"))));
        }
        combo->hidePopup();
    }
};

QTEST_MAIN(TestStudioMethodList)
#include "tst_studio_methodlist.moc"
