// quantcfg deploy: the rules, lint of every node's command, and rank consistency checked by
// running each rendering with stand-in engines, Slurm and MPI that record how they were started.
#include "core/config.h"
#include "core/engines/deploy.h"
#include "core/engines/lint.h"
#include "core/engines/profile.h"
#include "core/engines/shellwords.h"
#include "core/hardware/gpudatabase.h"
#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace quantcfg;

namespace {

// ---- stand-ins -------------------------------------------------------------------------------

// An engine (or ray) that writes down its program name, its rank environment and its argv.
constexpr const char *kRecorder = R"SH(#!/bin/bash
f="$RECORD_DIR/$(basename "$0").$$.$RANDOM"
{
    printf 'prog=%s\n' "$(basename "$0")"
    printf 'node=%s\n' "${SLURM_NODEID-}"
    printf 'proc=%s\n' "${OMPI_COMM_WORLD_RANK-${SLURM_PROCID-}}"
    printf 'size=%s\n' "${OMPI_COMM_WORLD_SIZE-${SLURM_NTASKS-}}"
    printf 'nic=%s\n' "${NCCL_SOCKET_IFNAME-}"
} > "$f.env"
printf '%s\0' "$@" > "$f.argv"
)SH";

// mpirun: starts -np copies of the command with Open MPI's rank variables.
constexpr const char *kMpirun = R"SH(#!/bin/bash
np=1
while [ $# -gt 0 ]; do
    case "$1" in
    -np) np=$2; shift 2 ;;
    --npernode|--hostfile|-x) shift 2 ;;
    --allow-run-as-root) shift ;;
    -*) echo "stand-in mpirun: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
done
for ((i = 0; i < np; i++)); do
    OMPI_COMM_WORLD_RANK=$i OMPI_COMM_WORLD_SIZE=$np "$@" &
done
wait
)SH";

// srun: nodes × tasks copies with Slurm's rank variables.
constexpr const char *kSrun = R"SH(#!/bin/bash
nodes=1
tasks=1
while [ $# -gt 0 ]; do
    case "$1" in
    --nodes=*) nodes=${1#*=}; shift ;;
    --ntasks-per-node=*) tasks=${1#*=}; shift ;;
    --mpi=*) shift ;;
    -*) echo "stand-in srun: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
done
for ((n = 0; n < nodes; n++)); do
    for ((t = 0; t < tasks; t++)); do
        SLURM_NODEID=$n SLURM_PROCID=$((n * tasks + t)) SLURM_LOCALID=$t SLURM_NTASKS=$((nodes * tasks)) "$@" &
    done
done
wait
)SH";

constexpr const char *kScontrol = R"SH(#!/bin/bash
[ "$1 $2" = "show hostnames" ] || exit 2
tr ',' '\n' <<< "$3"
)SH";

constexpr const char *kLaunch = "#!/bin/bash\nexec \"$@\"\n";

void writeExecutable(const QString &path, const char *text)
{
    testutil::writeFile(path.toStdString(), text);
    std::filesystem::permissions(path.toStdString(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add);
}

struct Record
{
    std::string prog, node, proc, size, nic;
    std::vector<std::string> argv;

    std::optional<std::string> value(const std::string &flag) const
    {
        const auto it = std::find(argv.begin(), argv.end(), flag);
        if (it == argv.end() || it + 1 == argv.end())
            return std::nullopt;
        return *(it + 1);
    }
    int number(const std::string &flag, int otherwise = 1) const
    {
        const auto v = value(flag);
        return v ? std::stoi(*v) : otherwise;
    }
    bool has(const std::string &flag) const { return std::find(argv.begin(), argv.end(), flag) != argv.end(); }
};

std::vector<Record> readRecords(const QString &dir)
{
    std::vector<Record> out;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.env")})) {
        Record r;
        std::istringstream env(testutil::readFile((dir + QLatin1Char('/') + name).toStdString()));
        for (std::string line; std::getline(env, line);) {
            const auto eq = line.find('=');
            const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
            (key == "prog" ? r.prog : key == "node" ? r.node : key == "proc" ? r.proc : key == "size" ? r.size : r.nic) = value;
        }
        QString argvName = name;
        argvName.replace(QStringLiteral(".env"), QStringLiteral(".argv"));
        const std::string raw = testutil::readFile((dir + QLatin1Char('/') + argvName).toStdString());
        std::string word;
        for (char c : raw) {
            if (c == '\0')
                r.argv.push_back(std::exchange(word, {}));
            else
                word += c;
        }
        out.push_back(std::move(r));
    }
    return out;
}

const EngineProfile &profile(const std::string &engine)
{
    return *ProfileRegistry::builtIn().find(engine);
}

Deployment render(const std::string &engine, const char *configText, DeployTarget target)
{
    DeployOptions options;
    options.target = target;
    return deploy(Config::fromJson(Json::parse(configText)), profile(engine), options);
}

// A rendering run with the stand-ins: the records of every program started.
struct Run
{
    std::vector<Record> records;
    QString output;
    int exitCode = -1;
};

Run runRendering(const Deployment &d)
{
    QTemporaryDir work;
    const QString bin = work.path() + QStringLiteral("/bin"), out = work.path() + QStringLiteral("/out"), rec = work.path() + QStringLiteral("/rec");
    QDir().mkpath(bin), QDir().mkpath(out), QDir().mkpath(rec);
    for (const char *program : {"vllm", "python3", "trtllm-serve", "ray", "docker"})
        writeExecutable(bin + QLatin1Char('/') + QLatin1String(program), kRecorder);
    writeExecutable(bin + QStringLiteral("/mpirun"), kMpirun);
    writeExecutable(bin + QStringLiteral("/srun"), kSrun);
    writeExecutable(bin + QStringLiteral("/scontrol"), kScontrol);
    writeExecutable(bin + QStringLiteral("/trtllm-llmapi-launch"), kLaunch);
    Run run;
    for (const DeployFile &f : d.files) {
        testutil::writeFile((out + QLatin1Char('/') + QString::fromStdString(f.name)).toStdString(), f.content);
    }
    for (const DeployFile &f : d.files) {
        if (!f.executable)
            continue;
        QProcess p;
        p.setWorkingDirectory(out);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RECORD_DIR"), rec);
        env.insert(QStringLiteral("SLURM_JOB_NODELIST"), QStringLiteral("nodeA,nodeB,nodeC,nodeD"));
        env.remove(QStringLiteral("NCCL_SOCKET_IFNAME"));
        p.setProcessEnvironment(env);
        const bool bash = f.content.rfind("#!/bin/bash", 0) == 0;
        p.start(bash ? QStringLiteral("bash") : QStringLiteral("sh"), {QString::fromStdString(f.name)});
        p.waitForFinished(30000);
        run.output += QString::fromUtf8(p.readAll());
        run.exitCode = std::max(run.exitCode, p.exitCode());
    }
    run.records = readRecords(rec);
    return run;
}

std::vector<const Record *> engineRecords(const Run &run)
{
    std::vector<const Record *> out;
    for (const Record &r : run.records) {
        if (r.prog != "ray" && r.prog != "docker")
            out.push_back(&r);
    }
    return out;
}

constexpr const char *kModel = "/models/my model's \"v2\" $HOME `touch pwned`; echo pwned";
constexpr const char *kImage = "registry.local:5000/team/vllm:v1 $(echo pwned)";
constexpr const char *kCache = "/data/hf cache/$USER's";
// A configuration whose every free-text value is hostile to a shell.
std::string hostileConfig(int tp, int pp, int dp, const char *launcher, const char *lb = nullptr)
{
    Json doc = Json::parse(R"({"quantization": {"method": "fp8"}, "kv_cache": {"dtype": "fp8"}})");
    doc["model"]["id_or_path"] = kModel;
    doc["serving"]["served_model_name"] = "it's \"$(echo pwned)\"";
    doc["parallelism"] = {{"tensor_parallel_size", tp}, {"pipeline_parallel_size", pp}, {"data_parallel_size", dp}};
    Json &d = doc["deployment"];
    d = {{"nodes", 2}, {"launcher", launcher}, {"head_address", "10.0.0.1"}, {"head_port", 13345}, {"network_interface", "eth0"},
         {"model_cache", kCache}, {"shm_size", "32g"}};
    d["image"] = {{"vllm", kImage}, {"sglang", kImage}};
    if (lb)
        d["data_parallel_lb"] = lb;
    return doc.dump();
}
const std::string kHostile = hostileConfig(8, 2, 1, "native");
const std::string kHostileMpi = hostileConfig(16, 1, 1, "mpi");
const std::string kHostileRay = hostileConfig(8, 2, 1, "ray");
const std::string kHostileDp = hostileConfig(4, 1, 4, "native", "hybrid");
} // namespace

class TestDeploy : public QObject
{
    Q_OBJECT

private slots:
    // nodes × gpus_per_node must be what the engine computes from its flags, with the reason.
    void gpuCountMustMatchTheEngine()
    {
        const char *config = R"({"quantization": {"method": "fp8"}, "parallelism": {"tensor_parallel_size": 8},
            "deployment": {"nodes": 2, "gpus_per_node": 8, "launcher": "native", "head_address": "h0"}})";
        const Deployment d = render("vllm", config, DeployTarget::Nodes);
        QVERIFY(d.nodes.empty());
        const auto it = std::find_if(d.diagnostics.begin(), d.diagnostics.end(), [](const Diagnostic &x) { return x.code == "deploy.gpu-count"; });
        QVERIFY(it != d.diagnostics.end());
        QCOMPARE(it->pointer, std::string("/deployment/gpus_per_node"));
        QVERIFY2(it->message.find("TP × PP × DP = 8 × 1 × 1 = 8") != std::string::npos, it->message.c_str());
        // TensorRT-LLM counts TP × PP only: DP is not a factor of its world.
        const Deployment trt = render("trtllm", R"({"quantization": {"method": "fp8"}, "parallelism": {"tensor_parallel_size": 16},
            "deployment": {"nodes": 2, "launcher": "mpi", "head_address": "h0"}})", DeployTarget::Nodes);
        QCOMPARE(trt.engineGpus, 16);
        QCOMPARE(trt.gpusPerNode, 8);
    }

    // A launcher the engine does not have, an option the version lacks: errors with the reason.
    void launchersAndOptionsFollowTheProfile()
    {
        const char *native = R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2},
            "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0"}})";
        const Deployment trt = render("trtllm", native, DeployTarget::Nodes);
        QVERIFY(testutil::codes(trt.diagnostics).contains(QStringLiteral("deploy.launcher-unsupported")));
        DeployOptions options;
        const Deployment old = deploy(Config::fromJson(Json::parse(native)), *ProfileRegistry::builtIn().find("vllm", "v0.11.0"), options);
        QVERIFY(old.nodes.empty());
        const auto it = std::find_if(old.diagnostics.begin(), old.diagnostics.end(), [](const Diagnostic &x) { return x.code == "deploy.option-unsupported"; });
        QVERIFY(it != old.diagnostics.end());
        QVERIFY2(it->message.find("--nnodes") != std::string::npos, it->message.c_str());
        const Deployment sglangDp = render("sglang", R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 8, "data_parallel_size": 2},
            "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0"}})", DeployTarget::Nodes);
        QVERIFY(testutil::codes(sglangDp.diagnostics).contains(QStringLiteral("deploy.data-parallel-unsupported")));
    }

    // TP larger than a node warns; more GPUs per node than the target GPU's systems hold warns.
    void warningsForTpAcrossNodesAndNodeSize()
    {
        DeployOptions options;
        options.map.gpu = targetFromSpec(*std::find_if(gpuDatabase().begin(), gpuDatabase().end(), [](const GpuSpec &g) { return g.name == "H100 SXM"; }));
        const Deployment d = deploy(Config::fromJson(Json::parse(R"({"quantization": {"method": "none"}, "parallelism": {"tensor_parallel_size": 32},
            "deployment": {"nodes": 2, "gpus_per_node": 16, "launcher": "native", "head_address": "h0"}})")), profile("sglang"), options);
        const QString codes = testutil::codes(d.diagnostics);
        QVERIFY2(codes.contains(QStringLiteral("deploy.tp-across-nodes")) && codes.contains(QStringLiteral("deploy.gpus-per-node")), qPrintable(codes));
        QCOMPARE(d.nodes.size(), std::size_t(2));
    }

    // Every node's engine command passes lint for its engine version, on every profile.
    void everyNodeCommandLints()
    {
        const std::vector<std::pair<const char *, const char *>> deployments = {
            {"native", R"("parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0", "head_port": 29600})"},
            {"native", R"("parallelism": {"tensor_parallel_size": 16}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0"})"},
            {"ray", R"("parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2}, "deployment": {"nodes": 2, "launcher": "ray", "head_address": "h0"})"},
            {"mpi", R"("parallelism": {"tensor_parallel_size": 16}, "deployment": {"nodes": 2, "launcher": "mpi", "head_address": "h0"})"},
            {"dp", R"("parallelism": {"tensor_parallel_size": 4, "data_parallel_size": 4}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0", "head_port": 13345, "data_parallel_lb": "hybrid"})"},
            {"dp", R"("parallelism": {"tensor_parallel_size": 8, "data_parallel_size": 2}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "h0", "data_parallel_lb": "external"})"},
            {"single", R"("parallelism": {"tensor_parallel_size": 1}, "deployment": {"image": {"vllm": "my/vllm:1"}})"},
        };
        int linted = 0;
        for (const auto &p : ProfileRegistry::builtIn().all()) {
            for (const auto &[kind, section] : deployments) {
                const std::string config = std::string(R"({"quantization": {"method": "fp8"}, "model": {"id_or_path": "org/model"}, )") + section + "}";
                for (DeployTarget target : deployTargets()) {
                    DeployOptions options;
                    options.target = target;
                    const Deployment d = deploy(Config::fromJson(Json::parse(config)), *p, options);
                    for (const DeployNode &n : d.nodes) {
                        if (n.engine.empty())
                            continue;
                        LintWords words{n.engine, n.engineExpanded, {}, {}};
                        for (const EnvVar &e : n.env)
                            words.env.emplace_back(e.name, e.value);
                        const Diagnostics found = lintWords(*p, words);
                        const auto error = std::find_if(found.begin(), found.end(), [&](const Diagnostic &x) {
                            return x.severity == Severity::Error || (x.severity == Severity::Warning && !p->isPartial());
                        });
                        QVERIFY2(error == found.end(), qPrintable(QString::fromStdString(p->engine() + "@" + p->version() + " " + kind + " "
                                                                                         + deployTargetName(target) + ": " + (error == found.end() ? "" : error->message))));
                        ++linted;
                    }
                }
            }
        }
        QVERIFY(linted > 100);
    }

    // Runs each rendering with stand-ins and checks what actually started.
    void ranksAreConsistentWhenRun_data()
    {
        QTest::addColumn<QString>("engineId");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("targetName");
        QTest::addColumn<QString>("http"); // node ranks that must serve HTTP
        const auto row = [](const char *name, const char *engine, const char *section, const char *target, const char *http) {
            QTest::newRow(name) << QString::fromUtf8(engine)
                                << QString::fromStdString(std::string(R"({"quantization": {"method": "fp8"}, "model": {"id_or_path": "org/model"}, )") + section + "}")
                                << QString::fromUtf8(target) << QString::fromUtf8(http);
        };
        const char *tpPp = R"("parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "10.0.0.1", "head_port": 29600, "network_interface": "eth0"})";
        const char *tp16 = R"("parallelism": {"tensor_parallel_size": 16}, "deployment": {"nodes": 2, "launcher": "native", "head_address": "10.0.0.1", "network_interface": "eth0"})";
        const char *mpi = R"("parallelism": {"tensor_parallel_size": 16}, "deployment": {"nodes": 2, "launcher": "mpi", "head_address": "10.0.0.1", "network_interface": "eth0"})";
        const char *ray = R"("parallelism": {"tensor_parallel_size": 8, "pipeline_parallel_size": 2}, "deployment": {"nodes": 2, "launcher": "ray", "head_address": "10.0.0.1", "network_interface": "eth0"})";
        const char *dpInternal = R"("parallelism": {"tensor_parallel_size": 2, "data_parallel_size": 8}, "deployment": {"nodes": 4, "gpus_per_node": 4, "launcher": "native", "head_address": "10.0.0.1", "head_port": 13345, "network_interface": "eth0"})";
        const char *dpHybrid = R"("parallelism": {"tensor_parallel_size": 2, "data_parallel_size": 8}, "deployment": {"nodes": 4, "gpus_per_node": 4, "launcher": "native", "head_address": "10.0.0.1", "head_port": 13345, "network_interface": "eth0", "data_parallel_lb": "hybrid"})";
        const char *dpExternal = R"("parallelism": {"tensor_parallel_size": 8, "data_parallel_size": 3}, "deployment": {"nodes": 3, "launcher": "native", "head_address": "10.0.0.1", "network_interface": "eth0", "data_parallel_lb": "external"})";
        const char *one = R"("parallelism": {"tensor_parallel_size": 1}, "deployment": {"network_interface": "eth0"})";
        for (const char *target : {"nodes", "slurm"}) {
            const std::string t = target;
            row(("vllm tp×pp " + t).c_str(), "vllm", tpPp, target, "0");
            row(("vllm ray " + t).c_str(), "vllm", ray, target, "0");
            row(("vllm dp internal " + t).c_str(), "vllm", dpInternal, target, "0");
            row(("vllm dp hybrid " + t).c_str(), "vllm", dpHybrid, target, "0,1,2,3");
            row(("vllm dp external " + t).c_str(), "vllm", dpExternal, target, "0,1,2");
            row(("sglang tp16 " + t).c_str(), "sglang", tp16, target, "0");
            row(("trtllm mpi " + t).c_str(), "trtllm", mpi, target, "0");
            for (const char *engine : {"vllm", "sglang", "trtllm"})
                row(("one node " + std::string(engine) + " " + t).c_str(), engine, one, target, "0");
        }
        row("vllm ray --as ray", "vllm", ray, "ray", "0");
    }

    void ranksAreConsistentWhenRun()
    {
        QFETCH(QString, engineId);
        QFETCH(QString, config);
        QFETCH(QString, targetName);
        QFETCH(QString, http);
        const std::string engine = engineId.toStdString(), target = targetName.toStdString();
        const Config c = Config::fromJson(Json::parse(config.toStdString()));
        const Deployment d = render(engine, config.toUtf8().constData(), *deployTargetFromName(target));
        QVERIFY2(!d.hasErrors() && !d.files.empty(), qPrintable(testutil::codes(d.diagnostics)));
        const Run run = runRendering(d);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(!run.records.empty(), qPrintable(run.output));
        const auto engines = engineRecords(run);
        const int nodes = c.deployment.nodeCount();
        const int gpus = nodes * d.gpusPerNode;
        const bool slurm = target == "slurm";
        const std::string head = slurm ? "nodeA" : c.deployment.headAddress.value_or("");
        std::set<std::string> heads, ports;
        std::multiset<int> ranks;
        std::set<int> serving;
        for (const Record *r : engines) {
            QCOMPARE(r->nic, std::string("eth0"));
            for (const char *flag : {"--master-addr", "--data-parallel-address"}) {
                if (const auto v = r->value(flag))
                    heads.insert(*v);
            }
            for (const char *flag : {"--master-port", "--data-parallel-rpc-port"}) {
                if (const auto v = r->value(flag))
                    ports.insert(*v);
            }
            if (const auto v = r->value("--dist-init-addr")) {
                heads.insert(v->substr(0, v->rfind(':')));
                ports.insert(v->substr(v->rfind(':') + 1));
            }
        }
        if (engine == "trtllm" && nodes > 1) {
            // One MPI world: ranks 0 .. TP×PP−1 once each, all in one world of that size; rank 0 serves.
            for (const Record *r : engines) {
                ranks.insert(std::stoi(r->proc));
                QCOMPARE(std::stoi(r->size), gpus);
                QCOMPARE(r->number("--tp_size") * r->number("--pp_size"), gpus);
                QCOMPARE(r->number("--gpus_per_node"), d.gpusPerNode);
            }
            QCOMPARE(int(ranks.size()), gpus);
            for (int i = 0; i < gpus; ++i)
                QCOMPARE(int(ranks.count(i)), 1);
            return;
        }
        const std::vector<const Record *> rays = [&] {
            std::vector<const Record *> out;
            for (const Record &r : run.records)
                if (r.prog == "ray")
                    out.push_back(&r);
            return out;
        }();
        if (!rays.empty()) {
            // A Ray cluster: one head and nodes−1 workers joining it; one engine command with TP × PP = all GPUs.
            QCOMPARE(int(rays.size()), nodes);
            for (const Record *r : rays) {
                const bool isHead = r->has("--head");
                if (!isHead)
                    heads.insert(r->argv.at(1).substr(10, r->argv.at(1).rfind(':') - 10)); // --address=HOST:PORT
                if (slurm)
                    QCOMPARE(isHead, r->node == "0");
            }
            QCOMPARE(int(engines.size()), 1);
            QCOMPARE(*engines.front()->value("--distributed-executor-backend"), std::string("ray"));
            QCOMPARE(engines.front()->number("--tensor-parallel-size") * engines.front()->number("--pipeline-parallel-size"), gpus);
            QVERIFY(heads.size() <= 1 && (heads.empty() || *heads.begin() == head));
            return;
        }
        QCOMPARE(int(engines.size()), nodes);
        for (const Record *r : engines) {
            int rank = 0;
            if (r->value("--node-rank"))
                rank = r->number("--node-rank");
            else if (r->value("--data-parallel-rank"))
                rank = r->number("--data-parallel-rank");
            else if (r->value("--data-parallel-start-rank"))
                rank = r->number("--data-parallel-start-rank") / r->number("--data-parallel-size-local");
            ranks.insert(rank);
            if (slurm)
                QCOMPARE(std::to_string(rank), r->node);
            // The GPU count the engine computes from its own flags.
            const bool vllm = engine == "vllm";
            const int tp = r->number(vllm ? "--tensor-parallel-size" : engine == "sglang" ? "--tp-size" : "--tp_size");
            const int pp = r->number(vllm ? "--pipeline-parallel-size" : engine == "sglang" ? "--pp-size" : "--pp_size");
            const int dp = r->number(vllm ? "--data-parallel-size" : "--dp-size");
            QCOMPARE(tp * pp * dp, gpus);
            if (r->value("--data-parallel-size-local"))
                QCOMPARE(r->number("--data-parallel-size-local") * tp * pp, d.gpusPerNode);
            // Who answers HTTP, by the engine's rules: vLLM every process not --headless; SGLang
            // node rank 0 only (and it must listen beyond the loopback when there are several).
            const bool serves = vllm ? !r->has("--headless") : rank == 0;
            if (serves)
                serving.insert(rank);
            if (engine == "sglang" && rank == 0 && nodes > 1)
                QCOMPARE(*r->value("--host"), std::string("0.0.0.0"));
        }
        for (int i = 0; i < nodes; ++i)
            QCOMPARE(int(ranks.count(i)), 1);
        QVERIFY2(heads.size() <= 1, "one master address everywhere");
        QVERIFY2(ports.size() <= 1, "one master port everywhere");
        if (nodes > 1) {
            QCOMPARE(heads.size(), std::size_t(1));
            QCOMPARE(*heads.begin(), head);
        }
        QString served;
        for (int r : serving)
            served += (served.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(r);
        QCOMPARE(served, http);
        for (const DeployNode &n : d.nodes)
            QCOMPARE(n.servesHttp, serving.count(n.rank) > 0);
    }

    // Every generated script passes shellcheck (tools/dev.sh installs it, and its test command, which
    // CI runs, sets QUANTCFG_REQUIRE_SHELLCHECK so the check cannot be skipped there).
    void everyScriptPassesShellcheck()
    {
        const QString shellcheck = QStandardPaths::findExecutable(QStringLiteral("shellcheck"));
        if (shellcheck.isEmpty()) {
            QVERIFY2(qEnvironmentVariableIsEmpty("QUANTCFG_REQUIRE_SHELLCHECK"), "shellcheck is required here: install it (tools/dev.sh deps)");
            QSKIP("shellcheck is not installed here (apt install shellcheck, or tools/dev.sh deps): generated scripts not checked");
        }
        QTemporaryDir dir;
        QStringList files;
        int n = 0;
        for (const auto &p : ProfileRegistry::builtIn().all()) {
            for (const std::string &config : {kHostile, kHostileMpi, kHostileRay, kHostileDp}) {
                for (DeployTarget target : deployTargets()) {
                    DeployOptions options;
                    options.target = target;
                    const Deployment d = deploy(Config::fromJson(Json::parse(config)), *p, options);
                    for (const DeployFile &f : d.files) {
                        if (!f.executable)
                            continue;
                        const QString path = dir.path() + QStringLiteral("/%1-").arg(n++) + QString::fromStdString(f.name);
                        testutil::writeFile(path.toStdString(), f.content);
                        files << path;
                    }
                }
            }
        }
        QVERIFY(files.size() > 50);
        QProcess p;
        p.start(shellcheck, QStringList{QStringLiteral("--norc")} + files);
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().left(4000).constData());
    }

    // Paths with spaces, quotes and $, an image name with odd characters: each reaches the
    // program as the one word it was, in every rendering, and nothing of it runs.
    void hostileValuesStaySafe_data()
    {
        QTest::addColumn<QString>("engineId");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("targetName");
        for (const char *target : {"nodes", "slurm", "docker"}) {
            QTest::newRow((std::string("vllm ") + target).c_str()) << QStringLiteral("vllm") << QString::fromStdString(kHostile) << QString::fromUtf8(target);
            QTest::newRow((std::string("sglang ") + target).c_str()) << QStringLiteral("sglang") << QString::fromStdString(kHostile) << QString::fromUtf8(target);
            QTest::newRow((std::string("vllm dp ") + target).c_str()) << QStringLiteral("vllm") << QString::fromStdString(kHostileDp) << QString::fromUtf8(target);
        }
        for (const char *target : {"nodes", "slurm"})
            QTest::newRow((std::string("trtllm ") + target).c_str()) << QStringLiteral("trtllm") << QString::fromStdString(kHostileMpi) << QString::fromUtf8(target);
        QTest::newRow("vllm ray") << QStringLiteral("vllm") << QString::fromStdString(kHostileRay) << QStringLiteral("ray");
    }

    void hostileValuesStaySafe()
    {
        QFETCH(QString, engineId);
        QFETCH(QString, config);
        QFETCH(QString, targetName);
        const Deployment d = render(engineId.toStdString(), config.toUtf8().constData(), *deployTargetFromName(targetName.toStdString()));
        QVERIFY2(!d.files.empty(), qPrintable(testutil::codes(d.diagnostics)));
        // The scripts read back (as sh reads them) to the nodes' words.
        for (const DeployNode &n : d.nodes) {
            if (n.argv.empty() || d.target == DeployTarget::Slurm)
                continue;
            const auto file = std::find_if(d.files.begin(), d.files.end(), [&](const DeployFile &f) { return f.name == "node-" + std::to_string(n.rank) + ".sh"; });
            QVERIFY(file != d.files.end());
            const ShellScript script = parseShellScript(file->content);
            const auto exec = std::find_if(script.commands.begin(), script.commands.end(), [](const ShellCommand &c) { return !c.argv.empty() && c.argv.front() == "exec"; });
            QVERIFY(exec != script.commands.end());
            QCOMPARE(exec->argv.size(), n.argv.size() + 1);
            for (std::size_t i = 0; i < n.argv.size(); ++i) {
                QCOMPARE(bool(exec->expanded[i + 1]), bool(n.expanded[i]));
                if (!n.expanded[i])
                    QCOMPARE(exec->argv[i + 1], n.argv[i]);
            }
        }
        const Run run = runRendering(d);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(!run.output.contains(QStringLiteral("pwned")), qPrintable(run.output));
        QVERIFY(!run.records.empty());
        for (const Record &r : run.records) {
            if (r.prog == "ray" && !r.has("--head") && !r.has("serve"))
                continue; // a worker joining the cluster carries no model
            const bool model = std::find(r.argv.begin(), r.argv.end(), kModel) != r.argv.end();
            QVERIFY2(model || r.prog == "ray", r.prog.c_str());
            if (r.prog == "docker") {
                QVERIFY(std::find(r.argv.begin(), r.argv.end(), std::string(kImage)) != r.argv.end());
                QVERIFY(std::find(r.argv.begin(), r.argv.end(), std::string(kCache) + ":/root/.cache/huggingface") != r.argv.end());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestDeploy)
#include "tst_deploy.moc"
