#include "core/engines/commandlocator.h"

#include "core/engines/shellwords.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace quantcfg {

namespace {

bool isPython(std::string_view w)
{
    const auto slash = w.rfind('/'); // /usr/bin/python3
    if (slash != std::string_view::npos)
        w.remove_prefix(slash + 1);
    return w == "python" || w == "python3" || (w.rfind("python3.", 0) == 0 && w.size() > 8);
}

std::string_view baseName(std::string_view w)
{
    const auto slash = w.rfind('/');
    return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

// Whether the words of @p argv from @p at start @p entry ("python3" matches any python).
bool startsEntry(const std::vector<std::string> &argv, std::size_t at, const std::vector<std::string> &entry)
{
    if (at + entry.size() > argv.size())
        return false;
    for (std::size_t k = 0; k < entry.size(); ++k) {
        const std::string &w = argv[at + k];
        const bool same = isPython(entry[k]) ? isPython(w) : (k == 0 ? baseName(w) == entry[k] : w == entry[k]);
        if (!same)
            return false;
    }
    return true;
}

// Docker/Podman `run` options that take a separate value (everything else is a switch).
bool dockerOptionTakesValue(std::string_view o)
{
    static const std::set<std::string_view> withValue = {
        "-a", "-c", "-e", "-h", "-l", "-m", "-p", "-u", "-v", "-w", "--add-host", "--annotation", "--attach", "--blkio-weight",
        "--cap-add", "--cap-drop", "--cgroup-parent", "--cgroupns", "--cidfile", "--cpu-period", "--cpu-quota", "--cpu-shares",
        "--cpus", "--cpuset-cpus", "--cpuset-mems", "--device", "--device-cgroup-rule", "--dns", "--dns-option", "--dns-search",
        "--domainname", "--entrypoint", "--env", "--env-file", "--expose", "--gpus", "--group-add", "--health-cmd",
        "--health-interval", "--health-retries", "--health-start-period", "--health-timeout", "--hostname", "--ip", "--ip6",
        "--ipc", "--isolation", "--label", "--label-file", "--link", "--log-driver", "--log-opt", "--mac-address", "--memory",
        "--memory-reservation", "--memory-swap", "--memory-swappiness", "--mount", "--name", "--net", "--network",
        "--network-alias", "--pid", "--platform", "--publish", "--pull", "--restart", "--runtime", "--security-opt",
        "--shm-size", "--stop-signal", "--stop-timeout", "--storage-opt", "--sysctl", "--tmpfs", "--ulimit", "--user",
        "--userns", "--uts", "--volume", "--volumes-from", "--workdir", "--oom-score-adj", "--device-read-bps",
        "--device-write-bps", "--pids-limit"};
    return withValue.count(o) > 0;
}

struct Searcher
{
    const ProfileRegistry &profiles;
    const EngineProfile *preferred; // the profile asked for: its entry points and image come first
    std::string engine;             // restrict to this engine when set
    LocatedCommand out;
    int depth = 0;

    // The engines' profiles to take entry points and images from (every version: an entry point
    // of an old release still names the engine), the one asked for first, then newest first.
    std::vector<const EngineProfile *> m_candidates;
    const std::vector<const EngineProfile *> &candidates()
    {
        if (!m_candidates.empty())
            return m_candidates;
        if (preferred)
            m_candidates.push_back(preferred);
        for (const std::string &e : profiles.engines()) {
            if (!engine.empty() && e != engine)
                continue;
            for (const EngineProfile *p : profiles.versions(e)) {
                if (p != preferred)
                    m_candidates.push_back(p);
            }
        }
        return m_candidates;
    }

    // The engine whose entry point starts at argv[at], or "".
    std::string entryAt(const std::vector<std::string> &argv, std::size_t at)
    {
        for (const EngineProfile *p : candidates()) {
            for (const EntryPoint &e : p->entryPoints()) {
                if (startsEntry(argv, at, e.argv))
                    return p->engine();
            }
        }
        return {};
    }

    // The profile whose image @p word names (registry prefix and tag aside), or nullptr.
    const EngineProfile *imageProfile(std::string_view word)
    {
        std::string_view repo = word.substr(0, word.find('@'));
        const auto colon = repo.rfind(':');
        if (colon != std::string_view::npos && repo.find('/', colon) == std::string_view::npos)
            repo = repo.substr(0, colon);
        for (const EngineProfile *p : candidates()) {
            const std::string &r = p->imageRepository();
            if (r.empty())
                continue;
            if (repo == r || (repo.size() > r.size() && repo.substr(repo.size() - r.size()) == r && repo[repo.size() - r.size() - 1] == '/'))
                return p;
        }
        return nullptr;
    }

    bool found() const { return !out.engine.empty(); }

    void take(const std::string &eng, const ShellCommand &cmd, std::size_t at, int line)
    {
        out.engine = eng;
        out.env.insert(out.env.end(), cmd.env.begin(), cmd.env.end());
        for (std::size_t k = 0; k < at; ++k) { // env NAME=value …, srun --export … NAME=value
            if (!cmd.expanded[k] && isShellAssignment(cmd.argv[k])) {
                const auto eq = cmd.argv[k].find('=');
                out.env.emplace_back(cmd.argv[k].substr(0, eq), cmd.argv[k].substr(eq + 1));
            }
        }
        out.argv.assign(cmd.argv.begin() + static_cast<std::ptrdiff_t>(at), cmd.argv.end());
        out.expanded.assign(cmd.expanded.begin() + static_cast<std::ptrdiff_t>(at), cmd.expanded.end());
        out.line = line;
    }

    // `docker run [options] IMAGE [args]` starting at argv[at] ("docker"): true when handled.
    bool dockerRun(const ShellCommand &cmd, std::size_t at, int line)
    {
        const auto &argv = cmd.argv;
        std::size_t k = at + 1;
        if (k < argv.size() && (argv[k] == "container"))
            ++k;
        if (k >= argv.size() || argv[k] != "run")
            return false;
        std::vector<std::string> entrypoint;
        bool entrypointGiven = false;
        ShellCommand inner;
        for (++k; k < argv.size(); ++k) {
            const std::string &w = argv[k];
            if (w.size() < 2 || w[0] != '-')
                break;
            const auto eq = w.find('=');
            const std::string name = w.substr(0, eq);
            std::string value;
            if (eq != std::string::npos)
                value = w.substr(eq + 1);
            else if (dockerOptionTakesValue(name) && k + 1 < argv.size())
                value = argv[++k];
            if (name == "--entrypoint") {
                entrypointGiven = true;
                if (!value.empty())
                    entrypoint = {value};
            } else if (name == "-e" || name == "--env") {
                if (isShellAssignment(value)) {
                    const auto e = value.find('=');
                    inner.env.emplace_back(value.substr(0, e), value.substr(e + 1));
                }
            }
        }
        if (k >= argv.size())
            return false;
        const std::string image = argv[k];
        const EngineProfile *imageOf = imageProfile(image);
        out.wrappers.push_back(argv[at] + " run");
        out.image = image;
        const auto colon = image.rfind(':');
        if (colon != std::string::npos && image.find('/', colon) == std::string::npos)
            out.imageVersion = versionFromImageTag(std::string_view(image).substr(colon + 1));
        inner.argv.assign(argv.begin() + static_cast<std::ptrdiff_t>(k + 1), argv.end());
        inner.expanded.assign(cmd.expanded.begin() + static_cast<std::ptrdiff_t>(k + 1), cmd.expanded.end());
        if (entrypointGiven)
            inner.argv.insert(inner.argv.begin(), entrypoint.begin(), entrypoint.end());
        if (entrypointGiven)
            inner.expanded.insert(inner.expanded.begin(), entrypoint.size(), false);
        // The arguments go to the image's entry point when it has one; else they are the command.
        if (imageOf && !entrypointGiven && !imageOf->imageEntrypoint().empty()) {
            const auto &ep = imageOf->imageEntrypoint();
            inner.argv.insert(inner.argv.begin(), ep.begin(), ep.end());
            inner.expanded.insert(inner.expanded.begin(), ep.size(), false);
            out.wrappers.push_back("the image's entry point");
            take(imageOf->engine(), inner, 0, line);
            return true;
        }
        if (searchCommand(inner, line))
            return true;
        out.image.clear();
        out.imageVersion.clear();
        return false;
    }

    // Looks for an engine command inside one simple command (wrappers such as exec, nohup, srun,
    // uv run, docker run and `bash -c` included).
    bool searchCommand(const ShellCommand &cmd, int line)
    {
        const std::size_t wrappersBefore = out.wrappers.size();
        const std::string image = out.image;
        const std::string imageVersion = out.imageVersion;
        if (searchWords(cmd, line))
            return true;
        out.wrappers.resize(wrappersBefore);
        out.image = image;
        out.imageVersion = imageVersion;
        return false;
    }

    bool searchWords(const ShellCommand &cmd, int line)
    {
        const auto &argv = cmd.argv;
        for (std::size_t at = 0; at < argv.size(); ++at) {
            if (cmd.expanded[at])
                continue;
            const std::string eng = entryAt(argv, at);
            if (!eng.empty()) {
                take(eng, cmd, at, line);
                return true;
            }
            // srun --container-image=IMAGE (Pyxis/Enroot): the image names the engine version.
            if (const std::string_view opt = "--container-image="; argv[at].rfind(opt, 0) == 0) {
                const std::string image = argv[at].substr(opt.size());
                const auto colon = image.rfind(':');
                if (colon != std::string::npos && image.find('/', colon) == std::string::npos) {
                    out.image = image;
                    out.imageVersion = versionFromImageTag(std::string_view(image).substr(colon + 1));
                }
                continue;
            }
            const std::string_view w = baseName(argv[at]);
            if (w == "echo" || w == "printf" || w == "cat")
                return false; // its words are data, not a command
            if ((w == "docker" || w == "podman" || w == "nvidia-docker") && dockerRun(cmd, at, line))
                return true;
            if ((w == "bash" || w == "sh" || w == "zsh" || w == "dash") && depth < 4) {
                // bash [-l] -c 'script' (also -lc, -xc): the script is the word after the option.
                for (std::size_t k = at + 1; k + 1 < argv.size() && argv[k].size() > 1 && argv[k][0] == '-'; ++k) {
                    if (argv[k].find('c') != std::string::npos && argv[k].rfind("--", 0) != 0) {
                        out.wrappers.push_back(std::string(w) + " -c");
                        ++depth;
                        const bool ok = searchText(argv[k + 1], line);
                        --depth;
                        if (ok)
                            return true;
                        out.wrappers.pop_back();
                        break;
                    }
                }
            }
            if (at == 0 || (argv[at][0] != '-' && !cmd.expanded[at])) {
                static const std::set<std::string_view> wrappers = {"exec", "nohup", "srun", "mpirun", "uv", "conda", "sudo", "time",
                                                                    "numactl", "taskset", "env", "nice", "stdbuf", "apptainer",
                                                                    "singularity", "torchrun", "timeout", "poetry", "pixi"};
                if (wrappers.count(w) && (out.wrappers.empty() || out.wrappers.back() != w))
                    out.wrappers.emplace_back(w);
            }
        }
        return false;
    }

    bool searchScript(const ShellScript &script, int lineOffset)
    {
        for (const ShellCommand &cmd : script.commands) {
            if (searchCommand(cmd, cmd.line + lineOffset))
                return true;
        }
        if (depth >= 4)
            return false;
        ++depth;
        for (const std::string &nested : script.nested) {
            if (searchText(nested, 0)) {
                --depth;
                return true;
            }
        }
        --depth;
        return false;
    }

    bool searchText(std::string_view text, int lineOffset)
    {
        const std::size_t wrappersBefore = out.wrappers.size();
        ShellScript script = parseShellScript(text);
        if (depth == 0)
            out.diagnostics = script.diagnostics;
        if (searchScript(script, lineOffset))
            return true;
        out.wrappers.resize(wrappersBefore);
        return false;
    }

    // A Kubernetes (or compose) container: command + args, or the image's entry point + args.
    bool searchContainer(const YAML::Node &node)
    {
        const auto words = [](const YAML::Node &n) {
            std::vector<std::string> w;
            if (n && n.IsSequence()) {
                for (const auto &item : n)
                    w.push_back(item.IsScalar() ? item.Scalar() : std::string());
            } else if (n && n.IsScalar()) {
                ShellWords split = splitShellWords(n.Scalar()); // compose's string form
                w = split.argv;
            }
            return w;
        };
        // Kubernetes: command (replaces the image's entry point) + args. Compose: entrypoint + command.
        const bool compose = bool(node["entrypoint"]);
        const YAML::Node command = compose ? node["entrypoint"] : node["command"];
        const YAML::Node args = compose ? node["command"] : node["args"];
        ShellCommand cmd;
        cmd.argv = words(command);
        const auto extra = words(args);
        cmd.argv.insert(cmd.argv.end(), extra.begin(), extra.end());
        cmd.expanded.assign(cmd.argv.size(), false);
        for (std::size_t k = 0; k < cmd.argv.size(); ++k)
            cmd.expanded[k] = cmd.argv[k].find("$(") != std::string::npos || cmd.argv[k].find("${") != std::string::npos;
        out.wrappers.emplace_back(compose ? "Compose service entrypoint/command" : "Kubernetes container command/args");
        const std::string image = node["image"] && node["image"].IsScalar() ? node["image"].Scalar() : std::string();
        if (!image.empty()) {
            out.image = image;
            const auto colon = image.rfind(':');
            if (colon != std::string::npos && image.find('/', colon) == std::string::npos)
                out.imageVersion = versionFromImageTag(std::string_view(image).substr(colon + 1));
        }
        if (searchCommand(cmd, 0))
            return true;
        const EngineProfile *imageOf = image.empty() ? nullptr : imageProfile(image);
        if (!command && imageOf && !imageOf->imageEntrypoint().empty()) {
            const auto &ep = imageOf->imageEntrypoint();
            cmd.argv.insert(cmd.argv.begin(), ep.begin(), ep.end());
            cmd.expanded.insert(cmd.expanded.begin(), ep.size(), false);
            out.wrappers.push_back("the image's entry point");
            take(imageOf->engine(), cmd, 0, 0);
            return true;
        }
        out.wrappers.pop_back();
        out.image.clear();
        out.imageVersion.clear();
        return false;
    }

    bool searchYaml(const YAML::Node &node, int depthLeft)
    {
        if (depthLeft == 0 || !node)
            return false;
        if (node.IsMap()) {
            if ((node["command"] || node["args"] || node["entrypoint"]) && searchContainer(node))
                return true;
            for (const auto &kv : node) {
                if (searchYaml(kv.second, depthLeft - 1))
                    return true;
            }
        } else if (node.IsSequence()) {
            for (const auto &item : node) {
                if (searchYaml(item, depthLeft - 1))
                    return true;
            }
        }
        return false;
    }
};

// Text that holds a YAML `command:` or `args:` key: a Kubernetes manifest or a fragment of one.
bool looksLikeManifest(std::string_view text)
{
    static const std::regex key(R"((^|\n)[ \t]*(- )?[ \t]*(command|args|entrypoint)[ \t]*:)");
    return std::regex_search(text.begin(), text.end(), key);
}

// Fragments are often pasted with the indentation of the file they came from; try them as they
// are, then with the common indentation removed, then with every line's removed.
std::vector<YAML::Node> loadManifest(std::string_view text)
{
    const auto attempt = [](const std::string &t) {
        try {
            return YAML::LoadAll(t);
        } catch (const YAML::Exception &) {
            return std::vector<YAML::Node>();
        }
    };
    std::string s(text);
    auto docs = attempt(s);
    if (!docs.empty())
        return docs;
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto nl = s.find('\n', start);
        lines.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos)
            break;
        start = nl + 1;
    }
    std::size_t common = std::string::npos;
    for (const auto &l : lines) {
        const auto first = l.find_first_not_of(" \t");
        if (first != std::string::npos)
            common = std::min(common, first);
    }
    std::string dedented;
    std::string stripped;
    for (const auto &l : lines) {
        const auto first = l.find_first_not_of(" \t");
        dedented += (first == std::string::npos ? std::string() : l.substr(std::min(common, l.size()))) + "\n";
        stripped += (first == std::string::npos ? std::string() : l.substr(first)) + "\n";
    }
    docs = attempt(dedented);
    return docs.empty() ? attempt(stripped) : docs;
}

std::vector<int> releaseNumbers(std::string_view v)
{
    std::vector<int> out;
    std::size_t i = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) {
        int n = 0;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])))
            n = n * 10 + (v[i++] - '0');
        out.push_back(n);
        if (i < v.size() && v[i] == '.')
            ++i;
        else
            break;
    }
    return out;
}

} // namespace

std::string versionFromImageTag(std::string_view tag)
{
    if (!tag.empty() && (tag[0] == 'v' || tag[0] == 'V'))
        tag.remove_prefix(1);
    if (tag.empty() || !std::isdigit(static_cast<unsigned char>(tag[0])) || tag.find('.') == std::string_view::npos)
        return {};
    // Up to the first '-' (build variants: -cu129, -rocm, -amd64); keeps .post1, rc1.
    return std::string(tag.substr(0, tag.find('-')));
}

const EngineProfile *closestProfile(const ProfileRegistry &profiles, const std::string &engine, const std::string &version)
{
    const std::vector<int> want = releaseNumbers(version);
    if (want.size() < 2)
        return nullptr;
    const EngineProfile *best = nullptr;
    std::vector<int> bestRelease;
    const auto distance = [](const std::vector<int> &a, const std::vector<int> &b) {
        // major.minor.patch as one number (0.5.10 vs 0.5.6 → 4, 0.13 vs 0.11 → 2000).
        const auto n = [](const std::vector<int> &v) {
            return v[0] * 1000000LL + (v.size() > 1 ? v[1] : 0) * 1000LL + (v.size() > 2 ? v[2] : 0);
        };
        const long long x = n(a);
        const long long y = n(b);
        return x > y ? x - y : y - x;
    };
    for (const EngineProfile *p : profiles.versions(engine)) {
        if (p->isPartial())
            continue;
        const std::vector<int> release = releaseNumbers(p->document().value("release", std::string()));
        if (release.empty())
            continue;
        if (!best || distance(want, release) < distance(want, bestRelease)) {
            best = p;
            bestRelease = release;
        }
    }
    return best;
}

LocatedCommand locateEngineCommand(const ProfileRegistry &profiles, std::string_view text, const std::string &engine,
                                   const EngineProfile *preferred)
{
    Searcher s{profiles, preferred, engine, {}, 0, {}};
    bool ok = false;
    if (looksLikeManifest(text)) {
        for (const YAML::Node &doc : loadManifest(text)) {
            if ((ok = s.searchYaml(doc, 32)))
                break;
        }
    }
    if (!ok)
        ok = s.searchText(text, 0);
    if (!ok) {
        s.out.wrappers.clear();
        std::string names;
        for (const auto &p : profiles.all()) {
            if ((engine.empty() || p->engine() == engine) && p->isDefault()) {
                for (const EntryPoint &e : p->entryPoints()) {
                    std::string joined;
                    for (const auto &w : e.argv)
                        joined += (joined.empty() ? "" : " ") + w;
                    names += (names.empty() ? "" : ", ") + joined;
                }
            }
        }
        Diagnostic d = makeDiagnostic(Severity::Warning, "lint.unchecked.no-engine-command",
                                      "nothing was checked: no engine command found, nothing starts with " + names
                                          + " (directly, after env/exec/nohup/srun/uv run, inside bash -c, docker run, or a Kubernetes container's command/args)");
        s.out.diagnostics.push_back(std::move(d));
    }
    return std::move(s.out);
}

} // namespace quantcfg
