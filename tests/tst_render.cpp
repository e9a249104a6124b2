#include "core/engines/mapper.h"
#include "core/engines/render.h"

#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace quantcfg;

namespace {

// Runs @p script with sh and returns what it printed.
QByteArray runSh(const std::string &script, const QString &workDir = {})
{
    QProcess sh;
    if (!workDir.isEmpty())
        sh.setWorkingDirectory(workDir);
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromStdString(script)});
    sh.waitForFinished(10000);
    return sh.readAllStandardOutput();
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << "meta-llama/Llama-3.2-1B-Instruct";
        QTest::newRow("space") << "/models/my model";
        QTest::newRow("single quote") << "/models/it's";
        QTest::newRow("double quote") << "a\"b";
        QTest::newRow("dollar") << "$HOME/x";
        QTest::newRow("command substitution") << "$(rm -rf /tmp/nothing)";
        QTest::newRow("backticks") << "`id`";
        QTest::newRow("newline") << "line1\nline2";
        QTest::newRow("glob") << "*.gguf";
        QTest::newRow("leading dash") << "-rf";
        QTest::newRow("tilde") << "~/models";
        QTest::newRow("semicolon and pipe") << "a;b|c&d";
        QTest::newRow("backslash") << "a\\b\\";
        QTest::newRow("empty") << "";
        QTest::newRow("unicode") << "模型/Ünïcödé";
        QTest::newRow("only quotes") << "''\"'";
    }
    // The round trip through a real shell gives back the exact argument.
    void quoting()
    {
        QFETCH(QString, word);
        const std::string w = word.toStdString();
        const QByteArray printed = runSh("printf '%s' " + shellQuote(w));
        QCOMPARE(printed, QByteArray::fromStdString(w));
    }

    void hostileModelPathsSurviveTheWholeCommand()
    {
        const std::vector<std::string> hostile = {"/models/a b/$USER's `x`\n\"y\"", "-rf /", "x;rm -rf /tmp/y", "~root", "a\\", "\t"};
        for (const std::string &model : hostile) {
            MapOptions options;
            options.model = model;
            Config config = Config::fromJson(Json::parse(R"({"quantization": {"method": "fp8"}, "attention": {"backend": "triton"}})"));
            for (const LaunchPlan &plan : mapAllEngines(config, options)) {
                for (CommandLayout layout : {CommandLayout::OneLine, CommandLayout::MultiLine}) {
                    // Replace the program with a printer of its arguments, NUL-separated.
                    std::string cmd = renderCommand(plan, layout);
                    std::string printer = "sh -c 'for a; do printf \"%s\\0\" \"$a\"; done; env | grep ^VLLM_ATTENTION || true' argv0";
                    const std::size_t pos = cmd.find(plan.argv.front());
                    cmd.replace(pos, plan.argv.front().size(), printer);
                    const QByteArray out = runSh(cmd);
                    std::string expected;
                    for (std::size_t i = 1; i < plan.argv.size(); ++i)
                        expected += plan.argv[i] + std::string(1, '\0');
                    for (const EnvVar &e : plan.env)
                        expected += e.name + "=" + e.value + "\n";
                    QVERIFY2(out.toStdString() == expected, (plan.engine + ": " + cmd).c_str());
                }
            }
        }
    }

    void multiLineKeepsProgramTogether()
    {
        Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "awq"}, "parallelism": {"tensor_parallel_size": 2}})"));
        const LaunchPlan sglang = mapConfig(c, *ProfileRegistry::builtIn().find("sglang"));
        const std::string text = renderCommand(sglang, CommandLayout::MultiLine);
        QVERIFY2(text.rfind("python3 -m sglang.launch_server \\\n  --model-path ", 0) == 0, text.c_str());
        QVERIFY(text.find("\\\n  --quantization awq \\\n  --tp-size 2") != std::string::npos);
        QVERIFY(text.find('\n') != std::string::npos);
        QCOMPARE(renderCommand(sglang).find('\n'), std::string::npos);
    }

    void envIsAPrefix()
    {
        Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "none"}, "attention": {"backend": "flashinfer"}})"));
        const LaunchPlan plan = mapConfig(c, *ProfileRegistry::builtIn().find("vllm", "2025-12"));
        QVERIFY(renderCommand(plan).rfind("VLLM_ATTENTION_BACKEND=FLASHINFER vllm serve ", 0) == 0);
    }

    // An exported script writes the YAML next to it and runs the exact command.
    void scriptWritesFilesAndRuns()
    {
        Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "fp8"}, "kv_cache": {"dtype": "fp8"}, "dtype": "bfloat16"})"));
        LaunchPlan plan = mapConfig(c, *ProfileRegistry::builtIn().find("trtllm"));
        QCOMPARE(plan.files.size(), std::size_t(1));
        QTemporaryDir dir;
        std::string script = renderScript(plan);
        QVERIFY(script.rfind("#!/bin/sh\n", 0) == 0);
        // Stand in for trtllm-serve: a program on PATH that prints its arguments.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("bin")));
        const std::string stub = dir.filePath(QStringLiteral("bin/trtllm-serve")).toStdString();
        std::ofstream(stub) << "#!/bin/sh\nprintf '%s\\n' \"$@\"\n";
        QFile::setPermissions(QString::fromStdString(stub), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const QByteArray out = runSh("PATH=" + shellQuote(dir.filePath(QStringLiteral("bin")).toStdString()) + ":$PATH; export PATH\n" + script, dir.path());
        QVERIFY(out.contains("--extra_llm_api_options\ntrtllm-extra.yaml"));
        QCOMPARE(testutil::readFile(dir.filePath(QStringLiteral("trtllm-extra.yaml")).toStdString()), plan.files[0].content);
    }

    void unsupportedPlanHasNoCommand()
    {
        Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "gguf"}})"));
        const LaunchPlan plan = mapConfig(c, *ProfileRegistry::builtIn().find("trtllm"));
        QCOMPARE(renderCommand(plan), std::string());
        const std::string script = renderScript(plan);
        QVERIFY(script.find("exit 1") != std::string::npos);
        const Json j = planToJson(plan);
        QCOMPARE_JSON(j["status"], Json("unsupported"));
        QVERIFY(j["argv"].empty());
        QVERIFY(!j["diagnostics"].empty());
    }
};

QTEST_APPLESS_MAIN(TestRender)
#include "tst_render.moc"
