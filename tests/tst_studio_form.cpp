#include "core/methods.h"
#include "core/presets.h"
#include "core/schema.h"
#include "core/validation.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/config/configform.h"
#include "ui/config/jsoneditortab.h"
#include "ui/state/studiosession.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHelpEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

// The form with its document and analysis, as in the main window.
struct FormFixture
{
    ConfigDocument document;
    StudioSession session;
    ConfigAnalysis analysis{&document, &session};
    ConfigForm form{&document, &analysis, Schema::unifiedConfig()};

    FormFixture() { document.reset(builtInPresets().front().document); }
    // The editor of the field at @p pointer: the form names each editor by its pointer.
    template<typename W>
    W *editor(const char *pointer)
    {
        return studiotest::child<W>(&form, pointer);
    }
};

} // namespace

class TestStudioForm : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home); // the session reads the settings file: not the developer's
    }

    // The method list offers the catalogue's methods, each with its one-line description.
    void methodListReadsTheCatalogue()
    {
        FormFixture f;
        for (const char *pointer : {"/quantization/method", "/quantization/fallback_method"}) {
            auto *combo = f.editor<QComboBox>(pointer);
            const auto &methods = MethodCatalogue::builtIn().all();
            QCOMPARE(combo->count(), int(methods.size()) + 1); // + "not set"
            for (int i = 1; i < combo->count(); ++i) {
                QCOMPARE(combo->itemText(i).toStdString(), methods[std::size_t(i - 1)].name);
                QVERIFY(combo->itemData(i, Qt::ToolTipRole).toString().toStdString().starts_with(methods[std::size_t(i - 1)].description));
            }
        }
        QVERIFY(!f.editor<QComboBox>("/kv_cache/dtype")->itemData(1, Qt::ToolTipRole).isValid());
    }

    void formIsGeneratedFromTheSchema()
    {
        FormFixture f;
        // Every scalar field the schema describes has an editor.
        const auto pointers = f.form.fieldPointers();
        for (const char *p : {"/model/id_or_path", "/quantization/method", "/quantization/memory_reduction", "/kv_cache/dtype",
                              "/parallelism/tensor_parallel_size", "/moe/expert_tp_size", "/attention/backend", "/dtype",
                              "/quantization/enable_marlin", "/name"})
            QVERIFY2(std::find(pointers.begin(), pointers.end(), p) != pointers.end(), p);
        // Enumerations are combo boxes with every allowed value plus "not set".
        auto *method = f.editor<QComboBox>("/quantization/method");
        QCOMPARE(method->count(), int(Schema::unifiedConfig().allowedValues("/quantization/method").size()) + 1);
        // Limits come from the schema.
        auto *tp = f.editor<QSpinBox>("/parallelism/tensor_parallel_size");
        QCOMPARE(tp->maximum(), 1024);
        QCOMPARE(tp->minimum(), 0); // 0 = not set; the schema minimum is 1
        QVERIFY(f.editor<QCheckBox>("/quantization/enable_marlin"));
        QVERIFY(f.editor<QLineEdit>("/model/id_or_path"));
        // Tooltips are the schema descriptions.
        QVERIFY(tp->toolTip().startsWith(QString::fromStdString(Schema::unifiedConfig().description("/parallelism/tensor_parallel_size"))));
        QCOMPARE(tp->accessibleName(), QStringLiteral("Tensor parallel"));
    }

    void formShowsTheDocument()
    {
        FormFixture f;
        QCOMPARE(f.editor<QComboBox>("/quantization/method")->currentText(), QStringLiteral("fp8"));
        QCOMPARE(f.editor<QComboBox>("/kv_cache/dtype")->currentText(), QStringLiteral("fp8_e5m2"));
        QCOMPARE(f.editor<QSpinBox>("/parallelism/tensor_parallel_size")->value(), 2);
        QCOMPARE(f.editor<QSpinBox>("/parallelism/pipeline_parallel_size")->value(), 0);
        QCOMPARE(f.editor<QLineEdit>("/model/id_or_path")->placeholderText(), QString::fromLatin1(kDefaultModel));
        f.document.undoStack()->clear();

        // Undo and redo of a document change show up in the form.
        f.document.setValue("/parallelism/tensor_parallel_size", Json(4));
        QCOMPARE(f.editor<QSpinBox>("/parallelism/tensor_parallel_size")->value(), 4);
        f.document.undoStack()->undo();
        QCOMPARE(f.editor<QSpinBox>("/parallelism/tensor_parallel_size")->value(), 2);
    }

    void editingFieldsChangesTheDocument()
    {
        FormFixture f;
        auto *method = f.editor<QComboBox>("/quantization/method");
        emit method->activated(method->findText(QStringLiteral("awq")));
        QCOMPARE(f.document.config().quantization.method.value(), std::string("awq"));
        emit method->activated(0);
        QVERIFY(!f.document.json()["quantization"].contains("method"));

        auto *tp = f.editor<QSpinBox>("/parallelism/tensor_parallel_size");
        tp->setValue(8);
        QCOMPARE(f.document.config().parallelism.tp(), 8);
        tp->setValue(0);
        QVERIFY(!f.document.config().parallelism.tensorParallel);

        auto *model = f.editor<QLineEdit>("/model/id_or_path");
        const int before = f.document.undoStack()->count();
        QTest::keyClicks(model, QStringLiteral("org/m"));
        QCOMPARE(f.document.config().model.idOrPath.value(), std::string("org/m"));
        QCOMPARE(f.document.undoStack()->count(), before + 1); // typing merges into one step

        auto *marlin = f.editor<QCheckBox>("/quantization/enable_marlin");
        emit f.editor<QComboBox>("/quantization/method")->activated(f.editor<QComboBox>("/quantization/method")->findText(QStringLiteral("gptq")));
        QVERIFY(marlin->isEnabled());
        marlin->setChecked(true);
        QCOMPARE(f.document.config().quantization.enableMarlin.value(), true);
    }

    void inapplicableFieldsAreDisabledWithAReason()
    {
        FormFixture f; // fp8
        QWidget *dtype = f.editor<QWidget>("/quantization/activation_dtype");
        QVERIFY(!dtype->isEnabled());
        QCOMPARE(f.form.fieldMessage("/quantization/activation_dtype"), QStringLiteral("Applies only when Method is w4a8."));
        QVERIFY(!f.editor<QWidget>("/quantization/group_size")->isEnabled());
        QVERIFY(f.form.fieldMessage("/quantization/enable_marlin").contains(QStringLiteral("awq")));

        f.document.setValue("/quantization/method", Json("w4a8"));
        QVERIFY(dtype->isEnabled());
        QVERIFY(f.editor<QWidget>("/quantization/group_size")->isEnabled());
        QVERIFY(!f.form.fieldMessage("/quantization/activation_dtype").contains(QStringLiteral("Applies only")));
    }

    void invalidValuesAreMarkedAtTheField()
    {
        FormFixture f;
        QVERIFY(f.form.fieldMessage("/quantization/weight_bits").isEmpty());
        f.document.setValue("/quantization/weight_bits", Json(4));
        QCOMPARE(f.form.fieldMessage("/quantization/weight_bits"), QStringLiteral("fp8 checkpoints do not have 4-bit weights"));
        QCOMPARE(f.editor<QWidget>("/quantization/weight_bits")->property("qcfgSeverity").toInt(), int(Severity::Error));

        // A value outside the enumeration (only possible from the JSON tab) is shown and marked.
        f.document.setValue("/kv_cache/dtype", Json("fp9"));
        auto *kv = f.editor<QComboBox>("/kv_cache/dtype");
        QCOMPARE(kv->currentText(), QStringLiteral("fp9 (not allowed)"));
        QVERIFY(f.form.fieldMessage("/kv_cache/dtype").contains(QStringLiteral("not an allowed value")));
        f.document.undoStack()->undo();
        QCOMPARE(kv->currentText(), QStringLiteral("fp8_e5m2"));
        QCOMPARE(kv->count(), int(Schema::unifiedConfig().allowedValues("/kv_cache/dtype").size()) + 1);
    }

    void focusFieldFocusesTheEditor()
    {
        FormFixture f;
        f.form.resize(400, 300);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.form));
        QVERIFY(f.form.focusField("/attention/backend"));
        QTRY_COMPARE(QApplication::focusWidget(), f.editor<QWidget>("/attention/backend"));
        QVERIFY(f.form.focusField("/moe")); // the first field of the section
        QTRY_COMPARE(QApplication::focusWidget(), f.editor<QWidget>("/moe/quantization"));
        QVERIFY(!f.form.focusField("/x_unknown"));
    }

    void jsonTabSyncsBothWaysAndKeepsTheLastValidState()
    {
        ConfigDocument document;
        document.reset(builtInPresets().front().document);
        JsonEditorTab tab(&document);
        QCOMPARE(tab.editor()->toPlainText(), QString::fromStdString(toPrettyJson(document.json())));

        // Document → text.
        document.setValue("/parallelism/tensor_parallel_size", Json(4));
        QVERIFY(tab.editor()->toPlainText().contains(QStringLiteral("\"tensor_parallel_size\": 4")));

        // Valid text → document.
        Json edited = document.json();
        edited["dtype"] = "bfloat16";
        tab.editor()->setPlainText(QString::fromStdString(toPrettyJson(edited)));
        QCOMPARE(document.config().dtype.value(), std::string("bfloat16"));
        QVERIFY(tab.errorText().isEmpty());

        // Broken text: line and column shown, document untouched.
        const Json lastValid = document.json();
        tab.editor()->setPlainText(QStringLiteral("{\n  \"quantization\": {\"method\": \"fp8\",}\n}"));
        QVERIFY2(tab.errorText().startsWith(QStringLiteral("Line 2, column ")), qPrintable(tab.errorText()));
        QCOMPARE_JSON(document.json(), lastValid);

        // Undo goes back through the JSON edit.
        document.undoStack()->undo();
        QCOMPARE(document.config().dtype.value(), std::string("auto"));
        QVERIFY(tab.errorText().isEmpty());
        QVERIFY(tab.editor()->toPlainText().contains(QStringLiteral("\"dtype\": \"auto\"")));
    }

    // qoq is a unified method, but no engine's default version runs it (SGLang removed it): the
    // list still offers it, for the older versions that do, but marked and saying which they are.
    void methodsNoDefaultEngineRunsAreMarked()
    {
        FormFixture f;
        auto *combo = f.form.findChild<QComboBox *>(QStringLiteral("/quantization/method"));
        QVERIFY(combo);
        const int qoq = combo->findText(QStringLiteral("qoq"));
        QVERIFY(qoq > 0);
        QVERIFY(!combo->itemIcon(qoq).isNull());
        const QString tip = combo->itemData(qoq, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("No engine's default version runs qoq")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("SGLang")) && tip.contains(QLatin1String("v0.5.6")), qPrintable(tip));
        // Methods a default version runs are not marked.
        for (const char *method : {"fp8", "awq_marlin", "gguf"}) {
            const int i = combo->findText(QLatin1String(method));
            QVERIFY(i > 0);
            QVERIFY2(combo->itemIcon(i).isNull(), method);
            QCOMPARE(combo->itemData(i, Qt::ToolTipRole).toString().toStdString(), MethodCatalogue::builtIn().find(method)->description);
        }
    }

    // A value longer than its field (the Description, two sentences) is cut at the field's end: the
    // field's tooltip then starts with the whole value. A value that fits keeps the plain tooltip.
    void longValuesShowWholeInTheTooltip()
    {
        FormFixture f;
        f.form.resize(540, 400);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.form));
        auto *description = f.form.findChild<QLineEdit *>(QStringLiteral("/description"));
        auto *name = f.form.findChild<QLineEdit *>(QStringLiteral("/name"));
        QVERIFY(description && name);
        QVERIFY(description->fontMetrics().horizontalAdvance(description->text()) > description->width());
        const auto tipOf = [](QLineEdit *edit) {
            QToolTip::hideText();
            QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), edit->mapToGlobal(QPoint(5, 5)));
            QApplication::sendEvent(edit, &help);
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };
        const QString tip = tipOf(description);
        QVERIFY2(tip.startsWith(description->text() + QLatin1StringView("\n\n")), qPrintable(tip));
        QVERIFY(tip.endsWith(description->toolTip()));
        QCOMPARE(tipOf(name), name->toolTip());
        QToolTip::hideText();
    }

    // The deployment section: its own group, and one field per engine for the nested image map,
    // which writes deployment.image.<engine> into the document.
    void deploymentSectionEditsNestedImages()
    {
        FormFixture f;
        QVERIFY(f.editor<QSpinBox>("/deployment/nodes"));
        QVERIFY(f.editor<QComboBox>("/deployment/launcher"));
        auto *image = f.editor<QLineEdit>("/deployment/image/sglang");
        QVERIFY(image);
        QVERIFY(f.editor<QLineEdit>("/deployment/image/vllm") && f.editor<QLineEdit>("/deployment/image/trtllm"));
        QTest::keyClicks(image, QStringLiteral("my/sglang:1"));
        QCOMPARE(f.document.config().deployment.images.at("sglang"), std::string("my/sglang:1"));
        QVERIFY(f.document.json()["deployment"]["image"]["sglang"] == Json("my/sglang:1"));
    }
};

QTEST_MAIN(TestStudioForm)
#include "tst_studio_form.moc"
