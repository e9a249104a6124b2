#include "core/applicability.h"
#include "core/validation.h"

#include "testutil.h"

#include <QTest>

#include <algorithm>

using namespace quantcfg;

class TestApplicability : public QObject
{
    Q_OBJECT

private slots:
    // One row per rule and side. When a row names a warning code, validation must report exactly
    // that code for the field when the field is not applicable and is set, so the form and the
    // validator cannot drift apart.
    void rules_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<bool>("applies");
        QTest::addColumn<QString>("warning");

        QTest::newRow("fp8_variant with fp8") << R"({"quantization": {"method": "fp8", "fp8_variant": "standard"}})"
                                              << "/quantization/fp8_variant" << true << "";
        QTest::newRow("fp8_variant with awq") << R"({"quantization": {"method": "awq", "fp8_variant": "standard"}})"
                                              << "/quantization/fp8_variant" << false << "semantic.not-applicable";
        QTest::newRow("gguf_variant with gguf") << R"({"quantization": {"method": "gguf", "gguf_variant": "Q4_0"}})"
                                                << "/quantization/gguf_variant" << true << "";
        QTest::newRow("gguf_variant with fp8") << R"({"quantization": {"method": "fp8", "gguf_variant": "Q4_0"}})"
                                               << "/quantization/gguf_variant" << false << "semantic.not-applicable";
        QTest::newRow("activation_dtype with w4a8") << R"({"quantization": {"method": "w4a8", "activation_dtype": "fp8"}})"
                                                    << "/quantization/activation_dtype" << true << "";
        QTest::newRow("activation_dtype with awq") << R"({"quantization": {"method": "awq", "activation_dtype": "fp8"}})"
                                                   << "/quantization/activation_dtype" << false << "semantic.not-applicable";
        QTest::newRow("base_quantization with qoq") << R"({"quantization": {"method": "qoq", "base_quantization": "awq"}})"
                                                    << "/quantization/base_quantization" << true << "";
        QTest::newRow("base_quantization with awq") << R"({"quantization": {"method": "awq", "base_quantization": "awq"}})"
                                                    << "/quantization/base_quantization" << false << "semantic.not-applicable";
        QTest::newRow("memory_reduction with fp8") << R"({"quantization": {"method": "fp8", "memory_reduction": 0.5}})"
                                                   << "/quantization/memory_reduction" << false << "semantic.not-applicable";
        QTest::newRow("group_size with awq") << R"({"quantization": {"method": "awq", "group_size": 128}})"
                                             << "/quantization/group_size" << true << "";
        QTest::newRow("group_size with fp8") << R"({"quantization": {"method": "fp8", "group_size": 128}})"
                                             << "/quantization/group_size" << false << "semantic.not-applicable";
        QTest::newRow("group_size with none") << R"({"quantization": {"method": "none", "group_size": 128}})"
                                              << "/quantization/group_size" << false << "semantic.not-applicable";
        QTest::newRow("weight_bits with none") << R"({"quantization": {"method": "none", "weight_bits": 8}})"
                                               << "/quantization/weight_bits" << false << "semantic.bits-without-method";
        QTest::newRow("weight_bits with fp8") << R"({"quantization": {"method": "fp8", "weight_bits": 8}})"
                                              << "/quantization/weight_bits" << true << "";
        QTest::newRow("activation_bits with none") << R"({"quantization": {"method": "none"}})"
                                                   << "/quantization/activation_bits" << false << "";
        QTest::newRow("enable_marlin with gptq") << R"({"quantization": {"method": "gptq", "enable_marlin": true}})"
                                                 << "/quantization/enable_marlin" << true << "";
        QTest::newRow("enable_marlin with fp8") << R"({"quantization": {"method": "fp8", "enable_marlin": true}})"
                                                << "/quantization/enable_marlin" << false << "semantic.marlin-not-applicable";
        QTest::newRow("enable_marlin false with fp8") << R"({"quantization": {"method": "fp8", "enable_marlin": false}})"
                                                      << "/quantization/enable_marlin" << false << "semantic.marlin-not-applicable";
        QTest::newRow("activation_bits set with none") << R"({"quantization": {"method": "none", "activation_bits": 8}})"
                                                       << "/quantization/activation_bits" << false << "semantic.bits-without-method";
        QTest::newRow("fp8_format with fp8_e4m3") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8_e4m3", "fp8_format": "e4m3"}})"
                                                  << "/kv_cache/fp8_format" << false << "semantic.not-applicable";
        QTest::newRow("fp8_format with fp8") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "fp8", "fp8_format": "e4m3"}})"
                                             << "/kv_cache/fp8_format" << true << "";
        QTest::newRow("fp8_format with bfloat16") << R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "bfloat16", "fp8_format": "e4m3"}})"
                                                  << "/kv_cache/fp8_format" << false << "semantic.not-applicable";
        QTest::newRow("moe field always") << R"({"quantization": {"method": "none"}})"
                                          << "/moe/runner_backend" << true << "";
    }

    void rules()
    {
        QFETCH(QString, doc);
        QFETCH(QString, pointer);
        QFETCH(bool, applies);
        QFETCH(QString, warning);

        const Json json = Json::parse(doc.toStdString());
        const FieldApplicability a = fieldApplicability(Config::fromJson(json), pointer.toStdString());
        QCOMPARE(a.applies(), applies);
        if (!applies)
            QVERIFY(!a.dependsOn.empty());

        const Diagnostics diags = validateDocument(json);
        const bool warned = std::any_of(diags.begin(), diags.end(), [&](const Diagnostic &d) {
            return d.pointer == pointer.toStdString() && d.severity == Severity::Warning;
        });
        if (!warning.isEmpty()) {
            const bool sameCode = std::any_of(diags.begin(), diags.end(), [&](const Diagnostic &d) {
                return d.pointer == pointer.toStdString() && d.code == warning.toStdString();
            });
            QVERIFY(sameCode);
        }
        if (applies)
            QVERIFY(!warned);
        // Not applicable and set: reported, and by inapplicableFields() with the same code.
        const std::vector<InapplicableField> set = inapplicableFields(Config::fromJson(json));
        const auto listed = std::find_if(set.begin(), set.end(), [&](const InapplicableField &f) { return f.pointer == pointer.toStdString(); });
        QCOMPARE(listed != set.end(), !applies && findPointer(json, pointer.toStdString()) != nullptr);
        if (listed != set.end())
            QCOMPARE(QString::fromStdString(listed->code), warning);
    }

    // The warnings validation gives for set fields that do not apply, word for word: they come from
    // the applicability rules, and are what users of the CLI and the studio read.
    void warningTexts_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *doc, const char *pointer, const char *code, const char *message) {
            QTest::newRow(name) << QString::fromUtf8(doc) << QString::fromUtf8(pointer) << QString::fromUtf8(code) << QString::fromUtf8(message);
        };
        row("weight_bits", R"({"quantization": {"method": "none", "weight_bits": 4}})", "/quantization/weight_bits",
            "semantic.bits-without-method", "weight_bits has no effect when method is none");
        row("activation_bits", R"({"quantization": {"method": "none", "activation_bits": 8}})", "/quantization/activation_bits",
            "semantic.bits-without-method", "activation_bits has no effect when method is none");
        row("group_size", R"({"quantization": {"method": "fp8", "group_size": 128}})", "/quantization/group_size",
            "semantic.not-applicable", "group_size only applies to 4-bit and lower methods");
        row("activation_dtype", R"({"quantization": {"method": "awq", "activation_dtype": "fp8"}})", "/quantization/activation_dtype",
            "semantic.not-applicable", "activation_dtype only applies to method w4a8");
        row("fp8_variant", R"({"quantization": {"method": "awq", "fp8_variant": "standard"}})", "/quantization/fp8_variant",
            "semantic.not-applicable", "fp8_variant only applies to method fp8");
        row("gguf_variant", R"({"quantization": {"method": "awq", "gguf_variant": "Q4_0"}})", "/quantization/gguf_variant",
            "semantic.not-applicable", "gguf_variant only applies to method gguf");
        row("base_quantization", R"({"quantization": {"method": "awq", "base_quantization": "awq"}})", "/quantization/base_quantization",
            "semantic.not-applicable", "base_quantization only applies to method qoq");
        row("memory_reduction", R"({"quantization": {"method": "awq", "memory_reduction": 0.5}})", "/quantization/memory_reduction",
            "semantic.not-applicable", "memory_reduction only applies to method qoq");
        row("enable_marlin", R"({"quantization": {"method": "fp8", "enable_marlin": true}})", "/quantization/enable_marlin",
            "semantic.marlin-not-applicable", "enable_marlin only applies to AWQ and GPTQ methods");
        row("fp8_format", R"({"quantization": {"method": "none"}, "kv_cache": {"dtype": "auto", "fp8_format": "e5m2"}})", "/kv_cache/fp8_format",
            "semantic.not-applicable", "fp8_format only applies when the KV-cache dtype is fp8");
    }

    void warningTexts()
    {
        QFETCH(QString, doc);
        QFETCH(QString, pointer);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const Diagnostics diags = validateDocument(Json::parse(doc.toStdString()));
        const auto at = std::find_if(diags.begin(), diags.end(), [&](const Diagnostic &d) { return d.pointer == pointer.toStdString(); });
        QVERIFY(at != diags.end());
        QCOMPARE(QString::fromLatin1(severityName(at->severity)), QStringLiteral("warning"));
        QCOMPARE(QString::fromStdString(at->code), code);
        QCOMPARE(QString::fromStdString(at->message), message);
    }

    void nothingListedWhenEverythingApplies()
    {
        const Json json = {{"quantization", {{"method", "qoq"}, {"weight_bits", 4}, {"group_size", 128}, {"base_quantization", "awq"}, {"memory_reduction", 0.5}}},
                           {"kv_cache", {{"dtype", "fp8"}, {"fp8_format", "e5m2"}}}};
        QVERIFY(inapplicableFields(Config::fromJson(json)).empty());
    }

    void requiredValuesAreNamed()
    {
        const Json json = Json::parse(R"({"quantization": {"method": "awq"}})");
        const FieldApplicability a = fieldApplicability(Config::fromJson(json), "/quantization/fp8_variant");
        QCOMPARE(int(a.rule), int(FieldApplicability::Rule::RequiresValue));
        QCOMPARE(a.dependsOn, std::string("/quantization/method"));
        QCOMPARE(a.values, std::vector<std::string>{"fp8"});
    }
};

QTEST_APPLESS_MAIN(TestApplicability)
#include "tst_applicability.moc"
