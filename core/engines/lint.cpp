#include "core/engines/lint.h"

#include <algorithm>
#include <cctype>
#include <charconv>
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

bool isAssignment(std::string_view w)
{
    const auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return false;
    if (!(std::isalpha(static_cast<unsigned char>(w[0])) || w[0] == '_'))
        return false;
    return std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
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

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
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
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const std::string &candidate : p.flagNames()) {
        if (candidate.rfind("--", 0) != 0)
            continue;
        const std::size_t d = editDistance(name, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    const std::size_t limit = std::max<std::size_t>(2, name.size() / 4);
    return bestDistance <= limit ? best : std::string();
}

// "bf16" → "bfloat16": an abbreviation (the value's letters in order) beats edit distance.
std::string closestChoice(const std::string &value, const std::vector<std::string> &choices)
{
    const std::string v = lower(value);
    std::string best;
    for (const auto &c : choices) {
        const std::string lc = lower(c);
        std::size_t k = 0;
        for (char ch : lc)
            k += k < v.size() && ch == v[k];
        if (k == v.size() && lc != v && (best.empty() || c.size() < best.size()))
            best = c;
    }
    if (!best.empty())
        return best;
    for (const auto &c : choices) { // "fp8_e5m2" → "fp8"
        if (v.rfind(lower(c), 0) == 0 && c.size() > best.size())
            best = c;
    }
    if (!best.empty())
        return best;
    std::size_t bestDistance = 3;
    for (const auto &c : choices) {
        const std::size_t d = editDistance(v, lower(c));
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
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

ShellWords splitShellWords(std::string_view text)
{
    ShellWords out;
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\\') {
            if (i + 1 < text.size() && text[i + 1] == '\n') { // line continuation
                i += 2;
                continue;
            }
            if (i + 1 < text.size()) {
                word += text[i + 1];
                inWord = true;
            }
            i += 2;
        } else if (c == '\'') {
            const auto end = text.find('\'', i + 1);
            if (end == std::string_view::npos) {
                out.diagnostics.push_back(finding(Severity::Error, "lint.shell-syntax", "unterminated single quote"));
                return out;
            }
            word.append(text.substr(i + 1, end - i - 1));
            inWord = true;
            i = end + 1;
        } else if (c == '"') {
            std::size_t j = i + 1;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\' && j + 1 < text.size() && std::string_view("$`\"\\\n").find(text[j + 1]) != std::string_view::npos) {
                    if (text[j + 1] != '\n')
                        word += text[j + 1];
                    ++j;
                } else {
                    word += text[j];
                }
            }
            if (j >= text.size()) {
                out.diagnostics.push_back(finding(Severity::Error, "lint.shell-syntax", "unterminated double quote"));
                return out;
            }
            inWord = true;
            i = j + 1;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (inWord)
                words.push_back(std::move(word));
            word.clear();
            inWord = false;
            ++i;
        } else if (c == '#' && !inWord) {
            const auto nl = text.find('\n', i);
            i = nl == std::string_view::npos ? text.size() : nl;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    if (inWord)
        words.push_back(std::move(word));

    std::size_t k = 0;
    if (k < words.size() && words[k] == "env")
        ++k;
    for (; k < words.size() && isAssignment(words[k]); ++k) {
        const auto eq = words[k].find('=');
        out.env.emplace_back(words[k].substr(0, eq), words[k].substr(eq + 1));
    }
    out.argv.assign(words.begin() + static_cast<std::ptrdiff_t>(k), words.end());
    return out;
}

std::vector<std::pair<std::string, std::string>> collectFlagValues(const EngineProfile &profile, const std::vector<std::string> &argv)
{
    std::vector<std::pair<std::string, std::string>> values;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &t = argv[i];
        if (t.size() < 2 || t[0] != '-' || looksNegativeNumber(t))
            continue;
        const auto eq = t.find('=');
        const std::string_view name = std::string_view(t).substr(0, eq);
        const auto [f, primary] = profile.lookup(name);
        if (!f)
            continue;
        if (!f->value("value", false)) {
            const Json *negations = member(*f, "negations");
            const bool negated = negations && listed(negations, name);
            values.emplace_back(*primary, negated ? "false" : "");
        } else if (eq != std::string::npos) {
            values.emplace_back(*primary, t.substr(eq + 1));
        } else if (i + 1 < argv.size()) {
            values.emplace_back(*primary, argv[++i]);
        }
    }
    return values;
}

Diagnostics checkConstraints(const EngineProfile &profile, const std::vector<std::pair<std::string, std::string>> &values)
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

Diagnostics lintArgv(const EngineProfile &profile, const std::vector<std::string> &argv,
                     const std::vector<std::pair<std::string, std::string>> &env)
{
    Diagnostics out;
    const Json &doc = profile.document();
    const bool click = profile.parser().click;
    const bool allowAbbrev = profile.parser().allowAbbrev;
    const bool dotted = profile.parser().jsonDottedArgs;

    for (const auto &[name, value] : env) {
        if (doc.contains("removed_env") && doc["removed_env"].contains(name)) {
            Diagnostic d = finding(Severity::Error, "lint.removed-env", name + ": " + doc["removed_env"][name].value("note", std::string()), name);
            d.suggestion = doc["removed_env"][name].value("replacement", std::string());
            out.push_back(std::move(d));
        } else if (doc.contains("env") && doc["env"].contains(name)) {
            const auto choices = strings(doc["env"][name].value("choices", Json::array()));
            if (!choices.empty() && std::find(choices.begin(), choices.end(), value) == choices.end()) {
                Diagnostic d = finding(Severity::Error, "lint.bad-choice", name + "=" + value + " is not an allowed value", value);
                d.allowed = choices;
                out.push_back(std::move(d));
            }
        }
    }

    // The invocation: "vllm serve", "python -m sglang.launch_server", "trtllm-serve [serve]".
    const std::vector<std::string> inv = profile.invocation();
    std::size_t i = 0;
    for (std::size_t k = 0; k < inv.size(); ++k, ++i) {
        const auto isPython = [](const std::string &w) { return w == "python" || w == "python3" || w.rfind("python3.", 0) == 0; };
        const bool python = isPython(inv[k]) && i < argv.size() && isPython(argv[i]);
        if (i >= argv.size() || (argv[i] != inv[k] && !python)) {
            std::string expected;
            for (const auto &w : inv)
                expected += (expected.empty() ? "" : " ") + w;
            out.push_back(finding(Severity::Error, "lint.invocation",
                                  "the command must start with '" + expected + "' for " + profile.displayName(),
                                  i < argv.size() ? argv[i] : std::string(), static_cast<int>(i + 1)));
            return out;
        }
    }
    const std::string subcommand = doc["invocation"].value("optional_subcommand", std::string());
    const bool subcommandWritten = !subcommand.empty() && i < argv.size() && argv[i] == subcommand;
    if (subcommandWritten)
        ++i;
    // Without "serve", a subcommand name in the model's place is that subcommand, whose flags are not these.
    if (!subcommandWritten && i < argv.size() && profile.isSubcommand(argv[i])) {
        Diagnostic d = finding(Severity::Error, "lint.subcommand",
                               "'" + argv[i] + "' is a " + inv.front() + " subcommand, and only the " + subcommand + " command is checked; as a model directory it must be written ./"
                                   + argv[i],
                               argv[i], static_cast<int>(i + 1));
        d.suggestion = "./" + argv[i];
        out.push_back(std::move(d));
        return out;
    }

    int positionals = 0;
    bool positionalOnly = false;
    for (; i < argv.size(); ++i) {
        const std::string &t = argv[i];
        const int index = static_cast<int>(i + 1);
        if (positionalOnly || t.size() < 2 || t[0] != '-' || looksNegativeNumber(t)) {
            ++positionals;
            continue;
        }
        if (t == "--") {
            positionalOnly = true;
            continue;
        }
        const auto eq = t.find('=');
        std::string name = t.substr(0, eq);
        std::optional<std::string> inlineValue;
        if (eq != std::string::npos)
            inlineValue = t.substr(eq + 1);

        // vLLM's -O3 / -O=3 shorthand for --optimization-level.
        if (dotted && name.rfind("-O", 0) == 0 && name.size() > 2 && std::isdigit(static_cast<unsigned char>(name[2])))
            continue;

        std::string primary;
        const Json *f = profile.flag(name, &primary);
        bool dottedJson = false;
        if (!f && dotted && name.find('.') != std::string::npos) {
            const Json *base = profile.flag(name.substr(0, name.find('.')), &primary);
            if (base && base->value("json", false)) {
                f = base;
                dottedJson = true;
            }
        }
        if (!f) {
            Diagnostic d = finding(Severity::Error, "lint.unknown-flag", name + " is not a " + profile.displayName() + " " + profile.version() + " option", name, index);
            std::string swapped = name;
            if (swapped.size() > 2) // after the leading "--"; a bare "-" has nothing to swap
                std::replace(swapped.begin() + 2, swapped.end(), swapped.find('_') != std::string::npos ? '_' : '-',
                             swapped.find('_') != std::string::npos ? '-' : '_');
            std::vector<std::string> prefixed;
            for (const std::string &n : profile.flagNames()) {
                if (n.rfind(name, 0) == 0 && n.rfind("--", 0) == 0)
                    prefixed.push_back(n);
            }
            if (doc.contains("removed_flags") && doc["removed_flags"].contains(name)) {
                const Json &r = doc["removed_flags"][name];
                d.code = "lint.removed-flag";
                d.message = name + ": " + r.value("note", std::string("removed"));
                d.suggestion = r.value("replacement", std::string());
            } else if (doc.contains("renamed_flags") && doc["renamed_flags"].contains(name)) {
                d.code = "lint.renamed-flag";
                d.suggestion = doc["renamed_flags"][name].get<std::string>();
                d.message += "; " + profile.displayName() + " spells it " + d.suggestion;
            } else if (swapped != name && profile.flag(swapped)) {
                d.code = "lint.dash-style";
                d.message = name + ": " + profile.displayName() + (click ? " options use underscores" : " accepts dashes only");
                d.suggestion = swapped;
            } else if (!prefixed.empty() && name.rfind("--", 0) == 0) {
                if (allowAbbrev && prefixed.size() == 1) {
                    d.severity = Severity::Warning;
                    d.code = "lint.abbreviation";
                    d.message = name + " is accepted only as an abbreviation of " + prefixed[0] + "; spell it in full (a new option can make it ambiguous)";
                    d.suggestion = prefixed[0];
                    f = profile.flag(prefixed[0], &primary);
                } else if (allowAbbrev) {
                    d.code = "lint.ambiguous-abbreviation";
                    d.message = name + " is an ambiguous abbreviation";
                    d.allowed.assign(prefixed.begin(), prefixed.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(prefixed.size(), 8)));
                } else {
                    d.message += " (" + profile.displayName() + " does not accept abbreviations)";
                    d.suggestion = prefixed[0];
                }
            } else {
                d.suggestion = didYouMean(profile, name);
                if (profile.isPartial()) { // a file it did not read may add the flag
                    d.severity = Severity::Warning;
                    d.message += " as far as its partial sources show";
                }
            }
            out.push_back(d);
            if (!f) {
                // Skip a value that obviously belongs to the unknown option.
                if (!inlineValue && i + 1 < argv.size() && (argv[i + 1].empty() || argv[i + 1][0] != '-'))
                    ++i;
                continue;
            }
        }
        if (click && !f->value("portable", true))
            out.push_back(finding(Severity::Warning, "lint.not-portable",
                                  name + " exists only in recent builds; older 1.x releases reject it", name, index));
        if (f->value("errors_when_used", false))
            out.push_back(finding(Severity::Error, "lint.flag-errors", name + " is deprecated and makes the parser exit with an error", name, index));
        else if (f->value("deprecated", false)) {
            Diagnostic d = finding(Severity::Warning, "lint.deprecated-flag", name + " is deprecated", name, index);
            d.suggestion = f->value("replacement", std::string());
            out.push_back(std::move(d));
        }

        if (!f->value("value", false) && !dottedJson) {
            if (inlineValue) {
                out.push_back(finding(Severity::Error, "lint.bool-value", name + " is a switch and takes no value (write " + name + " alone)", t, index));
            } else if (i + 1 < argv.size()) {
                const std::string next = lower(argv[i + 1]);
                if (next == "true" || next == "false" || next == "1" || next == "0" || next == "yes" || next == "no") {
                    out.push_back(finding(Severity::Error, "lint.bool-value", name + " is a switch and takes no value; '" + argv[i + 1] + "' would be an extra argument", argv[i + 1], index + 1));
                    ++i;
                }
            }
            continue;
        }

        // Collect the value(s).
        std::vector<std::string> vals;
        const Json nargs = f->value("nargs", Json());
        if (inlineValue) {
            vals.push_back(*inlineValue);
        } else if (nargs == "+" || nargs == "*" || (click && f->value("multiple", false))) {
            while (i + 1 < argv.size() && (argv[i + 1].empty() || argv[i + 1][0] != '-' || looksNegativeNumber(argv[i + 1])))
                vals.push_back(argv[++i]);
        } else if (nargs == "?") {
            if (i + 1 < argv.size() && (argv[i + 1].empty() || argv[i + 1][0] != '-'))
                vals.push_back(argv[++i]);
        } else if (i + 1 < argv.size() && (argv[i + 1].empty() || argv[i + 1][0] != '-' || looksNegativeNumber(argv[i + 1]))) {
            vals.push_back(argv[++i]);
        }
        if (vals.empty() && nargs != "?" && nargs != "*") {
            out.push_back(finding(Severity::Error, "lint.missing-value", name + " expects a value", name, index));
            continue;
        }
        if (dottedJson)
            continue;
        const std::string type = f->value("type", std::string("str"));
        for (const std::string &v : vals) {
            const auto check = [&](const char *key, bool caseInsensitive) {
                if (!f->contains(key))
                    return;
                const auto choices = strings((*f)[key]);
                const auto match = std::find_if(choices.begin(), choices.end(), [&](const std::string &c) {
                    return caseInsensitive ? lower(c) == lower(v) : c == v;
                });
                if (match == choices.end()) {
                    Diagnostic d = finding(Severity::Error, "lint.bad-choice", "'" + v + "' is not an allowed value of " + name, v, index);
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
                    out.push_back(finding(Severity::Warning, "lint.deprecated-value", "'" + v + "' is deprecated for " + name, v, index));
            }
            if ((type == "int" || type == "int_hr" || type == "int_hr_or_auto") && !parseInt(v, type != "int", type == "int_hr_or_auto"))
                out.push_back(finding(Severity::Error, "lint.bad-int", name + " expects an integer" + std::string(type == "int" ? "" : " (32k, 1M style sizes allowed)") + ", got '" + v + "'", v, index));
            else if (type == "float" && !parseFloat(v))
                out.push_back(finding(Severity::Error, "lint.bad-float", name + " expects a number, got '" + v + "'", v, index));
            else if (f->value("json", false) && type == "json" && !v.empty() && (v[0] == '{' || v[0] == '[')) {
                if (!nlohmann::json::accept(v))
                    out.push_back(finding(Severity::Error, "lint.bad-json", name + " expects JSON, got '" + v + "'", v, index));
            }
        }
    }

    const bool modelPositional = !doc["mapping"].contains("model") || doc["mapping"]["model"].value("positional", false);
    if (modelPositional) {
        if (positionals == 0 && !profile.flag("--model"))
            out.push_back(finding(Severity::Error, "lint.missing-model", "the model argument is missing"));
        else if (positionals == 0 && profile.flag("--model")) {
            const auto values = collectFlagValues(profile, argv);
            if (!valueOf(values, "--model"))
                out.push_back(finding(Severity::Error, "lint.missing-model", "the model argument is missing"));
        }
        if (positionals > 1)
            out.push_back(finding(Severity::Error, "lint.unexpected-argument", "more than one positional argument (only the model is positional)"));
    } else {
        if (positionals > 0)
            out.push_back(finding(Severity::Error, "lint.unexpected-argument", profile.displayName() + " takes no positional arguments; a stray value is usually a value given to a switch"));
        const std::string modelFlag = doc["mapping"]["model"].value("flag", std::string());
        if (!modelFlag.empty() && !valueOf(collectFlagValues(profile, argv), modelFlag))
            out.push_back(finding(Severity::Error, "lint.missing-model", modelFlag + " is required"));
    }

    for (Diagnostic &d : checkConstraints(profile, collectFlagValues(profile, argv))) {
        d.suggestion.clear();
        out.push_back(std::move(d));
    }
    return out;
}

Diagnostics lintCommandLine(const EngineProfile &profile, std::string_view commandLine)
{
    ShellWords words = splitShellWords(commandLine);
    if (!words.diagnostics.empty())
        return words.diagnostics;
    return lintArgv(profile, words.argv, words.env);
}

} // namespace quantcfg
