#pragma once

#include "core/config.h"
#include "core/diagnostic.h"
#include "core/jsonio.h"

#include <memory>
#include <stdexcept>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

namespace quantcfg {

/// A profile that cannot be used: its file is not JSON, or breaks the engine-profile schema. The
/// message names the file and the line and column, or the JSON pointer, and what is wrong.
class ProfileLoadError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// How the unified fields are spelled on an engine's command line (the mapping's *_flag entries),
/// read once when the profile loads. An empty name: the engine has no such flag (the field goes to
/// its YAML file, or the plan explains why it is left out). The serving options are in the
/// mapping's "serving" table, with the reason where a version lacks one.
struct FieldFlags
{
    std::string method;           ///< --quantization
    std::string kvCache;          ///< --kv-cache-dtype
    std::string dtype;            ///< --dtype
    std::string tensorParallel;   ///< --tensor-parallel-size, --tp-size, --tp_size
    std::string pipelineParallel; ///< --pipeline-parallel-size, ...
    std::string dataParallel;     ///< --data-parallel-size, --dp-size; empty for TensorRT-LLM
    std::string expertParallel;   ///< --enable-expert-parallel, --ep-size, --ep_size
    std::string moeBackend;       ///< --moe-backend, --moe-runner-backend
    std::string yamlFile;         ///< TensorRT-LLM's --extra_llm_api_options
};

/// The habits of an engine's option parser that lint and the mapper follow.
struct ParserTraits
{
    bool click = false;          ///< Click (TensorRT-LLM) rather than argparse
    bool underscoreDash = false; ///< '_' and '-' are the same in long options (vLLM)
    bool jsonDottedArgs = false; ///< --json-flag.field VALUE sets one field of a JSON flag (vLLM)
    bool allowAbbrev = false;    ///< a unique prefix of a long option is accepted (argparse)
};

/// One way of starting the engine's server with the profile's flags, read from the engine source
/// (profile "invocation.entry_points"; the canonical invocation when the profile lists none).
struct EntryPoint
{
    enum class Model {
        Positional,      ///< an argparse/Click positional, or the model flag (vllm serve)
        Flag,            ///< only the model flag; positional words are errors (python -m …api_server)
        FirstPositional, ///< a first word not starting with '-' becomes the model flag (sglang serve)
    };
    std::vector<std::string> argv; ///< "python3" stands for any python, python3 or python3.X
    Model model = Model::Positional;
    std::vector<std::string> strips; ///< options the launcher removes before the parser sees them
    std::string routes;              ///< which models it sends to another server, whose flags are not modelled
    std::string deprecated;          ///< the engine's own deprecation warning, if it prints one
    std::string source;              ///< the engine source file that defines it
};

/// One engine at one version, loaded from resources/engines/<engine>-<version>.json: how it is
/// invoked, how each unified field is spelled and valued, its full flag table (for lint), the
/// minimum compute capability per method, renamed/removed flags and cross-flag constraints.
/// The document has passed the engine-profile schema, so every key the mapper and lint read is
/// there with its type.
class EngineProfile
{
public:
    /// Parses @p text (the file at @p path) and checks it against the engine-profile schema (unless
    /// @p checkSchema is false: for data already checked). Throws ProfileLoadError naming @p path
    /// and the line/column or JSON pointer of the first problem.
    static std::unique_ptr<EngineProfile> load(std::string_view path, std::string_view text, bool checkSchema = true);

    /// A profile from a document already checked (by load(), or a test that builds one).
    explicit EngineProfile(Json doc);
    EngineProfile(const EngineProfile &) = delete; // m_index points into m_doc
    EngineProfile &operator=(const EngineProfile &) = delete;

    const std::string &engine() const { return m_engine; }         ///< "vllm"
    const std::string &displayName() const { return m_displayName; } ///< "vLLM"
    const std::string &version() const { return m_version; }       ///< "main-2026-08-21", "v0.5.6"
    const std::string &versionLabel() const { return m_versionLabel; } ///< "main 2026-08-21 (≈ v0.29-dev)"
    /// Ids earlier quantcfg releases used for this profile ("2026-08"), still accepted.
    const std::vector<std::string> &versionAliases() const { return m_versionAliases; }
    /// Date of the newest engine source the facts were read from (YYYY-MM-DD); orders versions.
    const std::string &sourceDate() const { return m_sourceDate; }
    bool isDefault() const { return m_isDefault; }
    /// True when the facts come from single newer files over an older tree: lint reports flags it
    /// does not know as warnings there (the file that adds them may not have been read).
    bool isPartial() const { return m_isPartial; }

    /// The whole profile document (read-only).
    const Json &document() const { return m_doc; }
    /// The "mapping" section: how unified fields and values are spelled for this engine.
    const Json &mapping() const { return *m_mapping; }
    /// The invocation tokens before the model, e.g. {"vllm", "serve"}.
    const std::vector<std::string> &invocation() const { return m_invocation; }
    /// Every entry point, the canonical one first.
    const std::vector<EntryPoint> &entryPoints() const { return m_entryPoints; }
    /// The engine's container image and the entry point the arguments after it go to (profile
    /// "invocation.image"); empty repository when the profile names none.
    const std::string &imageRepository() const { return m_imageRepository; }
    const std::vector<std::string> &imageEntrypoint() const { return m_imageEntrypoint; }
    /// True when @p word is one of the program's subcommands (trtllm-serve: serve, disaggregated, …),
    /// which a positional first word is taken as.
    bool isSubcommand(const std::string &word) const;

    /// A flag of the engine's parser by any of its names (primary, alias or negation; for
    /// parsers that treat '_' and '-' alike, either spelling). nullptr when unknown.
    const Json *flag(std::string_view name, std::string *primary = nullptr) const;
    /// The same look-up without copying: the flag and its primary name (which live as long as the
    /// profile), or {nullptr, nullptr} when unknown.
    std::pair<const Json *, const std::string *> lookup(std::string_view name) const;
    /// Every name the parser accepts (primary flags, aliases, negations).
    const std::vector<std::string> &flagNames() const { return m_names; }
    /// True for argparse parsers that accept '_' for '-' in long options (vLLM).
    bool underscoreDashEquivalent() const { return m_parser.underscoreDash; }
    /// The parser's habits (Click or argparse, abbreviations, dotted JSON options).
    const ParserTraits &parser() const { return m_parser; }
    /// How each unified field is spelled on the command line.
    const FieldFlags &fieldFlags() const { return m_fieldFlags; }

private:
    void readInvocation(const Json &invocation);

    Json m_doc;
    std::string m_engine;
    std::string m_displayName;
    std::string m_version;
    std::string m_versionLabel;
    std::vector<std::string> m_versionAliases;
    std::string m_sourceDate;
    bool m_isDefault = false;
    bool m_isPartial = false;
    std::vector<std::string> m_invocation;               // read once: every plan starts with it
    std::vector<std::string> m_subcommands;
    std::vector<EntryPoint> m_entryPoints;
    std::string m_imageRepository;
    std::vector<std::string> m_imageEntrypoint;
    std::vector<std::string> m_names;                    // sorted
    struct IndexEntry
    {
        std::string name;    // as accepted (dash-normalised where '_' == '-')
        std::string primary; // the flag's primary name
        const Json *flag;    // its entry in m_doc["flags"]
    };
    std::vector<IndexEntry> m_index; // sorted by name: flag look-ups are on every mapping's hot path
    const Json *m_mapping = nullptr;
    ParserTraits m_parser;
    FieldFlags m_fieldFlags;
};

/// The engine value a mapping.methods entry (not an "unsupported" one) stands for: its
/// --quantization value, the checkpoint format for an engine without a quantization option
/// (TensorRT-LLM), or "none" where no flag is written.
std::string methodEntryValue(const Json &entry);

/// All engine profiles compiled into quantcfg.
class ProfileRegistry
{
public:
    /// The built-in profiles (parsed once).
    static const ProfileRegistry &builtIn();

    explicit ProfileRegistry(std::vector<std::unique_ptr<EngineProfile>> profiles);

    /// Engine ids in display order: "vllm", "sglang", "trtllm".
    std::vector<std::string> engines() const;
    /// Versions of @p engine, newest first.
    std::vector<const EngineProfile *> versions(const std::string &engine) const;
    /// @p engine at @p version (a profile id or one of its former ids); an empty version means the
    /// default. nullptr if unknown.
    const EngineProfile *find(const std::string &engine, const std::string &version = {}) const;
    /// Parses "vllm", "vllm@main-2026-08-21", "sglang@0.5.6" (a former id); nullptr if unknown.
    const EngineProfile *findSpec(const std::string &spec) const;
    /// When @p spec ("vllm@2026-08") names a profile by a former id, a sentence naming the new one
    /// ("vllm@2026-08 is now called vllm@main-2026-08-14"); otherwise empty.
    std::string formerIdNote(const std::string &spec) const;
    const std::vector<std::unique_ptr<EngineProfile>> &all() const { return m_profiles; }

    /// The profile @p config pins for @p engine in its engine_versions (keyed by engine id or alias,
    /// valued by profile id or former id); nullptr when it pins none or names no known profile
    /// (checkPins() reports that).
    const EngineProfile *pinned(const Config &config, const std::string &engine) const;
    /// The profile to map @p config on for @p engine: the configuration's pin wins over
    /// @p chosenVersion (the studio's choice; empty = the default). An unknown @p chosenVersion
    /// falls back to the default. The command line's explicit ENGINE@VERSION is resolved before this
    /// and wins over both.
    const EngineProfile *forConfig(const Config &config, const std::string &engine, const std::string &chosenVersion = {}) const;
    /// Errors for engine_versions entries that name no known engine or no known version of it, at
    /// /engine_versions/KEY with the allowed engine ids or profile ids.
    Diagnostics checkPins(const Config &config) const;

private:
    std::string engineId(const std::string &name) const;

    std::vector<std::unique_ptr<EngineProfile>> m_profiles;
};

} // namespace quantcfg
