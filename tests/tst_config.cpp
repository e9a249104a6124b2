#include "core/config.h"

#include "testutil.h"

#include <QTest>

using namespace quantcfg;

class TestConfig : public QObject
{
    Q_OBJECT

private slots:
    void readsTypedFields()
    {
        const Config c = Config::fromJson(Json::parse(testutil::readFile(QCFG_SOURCE_DIR "/presets/sglang-marlin-moe.json")));
        QCOMPARE(c.quantization.methodOrNone(), std::string("awq_marlin"));
        QCOMPARE(c.quantization.weightBits.value(), 4);
        QCOMPARE(c.quantization.enableMarlin.value(), true);
        QCOMPARE(c.quantization.fallbackMethod.value(), std::string("awq"));
        QCOMPARE(c.parallelism.tp(), 4);
        QCOMPARE(c.parallelism.pp(), 1);
        QCOMPARE(c.moe.expertTp.value(), 2);
        QCOMPARE(c.attention.backend.value(), std::string("flashinfer"));
        QCOMPARE(c.dtype.value(), std::string("bfloat16"));
        QCOMPARE(c.modelOrDefault(), std::string(kDefaultModel));
    }

    void roundTripKeepsUnknownKeysAndOrder()
    {
        const std::string text = testutil::readFile(testutil::dataPath("configs/unknown-keys.json"));
        const Json doc = Json::parse(text);
        const Json out = Config::fromJson(doc).toJson();
        QCOMPARE_JSON(toPrettyJson(out), toPrettyJson(doc));
        QCOMPARE(out.begin().key(), std::string("zeta")); // order kept, not sorted
    }

    void editKeepsPositionAndAppendsNewKeys()
    {
        Config c = Config::fromJson(Json::parse(testutil::readFile(testutil::dataPath("configs/unknown-keys.json"))));
        c.quantization.method = "gptq";
        c.parallelism.tensorParallel = 2;
        const Json out = c.toJson();
        std::vector<std::string> keys;
        for (auto it = out.begin(); it != out.end(); ++it)
            keys.push_back(it.key());
        QCOMPARE(keys, (std::vector<std::string>{"zeta", "quantization", "alpha", "kv_cache", "x-team", "parallelism"}));
        QCOMPARE_JSON(out["quantization"].begin().key(), std::string("method"));
        QCOMPARE_JSON(out["quantization"]["method"], Json("gptq"));
        QCOMPARE_JSON(out["quantization"]["calibration"]["samples"], Json(128));
    }

    void clearingAFieldRemovesIt()
    {
        Config c = Config::fromJson(Json::parse(R"({"quantization": {"method": "awq", "weight_bits": 4}})"));
        c.quantization.weightBits.reset();
        QCOMPARE_JSON(c.toJson(), Json::parse(R"({"quantization": {"method": "awq"}})"));
    }

    void wrongTypedValuesSurvive()
    {
        const Json doc = Json::parse(R"({"quantization": {"method": "awq", "weight_bits": "four"}, "parallelism": 2})");
        const Config c = Config::fromJson(doc);
        QVERIFY(!c.quantization.weightBits);
        QCOMPARE(c.parallelism.tp(), 1);
        QCOMPARE_JSON(c.toJson(), doc);
    }

    void nonObjectDocumentsDoNotCrash()
    {
        for (const char *text : {"[]", "null", "3", "\"x\"", R"({"quantization": [1]})", R"({"model": {"id_or_path": 7}})"}) {
            const Config c = Config::fromJson(Json::parse(text));
            QCOMPARE(c.quantization.methodOrNone(), std::string("none"));
            QCOMPARE(c.modelOrDefault(), std::string(kDefaultModel));
        }
    }

    // engine_versions is a map: its string entries are typed, other values are kept for the validator.
    void engineVersionsAreReadAndWrittenBack()
    {
        const Json doc = Json::parse(R"({"quantization": {"method": "none"}, "engine_versions": {"vllm": "v0.11.0", "sglang": 5, "x": "y"}})");
        Config c = Config::fromJson(doc);
        QCOMPARE(c.engineVersions, (std::map<std::string, std::string>{{"vllm", "v0.11.0"}, {"x", "y"}}));
        c.engineVersions.erase("x");
        c.engineVersions["trtllm"] = "1.x";
        const Json out = c.toJson();
        QVERIFY(out["engine_versions"] == Json::parse(R"({"vllm": "v0.11.0", "sglang": 5, "trtllm": "1.x"})"));
        c.engineVersions.clear();
        QVERIFY(c.toJson()["engine_versions"] == Json::parse(R"({"sglang": 5})"));
        QVERIFY(!Config::fromJson(Json::parse(R"({"quantization": {"method": "none"}})")).toJson().contains("engine_versions"));
    }

    // The setter beside findPointer(): creates the objects on the way, removes without creating.
    void withPointerCreatesAndRemoves()
    {
        const Json doc = Json::parse(R"({"quantization": {"method": "fp8"}, "x": 1})");
        QVERIFY(withPointer(doc, "/kv_cache/dtype", Json("fp8")) == Json::parse(R"({"quantization": {"method": "fp8"}, "x": 1, "kv_cache": {"dtype": "fp8"}})"));
        QVERIFY(withPointer(doc, "/quantization/method", std::nullopt) == Json::parse(R"({"quantization": {}, "x": 1})"));
        QVERIFY(withPointer(doc, "/moe/runner_backend", std::nullopt) == doc);
        QVERIFY(withPointer(doc, "/x/y", Json(2)) == Json::parse(R"({"quantization": {"method": "fp8"}, "x": {"y": 2}})"));
        QVERIFY(withPointer(Json::array(), "/a", Json(true)) == Json::parse(R"({"a": true})"));
    }

    void findPointerOnlyWalksObjects()
    {
        const Json doc = Json::parse(R"({"a": {"b": [1, 2]}, "c": 3})");
        QVERIFY(findPointer(doc, "/a/b"));
        QVERIFY(!findPointer(doc, "/a/b/0"));
        QVERIFY(!findPointer(doc, "/c/d"));
        QCOMPARE(findPointer(doc, ""), &doc);
    }

    // The serving section: typed, written back, and an integer fraction (1) reads as a number.
    void servingIsReadAndWrittenBack()
    {
        const Json doc = Json::parse(R"({"quantization": {"method": "none"},
            "serving": {"max_model_len": 8192, "gpu_memory_utilization": 1, "port": 9000, "served_model_name": "chat", "x": true}})");
        Config c = Config::fromJson(doc);
        QCOMPARE(c.serving.maxModelLen.value(), 8192);
        QCOMPARE(c.serving.gpuMemoryUtilization.value(), 1.0);
        QCOMPARE(c.serving.port.value(), 9000);
        QCOMPARE(c.serving.servedModelName.value(), std::string("chat"));
        c.serving.gpuMemoryUtilization = 0.85;
        c.serving.port.reset();
        QCOMPARE_JSON(c.toJson()["serving"],
                      Json::parse(R"({"max_model_len": 8192, "gpu_memory_utilization": 0.85, "served_model_name": "chat", "x": true})"));
        QVERIFY(!Config::fromJson(Json::parse(R"({"serving": {"port": "80"}})")).serving.port); // wrong type: kept, not typed
    }

    // deployment: typed fields and the per-engine image map survive a round trip; a dropped image goes.
    void deploymentIsReadAndWrittenBack()
    {
        const Json doc = Json::parse(R"({"quantization": {"method": "fp8"}, "deployment": {"nodes": 2, "gpus_per_node": 8,
            "launcher": "native", "head_address": "10.0.0.1", "head_port": 29501, "network_interface": "eth0",
            "image": {"vllm": "vllm/vllm-openai:v0.29.0", "sglang": 3}, "model_cache": "/data/hf", "shm_size": "32g",
            "data_parallel_lb": "hybrid", "later": true}})");
        Config c = Config::fromJson(doc);
        QCOMPARE(c.deployment.nodeCount(), 2);
        QCOMPARE(*c.deployment.gpusPerNode, 8);
        QCOMPARE(c.deployment.launcherOrDefault(), std::string("native"));
        QCOMPARE(*c.deployment.headAddress, std::string("10.0.0.1"));
        QCOMPARE(*c.deployment.headPort, 29501);
        QCOMPARE(*c.deployment.networkInterface, std::string("eth0"));
        QCOMPARE(c.deployment.images, (std::map<std::string, std::string>{{"vllm", "vllm/vllm-openai:v0.29.0"}}));
        QCOMPARE(*c.deployment.modelCache, std::string("/data/hf"));
        QCOMPARE(*c.deployment.shmSize, std::string("32g"));
        QCOMPARE(c.deployment.dataParallelLbOrDefault(), std::string("hybrid"));
        QVERIFY(c.toJson() == doc);
        c.deployment.images.clear();
        c.deployment.nodes.reset();
        const Json out = c.toJson();
        QVERIFY(out["deployment"]["image"] == Json::parse(R"({"sglang": 3})"));
        QVERIFY(!out["deployment"].contains("nodes"));
        QVERIFY(out["deployment"]["later"] == Json(true));
        QCOMPARE(Config::fromJson(Json::object()).deployment.launcherOrDefault(), std::string("single"));
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
