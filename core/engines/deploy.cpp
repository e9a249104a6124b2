#include "core/engines/deploy.h"

#include "core/engines/render.h"
#include "core/hardware/gpudatabase.h"
#include "core/jsonio.h"

#include <algorithm>
#include <cctype>

namespace quantcfg {

namespace {

// Words quantcfg writes for the shell to fill in. They hold no configuration text, so putting
// them in double quotes is enough (see DeployNode::expanded).
constexpr const char *kHeadVar = "${head_node}";
constexpr const char *kHereVar = "${PWD}";
constexpr const char *kHeadPlaceholder = "HEAD_ADDRESS";
// A $ inside single quotes is meant literally (a model path, a served name): shellcheck's note
// about it (SC2016) would be noise in every script that quotes one.
constexpr const char *kShellcheckLiteral = "# shellcheck disable=SC2016\n";

struct Word
{
    std::string text;
    bool expanded = false;
};

std::string quoteWord(const std::string &text, bool expanded)
{
    return expanded ? "\"" + text + "\"" : shellQuote(text);
}

// The words quoted, one line; with a @p continuation ("\\\n    "), an option and its values per line.
std::string joinQuoted(const std::vector<std::string> &argv, const std::vector<bool> &expanded, std::string_view continuation = {})
{
    std::string out;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const bool option = argv[i].size() > 1 && argv[i][0] == '-';
        if (i > 0)
            out += option && !continuation.empty() ? " " + std::string(continuation) : std::string(" ");
        out += quoteWord(argv[i], i < expanded.size() && expanded[i]);
    }
    return out;
}

std::string oneLine(std::string text)
{
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

class Builder
{
public:
    Builder(const Config &config, const EngineProfile &profile, const DeployOptions &options, Deployment &out)
        : m_config(config), m_profile(profile), m_options(options), m_d(out)
    {
    }

    void run()
    {
        m_d.plan = mapConfig(m_config, m_profile, m_options.map);
        m_d.target = m_options.target;
        m_d.diagnostics = m_d.plan.diagnostics;
        if (m_d.plan.status == PlanStatus::Unsupported || m_d.plan.argv.empty()) {
            add(Severity::Error, "deploy.no-command", "", m_profile.displayName() + " " + m_profile.version()
                + " has no command for this configuration, so there is nothing to deploy (see its other findings)", "");
            return;
        }
        const auto dep = m_profile.mapping().find("deployment");
        if (dep == m_profile.mapping().end()) {
            add(Severity::Error, "deploy.no-table", "", "the " + m_profile.displayName() + " " + m_profile.version()
                + " profile has no deployment table (mapping.deployment, written by tools/gen_profiles.py)", "");
            return;
        }
        m_dep = &*dep;
        if (!chooseLauncher() || !countGpus())
            return;
        checkGpusPerNode();
        chooseHead();
        const Json &launcher = (*m_dep)["launchers"][m_d.launcher];
        const std::string ranks = launcher.value("ranks", std::string());
        if (m_d.nodeCount == 1 && ranks != "ray_cluster")
            singleNode(ranks == "mpi_world" && m_options.target == DeployTarget::Slurm ? launcher : Json());
        else if (ranks == "per_node")
            perNode(launcher);
        else if (ranks == "ray_cluster")
            rayCluster(launcher);
        else if (ranks == "mpi_world")
            mpiWorld(launcher);
        else
            add(Severity::Error, "deploy.single-launcher", "/deployment/launcher",
                "launcher " + m_d.launcher + " starts one process on one node, but nodes is " + std::to_string(m_d.nodeCount),
                "set launcher to one that starts several nodes");
        if (hasErrors())
            return;
        addNetworkEnv();
        if (m_options.target == DeployTarget::Docker && !dockerize())
            return;
        writeFiles();
    }

private:
    // ---- findings ------------------------------------------------------------------------------

    Diagnostic &add(Severity s, std::string code, std::string pointer, std::string message, std::string suggestion)
    {
        Diagnostic d = makeDiagnostic(s, std::move(code), std::move(message), std::move(pointer));
        d.suggestion = std::move(suggestion);
        d.engine = m_profile.engine();
        // A missing head address still gives commands (with a placeholder); other errors mean
        // ranks that would never meet, so nothing is written.
        if (s == Severity::Error && d.code != "deploy.head-address")
            m_failed = true;
        m_d.diagnostics.push_back(std::move(d));
        return m_d.diagnostics.back();
    }

public:
    bool failed() const { return m_failed; }

private:
    bool hasErrors() const { return m_failed; }

    std::string label() const { return m_profile.displayName() + " " + m_profile.version(); }

    // The option mapping.deployment.options names for @p field, or an error saying why this
    // version has none (once per field) and an empty name.
    std::string option(const std::string &field)
    {
        const Json &options = (*m_dep)["options"];
        const auto it = options.find(field);
        if (it != options.end() && it->contains("flag"))
            return (*it)["flag"].get<std::string>();
        if (std::find(m_missing.begin(), m_missing.end(), field) == m_missing.end()) {
            m_missing.push_back(field);
            const std::string why = it != options.end() ? it->value("unsupported", std::string()) : label() + " has no option for " + field;
            add(Severity::Error, "deploy.option-unsupported", "/deployment/launcher",
                "launcher " + m_d.launcher + " needs an option " + label() + " lacks: " + why,
                it != options.end() ? it->value("suggestion", std::string()) : std::string());
        }
        return {};
    }

    // ---- the rules -----------------------------------------------------------------------------

    bool chooseLauncher()
    {
        const auto &dep = m_config.deployment;
        m_d.launcher = dep.launcherOrDefault();
        m_d.nodeCount = dep.nodeCount();
        if (m_options.target == DeployTarget::Ray && m_d.launcher != "ray") {
            add(Severity::Info, "deploy.ray-launcher", "/deployment/launcher",
                "--as ray starts the ranks from a Ray cluster, so launcher " + m_d.launcher + " is read as ray", "set launcher to ray");
            m_d.launcher = "ray";
        }
        const Json &launchers = (*m_dep)["launchers"];
        const auto it = launchers.find(m_d.launcher);
        if (it == launchers.end() || it->contains("unsupported")) {
            Diagnostic &d = add(Severity::Error, "deploy.launcher-unsupported", "/deployment/launcher",
                                label() + " cannot start its ranks with launcher " + m_d.launcher
                                    + (it != launchers.end() ? ": " + it->value("unsupported", std::string()) : std::string()),
                                it != launchers.end() ? it->value("suggestion", std::string()) : std::string());
            d.value = toCompactJson(Json(m_d.launcher));
            for (auto l = launchers.begin(); l != launchers.end(); ++l) {
                if (!l->contains("unsupported"))
                    d.allowed.push_back(l.key());
            }
            return false;
        }
        return true;
    }

    bool countGpus()
    {
        const auto &p = m_config.parallelism;
        const Json &count = (*m_dep)["gpu_count"];
        long long gpus = 1;
        std::string names, values;
        for (const Json &f : count["factors"]) {
            const std::string factor = f.get<std::string>();
            const int size = factor == "tp" ? p.tp() : factor == "pp" ? p.pp() : p.dp();
            gpus *= size;
            std::string upper = factor;
            std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            names += (names.empty() ? "" : " × ") + upper;
            values += (values.empty() ? "" : " × ") + std::to_string(size);
        }
        if (gpus > 1'000'000) {
            add(Severity::Error, "deploy.gpu-count", "/parallelism", "the parallel sizes ask for " + std::to_string(gpus) + " GPUs", "");
            return false;
        }
        m_d.engineGpus = static_cast<int>(gpus);
        const auto &dep = m_config.deployment;
        const int nodes = m_d.nodeCount;
        if (dep.gpusPerNode && *dep.gpusPerNode > 0)
            m_d.gpusPerNode = *dep.gpusPerNode;
        else
            m_d.gpusPerNode = (m_d.engineGpus + nodes - 1) / nodes;
        const long long have = static_cast<long long>(nodes) * m_d.gpusPerNode;
        if (have != gpus) {
            const std::string formula = names + " = " + values + " = " + std::to_string(gpus);
            add(Severity::Error, "deploy.gpu-count", dep.gpusPerNode ? "/deployment/gpus_per_node" : "/deployment/nodes",
                label() + " uses " + formula + " GPUs, but the deployment has " + std::to_string(nodes) + " × "
                    + std::to_string(m_d.gpusPerNode) + " = " + std::to_string(have) + ": "
                    + count["reason"].get<std::string>(),
                "make " + names + " equal nodes × gpus_per_node (" + std::to_string(have) + "), or change nodes and gpus_per_node to "
                    + std::to_string(gpus) + " GPUs");
            return false;
        }
        return true;
    }

    void checkGpusPerNode()
    {
        const auto &gpu = m_options.map.gpu;
        if (gpu && !gpu->databaseName.empty()) {
            for (const GpuSpec &spec : gpuDatabase()) {
                if (spec.name == gpu->databaseName && spec.maxPerNode > 0 && m_d.gpusPerNode > spec.maxPerNode) {
                    add(Severity::Warning, "deploy.gpus-per-node", "/deployment/gpus_per_node",
                        std::to_string(m_d.gpusPerNode) + " GPUs per node, but a node with " + spec.name + " GPUs holds at most "
                            + std::to_string(spec.maxPerNode),
                        "spread the GPUs over more nodes (nodes × gpus_per_node, at most " + std::to_string(spec.maxPerNode) + " per node)");
                }
            }
        }
        const int tp = m_config.parallelism.tp();
        if (m_d.nodeCount > 1 && tp > m_d.gpusPerNode) {
            add(Severity::Warning, "deploy.tp-across-nodes", "/parallelism/tensor_parallel_size",
                "tensor_parallel_size " + std::to_string(tp) + " is more than the " + std::to_string(m_d.gpusPerNode)
                    + " GPUs of a node: " + (*m_dep)["tp_across_nodes"].get<std::string>(),
                "where the engine has pipeline parallelism, use tensor_parallel_size " + std::to_string(m_d.gpusPerNode)
                    + " and pipeline_parallel_size " + std::to_string(m_d.nodeCount));
        }
    }

    void chooseHead()
    {
        if (m_options.target == DeployTarget::Slurm) {
            m_head = {kHeadVar, true};
            return;
        }
        const auto &address = m_config.deployment.headAddress;
        if (address) {
            m_head = {*address, false};
            return;
        }
        m_head = {kHeadPlaceholder, false};
        if (m_d.nodeCount > 1) {
            add(Severity::Error, "deploy.head-address", "/deployment/head_address",
                "the other nodes need the head node's address to find it, and deployment.head_address is not set: the commands say "
                    + std::string(kHeadPlaceholder) + " instead",
                "set head_address to the head node's host name or IP address (--as slurm takes it from the job's node list)");
        }
    }

    int port(const Json &launcher) const
    {
        if (m_config.deployment.headPort)
            return *m_config.deployment.headPort;
        return launcher.value("default_port", 0);
    }

    // ---- the nodes -----------------------------------------------------------------------------

    DeployNode newNode(int rank)
    {
        DeployNode n;
        n.rank = rank;
        n.role = rank == 0 ? "head" : "worker";
        n.gpus = m_d.gpusPerNode;
        for (const EnvVar &e : m_d.plan.env)
            n.env.push_back(e);
        return n;
    }

    static void push(std::vector<Word> &words, std::string text, bool expanded = false) { words.push_back({std::move(text), expanded}); }

    void setEngine(DeployNode &n, const std::vector<Word> &extra)
    {
        n.engine = m_d.plan.argv;
        n.engineExpanded.assign(n.engine.size(), false);
        for (const Word &w : extra) {
            n.engine.push_back(w.text);
            n.engineExpanded.push_back(w.expanded);
        }
        n.argv = n.engine;
        n.expanded = n.engineExpanded;
    }

    // A server that listens on the loopback by default cannot be reached from other machines or
    // from outside its container.
    void listenAll(std::vector<Word> &extra)
    {
        const Json &options = (*m_dep)["options"];
        const auto host = options.find("host");
        if (host != options.end() && host->contains("listen_all") && !hasFlag(host->value("flag", std::string())))
            push(extra, (*host)["flag"].get<std::string>()), push(extra, (*host)["listen_all"].get<std::string>());
    }

    bool hasFlag(const std::string &flag) const
    {
        return std::any_of(m_d.plan.argv.begin(), m_d.plan.argv.end(), [&flag](const std::string &w) { return w == flag || w.rfind(flag + "=", 0) == 0; });
    }

    void singleNode(const Json &mpi)
    {
        DeployNode n = newNode(0);
        std::vector<Word> extra;
        if (m_options.target == DeployTarget::Docker)
            listenAll(extra);
        setEngine(n, extra);
        n.servesHttp = true;
        if (!mpi.is_null())
            wrapMpi(n, mpi);
        m_d.nodes.push_back(std::move(n));
    }

    void perNode(const Json &launcher)
    {
        const int nodes = m_d.nodeCount;
        const auto &p = m_config.parallelism;
        const bool dataParallel = p.dp() > 1;
        if (dataParallel) {
            const Json &dp = launcher.contains("data_parallel") ? launcher["data_parallel"] : Json::object();
            if (!dp.contains("style")) {
                add(Severity::Error, "deploy.data-parallel-unsupported", "/parallelism/data_parallel_size",
                    label() + " cannot spread data_parallel_size " + std::to_string(p.dp()) + " over nodes: " + dp.value("unsupported", std::string()),
                    dp.value("suggestion", std::string()));
                return;
            }
            dataParallelNodes(launcher);
            return;
        }
        const std::string rendezvous = launcher.value("rendezvous", std::string());
        const std::string nnodes = option("nnodes"), nodeRank = option("node_rank");
        std::string master, masterPort, distInit;
        if (rendezvous == "master") {
            master = option("master_addr");
            if (m_config.deployment.headPort)
                masterPort = option("master_port");
        } else {
            distInit = option("dist_init_addr");
        }
        const std::string headless = rendezvous == "master" ? option("headless") : std::string();
        if (hasErrors())
            return;
        for (int r = 0; r < nodes; ++r) {
            DeployNode n = newNode(r);
            std::vector<Word> extra;
            push(extra, nnodes), push(extra, std::to_string(nodes));
            push(extra, nodeRank), push(extra, std::to_string(r));
            if (!master.empty()) {
                push(extra, master), push(extra, m_head.text, m_head.expanded);
                if (!masterPort.empty())
                    push(extra, masterPort), push(extra, std::to_string(*m_config.deployment.headPort));
            } else {
                push(extra, distInit), push(extra, m_head.text + ":" + std::to_string(port(launcher)), m_head.expanded);
            }
            if (r == 0) {
                listenAll(extra);
                n.servesHttp = true;
            } else if (rendezvous == "master") {
                push(extra, headless);
            }
            setEngine(n, extra);
            m_d.nodes.push_back(std::move(n));
        }
    }

    // vLLM's multi-node data parallel: each node runs its share of the DP ranks, the head's RPC
    // port coordinates them; who serves HTTP follows the load-balancing mode.
    void dataParallelNodes(const Json &launcher)
    {
        (void)launcher;
        const auto &p = m_config.parallelism;
        const int nodes = m_d.nodeCount;
        const int perRank = p.tp() * p.pp();
        if (m_d.gpusPerNode % perRank != 0) {
            add(Severity::Error, "deploy.dp-rank-spans-nodes", "/parallelism/tensor_parallel_size",
                "each data-parallel rank needs TP × PP = " + std::to_string(perRank) + " GPUs on one node, which does not divide the "
                    + std::to_string(m_d.gpusPerNode) + " GPUs of a node",
                "make tensor_parallel_size × pipeline_parallel_size divide gpus_per_node");
            return;
        }
        const int local = m_d.gpusPerNode / perRank;
        const std::string lb = m_config.deployment.dataParallelLbOrDefault();
        const std::string address = option("dp_address");
        const std::string rpcPort = m_config.deployment.headPort ? option("dp_rpc_port") : std::string();
        std::string sizeLocal, startRank, headless, hybrid, dpRank;
        if (lb == "external") {
            if (local != 1) {
                add(Severity::Error, "deploy.external-lb-local", "/deployment/data_parallel_lb",
                    "external load balancing starts one server per data-parallel rank, and each node holds " + std::to_string(local)
                        + " of them; quantcfg writes one command per node",
                    "use data_parallel_lb hybrid (one server per node, balancing over its own ranks), or one DP rank per node");
                return;
            }
            dpRank = option("dp_rank");
        } else {
            sizeLocal = option("dp_size_local");
            startRank = option("dp_start_rank");
            if (lb == "hybrid")
                hybrid = option("dp_hybrid_lb");
            else
                headless = option("headless");
        }
        if (hasErrors())
            return;
        for (int r = 0; r < nodes; ++r) {
            DeployNode n = newNode(r);
            std::vector<Word> extra;
            if (!dpRank.empty()) {
                push(extra, dpRank), push(extra, std::to_string(r));
            } else {
                push(extra, sizeLocal), push(extra, std::to_string(local));
                push(extra, startRank), push(extra, std::to_string(r * local));
            }
            push(extra, address), push(extra, m_head.text, m_head.expanded);
            if (!rpcPort.empty())
                push(extra, rpcPort), push(extra, std::to_string(*m_config.deployment.headPort));
            if (!hybrid.empty())
                push(extra, hybrid);
            n.servesHttp = r == 0 || lb != "internal";
            if (!n.servesHttp)
                push(extra, headless);
            else
                listenAll(extra);
            setEngine(n, extra);
            m_d.nodes.push_back(std::move(n));
        }
    }

    void rayCluster(const Json &launcher)
    {
        const std::string backend = option("executor_backend");
        if (hasErrors())
            return;
        const int rayPort = port(launcher);
        for (int r = 0; r < m_d.nodeCount; ++r) {
            DeployNode n = newNode(r);
            if (r == 0) {
                n.setup.push_back({"ray", "start", "--head", "--port=" + std::to_string(rayPort)});
                std::vector<Word> extra;
                push(extra, backend), push(extra, "ray");
                listenAll(extra);
                setEngine(n, extra);
                n.servesHttp = true;
            } else {
                n.argv = {"ray", "start", "--address=" + m_head.text + ":" + std::to_string(rayPort), "--block"};
                n.expanded = {false, false, m_head.expanded, false};
            }
            m_d.nodes.push_back(std::move(n));
        }
    }

    // TensorRT-LLM: every rank of one engine in one MPI world. mpirun on the head starts all of
    // them (the other nodes need only SSH); under Slurm, srun does (see writeSlurm).
    void mpiWorld(const Json &launcher)
    {
        const std::string gpusPerNode = option("gpus_per_node");
        if (hasErrors())
            return;
        for (int r = 0; r < m_d.nodeCount; ++r) {
            DeployNode n = newNode(r);
            if (r == 0) {
                std::vector<Word> extra;
                push(extra, gpusPerNode), push(extra, std::to_string(m_d.gpusPerNode));
                listenAll(extra);
                setEngine(n, extra);
                n.servesHttp = true;
                wrapMpi(n, launcher);
            }
            m_d.nodes.push_back(std::move(n));
        }
    }

    // mpirun (or, under Slurm, nothing: srun is written around it) and the rank wrapper in front
    // of the engine command.
    void wrapMpi(DeployNode &n, const Json &launcher)
    {
        std::vector<std::string> argv;
        std::vector<bool> expanded;
        if (m_options.target != DeployTarget::Slurm) {
            argv = {"mpirun", "-np", std::to_string(m_d.engineGpus), "--npernode", std::to_string(m_d.gpusPerNode)};
            if (m_d.nodeCount > 1)
                argv.insert(argv.end(), {"--hostfile", "hostfile"});
            argv.push_back("--allow-run-as-root");
            // mpirun passes only the variables named with -x to the ranks it starts on other nodes.
            for (const EnvVar &e : n.env)
                argv.insert(argv.end(), {"-x", e.name});
            for (const char *name : {"NCCL_SOCKET_IFNAME", "GLOO_SOCKET_IFNAME"}) {
                if (m_config.deployment.networkInterface)
                    argv.insert(argv.end(), {"-x", name});
            }
        }
        for (const Json &w : launcher.value("wrapper", Json::array()))
            argv.push_back(w.get<std::string>());
        expanded.assign(argv.size(), false);
        argv.insert(argv.end(), n.engine.begin(), n.engine.end());
        expanded.insert(expanded.end(), n.engineExpanded.begin(), n.engineExpanded.end());
        n.argv = std::move(argv);
        n.expanded = std::move(expanded);
    }

    void addNetworkEnv()
    {
        const auto &nic = m_config.deployment.networkInterface;
        if (!nic)
            return;
        for (DeployNode &n : m_d.nodes) {
            n.env.push_back({"NCCL_SOCKET_IFNAME", *nic});
            n.env.push_back({"GLOO_SOCKET_IFNAME", *nic});
        }
    }

    // ---- docker --------------------------------------------------------------------------------

    std::string image()
    {
        const auto &images = m_config.deployment.images;
        if (const auto it = images.find(m_profile.engine()); it != images.end())
            return it->second;
        const Json &img = m_dep->value("image", Json::object());
        if (!img.contains("repository"))
            return {};
        if (!img.contains("tag")) {
            add(Severity::Warning, "deploy.image-tag", "/deployment/image/" + m_profile.engine(),
                label() + " is not a release, so no image tag runs exactly it: the commands use " + img["repository"].get<std::string>()
                    + ":latest",
                "set deployment.image." + m_profile.engine() + " to the image you built or chose");
            return img["repository"].get<std::string>() + ":latest";
        }
        return img["repository"].get<std::string>() + ":" + img["tag"].get<std::string>();
    }

    bool dockerize()
    {
        if (m_d.nodeCount > 1 && m_d.launcher != "native") {
            add(Severity::Error, "deploy.docker-launcher", "/deployment/launcher",
                "--as docker writes one container per node for the engines' own multi-node mode; launcher " + m_d.launcher
                    + " starts its ranks from outside (" + (m_d.launcher == "ray" ? "a Ray cluster" : "MPI") + ")",
                m_d.launcher == "ray" ? "use --as ray on hosts with vLLM installed, or launcher native" : "use --as slurm or --as nodes");
            return false;
        }
        const std::string img = image();
        if (img.empty()) {
            add(Severity::Error, "deploy.image", "/deployment/image/" + m_profile.engine(),
                label() + " names no container image", "set deployment.image." + m_profile.engine());
            return false;
        }
        const Json &entry = m_dep->value("image", Json::object()).value("entrypoint", Json::array());
        std::vector<std::string> entrypoint;
        for (const Json &w : entry)
            entrypoint.push_back(w.get<std::string>());
        const bool ownImage = m_config.deployment.images.count(m_profile.engine()) > 0;
        for (DeployNode &n : m_d.nodes) {
            std::vector<std::string> argv = {"docker", "run", "--rm", "--gpus", "all", "--network", "host"};
            std::vector<bool> expanded(argv.size(), false);
            const auto add = [&](std::string w, bool e = false) { argv.push_back(std::move(w)), expanded.push_back(e); };
            if (m_config.deployment.shmSize)
                add("--shm-size"), add(*m_config.deployment.shmSize);
            else
                add("--ipc"), add("host");
            if (m_config.deployment.modelCache)
                add("--volume"), add(*m_config.deployment.modelCache + ":/root/.cache/huggingface");
            if (!m_d.plan.files.empty())
                add("--volume"), add(std::string(kHereVar) + ":/workspace", true), add("--workdir"), add("/workspace");
            for (const EnvVar &e : n.env)
                add("--env"), add(e.name + "=" + e.value);
            // The words after the image go to its entrypoint: drop the engine's own program words
            // where the image starts with them, else replace the entrypoint (an image the user
            // names may have any: theirs is replaced too).
            const std::vector<std::string> &engine = n.engine;
            std::size_t skip = 0;
            if (!ownImage && !entrypoint.empty() && engine.size() >= entrypoint.size()
                && std::equal(entrypoint.begin(), entrypoint.end(), engine.begin()))
                skip = entrypoint.size();
            else if (ownImage || !entrypoint.empty())
                add("--entrypoint"), add(engine.front()), skip = 1;
            add(img);
            for (std::size_t i = skip; i < engine.size(); ++i)
                add(engine[i], n.engineExpanded[i]);
            n.argv = std::move(argv);
            n.expanded = std::move(expanded);
            n.env.clear(); // passed with --env
        }
        return true;
    }

    // ---- files ---------------------------------------------------------------------------------

    std::string header(const std::string &what) const
    {
        std::string out = "# " + label() + ": " + what + ", written by quantcfg " QUANTCFG_VERSION " deploy --as "
                          + deployTargetName(m_options.target) + "\n";
        out += "# " + std::to_string(m_d.nodeCount) + " node(s) × " + std::to_string(m_d.gpusPerNode) + " GPU(s), launcher "
               + m_d.launcher + "\n";
        for (const Diagnostic &d : m_d.diagnostics) {
            if (d.severity != Severity::Info)
                out += "# " + std::string(severityName(d.severity)) + ": " + oneLine(d.message) + "\n";
        }
        return out;
    }

    std::string planFiles(const std::string &indent = "") const
    {
        std::string out;
        for (const ExtraFile &f : m_d.plan.files) {
            std::string delimiter = "QUANTCFG_EOF";
            while (f.content.find(delimiter) != std::string::npos)
                delimiter += "_";
            out += indent + "# " + oneLine(f.purpose) + "\n";
            out += indent + "cat > " + shellQuote(f.name) + " <<'" + delimiter + "'\n" + f.content;
            if (!f.content.empty() && f.content.back() != '\n')
                out += "\n";
            out += delimiter + "\n";
        }
        return out;
    }

    static std::string envLines(const std::vector<EnvVar> &env, const std::string &indent = "")
    {
        std::string out;
        for (const EnvVar &e : env)
            out += indent + "export " + e.name + "=" + shellQuote(e.value) + "\n";
        return out;
    }

    std::string nodeBody(const DeployNode &n, const std::string &indent) const
    {
        std::string out;
        for (const auto &cmd : n.setup)
            out += indent + joinQuoted(cmd, {}) + "\n";
        out += indent + "exec " + joinQuoted(n.argv, n.expanded, "\\\n" + indent + "    ") + "\n";
        return out;
    }

    void writeFiles()
    {
        if (m_options.target == DeployTarget::Slurm) {
            writeSlurm();
            return;
        }
        for (const DeployNode &n : m_d.nodes) {
            if (n.argv.empty())
                continue;
            std::string s = "#!/bin/sh\n";
            s += kShellcheckLiteral;
            s += header("node " + std::to_string(n.rank) + " of " + std::to_string(m_d.nodeCount) + " (" + n.role
                        + (n.servesHttp ? ", serves HTTP" : "") + ")");
            s += "set -eu\n";
            if (m_options.target != DeployTarget::Docker)
                s += envLines(n.env);
            s += planFiles();
            s += nodeBody(n, "");
            m_d.files.push_back({"node-" + std::to_string(n.rank) + ".sh", s, true,
                                 "node " + std::to_string(n.rank) + " (" + n.role + "): run it on that node"});
        }
        if (m_d.launcher == "mpi" && m_d.nodeCount > 1) {
            std::string hosts = "# one line per node, the head first; mpirun reaches the others over SSH\n";
            hosts += m_head.text + " slots=" + std::to_string(m_d.gpusPerNode) + "\n";
            for (int r = 1; r < m_d.nodeCount; ++r)
                hosts += "NODE" + std::to_string(r) + "_ADDRESS slots=" + std::to_string(m_d.gpusPerNode) + "\n";
            m_d.files.push_back({"hostfile", hosts, false, "the MPI hostfile mpirun reads: replace NODEn_ADDRESS with each node's address"});
            add(Severity::Warning, "deploy.hostfile", "/deployment/head_address",
                "mpirun needs every node's address: replace NODE1_ADDRESS … in hostfile (quantcfg knows only the head's)",
                "or use --as slurm, where srun starts the ranks on the job's nodes");
        }
    }

    void writeSlurm()
    {
        const bool mpi = m_d.launcher == "mpi";
        const int tasks = mpi ? m_d.gpusPerNode : 1;
        std::string s = "#!/bin/bash\n";
        s += kShellcheckLiteral;
        s += "#SBATCH --job-name=quantcfg-" + m_profile.engine() + "\n";
        s += "#SBATCH --nodes=" + std::to_string(m_d.nodeCount) + "\n";
        s += "#SBATCH --ntasks-per-node=" + std::to_string(tasks) + "\n";
        s += "#SBATCH --gpus-per-node=" + std::to_string(m_d.gpusPerNode) + "\n";
        s += "#SBATCH --exclusive\n";
        s += header("sbatch script");
        s += "set -euo pipefail\n\n";
        s += "# The head is the first node of the job; every node's rank is its SLURM_NODEID.\n";
        s += "head_node=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)\n";
        s += "export head_node\n";
        std::vector<EnvVar> env = m_d.nodes.empty() ? std::vector<EnvVar>() : m_d.nodes.front().env;
        s += envLines(env);
        s += planFiles();
        s += "\n";
        if (mpi) {
            const DeployNode &n = m_d.nodes.front();
            s += "# One MPI world of " + std::to_string(m_d.engineGpus) + " ranks; trtllm-llmapi-launch serves HTTP on rank 0.\n";
            s += "srun --mpi=pmix --nodes=" + std::to_string(m_d.nodeCount) + " --ntasks-per-node=" + std::to_string(tasks) + " \\\n    "
                 + joinQuoted(n.argv, n.expanded, "\\\n    ") + "\n";
        } else {
            s += "run_node() {\n";
            s += "    case \"$SLURM_NODEID\" in\n";
            for (const DeployNode &n : m_d.nodes) {
                s += "    " + std::to_string(n.rank) + ")\n";
                s += nodeBody(n, "        ");
                s += "        ;;\n";
            }
            s += "    *)\n        echo \"unexpected SLURM_NODEID $SLURM_NODEID\" >&2\n        exit 1\n        ;;\n";
            s += "    esac\n}\n";
            s += "export -f run_node\n\n";
            s += "srun --nodes=" + std::to_string(m_d.nodeCount) + " --ntasks-per-node=1 bash -c run_node\n";
        }
        m_d.files.push_back({m_profile.engine() + ".sbatch", s, true, "the Slurm batch script: sbatch " + m_profile.engine() + ".sbatch"});
    }

    const Config &m_config;
    const EngineProfile &m_profile;
    const DeployOptions &m_options;
    Deployment &m_d;
    const Json *m_dep = nullptr;
    Word m_head;
    std::vector<std::string> m_missing;
    bool m_failed = false;
};

} // namespace

const char *deployTargetName(DeployTarget target)
{
    switch (target) {
    case DeployTarget::Nodes: return "nodes";
    case DeployTarget::Slurm: return "slurm";
    case DeployTarget::Ray: return "ray";
    case DeployTarget::Docker: return "docker";
    }
    return "nodes";
}

std::vector<DeployTarget> deployTargets()
{
    return {DeployTarget::Nodes, DeployTarget::Slurm, DeployTarget::Ray, DeployTarget::Docker};
}

std::optional<DeployTarget> deployTargetFromName(std::string_view name)
{
    for (DeployTarget t : deployTargets()) {
        if (name == deployTargetName(t))
            return t;
    }
    return std::nullopt;
}

bool Deployment::hasErrors() const
{
    return quantcfg::hasErrors(diagnostics);
}

Deployment deploy(const Config &config, const EngineProfile &profile, const DeployOptions &options)
{
    Deployment d;
    Builder builder(config, profile, options, d);
    builder.run();
    if (builder.failed()) {
        d.nodes.clear();
        d.files.clear();
    }
    return d;
}

Diagnostics deploymentFindings(const Deployment &d)
{
    Diagnostics out;
    for (const Diagnostic &diag : d.diagnostics) {
        if (diag.code.rfind("deploy.", 0) == 0)
            out.push_back(diag);
    }
    return out;
}

std::string renderNodeCommand(const DeployNode &n)
{
    std::string out;
    for (const auto &cmd : n.setup)
        out += joinQuoted(cmd, {}) + "\n";
    if (n.argv.empty())
        return out + "# nothing to run here: the head starts this node's ranks\n";
    std::string env;
    for (const EnvVar &e : n.env)
        env += e.name + "=" + shellQuote(e.value) + " ";
    return out + env + joinQuoted(n.argv, n.expanded) + "\n";
}

std::string renderDeploymentText(const Deployment &d)
{
    std::string out;
    for (const DeployNode &n : d.nodes)
        out += "# node " + std::to_string(n.rank) + " (" + n.role + (n.servesHttp ? ", serves HTTP" : "") + ")\n" + renderNodeCommand(n);
    for (const DeployFile &f : d.files)
        out += "# file: " + f.name + " (" + f.purpose + ")\n";
    return out;
}

std::optional<Diagnostic> writeDeploymentFiles(const Deployment &d, const std::filesystem::path &dir,
                                               std::vector<std::filesystem::path> *written)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeDiagnostic(Severity::Error, "io.write", "cannot create " + dir.string() + ": " + ec.message());
    for (const DeployFile &f : d.files) {
        const fs::path path = dir / f.name;
        if (std::optional<Diagnostic> problem = writeFileAtomic(path, f.content))
            return problem;
        if (f.executable)
            fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add, ec);
        if (written)
            written->push_back(path);
    }
    return std::nullopt;
}

Json deploymentToJson(const Deployment &d)
{
    Json j = Json::object();
    j["engine"] = d.plan.engine;
    j["engine_name"] = d.plan.engineName;
    j["version"] = d.plan.version;
    j["target"] = deployTargetName(d.target);
    j["launcher"] = d.launcher;
    j["nodes_count"] = d.nodeCount;
    j["gpus_per_node"] = d.gpusPerNode;
    j["engine_gpus"] = d.engineGpus;
    j["nodes"] = Json::array();
    for (const DeployNode &n : d.nodes) {
        Json node = {{"rank", n.rank}, {"role", n.role}, {"argv", n.argv}, {"serves_http", n.servesHttp}, {"gpus", n.gpus}};
        node["env"] = Json::array();
        for (const EnvVar &e : n.env)
            node["env"].push_back({{"name", e.name}, {"value", e.value}});
        node["setup"] = n.setup;
        node["engine_argv"] = n.engine;
        j["nodes"].push_back(std::move(node));
    }
    j["files"] = Json::array();
    for (const DeployFile &f : d.files)
        j["files"].push_back({{"name", f.name}, {"content", f.content}, {"executable", f.executable}, {"purpose", f.purpose}});
    j["diagnostics"] = Json::array();
    for (const Diagnostic &diag : d.diagnostics)
        j["diagnostics"].push_back(diagnosticToJson(diag));
    return j;
}

} // namespace quantcfg
