#include "core/methods.h"
#include "core/presets.h"
#include "core/schema.h"
#include "core/validation.h"
#include "ui/state/configanalysis.h"
#include "ui/state/configdocument.h"
#include "ui/state/settings.h"
#include "ui/config/configform.h"
#include "ui/config/jsoneditortab.h"
#include "ui/state/studiosession.h"
#include "ui/shared/statusstyle.h"

#include "formfixture.h"
#include "studiotestutil.h"
#include "testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using namespace quantcfg;
using namespace quantcfg::ui;

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

    // qoq is a unified method, but no engine version in use (the defaults, here) runs it (SGLang
    // removed it): the list still offers it, for the older versions that do, but marked and saying
    // which they are.
    void methodsNoDefaultEngineRunsAreMarked()
    {
        FormFixture f;
        auto *combo = f.form.findChild<QComboBox *>(QStringLiteral("/quantization/method"));
        QVERIFY(combo);
        const int qoq = combo->findText(QStringLiteral("qoq"));
        QVERIFY(qoq > 0);
        QVERIFY(!combo->itemIcon(qoq).isNull());
        const QString tip = combo->itemData(qoq, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("No engine version in use runs qoq")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("SGLang")) && tip.contains(QLatin1String("v0.5.6")), qPrintable(tip));
        // Methods a default version runs are not marked.
        for (const char *method : {"fp8", "awq_marlin", "gguf"}) {
            const int i = combo->findText(QLatin1String(method));
            QVERIFY(i > 0);
            QVERIFY2(combo->itemIcon(i).isNull(), method);
            QVERIFY(combo->itemData(i, Qt::ToolTipRole).toString().toStdString().starts_with(MethodCatalogue::builtIn().find(method)->description));
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

    // Fields that do not apply to the configuration are hidden, and one check box shows them
    // (disabled, with the reason); the choice is remembered. Hiding never touches the document:
    // toggling changes no value and pushes no undo step, and a field that holds a value is shown
    // whether it applies or not, so it can be seen and cleared.
    void inapplicableFieldsAreHiddenUntilAskedFor()
    {
        QVERIFY(!Settings().showInapplicableFields()); // the default
        FormFixture f; // fp8
        f.form.resize(540, 600);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.form));
        const auto shown = [&f](const char *pointer) { return f.editor<QWidget>(pointer)->isVisibleTo(&f.form); };
        const std::vector<const char *> inapplicable = {"/quantization/activation_dtype", "/quantization/group_size",
                                                        "/quantization/enable_marlin", "/quantization/gguf_variant",
                                                        "/quantization/base_quantization", "/quantization/memory_reduction",
                                                        "/kv_cache/fp8_format"}; // the KV cache is fp8_e5m2
        for (const char *pointer : inapplicable) {
            QVERIFY2(!shown(pointer), pointer);
            QVERIFY2(!f.form.findChild<QLabel *>(QStringLiteral("message:") + QLatin1StringView(pointer))->isVisible(), pointer);
        }
        for (const char *pointer : {"/quantization/method", "/quantization/weight_bits", "/quantization/fp8_variant", "/kv_cache/dtype",
                                    "/parallelism/tensor_parallel_size", "/name"})
            QVERIFY2(shown(pointer), pointer);

        auto *toggle = f.editor<QCheckBox>("ShowInapplicableFields");
        QVERIFY(toggle->isVisibleTo(&f.form));
        QVERIFY(!toggle->isChecked());
        QCOMPARE(toggle->text(), QStringLiteral("Show %1 fields that do not apply").arg(inapplicable.size()));

        const Json before = f.document.json();
        const int steps = f.document.undoStack()->count();
        toggle->click();
        for (const char *pointer : inapplicable) {
            QVERIFY2(shown(pointer), pointer);
            QVERIFY2(!f.editor<QWidget>(pointer)->isEnabled(), pointer);
            QVERIFY2(f.form.fieldMessage(pointer).startsWith(QLatin1StringView("Applies only")), pointer);
        }
        QCOMPARE_JSON(f.document.json(), before);
        QCOMPARE(f.document.undoStack()->count(), steps);
        QVERIFY(Settings().showInapplicableFields());
        {
            FormFixture again; // remembered
            QVERIFY(again.editor<QCheckBox>("ShowInapplicableFields")->isChecked());
            QVERIFY(again.editor<QWidget>("/quantization/group_size")->isVisibleTo(&again.form));
        }
        toggle->click();
        QVERIFY(!Settings().showInapplicableFields());
        QVERIFY(!shown("/quantization/group_size"));
        QCOMPARE_JSON(f.document.json(), before);
        QCOMPARE(f.document.undoStack()->count(), steps);

        // Another method: its fields appear, fp8's go; values set under it are kept when it is left,
        // and their fields stay in view (the validator warns about them) until they are cleared.
        f.document.setValue("/quantization/method", Json("gptq"));
        QVERIFY(shown("/quantization/group_size") && shown("/quantization/enable_marlin"));
        QVERIFY(!shown("/quantization/fp8_variant"));
        auto *groupSize = f.editor<QComboBox>("/quantization/group_size");
        emit groupSize->activated(groupSize->findText(QStringLiteral("128")));
        f.document.setValue("/quantization/method", Json("fp8"));
        QVERIFY(f.document.json()["quantization"]["group_size"] == Json(128));
        QVERIFY(shown("/quantization/group_size"));
        QVERIFY(f.editor<QWidget>("/quantization/group_size")->isEnabled()); // so it can be cleared
        QVERIFY(!shown("/quantization/enable_marlin"));
        QCOMPARE(toggle->text(), QStringLiteral("Show %1 fields that do not apply").arg(inapplicable.size() - 1));
        emit groupSize->activated(0); // cleared: now it hides
        QVERIFY(!shown("/quantization/group_size"));

        // Undo brings the value back, and its field with it.
        f.document.undoStack()->undo();
        QVERIFY(f.document.json()["quantization"]["group_size"] == Json(128));
        QVERIFY(shown("/quantization/group_size"));
    }

    // A diagnostic may point at a hidden field: going to it shows it, in view.
    void focusFieldShowsAHiddenField()
    {
        FormFixture f;
        f.form.resize(540, 400);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.form));
        QWidget *gguf = f.editor<QWidget>("/quantization/gguf_variant");
        QVERIFY(!gguf->isVisibleTo(&f.form));
        QVERIFY(f.form.focusField("/quantization/gguf_variant"));
        QVERIFY(gguf->isVisibleTo(&f.form)); // disabled (it does not apply), so not focused, but in view
        QVERIFY(f.form.viewport()->rect().contains(gguf->mapTo(f.form.viewport(), gguf->rect().center())));
        QVERIFY(f.form.focusField("/attention/backend")); // another field: the first hides again
        QVERIFY(!gguf->isVisibleTo(&f.form));
    }

    // The essentials come first and Tab goes through them in reading order, then on to the rest.
    void tabGoesThroughTheEssentialsInReadingOrder()
    {
        FormFixture f;
        f.form.resize(540, 600);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.form));
        const std::vector<const char *> order = {"/model/id_or_path",
                                                 "/quantization/method",
                                                 "/quantization/weight_bits",
                                                 "/kv_cache/dtype",
                                                 "/dtype",
                                                 "/parallelism/tensor_parallel_size",
                                                 "/parallelism/pipeline_parallel_size",
                                                 "/parallelism/data_parallel_size"};
        QVERIFY(f.form.focusField(order.front()));
        QTRY_COMPARE(QApplication::focusWidget(), f.editor<QWidget>(order.front()));
        for (std::size_t i = 1; i < order.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1StringView(order[i]));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("ShowInapplicableFields"));
        // The essentials lead the form's fields too (what the diagnostics and the JSON tab follow).
        const auto pointers = f.form.fieldPointers();
        QCOMPARE(pointers.front(), std::string(order.front()));
    }
    // A field's message is as tall as its lines at its width, no taller: a height worked out while
    // the form was first laid out (narrow) stayed as the least, and the Method's findings left a
    // screen of empty lines above the next essentials. The essentials' findings follow them all.
    void messagesAreAsTallAsTheirLines()
    {
        FormFixture f;
        const auto presets = builtInPresets();
        const auto moe = std::find_if(presets.begin(), presets.end(), [](const Preset &p) { return p.name == "sglang-marlin-moe"; });
        QVERIFY(moe != presets.end());
        f.document.loadPreset(moe->document, QStringLiteral("sglang-marlin-moe"));
        f.form.resize(900, 600);
        f.form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.form));
        QTest::qWait(50); // every posted layout request has run
        int shown = 0;
        for (QLabel *message : f.form.findChildren<QLabel *>()) {
            if (!message->objectName().startsWith(QLatin1String("message:")) || !message->isVisible())
                continue;
            ++shown;
            const QRect text = message->fontMetrics().boundingRect(QRect(0, 0, message->contentsRect().width(), 1 << 20), Qt::TextWordWrap,
                                                                   message->text());
            QVERIFY2(message->height() <= text.height() + message->fontMetrics().height(),
                     qPrintable(QStringLiteral("%1 is %2 px tall for %3 px of text").arg(message->objectName()).arg(message->height()).arg(text.height())));
        }
        QVERIFY(shown > 3);
        // The Method's findings (four lines, one per engine and finding) come after all the
        // essentials, headed by the field's label, and just after them.
        auto *methodMessage = f.form.findChild<QLabel *>(QStringLiteral("message:/quantization/method"));
        QVERIFY(methodMessage->isVisible());
        QVERIFY(methodMessage->text().startsWith(QStringLiteral("Method — vLLM: ")));
        QVERIFY(f.form.fieldMessage("/quantization/method").startsWith(QStringLiteral("vLLM: ")));
        int bottom = 0;
        for (const char *pointer : {"/model/id_or_path", "/quantization/method", "/quantization/weight_bits", "/kv_cache/dtype", "/dtype",
                                    "/parallelism/tensor_parallel_size", "/parallelism/pipeline_parallel_size",
                                    "/parallelism/data_parallel_size"}) {
            QWidget *editor = f.editor<QWidget>(pointer);
            QVERIFY2(editor->y() + editor->height() <= methodMessage->y(), pointer);
            bottom = std::max(bottom, editor->y() + editor->height());
        }
        QVERIFY(methodMessage->y() - bottom < f.editor<QWidget>("/quantization/method")->height());
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
    // A field with an error or a warning has its label in that colour (its message may sit apart,
    // after all the essentials); once the finding is gone the label is as every other.
    void aFieldsLabelTakesTheColourOfItsFinding()
    {
        FormFixture f;
        QWidget *bits = f.editor<QWidget>("/quantization/weight_bits");
        QLabel *label = nullptr;
        for (QLabel *candidate : f.form.findChildren<QLabel *>())
            if (candidate->buddy() == bits)
                label = candidate;
        QVERIFY(label);
        const QColor plain = label->palette().color(QPalette::WindowText);
        f.document.setValue("/quantization/weight_bits", Json(3)); // fp8 with 3 bits: an error
        QVERIFY(!f.form.fieldMessage("/quantization/weight_bits").isEmpty());
        QCOMPARE(label->palette().color(QPalette::WindowText), severityColor(Severity::Error, label->palette()));
        QVERIFY(label->palette().color(QPalette::WindowText) != plain);
        f.document.undoStack()->undo();
        QCOMPARE(label->palette().color(QPalette::WindowText), plain);
    }
};

QTEST_MAIN(TestStudioForm)
#include "tst_studio_form.moc"
