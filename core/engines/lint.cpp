#include "core/engines/lint.h"
#include "core/text.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>

namespace quantcfg {

namespace {

Diagnostic finding(Severity s, std::string code, std::string message, std::string token = {}, int index = 0)
{
    Diagnostic d;
    d.severity = s;
    d.code = std::move(code);
    d.message = std::move(message);
    d.value = std::move(token);
    d.column = index;
    return d;
}

bool looksNegativeNumber(std::string_view t)
{
    if (t.size() < 2 || t[0] != '-')
        return false;
    return std::isdigit(static_cast<unsigned char>(t[1])) || t[1] == '.';
}

bool parseInt(std::string_view v, bool humanReadable, bool allowAuto)
{
    if (allowAuto && (v == "auto" || v == "-1"))
        return true;
    long long n = 0;
    const char *begin = v.data();
    const char *end = v.data() + v.size();
    auto [ptr, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc())
        return false;
    if (ptr == end)
        return true;
    if (!humanReadable)
        return false;
    // 32k, 1M, 1.5G style sizes (vLLM's human-readable integers).
    std::string_view rest(ptr, static_cast<std::size_t>(end - ptr));
    if (!rest.empty() && rest[0] == '.') {
        double d = 0;
        auto [p2, ec2] = std::from_chars(begin, end, d);
        if (ec2 != std::errc())
            return false;
        rest = std::string_view(p2, static_cast<std::size_t>(end - p2));
    }
    if (rest.size() == 2 && (rest[1] == 'i' || rest[1] == 'I'))
        rest = rest.substr(0, 1);
    return rest.size() == 1 && std::string_view("kKmMgGtT").find(rest[0]) != std::string_view::npos;
}

bool parseFloat(std::string_view v)
{
    double d = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    return ec == std::errc() && ptr == v.data() + v.size();
}

std::vector<std::string> strings(const Json &arr)
{
    std::vector<std::string> out;
    for (const Json &v : arr)
        out.push_back(v.is_string() ? v.get<std::string>() : toCompactJson(v));
    return out;
}

// Constraint checks run on every mapping: they read the profile's JSON in place (views, no copies).

// The member @p key of @p obj, or nullptr.
const Json *member(const Json &obj, std::string_view key)
{
    const auto it = obj.find(key);
    return it != obj.end() ? &*it : nullptr;
}

// A string member of @p obj, or "" when it is missing or not a string.
std::string_view text(const Json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? std::string_view(it->get_ref<const std::string &>()) : std::string_view();
}

// Whether the JSON array @p list (nullptr: none) holds @p value; non-strings compare as compact JSON.
bool listed(const Json *list, std::string_view value)
{
    if (!list)
        return false;
    return std::any_of(list->begin(), list->end(), [value](const Json &v) {
        return v.is_string() ? v.get_ref<const std::string &>() == value : toCompactJson(v) == value;
    });
}

const std::string *valueOf(const std::vector<std::pair<std::string, std::string>> &values, std::string_view flag)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (it->first == flag)
            return &it->second;
    }
    return nullptr;
}

// Value of a flag for a constraint: given value, else the parser default, else nothing.
std::optional<std::string> effective(const EngineProfile &p, const std::vector<std::pair<std::string, std::string>> &values,
                                     std::string_view flag)
{
    if (const std::string *v = valueOf(values, flag))
        return *v;
    const Json *f = p.flag(flag);
    if (f && f->contains("default"))
        return (*f)["default"].is_string() ? (*f)["default"].get<std::string>() : toCompactJson((*f)["default"]);
    return std::nullopt;
}

std::optional<long long> asInt(const std::optional<std::string> &v)
{
    if (!v)
        return std::nullopt;
    long long n = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || ptr != v->data() + v->size())
        return std::nullopt;
    return n;
}

std::string didYouMean(const EngineProfile &p, const std::string &name)
{
    // Only names within the limit count, and a length difference is a lower bound of the
    // distance: most of the ~300 options are never compared.
    const std::size_t limit = std::max<std::size_t>(2, name.size() / 4);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const std::string &candidate : p.flagNames()) {
        const std::size_t gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
        if (gap >= bestDistance || candidate.rfind("--", 0) != 0)
            continue;
        const std::size_t d = editDistance(name, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

// "bf16" → "bfloat16": an abbreviation (the value's letters in order) beats edit distance.
std::string closestChoice(const std::string &value, const std::vector<std::string> &choices)
{
    const std::string v = asciiLower(value);
    std::string best;
    for (const auto &c : choices) {
        const std::string lc = asciiLower(c);
        std::size_t k = 0;
        for (char ch : lc)
            k += k < v.size() && ch == v[k];
        if (k == v.size() && lc != v && (best.empty() || c.size() < best.size()))
            best = c;
    }
    if (!best.empty())
        return best;
    for (const auto &c : choices) { // "fp8_e5m2" → "fp8"
        if (v.rfind(asciiLower(c), 0) == 0 && c.size() > best.size())
            best = c;
    }
    if (!best.empty())
        return best;
    std::size_t bestDistance = 3;
    for (const auto &c : choices) {
        const std::size_t d = editDistance(v, asciiLower(c));
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

// A flag as the engine's parser reads a name: exactly (alias, negation, '_' for '-'), as
// --json-flag.key (vLLM), or as the unique prefix of one option (argparse's allow_abbrev).
struct Resolved
{
    const Json *flag = nullptr;
    std::string primary;
    std::string abbreviates; ///< the option an abbreviation stands for
    std::string jsonKey;     ///< --compilation-config.mode → "mode"
    std::vector<std::string> ambiguous; ///< options an ambiguous prefix matches
};

Resolved resolveFlag(const EngineProfile &p, const std::string &name)
{
    Resolved r;
    if ((r.flag = p.flag(name, &r.primary)))
        return r;
    if (p.parser().jsonDottedArgs && name.find('.') != std::string::npos) {
        const std::string base = name.substr(0, name.find('.'));
        if (const Json *f = p.flag(base, &r.primary); f && f->value("json", false)) {
            r.flag = f;
            const std::string rest = name.substr(base.size() + 1);
            r.jsonKey = rest.substr(0, rest.find('.'));
            return r;
        }
    }
    // argparse matches a prefix of a long option, and "-p" against single-dash options ("-pp").
    const bool longOption = name.rfind("--", 0) == 0 && name.size() > 2;
    const bool shortOption = !longOption && name.size() >= 2 && name[0] == '-' && name[1] != '-';
    if (p.parser().allowAbbrev && (longOption || shortOption)) {
        const bool equivalent = p.underscoreDashEquivalent();
        // Whether @p n starts with the name typed, '_' matching '-' where the parser says so.
        const auto startsWithName = [&](const std::string &n) {
            if (n.size() < name.size())
                return false;
            for (std::size_t k = 0; k < name.size(); ++k) {
                const char a = equivalent && k >= 2 && name[k] == '_' ? '-' : name[k];
                const char b = equivalent && k >= 2 && n[k] == '_' ? '-' : n[k];
                if (a != b)
                    return false;
            }
            return true;
        };
        std::vector<std::string> primaries;
        std::string option;
        for (const std::string &n : p.flagNames()) {
            if (!startsWithName(n) || (longOption && n.rfind("--", 0) != 0))
                continue;
            std::string primary;
            p.flag(n, &primary);
            if (std::find(primaries.begin(), primaries.end(), primary) == primaries.end()) {
                primaries.push_back(primary);
                option = n;
            }
            r.ambiguous.push_back(n);
        }
        if (primaries.size() == 1) {
            r.flag = p.flag(option, &r.primary);
            r.abbreviates = option;
            r.ambiguous.clear();
        } else if (primaries.empty()) {
            r.ambiguous.clear();
        }
    }
    return r;
}

// Every flag a constraint reads, as written in the profile.
std::vector<std::string> constraintFlags(const Json &c)
{
    std::vector<std::string> out;
    const auto add = [&out](const Json *obj, const char *key) {
        if (obj && obj->contains(key) && (*obj)[key].is_string())
            out.push_back((*obj)[key].get<std::string>());
    };
    for (const char *k : {"flag", "divisor", "dividend", "or_equals_flag", "equals_flag"})
        add(&c, k);
    add(member(c, "if"), "flag");
    add(member(c, "then"), "flag");
    add(member(c, "when"), "flag");
    if (const Json *ne = member(c, "if"); ne && ne->contains("and_flag_ne"))
        out.push_back((*ne)["and_flag_ne"][0].get<std::string>());
    if (const Json *fs = member(c, "flags"))
        for (const Json &f : *fs)
            out.push_back(f.get<std::string>());
    return out;
}

} // namespace

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

Diagnostics checkConstraints(const EngineProfile &profile, const std::vector<std::pair<std::string, std::string>> &values,
                             const std::vector<std::string> &unknown)
{
    Diagnostics out;
    // Constraints name flags by one spelling; values are keyed by the primary name. Key both by
    // the primary name so an alias in either place (SGLang 0.5.6: --ep-size is an alias) matches.
    const auto canon = [&profile](std::string_view name) {
        const std::string *primary = profile.lookup(name).second;
        return primary ? std::string_view(*primary) : name;
    };
    const auto violated = [&](const Json &c, std::string_view dropFlag) {
        Diagnostic d = finding(text(c, "kind") == "warn_value_equals" ? Severity::Warning : Severity::Error,
                               "lint.constraint." + c.value("id", std::string("rule")), c.value("message", std::string("constraint violated")));
        d.suggestion = std::string(dropFlag);
        out.push_back(std::move(d));
    };
    const auto given = [&](std::string_view flag) { return valueOf(values, canon(flag)) != nullptr; };
    const auto whenHolds = [&](const Json &c) {
        const Json *when = member(c, "when");
        if (!when)
            return true;
        const auto v = effective(profile, values, canon(text(*when, "flag")));
        return v && listed(member(*when, "in"), *v);
    };

    static const Json kNone = Json::array();
    const Json &doc = profile.document();
    const auto found = doc.find("constraints");
    for (const Json &c : found != doc.end() ? *found : kNone) {
        if (!unknown.empty()) {
            const auto reads = constraintFlags(c);
            if (std::any_of(reads.begin(), reads.end(), [&](const std::string &f) {
                    return std::find(unknown.begin(), unknown.end(), std::string(canon(f))) != unknown.end();
                })) {
                Diagnostic d = finding(Severity::Info, "lint.unchecked.constraint",
                                       "not checked, a value it reads comes from the shell: " + c.value("message", std::string()));
                out.push_back(std::move(d));
                continue;
            }
        }
        const std::string_view kind = text(c, "kind");
        if (kind == "requires_flag") {
            const Json &cond = c["if"];
            const std::string_view flag = text(cond, "flag");
            if (!given(flag))
                continue;
            bool holds = true;
            if (const Json *field = member(cond, "in_field")) {
                const Json *f = profile.flag(flag);
                holds = f && listed(member(*f, field->get_ref<const std::string &>()), *valueOf(values, canon(flag)));
            }
            if (const Json *gt = member(cond, "gt")) {
                const auto n = asInt(effective(profile, values, canon(flag)));
                holds = holds && n && *n > gt->get<long long>();
            }
            if (const Json *ne = member(cond, "and_flag_ne")) {
                const auto other = effective(profile, values, canon((*ne)[0].get_ref<const std::string &>()));
                holds = holds && other && *other != toCompactJson((*ne)[1]);
            }
            if (holds && !given(text(c["then"], "flag")))
                violated(c, canon(flag));
        } else if (kind == "conflicts") {
            const Json *flags = member(c, "flags");
            if (flags && !flags->empty()
                && std::all_of(flags->begin(), flags->end(), [&](const Json &f) { return given(f.get_ref<const std::string &>()); }))
                violated(c, canon(flags->back().get_ref<const std::string &>()));
        } else if (kind == "divides") {
            const std::string_view divisorFlag = text(c, "divisor");
            const auto divisor = asInt(effective(profile, values, canon(divisorFlag)));
            const auto dividend = asInt(effective(profile, values, canon(text(c, "dividend"))));
            if (divisor && dividend && *divisor > 0 && *dividend % *divisor != 0)
                violated(c, canon(divisorFlag));
        } else if (kind == "value_in_or_equals" || kind == "value_in" || kind == "warn_value_equals") {
            if (!whenHolds(c))
                continue;
            const std::string_view flag = text(c, "flag");
            const Json *when = member(c, "when");
            const std::string_view dropFlag = when ? text(*when, "flag") : flag;
            std::optional<std::string> v;
            if (kind != "value_in")
                v = effective(profile, values, canon(flag));
            else if (const std::string *set = valueOf(values, canon(flag)))
                v = *set;
            if (kind == "warn_value_equals") {
                const auto other = effective(profile, values, canon(text(c, "equals_flag")));
                if (v && other && *v != *other)
                    violated(c, canon(flag));
                continue;
            }
            if (!v && kind == "value_in") {
                // Absent means null, which the allowed list may contain.
                if (!std::any_of(c["allowed"].begin(), c["allowed"].end(), [](const Json &a) { return a.is_null(); }))
                    violated(c, canon(dropFlag));
                continue;
            }
            if (!v)
                continue;
            bool ok = listed(member(c, "allowed"), *v);
            if (const Json *other = member(c, "or_equals_flag"); !ok && other)
                ok = effective(profile, values, canon(other->get_ref<const std::string &>())) == v;
            if (!ok)
                violated(c, canon(dropFlag));
        }
    }
    return out;
}

namespace {

// One word lint reads: its text, whether the shell fills it in, and where it came from (the
// 1-based word of the command, and a prefix naming a --config file for words read from one).
struct Word
{
    std::string text;
    bool expanded = false;
    int index = 0;
    std::string from; ///< "config.yaml: " for options read from a --config file
};

struct FlagValues
{
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> unknown; ///< primary names whose value the shell supplies
};

// The flag values of a command: @p textAt(i) is word i, @p expandedAt(i) whether the shell fills
// it in. A template so the mapper's hot path reads its argv in place.
template <typename Text, typename Expanded>
FlagValues collect(const EngineProfile &profile, std::size_t n, Text textAt, Expanded expandedAt)
{
    FlagValues out;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string &t = textAt(i);
        if (t.size() < 2 || t[0] != '-' || looksNegativeNumber(t))
            continue;
        const auto eq = t.find('=');
        const std::string_view name = std::string_view(t).substr(0, eq);
        // --tp-size=$TP: the option is known, its value is not.
        if (expandedAt(i) && (eq == std::string::npos || name.find('$') != std::string_view::npos || name.find('`') != std::string_view::npos))
            continue;
        auto [flag, primary] = profile.lookup(name);
        Resolved r;
        if (!flag) { // an abbreviation or a --json-flag.key
            r = resolveFlag(profile, std::string(name));
            if (!r.flag || !r.jsonKey.empty())
                continue;
            flag = r.flag;
            primary = &r.primary;
        }
        if (!flag->value("value", false)) {
            const Json *negations = member(*flag, "negations");
            out.values.emplace_back(*primary, negations && listed(negations, name) ? "false" : "");
        } else if (eq != std::string::npos) {
            out.values.emplace_back(*primary, t.substr(eq + 1));
            if (expandedAt(i))
                out.unknown.push_back(*primary);
        } else if (i + 1 < n) {
            ++i;
            out.values.emplace_back(*primary, textAt(i));
            if (expandedAt(i))
                out.unknown.push_back(*primary);
        }
    }
    return out;
}

FlagValues collect(const EngineProfile &profile, const std::vector<Word> &words)
{
    return collect(profile, words.size(), [&](std::size_t i) -> const std::string & { return words[i].text; },
                   [&](std::size_t i) { return words[i].expanded; });
}

std::string joinWords(const std::vector<std::string> &w)
{
    std::string out;
    for (const auto &s : w)
        out += (out.empty() ? "" : " ") + s;
    return out;
}

// The entry point @p words start with (the longest match), or nullptr.
const EntryPoint *matchEntry(const EngineProfile &profile, const std::vector<Word> &words)
{
    const auto isPython = [](std::string_view w) {
        const auto slash = w.rfind('/');
        if (slash != std::string_view::npos)
            w.remove_prefix(slash + 1);
        return w == "python" || w == "python3" || (w.rfind("python3.", 0) == 0 && w.size() > 8);
    };
    const EntryPoint *best = nullptr;
    for (const EntryPoint &e : profile.entryPoints()) {
        if (e.argv.size() > words.size() || (best && best->argv.size() >= e.argv.size()))
            continue;
        bool same = true;
        for (std::size_t k = 0; k < e.argv.size() && same; ++k) {
            std::string_view w = words[k].text;
            if (k == 0 && !isPython(e.argv[k]) && w.rfind('/') != std::string_view::npos)
                w.remove_prefix(w.rfind('/') + 1); // /usr/local/bin/vllm
            same = isPython(e.argv[k]) ? isPython(w) : w == e.argv[k];
        }
        if (same)
            best = &e;
    }
    return best;
}

Json yamlToJson(const YAML::Node &n)
{
    if (n.IsMap()) {
        Json o = Json::object();
        for (const auto &kv : n)
            o[kv.first.as<std::string>()] = yamlToJson(kv.second);
        return o;
    }
    if (n.IsSequence()) {
        Json a = Json::array();
        for (const auto &item : n)
            a.push_back(yamlToJson(item));
        return a;
    }
    if (!n.IsScalar())
        return nullptr;
    const std::string &s = n.Scalar();
    if (n.Tag() == "!" ) // quoted in the file: a string
        return s;
    const Json parsed = Json::parse(s, nullptr, false);
    return parsed.is_discarded() || parsed.is_object() || parsed.is_array() ? Json(s) : parsed;
}

// The options a --config YAML file sets, as the engine turns them into words (vLLM and SGLang:
// key → --key, true → the switch alone, lists → one value each, mappings → JSON).
std::optional<std::vector<std::string>> configFileWords(const std::string &path, Diagnostics &out, int index)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    std::vector<std::string> words;
    try {
        const YAML::Node root = YAML::LoadFile(path);
        if (!root.IsMap()) {
            Diagnostic d = finding(Severity::Error, "lint.config-file", path + ": expected a mapping of option names to values", path, index);
            out.push_back(std::move(d));
            return words;
        }
        for (const auto &kv : root) {
            const std::string key = "--" + kv.first.as<std::string>();
            const YAML::Node &v = kv.second;
            if (v.IsScalar()) {
                const std::string s = v.Scalar();
                if (s == "true" || s == "True")
                    words.push_back(key);
                else if (s != "false" && s != "False")
                    words.insert(words.end(), {key, s});
            } else if (v.IsSequence()) {
                words.push_back(key);
                for (const auto &item : v)
                    words.push_back(item.IsScalar() ? item.Scalar() : YAML::Dump(item));
            } else if (v.IsMap()) {
                words.insert(words.end(), {key, toCompactJson(yamlToJson(v))});
            }
        }
    } catch (const YAML::Exception &e) {
        Diagnostic d = finding(Severity::Error, "lint.config-file",
                               path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " + e.msg, path, index);
        out.push_back(std::move(d));
    }
    return words;
}

void checkJsonKeys(const EngineProfile &profile, const Json &flag, const std::string &name, const std::string &key, const Word &w,
                   Diagnostics &out)
{
    const Json *keys = member(flag, "json_keys");
    if (!keys || listed(keys, key))
        return;
    if (text(flag, "json_keys_normalize") == "dash_to_underscore") { // the engine rewrites '-' to '_' first
        std::string normalised = key;
        std::replace(normalised.begin(), normalised.end(), '-', '_');
        if (listed(keys, normalised))
            return;
    }
    const bool strict = flag.value("json_keys_strict", false);
    Diagnostic d = finding(strict ? Severity::Error : Severity::Warning, "lint.json-key",
                           w.from + "'" + key + "' is not a key of " + name + " in " + profile.displayName() + " " + profile.version()
                               + (strict ? " (it rejects unknown keys)" : " (it ignores unknown keys)"),
                           key, w.index);
    if (const Json *removed = member(flag, "json_keys_removed"); removed && removed->contains(key))
        d.message += ": " + (*removed)[key].get<std::string>();
    d.allowed = strings(*keys);
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(2, key.size() / 4) + 1;
    for (const std::string &k : d.allowed) {
        if (const std::size_t dist = editDistance(key, k); dist < bestDistance) {
            bestDistance = dist;
            best = k;
        }
    }
    d.suggestion = best;
    out.push_back(std::move(d));
}

} // namespace

const EntryPoint *matchEntryPoint(const EngineProfile &profile, const std::vector<std::string> &argv)
{
    std::vector<Word> words;
    for (const auto &a : argv)
        words.push_back({a, false, 0, {}});
    return matchEntry(profile, words);
}

std::vector<std::pair<std::string, std::string>> collectFlagValues(const EngineProfile &profile, const std::vector<std::string> &argv)
{
    return collect(profile, argv.size(), [&](std::size_t i) -> const std::string & { return argv[i]; }, [](std::size_t) { return false; })
        .values;
}

Diagnostics lintArgv(const EngineProfile &profile, const std::vector<std::string> &argv,
                     const std::vector<std::pair<std::string, std::string>> &env)
{
    LintWords words;
    words.argv = argv;
    words.env = env;
    return lintWords(profile, words);
}

Diagnostics lintWords(const EngineProfile &profile, const LintWords &input)
{
    Diagnostics out;
    const Json &doc = profile.document();
    const bool click = profile.parser().click;
    const bool dotted = profile.parser().jsonDottedArgs;

    for (const auto &[name, value] : input.env) {
        if (doc.contains("removed_env") && doc["removed_env"].contains(name)) {
            Diagnostic d = finding(Severity::Error, "lint.removed-env", name + ": " + doc["removed_env"][name].value("note", std::string()), name);
            d.suggestion = doc["removed_env"][name].value("replacement", std::string());
            out.push_back(std::move(d));
        } else if (doc.contains("env") && doc["env"].contains(name) && value.find('$') == std::string::npos) {
            const auto choices = strings(doc["env"][name].value("choices", Json::array()));
            if (!choices.empty() && std::find(choices.begin(), choices.end(), value) == choices.end()) {
                Diagnostic d = finding(Severity::Error, "lint.bad-choice", name + "=" + value + " is not an allowed value", value);
                d.allowed = choices;
                out.push_back(std::move(d));
            }
        }
    }

    std::vector<Word> words;
    for (std::size_t k = 0; k < input.argv.size(); ++k)
        words.push_back({input.argv[k], k < input.expanded.size() && input.expanded[k], static_cast<int>(k + 1), {}});

    // The entry point: "vllm serve", "python3 -m vllm.entrypoints.openai.api_server", "sglang serve", …
    const EntryPoint *entry = matchEntry(profile, words);
    if (!entry) {
        std::string expected;
        for (const EntryPoint &e : profile.entryPoints())
            expected += (expected.empty() ? "'" : ", '") + joinWords(e.argv) + "'";
        out.push_back(finding(Severity::Error, "lint.invocation", "the command must start with " + expected + " for " + profile.displayName() + " " + profile.version(),
                              words.empty() ? std::string() : words.front().text, 1));
        return out;
    }
    if (!entry->deprecated.empty())
        out.push_back(finding(Severity::Info, "lint.deprecated-entry-point", joinWords(entry->argv) + ": " + entry->deprecated, words.front().text, 1));
    if (!entry->routes.empty())
        out.push_back(finding(Severity::Info, "lint.unchecked.server",
                              joinWords(entry->argv) + " " + entry->routes + "; the options were checked as the language-model server's", {}, 1));
    std::size_t i = entry->argv.size();
    const std::string subcommand = doc["invocation"].value("optional_subcommand", std::string());
    const bool subcommandWritten = !subcommand.empty() && i < words.size() && words[i].text == subcommand;
    if (subcommandWritten)
        ++i;
    // Without "serve", a subcommand name in the model's place is that subcommand, whose flags are not these.
    if (!subcommandWritten && i < words.size() && profile.isSubcommand(words[i].text)) {
        const std::string &w = words[i].text;
        Diagnostic d = finding(Severity::Error, "lint.subcommand",
                               "'" + w + "' is " + withArticle(entry->argv.front()) + " subcommand, and only the " + subcommand
                                   + " command is checked; as a model directory it must be written ./" + w,
                               w, words[i].index);
        d.suggestion = "./" + w;
        out.push_back(std::move(d));
        return out;
    }
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i));

    // Options the launcher consumes before the parser sees them (sglang serve --model-type).
    for (const std::string &strip : entry->strips) {
        for (std::size_t k = 0; k < words.size();) {
            if (words[k].text == strip)
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(k), words.begin() + static_cast<std::ptrdiff_t>(std::min(k + 2, words.size())));
            else if (words[k].text.rfind(strip + "=", 0) == 0)
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(k));
            else
                ++k;
        }
    }
    const std::string modelFlag = doc["mapping"].contains("model") ? doc["mapping"]["model"].value("flag", std::string()) : std::string();
    if (entry->model == EntryPoint::Model::FirstPositional && !words.empty() && !modelFlag.empty() && !words.front().text.empty()
        && words.front().text[0] != '-')
        words.insert(words.begin(), Word{modelFlag, false, words.front().index, {}});

    // A --config file supplies options (and the model); the engines put them first, so the
    // command line overrides them.
    bool configUnread = false;
    const std::string configFlag = doc["parser"].value("config_file_flag", std::string());
    std::vector<Word> fromFiles;
    for (std::size_t k = 0; !configFlag.empty() && k < words.size(); ++k) {
        const std::string &t = words[k].text;
        const bool inlineValue = t.rfind(configFlag + "=", 0) == 0;
        if ((t != configFlag && !inlineValue) || (!inlineValue && k + 1 >= words.size()))
            continue; // a missing value is reported below
        const Word fileWord = inlineValue ? Word{t.substr(configFlag.size() + 1), words[k].expanded, words[k].index, {}} : words[k + 1];
        const std::string path = fileWord.text.empty() || fileWord.text[0] == '/' || input.baseDir.empty() ? fileWord.text
                                                                                                              : input.baseDir + "/" + fileWord.text;
        std::optional<std::vector<std::string>> read;
        if (!fileWord.expanded)
            read = configFileWords(path, out, fileWord.index);
        if (!read) {
            configUnread = true;
            out.push_back(finding(Severity::Info, "lint.unchecked.config-file",
                                  configFlag + " " + fileWord.text
                                      + (fileWord.expanded ? ": the file name comes from the shell" : ": no such file here")
                                      + "; the model and the options in it were not checked",
                                  fileWord.text, fileWord.index));
            continue;
        }
        for (const std::string &fw : *read)
            fromFiles.push_back({fw, false, fileWord.index, fileWord.text + ": "});
    }
    words.insert(words.begin(), fromFiles.begin(), fromFiles.end());

    // `vllm serve … --model X`: refused by old parsers (the model must be the positional).
    if (text(doc["parser"], "serve_model_flag") == "error" && entry->argv.back() == "serve") {
        for (const Word &w : words) {
            if (w.text == "--model" && w.from.empty()) {
                Diagnostic d = finding(Severity::Error, "lint.serve-model-flag",
                                       joinWords(entry->argv) + " in " + profile.displayName() + " " + profile.version()
                                           + " refuses --model (ValueError: give the model as the positional argument or in a --config file)",
                                       w.text, w.index);
                d.suggestion = joinWords(entry->argv) + " MODEL";
                out.push_back(std::move(d));
            }
        }
    }

    // -h / --help (vLLM: --help=KEYWORD) prints help and exits before anything is checked.
    for (const Word &w : words) {
        if (w.text == "-h" || w.text == "--help" || w.text.rfind("--help=", 0) == 0) {
            out.push_back(finding(Severity::Info, "lint.unchecked.help", w.text + " prints the options and exits; nothing is launched", w.text, w.index));
            return out;
        }
    }

    int positionals = 0;
    int expandedPositionals = 0;
    bool positionalOnly = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word &w = words[k];
        const std::string &t = w.text;
        const int index = w.index;
        if (w.expanded && (t.empty() || t[0] != '-')) {
            // $MODEL, $EXTRA_ARGS: a model or further options; which, only the shell knows.
            ++expandedPositionals;
            out.push_back(finding(Severity::Info, "lint.unchecked.shell-word",
                                  t + " comes from the shell at run time: it may be the model or more options, which were not checked", t, index));
            continue;
        }
        if (positionalOnly || t.size() < 2 || t[0] != '-' || looksNegativeNumber(t)) {
            ++positionals;
            continue;
        }
        if (t == "--") {
            positionalOnly = true;
            continue;
        }
        const auto eq = t.find('=');
        const std::string name = t.substr(0, eq);
        if (w.expanded && name.find_first_of("$`") != std::string::npos) { // --${PREFIX}-size: the option itself is unknown
            out.push_back(finding(Severity::Info, "lint.unchecked.shell-word",
                                  t + " comes from the shell at run time: the option it names and its value were not checked", t, index));
            if (eq == std::string::npos && k + 1 < words.size() && !words[k + 1].text.empty() && words[k + 1].text[0] != '-')
                ++k;
            continue;
        }
        std::optional<Word> inlineValue;
        if (eq != std::string::npos)
            inlineValue = Word{t.substr(eq + 1), w.expanded, index, w.from};

        // vLLM's -O3 / -O=3 shorthand for --optimization-level.
        if (dotted && name.rfind("-O", 0) == 0 && name.size() > 2 && std::isdigit(static_cast<unsigned char>(name[2])))
            continue;

        const Resolved r = resolveFlag(profile, name);
        const Json *f = r.flag;
        const std::string &primary = r.primary;
        const bool dottedJson = !r.jsonKey.empty();
        if (f && !r.abbreviates.empty()) {
            Diagnostic d = finding(Severity::Info, "lint.abbreviation",
                                   w.from + name + " is read as " + r.abbreviates + " (" + profile.displayName() + "'s parser accepts a unique prefix of an option)", name, index);
            d.suggestion = r.abbreviates;
            out.push_back(std::move(d));
        }
        if (!f) {
            Diagnostic d = finding(Severity::Error, "lint.unknown-flag",
                                   w.from + name + " is not " + withArticle(profile.displayName()) + " " + profile.version() + " option",
                                   name, index);
            std::string swapped = name;
            if (swapped.size() > 2) // after the leading "--"; a bare "-" has nothing to swap
                std::replace(swapped.begin() + 2, swapped.end(), swapped.find('_') != std::string::npos ? '_' : '-',
                             swapped.find('_') != std::string::npos ? '-' : '_');
            if (doc.contains("removed_flags") && doc["removed_flags"].contains(name)) {
                const Json &rm = doc["removed_flags"][name];
                d.code = "lint.removed-flag";
                d.message = w.from + name + ": " + rm.value("note", std::string("removed"));
                d.suggestion = rm.value("replacement", std::string());
            } else if (doc.contains("renamed_flags") && doc["renamed_flags"].contains(name)) {
                d.code = "lint.renamed-flag";
                d.suggestion = doc["renamed_flags"][name].get<std::string>();
                d.message += "; " + profile.displayName() + " spells it " + d.suggestion;
            } else if (swapped != name && profile.flag(swapped)) {
                d.code = "lint.dash-style";
                d.message = w.from + name + ": " + profile.displayName() + (click ? " options use underscores" : " accepts dashes only");
                d.suggestion = swapped;
            } else if (!r.ambiguous.empty()) {
                d.code = "lint.ambiguous-abbreviation";
                d.message = w.from + name + " is an ambiguous abbreviation";
                d.allowed.assign(r.ambiguous.begin(), r.ambiguous.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(r.ambiguous.size(), 8)));
            } else {
                std::vector<std::string> prefixed;
                for (const std::string &n : profile.flagNames()) {
                    if (n.rfind(name, 0) == 0 && n.rfind("--", 0) == 0)
                        prefixed.push_back(n);
                }
                if (!prefixed.empty() && !profile.parser().allowAbbrev && name.rfind("--", 0) == 0) {
                    d.message += " (" + profile.displayName() + " does not accept abbreviations)";
                    d.suggestion = prefixed[0];
                } else {
                    d.suggestion = didYouMean(profile, name);
                }
                if (profile.isPartial()) { // a file it did not read may add the flag
                    d.severity = Severity::Warning;
                    d.message += " as far as its partial sources show";
                }
            }
            if (!entry->routes.empty() && d.code == "lint.unknown-flag") {
                // The launcher may hand this model to a server whose options are not modelled.
                d.severity = Severity::Warning;
                d.message += " for the language-model server; " + joinWords(entry->argv) + " may hand this model to another server, whose options are not modelled";
            }
            out.push_back(d);
            // Skip a value that obviously belongs to the unknown option.
            if (!inlineValue && k + 1 < words.size() && (words[k + 1].text.empty() || words[k + 1].text[0] != '-'))
                ++k;
            continue;
        }
        if (click && !f->value("portable", true))
            out.push_back(finding(Severity::Warning, "lint.not-portable",
                                  name + " exists only in recent builds; older 1.x releases reject it", name, index));
        if (f->value("errors_when_used", false))
            out.push_back(finding(Severity::Error, "lint.flag-errors", w.from + name + " is deprecated and makes the parser exit with an error", name, index));
        else if (f->value("deprecated", false)) {
            Diagnostic d = finding(Severity::Warning, "lint.deprecated-flag", w.from + name + " is deprecated", name, index);
            d.suggestion = f->value("replacement", std::string());
            out.push_back(std::move(d));
        }
        if (dottedJson)
            checkJsonKeys(profile, *f, primary, r.jsonKey, w, out);

        if (!f->value("value", false) && !dottedJson) {
            if (inlineValue) {
                out.push_back(finding(Severity::Error, "lint.bool-value", w.from + name + " is a switch and takes no value (write " + name + " alone)", t, index));
            } else if (k + 1 < words.size()) {
                const std::string next = asciiLower(words[k + 1].text);
                if (next == "true" || next == "false" || next == "1" || next == "0" || next == "yes" || next == "no") {
                    out.push_back(finding(Severity::Error, "lint.bool-value", w.from + name + " is a switch and takes no value; '" + words[k + 1].text + "' would be an extra argument",
                                          words[k + 1].text, words[k + 1].index));
                    ++k;
                }
            }
            continue;
        }

        // Collect the value(s).
        std::vector<Word> vals;
        const Json nargs = f->value("nargs", Json());
        const auto valueLike = [&](std::size_t at, bool negativeNumbers) {
            const std::string &v = words[at].text;
            return v.empty() || v[0] != '-' || (negativeNumbers && looksNegativeNumber(v));
        };
        if (inlineValue) {
            vals.push_back(*inlineValue);
        } else if (nargs == "+" || nargs == "*" || (click && f->value("multiple", false))) {
            while (k + 1 < words.size() && valueLike(k + 1, true))
                vals.push_back(words[++k]);
        } else if (nargs == "?") {
            if (k + 1 < words.size() && valueLike(k + 1, false))
                vals.push_back(words[++k]);
        } else if (k + 1 < words.size() && valueLike(k + 1, true)) {
            vals.push_back(words[++k]);
        }
        if (vals.empty() && nargs != "?" && nargs != "*") {
            out.push_back(finding(Severity::Error, "lint.missing-value", w.from + name + " expects a value", name, index));
            continue;
        }
        if (dottedJson)
            continue;
        const std::string type = f->value("type", std::string("str"));
        for (const Word &val : vals) {
            const std::string &v = val.text;
            if (val.expanded) {
                out.push_back(finding(Severity::Info, "lint.unchecked.shell-value",
                                      name + " " + v + ": the value comes from the shell at run time and was not checked", v, val.index));
                continue;
            }
            const auto check = [&](const char *key, bool caseInsensitive) {
                if (!f->contains(key))
                    return;
                const auto choices = strings((*f)[key]);
                const auto match = std::find_if(choices.begin(), choices.end(), [&](const std::string &c) {
                    return caseInsensitive ? asciiLower(c) == asciiLower(v) : c == v;
                });
                if (match == choices.end()) {
                    Diagnostic d = finding(Severity::Error, "lint.bad-choice", w.from + "'" + v + "' is not an allowed value of " + name, v, val.index);
                    d.allowed = choices;
                    d.suggestion = closestChoice(v, choices);
                    // A value an older version accepted: say where it disappeared.
                    if (const auto removed = doc.find("removed_values"); removed != doc.end()) {
                        if (const auto flag = removed->find(primary); flag != removed->end()) {
                            if (const auto gone = flag->find(v); gone != flag->end())
                                d.message += ": " + gone->value("note", std::string());
                        }
                    }
                    out.push_back(std::move(d));
                }
            };
            check("choices", false);
            check("post_choices", f->value("case_insensitive", false));
            if (f->contains("deprecated_choices")) {
                const auto dep = strings((*f)["deprecated_choices"]);
                if (std::find(dep.begin(), dep.end(), v) != dep.end())
                    out.push_back(finding(Severity::Warning, "lint.deprecated-value", w.from + "'" + v + "' is deprecated for " + name, v, val.index));
            }
            if ((type == "int" || type == "int_hr" || type == "int_hr_or_auto") && !parseInt(v, type != "int", type == "int_hr_or_auto"))
                out.push_back(finding(Severity::Error, "lint.bad-int", w.from + name + " expects an integer" + std::string(type == "int" ? "" : " (32k, 1M style sizes allowed)") + ", got '" + v + "'", v, val.index));
            else if (type == "float" && !parseFloat(v))
                out.push_back(finding(Severity::Error, "lint.bad-float", w.from + name + " expects a number, got '" + v + "'", v, val.index));
            else if (f->value("json", false) && type == "json" && !v.empty() && (v[0] == '{' || v[0] == '[')) {
                const Json parsed = Json::parse(v, nullptr, false);
                if (parsed.is_discarded())
                    out.push_back(finding(Severity::Error, "lint.bad-json", w.from + name + " expects JSON, got '" + v + "'", v, val.index));
                else if (parsed.is_object())
                    for (auto it = parsed.begin(); it != parsed.end(); ++it)
                        checkJsonKeys(profile, *f, primary, it.key(), val, out);
            }
        }
    }

    const FlagValues values = collect(profile, words);
    const bool modelUnknown = configUnread || expandedPositionals > 0;
    if (entry->model == EntryPoint::Model::Flag) {
        if (positionals > 0)
            out.push_back(finding(Severity::Error, "lint.unexpected-argument",
                                  joinWords(entry->argv) + " takes no positional arguments (the model is given with " + (modelFlag.empty() ? std::string("--model") : modelFlag)
                                      + "); a stray value is usually a value given to a switch"));
        if (!modelFlag.empty() && !modelUnknown && !valueOf(values.values, modelFlag))
            out.push_back(finding(Severity::Error, "lint.missing-model", modelFlag + " is required"));
    } else if (entry->model == EntryPoint::Model::Positional) {
        const bool viaFlag = profile.flag("--model") && valueOf(values.values, "--model");
        if (positionals == 0 && !viaFlag && !modelUnknown)
            out.push_back(finding(Severity::Error, "lint.missing-model", "the model argument is missing"));
        if (positionals > 1)
            out.push_back(finding(Severity::Error, "lint.unexpected-argument", "more than one positional argument (only the model is positional)"));
    } else { // FirstPositional: the first word became the model flag above
        if (positionals > 0)
            out.push_back(finding(Severity::Error, "lint.unexpected-argument",
                                  "only the first word after " + joinWords(entry->argv) + " may be a positional model; a stray value is usually a value given to a switch"));
        if (!modelFlag.empty() && !modelUnknown && !valueOf(values.values, modelFlag))
            out.push_back(finding(Severity::Error, "lint.missing-model", "the model is missing (first word, or " + modelFlag + ")"));
    }

    for (Diagnostic &d : checkConstraints(profile, values.values, values.unknown)) {
        d.suggestion.clear();
        out.push_back(std::move(d));
    }
    return out;
}

Diagnostics lintCommandLine(const EngineProfile &profile, std::string_view commandLine)
{
    ShellWords words = splitShellWords(commandLine);
    if (hasErrors(words.diagnostics))
        return words.diagnostics;
    LintWords input;
    input.argv = std::move(words.argv);
    input.expanded = std::move(words.expanded);
    input.env = std::move(words.env);
    Diagnostics out = std::move(words.diagnostics);
    for (Diagnostic &d : lintWords(profile, input))
        out.push_back(std::move(d));
    return out;
}

} // namespace quantcfg
