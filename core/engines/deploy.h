#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/engines/launchplan.h"
#include "core/engines/mapper.h"
#include "core/engines/profile.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quantcfg {

/// What a deployment is written as (quantcfg deploy --as): the deployment's "launcher" says how the
/// ranks start, the target says what is written for it.
enum class DeployTarget {
    Nodes,  ///< one shell script per node (node-0.sh, …), head first
    Slurm,  ///< one sbatch script; the head address and each node's rank come from Slurm
    Ray,    ///< vLLM on a Ray cluster: ray start per node, the serve command on the head
    Docker, ///< one docker run per node
};

/// "nodes", "slurm", "ray", "docker".
const char *deployTargetName(DeployTarget target);
/// The target named @p name, or nullopt.
std::optional<DeployTarget> deployTargetFromName(std::string_view name);
/// Every target, in the order above.
std::vector<DeployTarget> deployTargets();

/// What one node runs. A later prefill/decode deployment gives nodes other roles; the renderer
/// and the checks read the role only through servesHttp and isHead().
struct DeployNode
{
    int rank = 0;      ///< node rank, 0 .. nodes-1; rank 0 is the head
    std::string role;  ///< "head" or "worker"
    /// Commands run before argv, each one argv (ray start --head before the serve command).
    std::vector<std::vector<std::string>> setup;
    /// The node's main command, unquoted; empty where another node starts this one's ranks
    /// (mpirun on the head reaches the workers over SSH).
    std::vector<std::string> argv;
    /// Parallel to argv: true for a word the shell fills in, written by quantcfg itself and free of
    /// configuration text ("${head_node}" in an sbatch script, "${PWD}:/workspace" for docker).
    std::vector<bool> expanded;
    /// The engine command the node runs (for lint: argv without mpirun, docker run, …), with its
    /// own expanded flags; empty when the node runs none (ray start --block).
    std::vector<std::string> engine;
    std::vector<bool> engineExpanded;
    std::vector<EnvVar> env;  ///< environment of the node's commands
    bool servesHttp = false;  ///< the node answers the OpenAI API (on the plan's port)
    int gpus = 0;             ///< GPUs of this node the engine uses

    bool isHead() const { return rank == 0; }
};

/// A file of the rendering (a node script, the sbatch script, a hostfile, the engine's YAML).
struct DeployFile
{
    std::string name;
    std::string content;
    bool executable = false;
    std::string purpose; ///< one line saying what it is for
};

struct DeployOptions
{
    MapOptions map;                           ///< how the single-node plan is mapped (GPU, model, …)
    DeployTarget target = DeployTarget::Nodes;
};

/// One engine's deployment of a configuration: the single-node plan it starts from, the nodes and
/// the files of the chosen target, and every finding (the plan's and the deployment rules').
struct Deployment
{
    LaunchPlan plan;
    DeployTarget target = DeployTarget::Nodes;
    std::string launcher;     ///< single, native, ray, mpi (as used: --as ray uses ray)
    int nodeCount = 1;
    int gpusPerNode = 0;
    int engineGpus = 0;       ///< the GPU count the engine computes from its parallel sizes
    std::vector<DeployNode> nodes;
    std::vector<DeployFile> files;
    Diagnostics diagnostics;  ///< the plan's, then the deployment's ("deploy.*"), each with its engine

    bool hasErrors() const;
};

/// Maps @p config onto @p profile and lays it out over the deployment section's nodes for
/// options.target. The engine's rules (its GPU count, the launchers it has, the multi-node options
/// of this version, TP across nodes, the GPUs a node of the target GPU holds) are diagnostics; an
/// error leaves nodes and files empty only where nothing sensible can be written. Never throws.
Deployment deploy(const Config &config, const EngineProfile &profile, const DeployOptions &options = {});

/// The findings of the deployment's own rules ("deploy.*"), without the plan's: what a view that
/// already shows the plan's notes adds.
Diagnostics deploymentFindings(const Deployment &deployment);

/// Every node's command as text (env assignments in front, quoted), head first, with the files'
/// names: what `quantcfg deploy --format text` prints.
std::string renderDeploymentText(const Deployment &deployment);

/// What @p node runs as text: its setup commands, then its command with the env assignments in
/// front, quoted, one per line; a comment line where the head starts the node's ranks. The part of
/// renderDeploymentText() under the node's "# node N" line (the studio's node tabs show it).
std::string renderNodeCommand(const DeployNode &node);

/// Writes @p deployment's files into @p dir (created if needed), scripts made executable; each
/// path written is appended to @p written. The first problem ends it (a diagnostic naming the path).
std::optional<Diagnostic> writeDeploymentFiles(const Deployment &deployment, const std::filesystem::path &dir,
                                               std::vector<std::filesystem::path> *written = nullptr);

/// The deployment as JSON: engine, version, target, launcher, nodes (rank, role, argv, env,
/// serves_http, gpus, setup), files (name, content, executable, purpose), diagnostics.
Json deploymentToJson(const Deployment &deployment);

} // namespace quantcfg
