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
