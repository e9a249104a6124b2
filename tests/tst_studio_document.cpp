#include "ui/state/configdocument.h"

#include "testutil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace quantcfg;
using namespace quantcfg::ui;

class TestStudioDocument : public QObject
{
    Q_OBJECT

private slots:
    // The undo text names the field as the form does, not by its JSON pointer.
    void undoTextUsesTheFieldLabel()
    {
        ConfigDocument document;
        document.reset(Json::parse(R"({"quantization": {"method": "fp8"}})"));
        document.setValue("/quantization/method", Json("awq"));
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Change Method"));
    }

    void editsAreUndoableAndTypingMerges()
    {
        ConfigDocument document;
        document.reset(Json::parse(R"({"quantization": {"method": "fp8"}})"));
        QSignalSpy changed(&document, &ConfigDocument::changed);
        QVERIFY(!document.isModified());

        // Typing "abc" in one field: three edits, one undo step.
        document.setValue("/model/id_or_path", Json("a"));
        document.setValue("/model/id_or_path", Json("ab"));
        document.setValue("/model/id_or_path", Json("abc"));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(changed.count(), 3);
        QVERIFY(document.isModified());
        QCOMPARE(document.config().model.idOrPath.value(), std::string("abc"));

        // Another field is another step.
        document.setValue("/parallelism/tensor_parallel_size", Json(4));
        QCOMPARE(document.undoStack()->count(), 2);

        document.undoStack()->undo();
        QVERIFY(!document.json().contains("parallelism"));
        document.undoStack()->undo();
        QCOMPARE_JSON(document.json(), Json::parse(R"({"quantization": {"method": "fp8"}})"));
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.config().model.idOrPath.value(), std::string("abc"));
        QVERIFY(document.isModified());
    }

    void typingBackToTheStartLeavesNothingToUndo()
    {
        ConfigDocument document;
        document.reset(Json::parse(R"({"quantization": {"method": "fp8"}})"));
        document.setValue("/name", Json("x"));
        document.setValue("/name", std::nullopt);
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }

    void presetLoadIsOneStepAndJsonEditsMerge()
    {
        ConfigDocument document;
        document.reset(Json::parse(R"({"quantization": {"method": "fp8"}})"));
        document.loadPreset(Json::parse(R"({"quantization": {"method": "awq"}})"), QStringLiteral("p"));
        document.loadPreset(Json::parse(R"({"quantization": {"method": "gptq"}})"), QStringLiteral("q"));
        QCOMPARE(document.undoStack()->count(), 2);
        document.editJson(Json::parse(R"({"quantization": {"method": "gptq", "weight_bits": 4}})"));
        document.editJson(Json::parse(R"({"quantization": {"method": "gptq", "weight_bits": 8}})"));
        QCOMPARE(document.undoStack()->count(), 3);
        document.undoStack()->undo();
        QCOMPARE(document.config().quantization.method.value(), std::string("gptq"));
        QVERIFY(!document.config().quantization.weightBits);
        document.undoStack()->undo();
        QCOMPARE(document.config().quantization.method.value(), std::string("awq"));
    }

    void saveOpenRoundTripKeepsUnknownKeys()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ConfigDocument document;
        QString error;
        QVERIFY2(document.load(QString::fromStdString(testutil::dataPath("studio/unknown-keys.json")), &error), qPrintable(error));
        const Json original = document.json();
        QVERIFY(!document.isModified());

        QSignalSpy modified(&document, &ConfigDocument::modifiedChanged);
        document.setValue("/parallelism/tensor_parallel_size", Json(8));
        QCOMPARE(modified.count(), 1);
        QVERIFY(document.isModified());

        const QString path = dir.filePath(QStringLiteral("out.json"));
        QVERIFY2(document.save(path, &error), qPrintable(error));
        QVERIFY(!document.isModified());
        QCOMPARE(document.filePath(), path);
        QCOMPARE(document.displayName(), QStringLiteral("out.json"));

        ConfigDocument reopened;
        QVERIFY(reopened.load(path, &error));
        Json expected = original;
        expected["parallelism"]["tensor_parallel_size"] = 8;
        QCOMPARE_JSON(reopened.json(), expected);
        // Unknown keys and their order survive.
        QCOMPARE(QString::fromStdString(reopened.json().begin().key()), QStringLiteral("name"));
        QCOMPARE(QString::fromStdString((--reopened.json().end()).key()), QStringLiteral("zz_last"));
        QCOMPARE_JSON(reopened.json()["quantization"]["x_calibration"], original["quantization"]["x_calibration"]);

        // Undo after save makes it modified again; redo returns to the clean state.
        document.undoStack()->undo();
        QVERIFY(document.isModified());
        document.undoStack()->redo();
        QVERIFY(!document.isModified());
    }

    void loadFailureKeepsTheDocument()
    {
        ConfigDocument document;
        document.reset(Json::parse(R"({"quantization": {"method": "fp8"}})"));
        QString error;
        QVERIFY(!document.load(QString::fromStdString(testutil::dataPath("configs/trailing-comma.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Line ")), qPrintable(error));
        QCOMPARE(document.config().quantization.method.value(), std::string("fp8"));
        QVERIFY(document.filePath().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStudioDocument)
#include "tst_studio_document.moc"
