#include "core/engines/autotuner.h"
#include "core/engines/deploy.h"
#include "core/engines/mapper.h"
#include "core/engines/profile.h"
#include "core/engines/render.h"
#include "core/presets.h"
#include "ui/benchmarks/benchmarkstab.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/configform.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/window/documentfiles.h"
#include "ui/config/enginepane.h"
#include "ui/config/jsoneditortab.h"
#include "ui/window/lazypages.h"
#include "ui/window/mainwindow.h"
#include "ui/config/presetlistmodel.h"
#include "ui/config/presetpanel.h"
#include "ui/benchmarks/sloeditor.h"
#include "ui/window/startoptions.h"
#include "ui/state/studiosession.h"
#include "ui/window/targetgpupicker.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QTabBar>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QAbstractSpinBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

// What `quantcfg map` prints for @p doc on @p engine at @p version (default: newest).
QString expectedCommand(const Json &doc, const std::string &engine, CommandLayout layout, const std::string &version = {})
{
    const EngineProfile *profile = ProfileRegistry::builtIn().find(engine, version);
    return QString::fromStdString(renderCommand(mapConfig(Config::fromJson(doc), *profile), layout));
}

// The engine panes and their controls, found by the objectNames the studio gives them.
QList<EnginePane *> enginePanes(const MainWindow &w)
{
    return w.findChildren<EnginePane *>();
}
EnginePane *enginePane(const MainWindow &w, const std::string &engine)
{
    return studiotest::child<EnginePane>(&w, QStringLiteral("EnginePane:") + QString::fromStdString(engine));
}
QPlainTextEdit *commandView(const EnginePane *pane)
{
    return studiotest::child<QPlainTextEdit>(pane, "CommandText");
}
QComboBox *versionPicker(const EnginePane *pane)
{
    return studiotest::child<QComboBox>(pane, "VersionPicker");
}
QAbstractButton *layoutButton(const EnginePane *pane)
{
    return studiotest::child<QAbstractButton>(pane, "CommandLayout");
}
QAbstractButton *copyButton(const EnginePane *pane)
{
    return studiotest::child<QAbstractButton>(pane, "CopyCommand");
}
QAbstractButton *copyFileButton(const EnginePane *pane)
{
    return studiotest::child<QAbstractButton>(pane, "CopyFile");
}

// The Config page's parts, by their objectNames; a form field's editor is named by its pointer.
ConfigForm *form(const MainWindow &w)
{
    return studiotest::child<ConfigForm>(&w, "ConfigForm");
}
template<typename Editor>
Editor *field(const MainWindow &w, const char *pointer)
{
    return studiotest::child<Editor>(&w, pointer);
}
JsonEditorTab *jsonTab(const MainWindow &w)
{
    return studiotest::child<JsonEditorTab>(&w, "JsonEditorTab");
}
QTabWidget *configTabs(const MainWindow &w)
{
    return studiotest::child<QTabWidget>(&w, "ConfigTabs");
}
QTreeView *diagnosticsView(const MainWindow &w)
{
    return studiotest::child<QTreeView>(&w, "Diagnostics");
}
// The rows of the diagnostics list: what its view shows.
QAbstractItemModel *diagnostics(const MainWindow &w)
{
    return diagnosticsView(w)->model();
}

} // namespace

class TestStudioWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // Each pane must show exactly what `quantcfg map` prints for the document, in both layouts.
    void verifyPanesMatchDocument(MainWindow &w)
    {
        QCOMPARE(enginePanes(w).size(), static_cast<qsizetype>(w.analysis()->engines().size()));
        for (EnginePane *pane : enginePanes(w)) {
            const std::string version = w.analysis()->engineVersion(pane->engine());
            const QString multi = expectedCommand(w.document()->json(), pane->engine(), CommandLayout::MultiLine, version);
            if (multi.isEmpty())
                continue; // unsupported: the pane explains instead
            QCOMPARE(commandView(pane)->toPlainText(), multi);
            layoutButton(pane)->click();
            QCOMPARE(commandView(pane)->toPlainText(),
                     expectedCommand(w.document()->json(), pane->engine(), CommandLayout::OneLine, version));
            layoutButton(pane)->click();
            QCOMPARE(commandView(pane)->toPlainText(), multi);
        }
    }

    // A writable copy of a fixture: tests that save must never write into tests/data.
    QString fixtureCopy(const char *relative)
    {
        static int counter = 0;
        const QString path = m_home.filePath(QStringLiteral("fixture-%1.json").arg(++counter));
        QFile::copy(QString::fromStdString(testutil::dataPath(relative)), path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home);
    }

    void startsOnTheDefaultPreset()
    {
        MainWindow w;
        QCOMPARE_JSON(w.document()->json(), builtInPresets().front().document);
        QCOMPARE(QString::fromStdString(builtInPresets().front().name), QStringLiteral("universal-fp8"));
        QVERIFY(!w.document()->isModified());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Untitled[*]")));
        QCOMPARE(studiotest::child<QAbstractItemView>(&w, "PresetList")->currentIndex().data().toString(), QStringLiteral("universal-fp8"));
        QVERIFY(enginePane(w, "vllm")->commandText().contains(QString::fromLatin1(kDefaultModel)));
        verifyPanesMatchDocument(w);
    }

    // Text typed in the JSON tab that does not parse never reached the document; dropping the
    // document must not throw it away without asking.
    void unparsedJsonTextIsNotDroppedSilently()
    {
        MainWindow w;
        w.files()->setUnsavedChangesPrompt([](const QString &) { return QMessageBox::Discard; });
        QString asked;
        w.files()->setUnparsedTextPrompt([&](const QString &error) {
            asked = error;
            return QMessageBox::Cancel;
        });
        const QString typed = QStringLiteral("{\"quantization\": {\"method\": ");
        jsonTab(w)->editor()->setPlainText(typed);
        QVERIFY(!jsonTab(w)->errorText().isEmpty());
        QVERIFY(!w.document()->isModified());
        QVERIFY(!w.files()->newDocument());
        QCOMPARE(asked, jsonTab(w)->errorText());
        QVERIFY(asked.contains(QLatin1String("ine "))); // says where: line and column
        QCOMPARE(configTabs(w)->currentWidget(), jsonTab(w));
        QCOMPARE(jsonTab(w)->editor()->toPlainText(), typed);

        w.files()->setUnparsedTextPrompt([](const QString &) { return QMessageBox::Discard; });
        QVERIFY(w.files()->newDocument());
        QVERIFY(jsonTab(w)->errorText().isEmpty());
    }

    void toolbarUndoKeepsAShortLabel()
    {
        MainWindow w;
        w.document()->setValue("/quantization/method", Json("awq"));
        QToolButton *undo = nullptr;
        for (QToolButton *b : w.findChildren<QToolButton *>()) {
            if (b->defaultAction() && b->defaultAction()->shortcut() == QKeySequence(QKeySequence::Undo))
                undo = b;
        }
        QVERIFY(undo);
        QCOMPARE(undo->text(), QStringLiteral("Undo"));
        QCOMPARE(undo->defaultAction()->text(), QStringLiteral("&Undo Change Method")); // the menu entry says what, in the form's words
        QVERIFY(undo->toolTip().contains(QLatin1String("Change Method")));
    }

    void selectingAPresetFillsFormAndPanes_data()
    {
        QTest::addColumn<QString>("name");
        for (const Preset &p : builtInPresets())
            QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
    }

    void selectingAPresetFillsFormAndPanes()
    {
        QFETCH(QString, name);
        MainWindow w;
        // Start from another preset so that selecting this one changes something.
        w.document()->reset(Json::parse(R"({"quantization": {"method": "none"}})"));
        auto *panel = studiotest::child<PresetPanel>(&w, "PresetPanel");
        const int row = panel->model()->rowOf(name);
        QVERIFY(row >= 0);
        panel->selectPreset({}); // as after opening a file
        studiotest::choosePreset(&w, name);

        const Json &preset = panel->model()->entry(row).preset.document;
        QCOMPARE_JSON(w.document()->json(), preset);
        QVERIFY(w.document()->isModified());
        // The form shows it.
        auto *method = field<QComboBox>(w, "/quantization/method");
        QCOMPARE(method->currentText(), QString::fromStdString(preset["quantization"]["method"].get<std::string>()));
        // The badges are the panes' statuses.
        const QVariantList statuses = panel->model()->index(row).data(PresetListModel::StatusesRole).toList();
        const std::vector<std::string> &engines = w.analysis()->engines();
        QCOMPARE(statuses.size(), static_cast<qsizetype>(engines.size()));
        for (std::size_t i = 0; i < engines.size(); ++i)
            QCOMPARE(statuses[static_cast<int>(i)].toInt(), int(enginePane(w, engines[i])->plan().status));
        verifyPanesMatchDocument(w);

        // Loading a preset is one undo step.
        w.document()->undoStack()->undo();
        QCOMPARE_JSON(w.document()->json(), Json::parse(R"({"quantization": {"method": "none"}})"));
        w.document()->undoStack()->redo();
        QCOMPARE_JSON(w.document()->json(), preset);
    }

    void otherEngineVersionsAreMappedWithTheirProfile()
    {
        MainWindow w;
        for (EnginePane *pane : enginePanes(w)) {
            QComboBox *combo = versionPicker(pane);
            for (int i = 0; i < combo->count(); ++i) {
                combo->setCurrentIndex(i);
                emit combo->activated(i);
                const std::string version = combo->itemData(i).toString().toStdString();
                QCOMPARE(pane->plan().version, version);
                QCOMPARE(commandView(pane)->toPlainText(),
                         expectedCommand(w.document()->json(), pane->engine(), CommandLayout::MultiLine, version));
            }
            combo->setCurrentIndex(0);
            emit combo->activated(0);
        }
    }

    // Choosing another engine version says in one line what that did to the command.
    void switchingVersionsSaysWhatChanged()
    {
        MainWindow w;
        const auto choose = [](EnginePane *pane, const QString &version) {
            QComboBox *combo = versionPicker(pane);
            const int i = combo->findData(version);
            QVERIFY(i >= 0);
            combo->setCurrentIndex(i);
            emit combo->activated(i);
        };
        choose(enginePane(w, "vllm"), QStringLiteral("main-2026-08-14"));
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("vLLM main-2026-08-21 → main-2026-08-14: command unchanged"));

        // SGLang after v0.5.19 refuses --quantization marlin: the method has no command there.
        w.document()->setValue("/quantization/method", Json("marlin"));
        choose(enginePane(w, "sglang"), QStringLiteral("partial-after-v0.5.19"));
        QCOMPARE(w.statusBar()->currentMessage(),
                 QStringLiteral("SGLang main-2026-08-22 → partial-after-v0.5.19: no command on partial-after-v0.5.19 (unsupported)"));
        choose(enginePane(w, "sglang"), QStringLiteral("main-2026-08-22"));
        QCOMPARE(w.statusBar()->currentMessage(),
                 QStringLiteral("SGLang partial-after-v0.5.19 → main-2026-08-22: a command on main-2026-08-22 (partial-after-v0.5.19 had none)"));
    }

    void editingAFieldUpdatesTheCommands()
    {
        MainWindow w;
        const QString before = enginePane(w, "vllm")->commandText();
        auto *tp = field<QSpinBox>(w, "/parallelism/tensor_parallel_size");
        tp->setValue(8);
        QCOMPARE(w.document()->config().parallelism.tp(), 8);
        QVERIFY(enginePane(w, "vllm")->commandText() != before);
        QVERIFY(enginePane(w, "vllm")->commandText().contains(QStringLiteral("8")));
        verifyPanesMatchDocument(w);
        QVERIFY(w.document()->isModified());
        QVERIFY(w.isWindowModified());

        w.document()->undoStack()->undo();
        QCOMPARE(enginePane(w, "vllm")->commandText(), before);
        QVERIFY(!w.isWindowModified());
        w.document()->undoStack()->redo();
        QCOMPARE(tp->value(), 8);
        verifyPanesMatchDocument(w);
    }

    void invalidValuesAreMarkedAndListed()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.document()->setValue("/quantization/weight_bits", Json(4)); // fp8 has 8-bit weights

        QCOMPARE(form(w)->fieldMessage("/quantization/weight_bits"), QStringLiteral("fp8 checkpoints do not have 4-bit weights"));
        const QModelIndexList hits = diagnostics(w)->match(diagnostics(w)->index(0, 0), DiagnosticsModel::PointerRole,
                                                           QStringLiteral("/quantization/weight_bits"), -1, Qt::MatchExactly);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.front().data(DiagnosticsModel::SeverityRole).toInt(), int(Severity::Error));

        // Clicking the entry focuses the field.
        configTabs(w)->setCurrentWidget(jsonTab(w));
        QTreeView *view = diagnosticsView(w);
        view->scrollTo(hits.front());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(hits.front()).center());
        QCOMPARE(configTabs(w)->currentWidget(), static_cast<QWidget *>(form(w)));
        QTRY_COMPARE(QApplication::focusWidget(), field<QWidget>(w, "/quantization/weight_bits"));

        // An unknown key has no field: the JSON tab shows it.
        w.document()->setValue("/x_note", Json("hi"));
        const QModelIndexList unknown = diagnostics(w)->match(diagnostics(w)->index(0, 0), DiagnosticsModel::PointerRole,
                                                              QStringLiteral("/x_note"), -1, Qt::MatchExactly);
        QCOMPARE(unknown.size(), 1);
        w.revealField(QStringLiteral("/x_note"));
        QCOMPARE(configTabs(w)->currentWidget(), static_cast<QWidget *>(jsonTab(w)));
        QCOMPARE(jsonTab(w)->editor()->textCursor().selectedText(), QStringLiteral("\"x_note\""));
    }

    // Opening a file shows its findings from the top: the worst first, nothing scrolled away.
    void openedFileShowsItsErrorsFirst()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        Json doc = builtInPresets()[1].document;
        doc["quantization"]["weight_bits"] = 3;
        const QString path = m_home.filePath(QStringLiteral("with-error.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(doc.dump(2)));
        file.close();
        QVERIFY(w.files()->openFile(path));
        QTest::qWait(50); // the wrapped rows are laid out again once the column widths settle
        QTreeView *view = diagnosticsView(w);
        const QModelIndex first = diagnostics(w)->index(0, 0);
        QCOMPARE(first.data(DiagnosticsModel::SeverityRole).toInt(), int(Severity::Error));
        QCOMPARE(view->verticalScrollBar()->value(), 0);
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(first)));
    }

    void diagnosticsCanBeCopied()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.document()->setValue("/quantization/weight_bits", Json(4));
        w.document()->setValue("/x_note", Json("hi"));
        QTreeView *view = diagnosticsView(w);
        const QModelIndexList bits = diagnostics(w)->match(diagnostics(w)->index(0, 0), DiagnosticsModel::PointerRole,
                                                           QStringLiteral("/quantization/weight_bits"), -1, Qt::MatchExactly);
        const QModelIndexList note = diagnostics(w)->match(diagnostics(w)->index(0, 0), DiagnosticsModel::PointerRole,
                                                           QStringLiteral("/x_note"), -1, Qt::MatchExactly);
        QCOMPARE(bits.size(), 1);
        QCOMPARE(note.size(), 1);

        // Select both (Ctrl+click adds to the selection) and press Ctrl+C in the list.
        view->setFocus();
        view->scrollTo(bits.front());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(bits.front()).center());
        view->scrollTo(note.front());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(note.front()).center());
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
        QApplication::clipboard()->clear();
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Copy);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.contains(QStringLiteral("Error: fp8 checkpoints do not have 4-bit weights (/quantization/weight_bits, Rules) [semantic.weight-bits]")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(lines.contains(QStringLiteral("Warning: unknown key 'x_note' (kept when saving, ignored by quantcfg) (/x_note, Schema) [schema.unknown-key]")),
                 qPrintable(lines.join(QLatin1Char('|'))));

        // Copy All takes every row, selected or not, from the list's context menu.
        const QList<QAction *> actions = view->actions();
        const auto all = std::find_if(actions.begin(), actions.end(), [](QAction *a) { return a->text() == QStringLiteral("Copy &All"); });
        QVERIFY(all != actions.end());
        QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        (*all)->trigger();
        QCOMPARE(QApplication::clipboard()->text().split(QLatin1Char('\n')).size(), diagnostics(w)->rowCount());
    }

    void copyPutsTheExactCommandOnTheClipboard()
    {
        MainWindow w;
        for (EnginePane *pane : enginePanes(w)) {
            if (pane->plan().argv.empty())
                continue;
            QApplication::clipboard()->clear();
            copyButton(pane)->click();
            const std::string version = w.analysis()->engineVersion(pane->engine());
            QCOMPARE(QApplication::clipboard()->text(), expectedCommand(w.document()->json(), pane->engine(), CommandLayout::MultiLine, version));
            QCOMPARE(copyButton(pane)->text(), QStringLiteral("Copied"));
            QTRY_COMPARE_WITH_TIMEOUT(copyButton(pane)->text(), QStringLiteral("&Copy"), 3000);
            if (!pane->plan().files.empty()) {
                copyFileButton(pane)->click();
                QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(pane->plan().files.front().content));
            }
        }
        // The TensorRT-LLM pane has its YAML.
        QVERIFY(!enginePane(w, "trtllm")->extraFileText().isEmpty());
    }

    void saveOpenRoundTripKeepsUnknownKeys()
    {
        MainWindow w;
        QVERIFY(w.files()->openFile(fixtureCopy("studio/unknown-keys.json")));
        const Json original = w.document()->json();
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("fixture-")));
        w.document()->setValue("/dtype", Json("bfloat16"));

        const QString path = m_home.filePath(QStringLiteral("roundtrip.json"));
        QVERIFY(w.files()->saveTo(path));
        QVERIFY(!w.document()->isModified());
        QVERIFY(w.files()->openFile(path));
        Json expected = original;
        expected["dtype"] = "bfloat16";
        QCOMPARE_JSON(w.document()->json(), expected);
        QCOMPARE(QString::fromStdString(w.document()->json()["quantization"]["x_calibration"]["dataset"].get<std::string>()),
                 QStringLiteral("pile"));
    }

    void unsavedChangesGuard()
    {
        MainWindow w;
        const QString other = fixtureCopy("studio/unknown-keys.json");
        int asked = 0;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        w.files()->setUnsavedChangesPrompt([&](const QString &) {
            ++asked;
            return answer;
        });
        QString chosenPath;
        w.files()->setSaveFileChooser([&](const QString &, const QString &, const QString &) { return chosenPath; });
        // A changed preset is named before it is saved (changedPresetIsMarkedAndNamedOnSave): take the suggestion.
        w.files()->setNamingPrompt([](const QString &, const DocumentFiles::Naming &suggested) { return suggested; });

        // Unmodified: no question.
        QVERIFY(w.files()->openFile(other));
        QCOMPARE(asked, 0);

        // Cancel keeps the edit, on open, new and close.
        w.document()->setValue("/dtype", Json("float16"));
        QVERIFY(!w.files()->newDocument());
        QVERIFY(!w.files()->openFile(other));
        w.show();
        QVERIFY(!w.close());
        QCOMPARE(asked, 3);
        QCOMPARE(w.document()->config().dtype.value(), std::string("float16"));
        QVERIFY(w.isVisible());

        // Save writes the document's file, then goes on.
        answer = QMessageBox::Save;
        QVERIFY(w.files()->saveTo(m_home.filePath(QStringLiteral("guard.json"))));
        w.document()->setValue("/dtype", Json("float32"));
        QVERIFY(w.files()->newDocument());
        QCOMPARE(w.document()->filePath(), QString());
        ConfigDocument check;
        QVERIFY(check.load(m_home.filePath(QStringLiteral("guard.json"))));
        QCOMPARE(check.config().dtype.value(), std::string("float32"));

        // A new document with changes: Save asks for a file name; cancelling the dialog cancels.
        w.document()->setValue("/dtype", Json("float16"));
        chosenPath.clear();
        QVERIFY(!w.files()->openFile(other));
        chosenPath = m_home.filePath(QStringLiteral("guard2.json"));
        QVERIFY(w.files()->openFile(other));
        QVERIFY(QFile::exists(chosenPath));

        // Discard drops the edit.
        answer = QMessageBox::Discard;
        w.document()->setValue("/dtype", Json("float16"));
        QVERIFY(w.close());
    }

    void exportWritesAnExecutableScript()
    {
        MainWindow w;
        const QString path = m_home.filePath(QStringLiteral("launch-vllm.sh"));
        QVERIFY(w.files()->exportScript(QStringLiteral("vllm"), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), renderScript(*w.analysis()->plan("vllm")));
        QVERIFY(file.permissions() & QFileDevice::ExeOwner);

        const QString yaml = m_home.filePath(QStringLiteral("extra.yaml"));
        QVERIFY(w.files()->saveExtraFile(QStringLiteral("trtllm"), yaml));
        QFile yamlFile(yaml);
        QVERIFY(yamlFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(yamlFile.readAll()), enginePane(w, "trtllm")->extraFileText());
    }

    void droppingAJsonFileOpensIt()
    {
        MainWindow w;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixtureCopy("studio/unknown-keys.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QCOMPARE(w.document()->config().name.value(), std::string("with-extras"));

        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(&w, &refused);
        QVERIFY(!refused.isAccepted());
    }

    // Text fields take any drop as text: files go to the page that takes them instead.
    void filesDroppedOnAFieldGoToThePage()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto dragOnto = [](QWidget *target, const QMimeData &mime) {
            const QPoint at = target->rect().center();
            QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &enter);
            QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &move);
            QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(target, &drop);
            return drop.isAccepted();
        };

        // A configuration dropped on the model field opens; the field does not get its URL.
        auto *model = field<QLineEdit>(w, "/model/id_or_path");
        QVERIFY(model);
        const QString before = model->text();
        // File managers offer the file as a URL and as text; a field takes the text.
        const QUrl file = QUrl::fromLocalFile(fixtureCopy("studio/unknown-keys.json"));
        QMimeData config;
        config.setUrls({file});
        config.setText(file.toString());
        QVERIFY(dragOnto(model, config));
        QCOMPARE(w.document()->config().name.value(), std::string("with-extras"));
        QVERIFY(!model->text().contains(QStringLiteral("file:")));

        // On the JSON editor too (the drop lands on its viewport).
        w.document()->reset(builtInPresets().front().document);
        QVERIFY(dragOnto(jsonTab(w)->editor()->viewport(), config));
        QCOMPARE(w.document()->config().name.value(), std::string("with-extras"));

        // Text stays with the field; so do files the window does not open.
        QMimeData text;
        text.setText(QStringLiteral("org/model"));
        model->clear();
        QVERIFY(dragOnto(model, text));
        QCOMPARE(model->text(), QStringLiteral("org/model"));
        // A folder (a local model) is not a configuration: the field gets its path, not its URL, and
        // the document takes it like typing.
        QMimeData folder;
        folder.setUrls({QUrl::fromLocalFile(m_home.path())});
        folder.setText(folder.urls().front().toString());
        const std::string name = w.document()->config().name.value_or("");
        model->clear();
        QVERIFY(dragOnto(model, folder));
        QCOMPARE(w.document()->config().name.value_or(""), name);
        QCOMPARE(model->text(), QDir::toNativeSeparators(m_home.path()));
        QCOMPARE(QString::fromStdString(w.document()->json().at("model").at("id_or_path").get<std::string>()), m_home.path());
        w.document()->undoStack()->undo(); // one step, like a paste
        QVERIFY(model->text() != QDir::toNativeSeparators(m_home.path()));

        // Result files dropped on a field of the benchmarks tab are imported.
        BenchmarksTab *bench = w.benchmarksTab();
        w.pages()->setCurrentWidget(bench);
        const QList<QAbstractSpinBox *> limits = studiotest::child<SloEditor>(bench, "SloEditor")->findChildren<QAbstractSpinBox *>();
        QVERIFY(!limits.isEmpty());
        QMimeData results;
        results.setUrls({QUrl::fromLocalFile(QStringLiteral(QCFG_TEST_DATA "/bench/tidy-wide.csv"))});
        results.setText(results.urls().front().toString());
        QSignalSpy imported(bench, &BenchmarksTab::importFinished);
        QVERIFY(dragOnto(limits.front(), results));
        QVERIFY(imported.wait(20000));
        QCOMPARE(bench->imports().size(), std::size_t(1));
    }

    // Alt+letter must lead to one place on each page: two labels, buttons, tabs or menus sharing a
    // mnemonic make the keystroke cycle between them (only the three identical Copy buttons do that
    // on purpose).
    void mnemonicsAreUniqueOnEveryPage()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList clashes;
        for (int page = 0; page < w.pages()->count(); ++page) {
            w.pages()->setCurrentIndex(page);
            QMap<QChar, QStringList> owners;
            const auto add = [&owners](const QString &text, const QString &where) {
                for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
                    if (text.at(i + 1) != u'&') {
                        owners[text.at(i + 1).toLower()] << where + QStringLiteral(" \"") + text + u'"';
                        break;
                    }
                }
            };
            for (QAction *menu : w.menuBar()->actions())
                add(menu->text(), QStringLiteral("menu"));
            for (QWidget *child : w.findChildren<QWidget *>()) {
                if (!child->isVisibleTo(&w))
                    continue;
                if (auto *button = qobject_cast<QAbstractButton *>(child))
                    add(button->text(), QStringLiteral("button"));
                else if (auto *label = qobject_cast<QLabel *>(child); label && label->buddy())
                    add(label->text(), QStringLiteral("label"));
                else if (auto *box = qobject_cast<QGroupBox *>(child))
                    add(box->title(), QStringLiteral("group"));
                else if (auto *bar = qobject_cast<QTabBar *>(child)) {
                    for (int t = 0; t < bar->count(); ++t)
                        add(bar->tabText(t), QStringLiteral("tab"));
                }
            }
            for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
                QStringList distinct = it.value();
                distinct.removeDuplicates();
                if (distinct.size() > 1)
                    clashes << QStringLiteral("page %1, Alt+%2: %3").arg(page).arg(it.key().toUpper()).arg(distinct.join(QStringLiteral(", ")));
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    }

    // The session owns the target GPU and the chosen engine versions: it announces each change once,
    // and the views (analysis, panes, toolbar picker) follow it.
    void sessionAnnouncesChangesAndViewsFollow()
    {
        MainWindow w;
        StudioSession *session = w.session();
        auto *picker = w.findChild<TargetGpuPicker *>();
        QVERIFY(picker);
        QSignalSpy target(session, &StudioSession::targetGpuChanged);
        QVERIFY(session->setTargetGpuId(QStringLiteral("sm_90")));
        QVERIFY(session->setTargetGpuId(QStringLiteral("sm_90"))); // no change, no signal
        QVERIFY(!session->setTargetGpuId(QStringLiteral("gpu:no such GPU")));
        QCOMPARE(target.count(), 1);
        QCOMPARE(picker->currentData().toString(), QStringLiteral("sm_90"));
        QCOMPARE(w.analysis()->mapOptions().gpu->computeCapability, 90);
        // The picker hands the user's choice to the session.
        picker->setCurrentIndex(picker->findData(QStringLiteral("none")));
        QCOMPARE(session->targetGpuId(), QStringLiteral("none"));
        QCOMPARE(target.count(), 2);
        QVERIFY(!w.analysis()->mapOptions().gpu);

        // A detected GPU is offered and, with nothing else chosen before, chosen.
        Settings().setTargetGpu(QString());
        Detection one;
        DetectedGpu l40s;
        l40s.name = "NVIDIA L40S";
        l40s.computeCapability = 89;
        l40s.memoryGiB = 44.5;
        one.gpus.push_back(l40s);
        session->setDetection(one);
        QCOMPARE(session->targetGpuId(), QStringLiteral("detected"));
        QCOMPARE(picker->currentData().toString(), QStringLiteral("detected"));
        QVERIFY(picker->currentText().contains(QLatin1String("NVIDIA L40S (detected")));
        QVERIFY(session->setTargetGpuId(QStringLiteral("none")));

        // Engine versions: one signal per change, seen by every session (they share the settings).
        StudioSession other;
        QSignalSpy chosen(session, &StudioSession::engineVersionChanged);
        QSignalSpy seen(&other, &StudioSession::engineVersionChanged);
        session->setEngineVersion("vllm", "v0.11.0");
        session->setEngineVersion("vllm", "v0.11.0");
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.front().front().toString(), QStringLiteral("vllm"));
        QCOMPARE(seen.count(), 1);
        QCOMPARE(other.engineVersion("vllm"), std::string("v0.11.0"));
        QCOMPARE(w.analysis()->plan("vllm")->version, std::string("v0.11.0"));
        QCOMPARE(enginePane(w, "vllm")->currentVersion(), std::string("v0.11.0"));
        verifyPanesMatchDocument(w);
        session->setEngineVersion("vllm", "");
        w.document()->undoStack()->setClean();
    }

    // A configuration that pins an engine version (engine_versions) wins over the session's choice;
    // the pane shows the pinned version and does not offer to change it. Undo gives the choice back.
    void configPinnedVersionWins()
    {
        MainWindow w;
        EnginePane *vllm = enginePane(w, "vllm");
        w.session()->setEngineVersion("vllm", "v0.11.0");
        QVERIFY(!vllm->isVersionPinned());
        QCOMPARE(w.analysis()->engineVersion("vllm"), std::string("v0.11.0"));

        w.document()->setValue("/engine_versions", Json{{"vllm", "2025-12"}}); // a former id
        QCOMPARE(w.analysis()->engineVersion("vllm"), std::string("main-2025-12-31"));
        QVERIFY(w.analysis()->isEngineVersionPinned("vllm"));
        QVERIFY(!w.analysis()->isEngineVersionPinned("sglang"));
        QCOMPARE(w.analysis()->plan("vllm")->version, std::string("main-2025-12-31"));
        QCOMPARE(vllm->currentVersion(), std::string("main-2025-12-31"));
        QVERIFY(vllm->isVersionPinned());
        QVERIFY(!versionPicker(vllm)->isEnabled());
        verifyPanesMatchDocument(w);

        // The session's choice changes nothing while the pin is there.
        w.session()->setEngineVersion("vllm", "main-2026-08-14");
        QCOMPARE(w.analysis()->plan("vllm")->version, std::string("main-2025-12-31"));

        w.document()->undoStack()->undo();
        QCOMPARE(w.analysis()->plan("vllm")->version, std::string("main-2026-08-14"));
        QVERIFY(!vllm->isVersionPinned());
        QCOMPARE(vllm->currentVersion(), std::string("main-2026-08-14"));

        // A pin that names no version is an error at its field, and the choice stays in force.
        w.document()->setValue("/engine_versions", Json{{"vllm", "v9"}});
        const Diagnostics &diags = w.analysis()->diagnostics();
        QVERIFY(std::any_of(diags.begin(), diags.end(), [](const Diagnostic &d) {
            return d.code == "engine-versions.unknown-version" && d.pointer == "/engine_versions/vllm";
        }));
        QCOMPARE(w.analysis()->plan("vllm")->version, std::string("main-2026-08-14"));
        w.session()->setEngineVersion("vllm", "");
        w.document()->undoStack()->setClean();
    }

    // A page added with addLazyPage() is built once, the first time it is shown or asked for.
    void lazyPagesBuildOnFirstUse()
    {
        LazyPages pages;
        pages.addTab(new QLabel(QStringLiteral("first")), QStringLiteral("First"));
        int built = 0;
        const int index = pages.addLazyPage(QStringLiteral("Second"), [&built](QWidget *parent) {
            ++built;
            return new QLabel(QStringLiteral("second"), parent);
        });
        QCOMPARE(index, 1);
        QVERIFY(pages.isBuilt(0));
        QVERIFY(!pages.isBuilt(1));
        QCOMPARE(built, 0);
        pages.setCurrentIndex(1);
        QCOMPARE(built, 1);
        QVERIFY(pages.isBuilt(1));
        QCOMPARE(pages.page<QLabel>(1)->text(), QStringLiteral("second"));
        QCOMPARE(built, 1);
        QCOMPARE(pages.page(2), nullptr);
    }

    // The command line is parsed once into StartOptions; --tab names a page, unknown ones are ignored.
    void startOptionsFromTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("page"); // -1: none
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        const QString x = QStringLiteral("x.json");
        QTest::newRow("nothing") << QStringList{} << QString() << -1 << QStringList{} << QStringList{};
        QTest::newRow("a file") << QStringList{x} << x << -1 << QStringList{} << QStringList{};
        QTest::newRow("tab=bench") << QStringList{QStringLiteral("--tab=bench")} << QString() << int(MainWindow::BenchmarksPage) << QStringList{} << QStringList{};
        QTest::newRow("tab matrix") << QStringList{QStringLiteral("--tab"), QStringLiteral("matrix")} << QString() << int(MainWindow::MatrixPage) << QStringList{} << QStringList{};
        QTest::newRow("unknown tab") << QStringList{QStringLiteral("--tab"), QStringLiteral("nope")} << QString() << -1 << QStringList{} << QStringList{};
        QTest::newRow("imports") << QStringList{QStringLiteral("--bench"), QStringLiteral("a.csv"), QStringLiteral("--bench=b.csv"), QStringLiteral("--bench-after"), QStringLiteral("c.csv"), x}
                                 << x << -1 << QStringList{QStringLiteral("a.csv"), QStringLiteral("b.csv")} << QStringList{QStringLiteral("c.csv")};
    }
    void startOptionsFromTheCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(int, page);
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QCommandLineParser parser;
        StartOptions::addTo(parser);
        QVERIFY(parser.parse(QStringList{QStringLiteral("quantcfg-studio")} + arguments));
        const StartOptions o = StartOptions::from(parser);
        QCOMPARE(o.file, file);
        QCOMPARE(o.page ? int(*o.page) : -1, page);
        QCOMPARE(o.benchmarks, before);
        QCOMPARE(o.benchmarksAfter, after);
    }

    void settingsAreRemembered()
    {
        {
            MainWindow w;
            EnginePane *vllm = enginePane(w, "vllm");
            QComboBox *combo = versionPicker(vllm);
            QVERIFY(combo->count() > 1);
            combo->setCurrentIndex(1);
            emit combo->activated(1);
            layoutButton(vllm)->click(); // one line
            w.show();
            QVERIFY(w.close());
        }
        MainWindow again;
        EnginePane *vllm = enginePane(again, "vllm");
        QCOMPARE(versionPicker(vllm)->currentIndex(), 1);
        QCOMPARE(QString::fromStdString(again.analysis()->engineVersion("vllm")), versionPicker(vllm)->itemData(1).toString());
        QVERIFY(!vllm->isMultiLine());
        for (EnginePane *pane : enginePanes(again))
            QVERIFY(!pane->isMultiLine());
        // Back to the defaults for the other tests.
        versionPicker(vllm)->setCurrentIndex(0);
        emit versionPicker(vllm)->activated(0);
        layoutButton(vllm)->click();
        again.show();
        QVERIFY(again.close());
    }

    // File ▸ Export Autotuner Task writes, for the open configuration, a task the autotuner runs
    // for the SGLang version the studio maps for: the image of that release, the configuration's
    // model, and parameters that start on that version (the autotuner's own reading of the task).
    void exportWritesAnAutotunerTaskForTheChosenVersion()
    {
        MainWindow w;
        w.session()->setEngineVersion("sglang", "v0.5.2");
        w.document()->setValue("/model", Json{{"id_or_path", "Qwen/Qwen3-8B"}});
        const QString path = m_home.filePath(QStringLiteral("task.json"));
        QVERIFY(w.files()->exportAutotunerTask(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Json task = Json::parse(file.readAll().toStdString());
        QCOMPARE(task.value("runtime_image_tag", std::string()), std::string("v0.5.2"));
        QCOMPARE(task["model"].value("id_or_path", std::string()), std::string("Qwen/Qwen3-8B"));
        QCOMPARE(task["benchmark"].value("model_name", std::string()), std::string("Qwen/Qwen3-8B"));
        const AutotunerExpansion run = expandAutotunerTask(task);
        QCOMPARE(run.engineVersion, std::string("v0.5.2"));
        QCOMPARE(run.launches.size(), std::size_t(1));
        QVERIFY(!hasErrors(run.diagnostics));
        QVERIFY(!hasErrors(run.launches.front().lint));
        const LaunchPlan *plan = w.analysis()->plan("sglang");
        QVERIFY(plan);
        for (const PlanOption &option : planOptions(*plan))
            if (!option.flag.empty() && option.flag != "--model-path")
                QVERIFY2(task["parameters"].contains(option.flag.substr(2)), option.flag.c_str());
        w.session()->setEngineVersion("sglang", "");
    }

    // A preset loaded and then edited is marked "modified" in the list (undo clears the mark), and
    // saving it asks for a name of its own, applied as one undo step, so the file does not pass for
    // the preset; cancelling that question cancels the save.
    void changedPresetIsMarkedAndNamedOnSave()
    {
        MainWindow w;
        PresetListModel *presets = studiotest::child<PresetPanel>(&w, "PresetPanel")->model();
        const int row = presets->rowOf(QStringLiteral("extreme-compression"));
        QVERIFY(row >= 0);
        w.document()->loadPreset(presets->entry(row).preset.document, QStringLiteral("extreme-compression"));
        QVERIFY(!presets->index(row).data(PresetListModel::ModifiedRole).toBool());
        w.document()->setValue("/dtype", Json("float16"));
        QVERIFY(presets->index(row).data(PresetListModel::ModifiedRole).toBool());
        QCOMPARE(presets->modifiedRow(), row);
        w.document()->undoStack()->undo();
        QVERIFY(!presets->index(row).data(PresetListModel::ModifiedRole).toBool());
        w.document()->undoStack()->redo();

        QString asked;
        QString suggestedName;
        DocumentFiles::Naming answer;
        w.files()->setNamingPrompt([&](const QString &preset, const DocumentFiles::Naming &suggested) {
            asked = preset;
            suggestedName = suggested.name;
            return answer;
        });
        const QString path = m_home.filePath(QStringLiteral("named.json"));
        w.files()->setSaveFileChooser([&](const QString &, const QString &, const QString &) { return path; });
        QVERIFY(!w.files()->saveAs()); // cancelled: nothing written
        QCOMPARE(asked, QStringLiteral("extreme-compression"));
        QCOMPARE(suggestedName, QStringLiteral("extreme-compression-custom"));
        QVERIFY(!QFile::exists(path));

        answer = {QStringLiteral("my-compression"), QStringLiteral("fp16 activations")};
        QVERIFY(w.files()->saveAs());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Json saved = Json::parse(file.readAll().toStdString());
        QCOMPARE(saved.value("name", std::string()), std::string("my-compression"));
        QCOMPARE(saved.value("description", std::string()), std::string("fp16 activations"));
        QCOMPARE(presets->modifiedRow(), -1); // it names no preset any more
        QCOMPARE(w.document()->undoStack()->undoText(), QStringLiteral("Name the configuration my-compression"));
    }

    // Scrolling the form must not change the settings the pointer slides over: a combo or spin box
    // takes the wheel only once it has focus; until then the form scrolls.
    void theWheelScrollsPastFieldsWithoutFocus_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::newRow("combo box") << QStringLiteral("/quantization/method");
        QTest::newRow("spin box") << QStringLiteral("/parallelism/tensor_parallel_size");
    }

    void theWheelScrollsPastFieldsWithoutFocus()
    {
        QFETCH(QString, pointer);
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *field = w.findChild<QWidget *>(pointer);
        QVERIFY(field);
        QAbstractScrollArea *area = nullptr; // the form
        for (QWidget *p = field->parentWidget(); p && !area; p = p->parentWidget())
            area = qobject_cast<QAbstractScrollArea *>(p);
        QVERIFY(area);
        QVERIFY2(area->verticalScrollBar()->maximum() > 0, "the form must be taller than its view");
        QVERIFY(field->focusPolicy() == Qt::StrongFocus); // passing over it with the wheel does not focus it
        const Json before = w.document()->json();
        if (QWidget *focused = QApplication::focusWidget())
            focused->clearFocus();
        QVERIFY(!field->hasFocus());

        const int top = area->verticalScrollBar()->value();
        studiotest::turnWheel(field, -1);
        QCOMPARE_JSON(w.document()->json(), before);
        QVERIFY(!field->hasFocus());
        QVERIFY2(area->verticalScrollBar()->value() > top, "the form scrolls instead");

        // Focused (clicked or tabbed to), it takes the wheel as usual.
        field->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(field->hasFocus());
        const int scrolled = area->verticalScrollBar()->value();
        studiotest::turnWheel(field, -1);
        QVERIFY(w.document()->json() != before);
        QCOMPARE(area->verticalScrollBar()->value(), scrolled);
    }

    // How long revalidating took is a developer's figure: the status bar shows it only when View ›
    // Show Timings is on, and the choice is remembered.
    void timingsShowOnlyOnRequest()
    {
        {
            MainWindow w;
            w.show();
            auto *timing = w.findChild<QLabel *>(QStringLiteral("timingLabel"));
            auto *action = w.findChild<QAction *>(QStringLiteral("showTimingsAction"));
            QVERIFY(timing && action);
            QVERIFY(action->isCheckable());
            QVERIFY(!action->isChecked());
            QVERIFY(!timing->isVisible());
            action->trigger();
            QVERIFY(timing->isVisible());
            QVERIFY(timing->text().contains(QLatin1String(" ms")));
            QVERIFY(w.close());
        }
        MainWindow again;
        again.show();
        auto *action = again.findChild<QAction *>(QStringLiteral("showTimingsAction"));
        QVERIFY(action->isChecked());
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("timingLabel"))->isVisible());
        action->trigger(); // back to the default for the other tests
        QVERIFY(!again.findChild<QLabel *>(QStringLiteral("timingLabel"))->isVisible());
        QVERIFY(again.close());
    }

    // The messages under a field (one line per engine that reports) get the height their lines
    // need: loading a preset with many findings cut the Method's at both ends (Qt 6.4's QFormLayout
    // kept the row heights it had before the message was shown).
    void fieldMessagesAreNeverCut()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto presets = builtInPresets();
        const auto moe = std::find_if(presets.begin(), presets.end(), [](const Preset &p) { return p.name == "sglang-marlin-moe"; });
        QVERIFY(moe != presets.end());
        w.document()->loadPreset(moe->document, QStringLiteral("sglang-marlin-moe"));
        auto *method = w.findChild<QLabel *>(QStringLiteral("message:/quantization/method"));
        QVERIFY(method);
        QTRY_VERIFY(method->isVisible());
        QVERIFY2(method->text().count(u'\n') >= 2, qPrintable(method->text())); // several engines report
        QTest::qWait(50); // every posted layout request has run
        int shown = 0;
        for (QLabel *message : w.findChildren<QLabel *>()) {
            if (!message->objectName().startsWith(QLatin1String("message:")) || !message->isVisible())
                continue;
            ++shown;
            QVERIFY2(message->height() >= message->heightForWidth(message->width()),
                     qPrintable(QStringLiteral("%1 is %2 px tall, needs %3 at width %4")
                                    .arg(message->objectName())
                                    .arg(message->height())
                                    .arg(message->heightForWidth(message->width()))
                                    .arg(message->width())));
        }
        QVERIFY(shown > 3);
        w.document()->undoStack()->setClean();
    }

    // The settings that matter are in view when the studio opens, without scrolling (issue 18): at
    // both sizes the essentials' editors lie inside the form's viewport, and the target GPU picker
    // is on the tool bar, on screen.
    void essentialsAreInViewWithoutScrolling_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void essentialsAreInViewWithoutScrolling()
    {
        QFETCH(QSize, size);
        QSettings().remove(QStringLiteral("window")); // a first start: no remembered geometry or splitters
        MainWindow w;
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50); // every posted layout request has run
        ConfigForm *area = form(w);
        QCOMPARE(area->verticalScrollBar()->value(), 0);
        const QRect view = area->viewport()->rect();
        for (const char *pointer : {"/model/id_or_path", "/quantization/method", "/quantization/weight_bits", "/kv_cache/dtype", "/dtype",
                                    "/parallelism/tensor_parallel_size", "/parallelism/pipeline_parallel_size",
                                    "/parallelism/data_parallel_size"}) {
            QWidget *editor = field<QWidget>(w, pointer);
            QVERIFY2(editor->isVisible(), pointer);
            const QRect rect(editor->mapTo(area->viewport(), QPoint(0, 0)), editor->size());
            QVERIFY2(view.contains(rect), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5; the form's view is %6x%7")
                                                          .arg(QLatin1StringView(pointer))
                                                          .arg(rect.x())
                                                          .arg(rect.y())
                                                          .arg(rect.width())
                                                          .arg(rect.height())
                                                          .arg(view.width())
                                                          .arg(view.height())));
        }
        auto *picker = studiotest::child<TargetGpuPicker>(&w, "TargetGpuPicker");
        QVERIFY(picker->isVisible());
        QVERIFY(w.rect().contains(QRect(picker->mapTo(&w, QPoint(0, 0)), picker->size())));
        QVERIFY(w.close());
    }

    // An engine's notes take the height of their rows and no more (one note sat in a box that filled
    // the pane); the room left is below them. Where the pane has the room (1920×1080), every note is
    // shown whole. The commands are whole, without a scroll bar.
    void engineNotesTakeTheHeightOfTheirRows_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void engineNotesTakeTheHeightOfTheirRows()
    {
        QFETCH(QSize, size);
        QSettings().remove(QStringLiteral("window"));
        MainWindow w;
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);
        int withNotes = 0;
        for (EnginePane *pane : enginePanes(w)) {
            auto *notes = studiotest::child<QTreeView>(pane, "Notes");
            QCOMPARE(commandView(pane)->verticalScrollBar()->maximum(), 0);
            const int rows = notes->model()->rowCount();
            QCOMPARE(notes->isVisible(), rows > 0);
            if (rows == 0)
                continue;
            ++withNotes;
            int content = 0;
            for (int row = 0; row < rows; ++row)
                content += notes->visualRect(notes->model()->index(row, 0)).height();
            QVERIFY2(notes->viewport()->height() <= content,
                     qPrintable(QStringLiteral("%1: the notes' view is %2 px tall for %3 px of notes")
                                    .arg(pane->objectName())
                                    .arg(notes->viewport()->height())
                                    .arg(content)));
            if (size.height() >= 1080)
                QVERIFY2(notes->viewport()->height() >= content,
                         qPrintable(QStringLiteral("%1: %2 px of notes in a %3 px view").arg(pane->objectName()).arg(content).arg(notes->viewport()->height())));
        }
        QVERIFY(withNotes > 0); // universal-fp8 has notes on every engine
        QVERIFY(w.close());
    }
    // The window never needs more than a 1280×800 screen: with sglang-marlin-moe (eight TensorRT-LLM
    // notes, a YAML file, a three-engine Method message) its minimum height was 836 px, which put
    // the status bar below the screen. Each engine pane scrolls within its room instead.
    void theWindowFitsA1280x800ScreenWithEveryPreset_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *name : {"universal-fp8", "sglang-marlin-moe", "extreme-compression", "high-quality", "blackwell-fp4"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void theWindowFitsA1280x800ScreenWithEveryPreset()
    {
        QFETCH(QString, preset);
        QSettings().remove(QStringLiteral("window"));
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const int blank = w.minimumSizeHint().height(); // the first start's configuration
        studiotest::choosePreset(&w, preset);
        QTest::qWait(50);
        // Fonts are taller under X than offscreen (836 px there was 649 px here), so the test asks
        // that the content does not raise the window's minimum at all, and leaves room besides.
        QCOMPARE(w.minimumSizeHint().height(), blank);
        QVERIFY2(blank <= 640, qPrintable(QStringLiteral("the window needs %1 px").arg(blank)));
        QCOMPARE(w.height(), 800);
    }

    // Issue 20: with a deployment over two nodes each engine pane shows a tab per node (head first)
    // holding core's rendering of that node's command, Copy puts it on the clipboard, Export…
    // writes the files `quantcfg deploy --out` writes; with one node nothing of it shows.
    void theEnginePaneShowsTheDeploymentPerNode()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.document()->setValue("/deployment/nodes", Json(2));
        w.document()->setValue("/deployment/gpus_per_node", Json(8));
        w.document()->setValue("/deployment/launcher", Json("native"));
        w.document()->setValue("/deployment/head_address", Json("10.0.0.1"));
        w.document()->setValue("/parallelism/tensor_parallel_size", Json(8));
        w.document()->setValue("/parallelism/pipeline_parallel_size", Json(2));

        EnginePane *pane = enginePane(w, "vllm");
        const EngineProfile *profile = ProfileRegistry::builtIn().forConfig(w.document()->config(), "vllm", w.analysis()->engineVersion("vllm"));
        QVERIFY(profile);
        const Deployment expected = deploy(w.document()->config(), *profile, {w.analysis()->mapOptions(), DeployTarget::Nodes});
        QCOMPARE(expected.nodes.size(), std::size_t{2});
        auto *view = studiotest::child<QWidget>(pane, "Deployment");
        auto *tabs = studiotest::child<QTabWidget>(view, "DeploymentNodes");
        QVERIFY(view->isVisible());
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Node 0 · head"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Node 1"));
        for (const DeployNode &node : expected.nodes) {
            const QString rank = QString::number(node.rank);
            const QString text = QString::fromStdString(renderNodeCommand(node));
            QVERIFY(text.contains(QStringLiteral("--node-rank")));
            QCOMPARE(studiotest::child<QPlainTextEdit>(tabs, QStringLiteral("NodeCommand:") + rank)->toPlainText(), text);
            QApplication::clipboard()->clear();
            studiotest::child<QPushButton>(tabs, QStringLiteral("CopyNode:") + rank)->click();
            QCOMPARE(QApplication::clipboard()->text(), text);
        }

        // Export… as an sbatch script into a folder the (replaced) folder dialog gives.
        QTemporaryDir out;
        w.files()->setFolderChooser([&](const QString &, const QString &) { return out.path(); });
        auto *target = studiotest::child<QComboBox>(view, "DeployTarget");
        target->setCurrentIndex(target->findData(QStringLiteral("slurm")));
        studiotest::child<QPushButton>(view, "ExportDeployment")->click();
        const Deployment slurm = deploy(w.document()->config(), *profile, {w.analysis()->mapOptions(), DeployTarget::Slurm});
        QVERIFY(!slurm.files.empty());
        QStringList names;
        for (const DeployFile &f : slurm.files) {
            names << QString::fromStdString(f.name);
            QFile file(QDir(out.path()).filePath(QString::fromStdString(f.name)));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QCOMPARE(file.readAll().toStdString(), f.content);
            QCOMPARE(file.permissions().testFlag(QFileDevice::ExeOwner), f.executable);
        }
        names.sort();
        QStringList written = QDir(out.path()).entryList(QDir::Files);
        written.sort();
        QCOMPARE(written, names);

        w.document()->setValue("/deployment/nodes", std::nullopt);
        w.document()->setValue("/deployment/launcher", std::nullopt);
        QVERIFY(!view->isVisible());
        w.files()->setUnsavedChangesPrompt([](const QString &) { return QMessageBox::Discard; });
        QVERIFY(w.close());
    }
};

QTEST_MAIN(TestStudioWindow)
#include "tst_studio_window.moc"
