#include "core/engines/profile.h"

#include "core/resources.h"
#include "core/schema.h"

#include <algorithm>
#include <future>
#include <utility>

namespace quantcfg {

namespace {

std::string str(const Json &doc, const char *key)
{
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string normaliseDashes(std::string_view name)
{
    std::string out(name);
    const std::size_t start = out.find_first_not_of('-');
    if (start != std::string::npos)
        std::replace(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '_', '-');
    return out;
}

std::string where(std::string_view path, const Diagnostic &d)
{
    std::string out(path);
    if (d.line > 0)
        out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += ": ";
    if (!d.pointer.empty())
        out += d.pointer + ": ";
    out += d.message;
    if (!d.allowed.empty()) {
        out += " (allowed:";
        for (const std::string &a : d.allowed)
            out += " " + a;
        out += ")";
    }
    return out;
}

} // namespace

std::unique_ptr<EngineProfile> EngineProfile::load(std::string_view path, std::string_view text, bool checkSchema)
{
    JsonResult parsed = parseJson(text);
    if (!parsed.value)
        throw ProfileLoadError(where(path, parsed.diagnostics.front()));
    const Diagnostics problems = checkSchema ? Schema::engineProfile().validate(*parsed.value) : Diagnostics();
    if (!problems.empty())
        throw ProfileLoadError(where(path, problems.front()) + " (engine-profile schema)");
    return std::make_unique<EngineProfile>(std::move(*parsed.value));
}

EngineProfile::EngineProfile(Json doc)
    : m_doc(std::move(doc))
    , m_engine(str(m_doc, "engine"))
    , m_displayName(str(m_doc, "display_name"))
    , m_version(str(m_doc, "version"))
    , m_versionLabel(str(m_doc, "version_label"))
    , m_versionAliases(m_doc.value("version_aliases", std::vector<std::string>()))
    , m_sourceDate(str(m_doc, "source_date"))
    , m_isDefault(m_doc.value("default", false))
    , m_isPartial(m_doc.contains("partial"))
{
    const Json &parser = std::as_const(m_doc)["parser"];
    m_parser.click = str(parser, "kind") == "click";
    m_parser.underscoreDash = parser.value("underscore_dash_equivalent", false);
    m_parser.jsonDottedArgs = parser.value("json_dotted_args", false);
    m_parser.allowAbbrev = parser.value("allow_abbrev", false);
    const bool equivalent = m_parser.underscoreDash;
    m_mapping = &std::as_const(m_doc)["mapping"];
    const Json &m = *m_mapping;
    m_fieldFlags = {str(m, "method_flag"), str(m, "kv_cache_flag"), str(m, "dtype_flag"), str(m, "tp_flag"), str(m, "pp_flag"),
                    str(m, "dp_flag"), m.contains("expert_parallel") ? str(m["expert_parallel"], "flag") : std::string(),
                    str(m, "moe_backend_flag"), str(m, "yaml_flag")};
    m_invocation = std::as_const(m_doc)["invocation"]["argv"].get<std::vector<std::string>>();
    m_subcommands = std::as_const(m_doc)["invocation"].value("subcommands", std::vector<std::string>());
    readInvocation(std::as_const(m_doc)["invocation"]);
    for (auto it = m_doc["flags"].begin(); it != m_doc["flags"].end(); ++it) {
        const auto add = [&](const std::string &name) {
            m_index.push_back({equivalent ? normaliseDashes(name) : name, it.key(), &it.value()});
            m_names.push_back(name);
        };
        add(it.key());
        for (const auto &a : it.value().value("aliases", Json::array()))
            add(a.get<std::string>());
        for (const auto &n : it.value().value("negations", Json::array()))
            add(n.get<std::string>());
    }
    std::sort(m_index.begin(), m_index.end(), [](const IndexEntry &a, const IndexEntry &b) { return a.name < b.name; });
    std::sort(m_names.begin(), m_names.end());
}

void EngineProfile::readInvocation(const Json &inv)
{
    const auto model = [this](std::string_view m) {
        if (m == "flag")
            return EntryPoint::Model::Flag;
        if (m == "first_positional")
            return EntryPoint::Model::FirstPositional;
        if (m == "positional")
            return EntryPoint::Model::Positional;
        // No word of its own: as the profile's mapping says the model is given.
        return m_mapping->contains("model") && (*m_mapping)["model"].value("positional", false) ? EntryPoint::Model::Positional
                                                                                              : EntryPoint::Model::Flag;
    };
    EntryPoint canonical;
    canonical.argv = m_invocation;
    canonical.model = model("");
    m_entryPoints.push_back(canonical);
    for (const Json &e : inv.value("entry_points", Json::array())) {
        EntryPoint ep;
        ep.argv = e["argv"].get<std::vector<std::string>>();
        ep.model = model(str(e, "model"));
        ep.strips = e.value("strips", std::vector<std::string>());
        ep.routes = str(e, "routes");
        ep.deprecated = str(e, "deprecated");
        ep.source = str(e, "source");
        if (ep.argv == canonical.argv)
            m_entryPoints.front() = std::move(ep);
        else
            m_entryPoints.push_back(std::move(ep));
    }
    if (inv.contains("image")) {
        m_imageRepository = str(inv["image"], "repository");
        m_imageEntrypoint = inv["image"].value("entrypoint", std::vector<std::string>());
    }
}

bool EngineProfile::isSubcommand(const std::string &word) const
{
    return std::find(m_subcommands.begin(), m_subcommands.end(), word) != m_subcommands.end();
}

std::string methodEntryValue(const Json &entry)
{
    if (entry.contains("checkpoint"))
        return entry["checkpoint"].get<std::string>();
    if (entry.value("omit", false))
        return "none";
    return entry.value("value", std::string());
}

const Json *EngineProfile::flag(std::string_view name, std::string *primary) const
{
    const auto [found, primaryName] = lookup(name);
    if (found && primary)
        *primary = *primaryName;
    return found;
}

std::pair<const Json *, const std::string *> EngineProfile::lookup(std::string_view name) const
{
    std::string normalised;
    std::string_view key = name;
    if (m_parser.underscoreDash && name.find('_') != std::string_view::npos) {
        normalised = normaliseDashes(name);
        key = normalised;
    }
    const auto it = std::lower_bound(m_index.begin(), m_index.end(), key,
                                     [](const IndexEntry &entry, std::string_view k) { return entry.name < k; });
    if (it == m_index.end() || it->name != key)
        return {nullptr, nullptr};
    return {it->flag, &it->primary};
}

ProfileRegistry::ProfileRegistry(std::vector<std::unique_ptr<EngineProfile>> profiles)
    : m_profiles(std::move(profiles))
{
    // Engine display order, then the default version, then the others newest first.
    std::stable_sort(m_profiles.begin(), m_profiles.end(), [](const auto &a, const auto &b) {
        const int oa = a->document().value("order", 99);
        const int ob = b->document().value("order", 99);
        if (oa != ob)
            return oa < ob;
        if (a->isDefault() != b->isDefault())
            return a->isDefault();
        if (a->sourceDate() != b->sourceDate())
            return a->sourceDate() > b->sourceDate();
        return a->version() > b->version();
    });
}

const ProfileRegistry &ProfileRegistry::builtIn()
{
    static const ProfileRegistry registry = [] {
        // Parsing and checking a dozen profiles of ~65 KB each is most of a front end's start-up
        // work before its first output; every other profile is loaded on a second thread. (Where
        // there is only one core, the two halves simply take turns.)
        const auto entries = resources::list("resources/engines/");
        std::vector<std::unique_ptr<EngineProfile>> profiles(entries.size());
        // The schema check of the compiled-in profiles was half of that work, and its answer is
        // fixed when they are compiled in: tst_profiles checks every one in every test run, and
        // debug builds (the dev and asan presets) check them here as well. Release builds trust
        // what those checked.
#ifdef NDEBUG
        constexpr bool checkSchema = false;
#else
        constexpr bool checkSchema = true;
#endif
        const auto loadEvery = [&](std::size_t first) {
            for (std::size_t i = first; i < entries.size(); i += 2)
                profiles[i] = EngineProfile::load(entries[i].path, entries[i].data, checkSchema);
        };
        auto odd = std::async(std::launch::async, loadEvery, 1);
        loadEvery(0);
        odd.get(); // rethrows a ProfileLoadError from the other half
        return ProfileRegistry(std::move(profiles));
    }();
    return registry;
}

std::vector<std::string> ProfileRegistry::engines() const
{
    std::vector<std::string> out;
    for (const auto &p : m_profiles) {
        if (std::find(out.begin(), out.end(), p->engine()) == out.end())
            out.push_back(p->engine());
    }
    return out;
}

std::vector<const EngineProfile *> ProfileRegistry::versions(const std::string &engine) const
{
    std::vector<const EngineProfile *> out;
    for (const auto &p : m_profiles) {
        if (p->engine() == engine)
            out.push_back(p.get());
    }
    return out;
}

const EngineProfile *ProfileRegistry::find(const std::string &engine, const std::string &version) const
{
    for (const auto &p : m_profiles) {
        if (p->engine() == engine && (version.empty() ? p->isDefault() : p->version() == version))
            return p.get();
    }
    if (version.empty())
        return nullptr;
    for (const auto &p : m_profiles) { // a former id ("2026-08", "0.5.6", "1.x")
        const auto &aliases = p->versionAliases();
        if (p->engine() == engine && std::find(aliases.begin(), aliases.end(), version) != aliases.end())
            return p.get();
    }
    return nullptr;
}

std::string ProfileRegistry::engineId(const std::string &name) const
{
    for (const auto &p : m_profiles) { // other names of an engine (the autotuner's "tensorrt_llm")
        const Json &aliases = p->document().value("aliases", Json::array());
        if (std::find(aliases.begin(), aliases.end(), name) != aliases.end())
            return p->engine();
    }
    return name;
}

const EngineProfile *ProfileRegistry::findSpec(const std::string &spec) const
{
    const auto at = spec.find('@');
    return find(engineId(spec.substr(0, at)), at == std::string::npos ? std::string() : spec.substr(at + 1));
}

std::string ProfileRegistry::formerIdNote(const std::string &spec) const
{
    const auto at = spec.find('@');
    if (at == std::string::npos)
        return {};
    const EngineProfile *p = findSpec(spec);
    if (!p || p->version() == spec.substr(at + 1))
        return {};
    return spec + " is now called " + p->engine() + "@" + p->version() + " (" + p->versionLabel() + ")";
}

const EngineProfile *ProfileRegistry::pinned(const Config &config, const std::string &engine) const
{
    for (const auto &[key, version] : config.engineVersions) {
        if (engineId(key) == engine)
            return find(engine, version);
    }
    return nullptr;
}

const EngineProfile *ProfileRegistry::forConfig(const Config &config, const std::string &engine, const std::string &chosenVersion) const
{
    if (const EngineProfile *p = pinned(config, engine))
        return p;
    if (const EngineProfile *p = find(engine, chosenVersion))
        return p;
    return find(engine);
}

Diagnostics ProfileRegistry::checkPins(const Config &config) const
{
    Diagnostics out;
    for (const auto &[key, version] : config.engineVersions) {
        std::string pointer = "/engine_versions/";
        for (const char c : key) // JSON pointer escaping: ~ is ~0, / is ~1
            pointer += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        const std::string engine = engineId(key);
        const std::vector<const EngineProfile *> known = versions(engine);
        if (known.empty()) {
            Diagnostic d = makeDiagnostic(Severity::Error, "engine-versions.unknown-engine", "unknown engine '" + key + "' in engine_versions", pointer);
            d.value = toCompactJson(Json(key));
            d.allowed = engines();
            out.push_back(std::move(d));
        } else if (!find(engine, version)) {
            Diagnostic d = makeDiagnostic(Severity::Error, "engine-versions.unknown-version",
                                          "unknown " + known.front()->displayName() + " version '" + version + "' in engine_versions", pointer);
            d.value = toCompactJson(Json(version));
            for (const EngineProfile *p : known)
                d.allowed.push_back(p->version());
            d.suggestion = "pin one of the listed versions (quantcfg versions), or remove the entry to use the chosen or default version";
            out.push_back(std::move(d));
        }
    }
    return out;
}

} // namespace quantcfg
