// Autosave and crash recovery: unsaved work survives a crash of the studio, is offered once the
// next studio starts, and never touches the autosave of a studio that is still running.
#include "core/jsonio.h"
#include "ui/window/autosave.h"
#include "ui/state/configdocument.h"
#include "ui/window/documentfiles.h"
#include "ui/window/mainwindow.h"

#include "studiotestutil.h"
#include "testutil.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstdlib>

using namespace quantcfg;
using namespace quantcfg::ui;

namespace {

constexpr const char *kCrashEnv = "QCFG_TEST_CRASH_WITH_AUTOSAVE";

Json methodDoc(const char *method)
{
    Json doc = Json::object();
    doc["quantization"]["method"] = method;
    doc["x_unknown"] = "kept";
    return doc;
}

// The child process: edits a document (optionally belonging to a file), lets the autosave be
// written and then dies the way a crash does, without any clean-up.
[[noreturn]] void editAndCrash(const QString &directory, const QString &file)
{
    ConfigDocument document;
    if (!file.isEmpty() && !document.load(file))
        std::_Exit(3);
    Autosave autosave(&document, directory);
    document.setValue("/quantization/method", Json("awq"));
    autosave.flush();
    std::abort();
}

QStringList autosaveFiles(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("*.json")}, QDir::Files);
}

} // namespace

class TestStudioAutosave : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString autosaveDir() const { return Autosave::defaultDirectory(); }

    // Runs this test binary as a studio that edits and crashes; returns when it is dead.
    void crashAStudio(const QString &file = {})
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kCrashEnv), file.isEmpty() ? QStringLiteral("-") : file);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    }

    void clearAutosaves()
    {
        QDir(autosaveDir()).removeRecursively();
    }

private slots:
    void initTestCase()
    {
        studiotest::isolateUserFiles(m_home);
        QVERIFY(autosaveDir().startsWith(m_home.path()));
    }

    void init() { clearAutosaves(); }

    void unsavedChangesAreAutosavedAndSavingRemovesThem()
    {
        MainWindow w;
        Autosave *autosave = w.files()->autosave();
        QVERIFY(!QFile::exists(autosave->filePath()));
        w.document()->setValue("/quantization/method", Json("gptq"));
        autosave->flush();
        QVERIFY(QFile::exists(autosave->filePath()));
        const JsonResult written = loadJsonFile(autosave->filePath().toStdString());
        QVERIFY(written.value);
        QCOMPARE_JSON((*written.value)["document"], w.document()->json());
        QVERIFY(!written.value->contains("file")); // untitled

        const QString path = m_home.filePath(QStringLiteral("saved.json"));
        QVERIFY(w.files()->saveTo(path));
        QVERIFY(!QFile::exists(autosave->filePath()));
    }

    void undoingBackToTheSavedStateRemovesTheAutosave()
    {
        MainWindow w;
        w.document()->setValue("/quantization/method", Json("gptq"));
        w.files()->autosave()->flush();
        QVERIFY(QFile::exists(w.files()->autosave()->filePath()));
        w.document()->undoStack()->undo();
        QVERIFY(!w.document()->isModified());
        QVERIFY(!QFile::exists(w.files()->autosave()->filePath()));
    }

    void theAutosaveIsWrittenAfterTheDelayWithoutAFlush()
    {
        MainWindow w;
        w.files()->autosave()->setDelay(10);
        w.document()->setValue("/quantization/method", Json("gptq"));
        QVERIFY(!QFile::exists(w.files()->autosave()->filePath()));
        QTRY_VERIFY(QFile::exists(w.files()->autosave()->filePath()));
    }

    void aNormalExitLeavesNothingToRecover()
    {
        {
            MainWindow w;
            w.document()->setValue("/quantization/method", Json("gptq"));
            w.files()->autosave()->flush();
        }
        MainWindow next;
        QVERIFY(next.files()->autosave()->recoverable().empty());
        QVERIFY(autosaveFiles(autosaveDir()).isEmpty());
    }

    void locksOfDeadStudiosWithNothingUnsavedAreRemoved()
    {
        crashAStudio();
        QDir dir(autosaveDir());
        const QStringList jsons = autosaveFiles(autosaveDir());
        QCOMPARE(jsons.size(), 1);
        QVERIFY(QFile::remove(dir.filePath(jsons.front()))); // as if there had been nothing unsaved
        QCOMPARE(dir.entryList({QStringLiteral("*.lock")}, QDir::Files).size(), 1);
        MainWindow w;
        // Only this studio's own lock is left.
        QCOMPARE(dir.entryList({QStringLiteral("*.lock")}, QDir::Files),
                 QStringList{QFileInfo(w.files()->autosave()->filePath()).completeBaseName() + QLatin1StringView(".lock")});
    }

    void aRunningStudiosAutosaveIsNotOffered()
    {
        MainWindow running;
        running.document()->setValue("/quantization/method", Json("gptq"));
        running.files()->autosave()->flush();
        MainWindow second;
        QVERIFY(second.files()->autosave()->recoverable().empty());
        bool asked = false;
        second.files()->setRecoveryPrompt([&](const Autosave::Recoverable &) {
            asked = true;
            return DocumentFiles::RecoveryChoice::Recover;
        });
        QVERIFY(!second.files()->offerRecovery());
        QVERIFY(!asked);
        QVERIFY(QFile::exists(running.files()->autosave()->filePath()));
    }

    void aCrashedUntitledDocumentIsRecovered()
    {
        crashAStudio();
        MainWindow w;
        const auto entries = w.files()->autosave()->recoverable();
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries.front().error.isEmpty());
        QVERIFY(entries.front().originalPath.isEmpty());
        QVERIFY(entries.front().savedAt.isValid());

        QString askedAbout;
        w.files()->setRecoveryPrompt([&](const Autosave::Recoverable &entry) {
            askedAbout = entry.autosavePath;
            return DocumentFiles::RecoveryChoice::Recover;
        });
        QVERIFY(w.files()->offerRecovery());
        QCOMPARE(askedAbout, entries.front().autosavePath);
        QCOMPARE(QString::fromStdString(w.document()->json()["quantization"]["method"].get<std::string>()), QStringLiteral("awq"));
        // Recovered work is unsaved work: the close guard protects it and it is autosaved again.
        QVERIFY(w.document()->isModified());
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(!QFile::exists(entries.front().autosavePath));
        QVERIFY(QFile::exists(w.files()->autosave()->filePath()));
        QVERIFY(w.files()->autosave()->recoverable().empty());
    }

    void aCrashedFileIsRecoveredOnTopOfTheFileOnDisk()
    {
        const QString file = m_home.filePath(QStringLiteral("on-disk.json"));
        QVERIFY(!writeFileAtomic(file.toStdString(), toPrettyJson(methodDoc("fp8"))));
        crashAStudio(file);

        MainWindow w;
        w.files()->setRecoveryPrompt([](const Autosave::Recoverable &entry) {
            return entry.originalPath.endsWith(QLatin1StringView("on-disk.json")) ? DocumentFiles::RecoveryChoice::Recover
                                                                                   : DocumentFiles::RecoveryChoice::Later;
        });
        QVERIFY(w.files()->offerRecovery());
        QCOMPARE(w.document()->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(w.document()->isModified());
        Json expected = methodDoc("fp8");
        expected["quantization"]["method"] = "awq";
        QCOMPARE_JSON(w.document()->json(), expected); // unknown keys survive the crash too
        // One undo shows the file as it is on disk, which is the saved state.
        w.document()->undoStack()->undo();
        QCOMPARE_JSON(w.document()->json(), methodDoc("fp8"));
        QVERIFY(!w.document()->isModified());
    }

    void discardDeletesAndLaterKeeps()
    {
        crashAStudio();
        {
            MainWindow w;
            const Json before = w.document()->json();
            w.files()->setRecoveryPrompt([](const Autosave::Recoverable &) { return DocumentFiles::RecoveryChoice::Later; });
            QVERIFY(!w.files()->offerRecovery());
            QCOMPARE_JSON(w.document()->json(), before);
        }
        MainWindow w;
        QCOMPARE(w.files()->autosave()->recoverable().size(), std::size_t(1)); // still there after "Later"
        w.files()->setRecoveryPrompt([](const Autosave::Recoverable &) { return DocumentFiles::RecoveryChoice::Discard; });
        QVERIFY(!w.files()->offerRecovery());
        QVERIFY(w.files()->autosave()->recoverable().empty());
        QVERIFY(!w.document()->isModified());
    }

    void anUnreadableAutosaveIsSetAsideNotOffered()
    {
        QDir().mkpath(autosaveDir());
        const QString broken = QDir(autosaveDir()).filePath(QStringLiteral("0000-broken.json"));
        QVERIFY(!writeFileAtomic(broken.toStdString(), "{\"quantcfg_autosave\": 1, \"document\": "));
        MainWindow w;
        bool asked = false;
        w.files()->setRecoveryPrompt([&](const Autosave::Recoverable &) {
            asked = true;
            return DocumentFiles::RecoveryChoice::Recover;
        });
        QVERIFY(!w.files()->offerRecovery());
        QVERIFY(!asked);
        QVERIFY(!QFile::exists(broken));
        QVERIFY(QFile::exists(broken + QLatin1StringView(".unreadable")));
        QVERIFY(w.files()->autosave()->recoverable().empty());
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kCrashEnv)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("quantcfg"));
        QCoreApplication::setApplicationName(QStringLiteral("quantcfg-studio"));
        const QString file = qEnvironmentVariable(kCrashEnv);
        editAndCrash(Autosave::defaultDirectory(), file == QLatin1StringView("-") ? QString() : file);
    }
    QApplication app(argc, argv); // initTestCase names it like the studio (studiotest::isolateUserFiles)
    TestStudioAutosave test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_studio_autosave.moc"
