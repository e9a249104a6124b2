#include "core/engines/matrix.h"

#include "testutil.h"

#include <QTest>

using namespace quantcfg;

namespace {

const MatrixCell &cellOf(const CompatibilityMatrix &m, const std::string &method, int cc)
{
    const auto r = std::find(m.methods.begin(), m.methods.end(), method) - m.methods.begin();
    const auto c = std::find_if(m.columns.begin(), m.columns.end(), [cc](const MatrixColumn &col) { return col.computeCapability == cc; }) - m.columns.begin();
    if (r >= static_cast<long>(m.methods.size()) || c >= static_cast<long>(m.columns.size()))
        qFatal("no cell %s/%d", method.c_str(), cc);
    return m.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
}

} // namespace

class TestMatrix : public QObject
{
    Q_OBJECT

private slots:
    // Cells against the engine facts (min capability per method, weight-only fallbacks,
    // TensorRT-LLM's support matrix), including where the design's matrix is wrong.
    void cells_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("minCc");
        QTest::newRow("vllm fp8 turing weight-only") << "vllm" << "fp8" << 75 << "weight-only" << 75;
        QTest::newRow("vllm fp8 ampere weight-only (design says yes)") << "vllm" << "fp8" << 80 << "weight-only" << 75;
        QTest::newRow("vllm fp8 ada") << "vllm" << "fp8" << 89 << "supported" << 75;
        QTest::newRow("vllm fp8 volta") << "vllm" << "fp8" << 70 << "unsupported" << 75;
        QTest::newRow("vllm awq_marlin volta (design says yes)") << "vllm" << "awq_marlin" << 70 << "unsupported" << 75;
        QTest::newRow("vllm awq_marlin pascal") << "vllm" << "awq_marlin" << 61 << "unsupported" << 75;
        QTest::newRow("vllm gptq_marlin pascal loads") << "vllm" << "gptq_marlin" << 60 << "supported" << 60;
        QTest::newRow("vllm gguf removed 2026") << "vllm" << "gguf" << 90 << "not-available" << 0;
        QTest::newRow("vllm 2025-12 gguf pascal") << "vllm@2025-12" << "gguf" << 60 << "supported" << 60;
        QTest::newRow("vllm 2025-12 modelopt ampere") << "vllm@2025-12" << "modelopt_fp8" << 80 << "unsupported" << 89;
        QTest::newRow("vllm 2026 modelopt ampere weight-only") << "vllm" << "modelopt_fp8" << 80 << "weight-only" << 80; // no FP8 compute below SM89
        QTest::newRow("vllm 2026 modelopt ada") << "vllm" << "modelopt_fp8" << 89 << "supported" << 80;
        QTest::newRow("sglang mxfp8 hopper") << "sglang" << "mxfp8" << 90 << "unsupported" << 100; // use_mxfp8 needs SM100
        QTest::newRow("sglang mxfp8 blackwell") << "sglang" << "mxfp8" << 100 << "supported" << 100;
        QTest::newRow("sglang fp8 hopper") << "sglang" << "fp8" << 90 << "supported" << 80;
        QTest::newRow("vllm qoq never") << "vllm" << "qoq" << 90 << "not-available" << 0;
        QTest::newRow("sglang awq_marlin turing") << "sglang" << "awq_marlin" << 75 << "unsupported" << 80;
        QTest::newRow("sglang fp8 ampere weight-only") << "sglang" << "fp8" << 86 << "weight-only" << 80;
        QTest::newRow("sglang fp8 turing") << "sglang" << "fp8" << 75 << "unsupported" << 80;
        QTest::newRow("sglang modelopt_fp8 ampere (design says yes)") << "sglang" << "modelopt_fp8" << 86 << "unsupported" << 89;
        QTest::newRow("sglang w4afp8 ada") << "sglang" << "w4afp8" << 89 << "unsupported" << 90;
        QTest::newRow("sglang w4afp8 hopper") << "sglang" << "w4afp8" << 90 << "supported" << 90;
        QTest::newRow("sglang marlin as gptq_marlin") << "sglang" << "marlin" << 75 << "unsupported" << 80;
        QTest::newRow("sglang qoq removed") << "sglang" << "qoq" << 90 << "not-available" << 0;
        QTest::newRow("sglang 0.5.6 qoq ampere") << "sglang@0.5.6" << "qoq" << 80 << "supported" << 80;
        QTest::newRow("sglang 0.5.6 modelopt_fp4 hopper") << "sglang@0.5.6" << "modelopt_fp4" << 90 << "unsupported" << 100;
        QTest::newRow("trtllm turing not targeted") << "trtllm" << "none" << 75 << "not-targeted" << 80;
        QTest::newRow("trtllm fp8 ampere") << "trtllm" << "fp8" << 80 << "unsupported" << 89;
        QTest::newRow("trtllm fp8 blackwell 12.0") << "trtllm" << "fp8" << 120 << "supported" << 89;
        QTest::newRow("trtllm int4 awq not on blackwell") << "trtllm" << "awq" << 100 << "unsupported" << 80;
        QTest::newRow("trtllm int4 awq hopper") << "trtllm" << "awq" << 90 << "supported" << 80;
        QTest::newRow("trtllm nvfp4 hopper") << "trtllm" << "modelopt_fp4" << 90 << "unsupported" << 100;
        QTest::newRow("trtllm mxfp4 ampere") << "trtllm" << "mxfp4" << 86 << "unsupported" << 90;
        QTest::newRow("trtllm mxfp4 hopper weight-only") << "trtllm" << "mxfp4" << 90 << "weight-only" << 90;
        QTest::newRow("trtllm mxfp4 blackwell") << "trtllm" << "mxfp4" << 100 << "supported" << 90;
        QTest::newRow("trtllm mxfp4 blackwell 12.0") << "trtllm" << "mxfp4" << 120 << "supported" << 90;
        QTest::newRow("trtllm mxfp4 thor not listed") << "trtllm" << "mxfp4" << 110 << "unsupported" << 90; // MXFP4's own list: SM100, SM120
        QTest::newRow("trtllm mxfp8 blackwell") << "trtllm" << "mxfp8" << 100 << "supported" << 100;
        QTest::newRow("trtllm mxfp8 b300") << "trtllm" << "mxfp8" << 103 << "supported" << 100;
        QTest::newRow("trtllm mxfp8 rtx blackwell not listed") << "trtllm" << "mxfp8" << 120 << "unsupported" << 100;
        QTest::newRow("trtllm gguf") << "trtllm" << "gguf" << 90 << "not-available" << 0;
    }
    void cells()
    {
        QFETCH(QString, engine);
        QFETCH(QString, method);
        QFETCH(int, cc);
        QFETCH(QString, state);
        QFETCH(int, minCc);
        const CompatibilityMatrix m = buildMatrix(*ProfileRegistry::builtIn().findSpec(engine.toStdString()));
        const std::string name = method.toStdString(); // named: GCC 13 warns of a reference bound through a temporary argument
        const MatrixCell &cell = cellOf(m, name, cc);
        QCOMPARE(QString::fromLatin1(supportName(cell.state)), state);
        QCOMPARE(cell.minCapability, minCc);
        QVERIFY(!cell.reason.empty());
    }

    // vLLM 2026-08 loads gptq_marlin from SM60, but there is no Marlin below SM75: the cell runs,
    // and its reason says with which kernel (the design document calls it Marlin on Pascal).
    void gptqMarlinOnPascalIsNotMarlin()
    {
        const CompatibilityMatrix m = buildMatrix(*ProfileRegistry::builtIn().findSpec("vllm"));
        const MatrixCell pascal = cellOf(m, "gptq_marlin", 60); // a copy: GCC 13 -Wdangling-reference
        QCOMPARE(pascal.state, Support::Supported);
        QVERIFY2(pascal.reason.find("Exllama") != std::string::npos, pascal.reason.c_str());
        QVERIFY(cellOf(m, "gptq_marlin", 75).reason.find("Exllama") == std::string::npos);
    }

    // Weight-only ranges of checkpoint formats come from the profile's capability notes, not from
    // code: without TensorRT-LLM's MXFP4 note, MXFP4 on Hopper is plain "supported" (from its
    // W4A16_MXFP4 minimum), and a note on another format takes effect the same way.
    void checkpointWeightOnlyComesFromTheProfile()
    {
        const EngineProfile &builtIn = *ProfileRegistry::builtIn().find("trtllm");
        QCOMPARE(checkCapability(builtIn, "MXFP4", 90).state, Support::WeightOnly);

        Json doc = builtIn.document();
        Json &notes = doc["mapping"]["capability_notes"];
        notes = Json::array();
        const EngineProfile withoutNote(doc);
        const CapabilityVerdict mxfp4 = checkCapability(withoutNote, "MXFP4", 90);
        QCOMPARE(mxfp4.state, Support::Supported);
        QCOMPARE(mxfp4.minCapability, 90);

        notes.push_back({{"methods", {"FP8"}}, {"below", 90}, {"state", "weight_only"}, {"message", "FP8 on Ada is weight-only here"}});
        const EngineProfile fp8Note(doc);
        const CapabilityVerdict ada = checkCapability(fp8Note, "FP8", 89);
        QCOMPARE(ada.state, Support::WeightOnly);
        QCOMPARE(ada.reason, std::string("FP8 on Ada is weight-only here"));
        QCOMPARE(checkCapability(fp8Note, "FP8", 90).state, Support::Supported);
        QCOMPARE(checkCapability(fp8Note, "FP8", 80).state, Support::Unsupported); // below the minimum stays unsupported
    }

    // Formats without a minimum (unquantized, "the checkpoint decides") are listed in the profile too,
    // and the reasons name the profile's engine, not a hard-coded one.
    void checkpointFormatsWithoutMinimumComeFromTheProfile()
    {
        const EngineProfile &builtIn = *ProfileRegistry::builtIn().find("trtllm");
        const CapabilityVerdict none = checkCapability(builtIn, "NO_QUANT", 80);
        QCOMPARE(none.state, Support::Supported);
        QCOMPARE(none.reason, std::string("unquantized checkpoints run on every supported GPU"));
        QCOMPARE(checkCapability(builtIn, "NO_QUANT", 75).reason,
                 std::string("TensorRT-LLM supports Ampere (SM80) and newer; SM75 is not a target (community support at most)"));
        QCOMPARE(checkCapability(builtIn, "FP8", 80).reason, std::string("FP8 checkpoints need SM89 or newer in TensorRT-LLM"));

        Json doc = builtIn.document();
        doc["mapping"].erase("checkpoint_any_sm");
        doc["display_name"] = "Other";
        const EngineProfile other(doc);
        QCOMPARE(checkCapability(other, "NO_QUANT", 80).state, Support::Unknown);
        QCOMPARE(checkCapability(other, "FP8", 80).reason, std::string("FP8 checkpoints need SM89 or newer in Other"));
        QCOMPARE(checkCapability(other, "W4A16_AWQ", 100).reason, std::string("Other's support matrix lists W4A16_AWQ only for SM80, SM89, SM90"));
    }

    // Support lists name one SM per family; which SM counts as which is the profile's data, not code.
    void supportListFamiliesComeFromTheProfile()
    {
        const EngineProfile &builtIn = *ProfileRegistry::builtIn().find("trtllm");
        QCOMPARE(checkCapability(builtIn, "W4A16_AWQ", 86).state, Support::Supported);  // listed as SM80
        QCOMPARE(checkCapability(builtIn, "NVFP4", 103).state, Support::Supported);     // listed as SM100
        QCOMPARE(checkCapability(builtIn, "NVFP4", 121).state, Support::Supported);     // listed as SM120
        QCOMPARE(checkCapability(builtIn, "NVFP4", 110).state, Support::Unsupported);   // Thor: in no table

        Json doc = builtIn.document();
        doc["mapping"]["supported_sm_listed_as"].erase("86");
        const EngineProfile other(doc);
        QCOMPARE(checkCapability(other, "W4A16_AWQ", 86).state, Support::Unsupported);
        QCOMPARE(checkCapability(other, "W4A16_AWQ", 80).state, Support::Supported);
        doc["mapping"].erase("supported_sm_listed_as");
        QCOMPARE(checkCapability(EngineProfile(doc), "NVFP4", 103).state, Support::Unsupported);
    }

    void shape()
    {
        const CompatibilityMatrix m = buildMatrix(*ProfileRegistry::builtIn().find("vllm"));
        QCOMPARE(m.methods.front(), std::string("none"));
        QCOMPARE(m.cells.size(), m.methods.size());
        for (const auto &row : m.cells)
            QCOMPARE(row.size(), m.columns.size());
        // Turing and Ada are columns (the design's matrix forgot them).
        std::vector<std::string> archs;
        for (const auto &c : m.columns)
            archs.push_back(c.architecture);
        for (const char *a : {"Pascal", "Volta", "Turing", "Ampere", "Ada", "Hopper", "Blackwell"})
            QVERIFY2(std::find(archs.begin(), archs.end(), a) != archs.end(), a);
        const Json j = matrixToJson(m);
        QCOMPARE(j["rows"].size(), m.methods.size());
        QCOMPARE_JSON(j["columns"][0]["compute_capability"], Json("6.0"));
    }

    void summaryTakesTheBestEngine()
    {
        std::vector<const EngineProfile *> profiles;
        for (const auto &e : ProfileRegistry::builtIn().engines())
            profiles.push_back(ProfileRegistry::builtIn().find(e));
        const CompatibilityMatrix m = buildSummaryMatrix(profiles);
        // gguf: only vLLM 2025-12 and SGLang have it; the default vLLM does not, SGLang does.
        QCOMPARE(cellOf(m, "gguf", 90).state, Support::Supported);
        QCOMPARE(cellOf(m, "gguf", 90).engine, std::string("sglang@main-2026-08-22"));
        QVERIFY(cellOf(m, "gguf", 90).reason.find("trtllm@main-029e223d: not-available") != std::string::npos);
        QCOMPARE(cellOf(m, "qoq", 90).state, Support::NotAvailable); // removed from the newest SGLang
        QCOMPARE(cellOf(m, "fp8", 80).state, Support::WeightOnly);
    }

    // A cell that does not run names the closest method that runs on the same architecture in the
    // same matrix; one that runs, or whose state is unknown, names none.
    void alternativesRunOnTheSameArchitecture()
    {
        std::vector<CompatibilityMatrix> matrices;
        std::vector<const EngineProfile *> defaults;
        for (const auto &p : ProfileRegistry::builtIn().all()) {
            matrices.push_back(buildMatrix(*p));
            if (p->isDefault())
                defaults.push_back(p.get());
        }
        matrices.push_back(buildSummaryMatrix(defaults));
        const auto runs = [](Support s) { return s == Support::Supported || s == Support::WeightOnly; };
        for (const CompatibilityMatrix &m : matrices) {
            std::size_t suggested = 0;
            for (std::size_t r = 0; r < m.methods.size(); ++r) {
                for (std::size_t c = 0; c < m.columns.size(); ++c) {
                    const MatrixCell &cell = m.cells[r][c];
                    if (runs(cell.state) || cell.state == Support::Unknown) {
                        QVERIFY(cell.alternative.empty());
                        continue;
                    }
                    if (cell.alternative.empty())
                        continue;
                    ++suggested;
                    QVERIFY(cell.alternative != m.methods[r]);
                    QVERIFY(cell.alternative != "none");
                    QVERIFY2(runs(cellOf(m, cell.alternative, m.columns[c].computeCapability).state), (m.engines + " " + m.methods[r]).c_str());
                }
            }
            QVERIFY2(suggested > 0, m.engines.c_str());
            QCOMPARE_JSON(matrixToJson(m)["rows"][0]["cells"][0].contains("alternative"), Json(!m.cells[0][0].alternative.empty()));
        }
    }

    void alternatives_data()
    {
        QTest::addColumn<QString>("engine"); // empty: the default versions summarised
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("cc");
        QTest::addColumn<QString>("alternative");
        // The same checkpoint first: FP8 below its minimum, another method that quantizes the
        // unquantized checkpoint while loading.
        QTest::newRow("fp8 volta") << "" << "fp8" << 70 << "bitsandbytes";
        QTest::newRow("sglang mxfp8 hopper") << "sglang" << "mxfp8" << 90 << "fp8";
        // TensorRT-LLM runs no INT4-AWQ on Blackwell: a ModelOpt checkpoint of 4-bit weights.
        QTest::newRow("trtllm awq blackwell") << "trtllm" << "awq" << 100 << "modelopt";
        // qoq: no default version has it; the closest is 4-bit weights with 8-bit activations,
        // where that runs, else 4-bit weights.
        QTest::newRow("qoq hopper") << "" << "qoq" << 90 << "w4a8";
        QTest::newRow("qoq ampere") << "" << "qoq" << 80 << "awq";
    }
    void alternatives()
    {
        QFETCH(QString, engine);
        QFETCH(QString, method);
        QFETCH(int, cc);
        QFETCH(QString, alternative);
        CompatibilityMatrix m;
        if (engine.isEmpty()) {
            std::vector<const EngineProfile *> defaults;
            for (const auto &e : ProfileRegistry::builtIn().engines())
                defaults.push_back(ProfileRegistry::builtIn().find(e));
            m = buildSummaryMatrix(defaults);
        } else {
            m = buildMatrix(*ProfileRegistry::builtIn().findSpec(engine.toStdString()));
        }
        const std::string name = method.toStdString();
        QCOMPARE(QString::fromStdString(cellOf(m, name, cc).alternative), alternative);
    }

    // Which versions run a method comes from the profiles: qoq is in no default version (SGLang
    // removed it), only in SGLang's older ones.
    void methodReachComesFromTheProfiles()
    {
        const MethodReach qoq = methodReach("qoq");
        QVERIFY(!qoq.byDefault);
        QVERIFY(!qoq.others.empty());
        for (const EngineProfile *p : qoq.others) {
            QCOMPARE(p->engine(), std::string("sglang"));
            QVERIFY(!engineMethodValue(*p, "qoq").empty());
        }
        QVERIFY(std::any_of(qoq.others.begin(), qoq.others.end(), [](const EngineProfile *p) { return p->version() == "v0.5.6"; }));
        QVERIFY(methodReach("fp8").byDefault);
        QVERIFY(methodReach("gguf").byDefault); // SGLang's default has it, vLLM's does not
        QVERIFY(methodReach("no-such-method").others.empty());
    }
};

QTEST_APPLESS_MAIN(TestMatrix)
#include "tst_matrix.moc"
