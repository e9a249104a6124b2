#include "core/schema.h"

#include "core/config.h"
#include "core/resources.h"

#include <algorithm>
#include <regex>
#include <cmath>
#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace quantcfg {

struct Schema::Compiled
{
    valijson::Schema schema;
};

namespace {

std::string escapeToken(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// valijson context entries look like "<root>", "[quantization]", "[0]".
std::string contextToPointer(const std::vector<std::string> &context)
{
    std::string pointer;
    for (const std::string &part : context) {
        if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
            std::string key = part.substr(1, part.size() - 2);
            if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
                key = key.substr(1, key.size() - 2);
            pointer += "/" + escapeToken(key);
        }
    }
    return pointer;
}

std::string jsonTypeName(const Json &v)
{
    if (v.is_number_integer())
        return "integer";
    if (v.is_number())
        return "number";
    return v.type_name();
}

bool matchesType(const Json &v, const std::string &type)
{
    if (type == "integer")
        return v.is_number_integer() || (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>());
    if (type == "number")
        return v.is_number();
    if (type == "string")
        return v.is_string();
    if (type == "boolean")
        return v.is_boolean();
    if (type == "object")
        return v.is_object();
    if (type == "array")
        return v.is_array();
    if (type == "null")
        return v.is_null();
    return true;
}

std::string numberText(const Json &n)
{
    return toCompactJson(n);
}

} // namespace

Schema::Schema(const Json &schemaDoc)
    : m_doc(schemaDoc)
    , m_compiled(std::make_unique<Compiled>())
{
    const nlohmann::json plain = schemaDoc;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(plain);
    try {
        parser.populateSchema(adapter, m_compiled->schema);
    } catch (const std::exception &e) {
        throw std::runtime_error(std::string("invalid JSON schema: ") + e.what());
    }
}

Schema::~Schema() = default;

const Schema &Schema::unifiedConfig()
{
    static const Schema schema(Json::parse(resources::find("resources/schema/unified-config.schema.json").value()));
    return schema;
}

const Schema &Schema::engineProfile()
{
    static const Schema schema(Json::parse(resources::find("resources/schema/engine-profile.schema.json").value()));
    return schema;
}

const Json *Schema::resolve(const Json *node) const
{
    // Local references only ("#/definitions/method"); the shipped schema uses nothing else.
    for (int depth = 0; node && node->is_object() && node->contains("$ref") && depth < 8; ++depth) {
        const std::string_view ref = (*node)["$ref"].get_ref<const std::string &>();
        if (ref.empty() || ref[0] != '#')
            return node;
        node = findPointer(m_doc, ref.substr(1));
    }
    return node;
}

const Json *Schema::subschema(std::string_view pointer) const
{
    return resolve(unresolvedSubschema(pointer));
}

const Json *Schema::unresolvedSubschema(std::string_view pointer) const
{
    const Json *node = &m_doc;
    std::size_t pos = 1;
    while (node && !pointer.empty() && pos <= pointer.size()) {
        const auto next = pointer.find('/', pos);
        const std::string key(pointer.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
        node = resolve(node);
        const Json *props = node && node->is_object() && node->contains("properties") ? &(*node)["properties"] : nullptr;
        if (props && props->contains(key))
            node = &(*props)[key];
        else if (node && node->is_object() && node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
            node = &(*node)["additionalProperties"]; // a map's values (engine_versions: engine → version)
        else
            return nullptr;
        if (next == std::string_view::npos)
            break;
        pos = next + 1;
    }
    return node;
}

std::vector<std::string> Schema::allowedValues(std::string_view pointer) const
{
    std::vector<std::string> out;
    const Json *s = subschema(pointer);
    if (!s || !s->contains("enum"))
        return out;
    for (const Json &v : (*s)["enum"])
        out.push_back(v.is_string() ? v.get<std::string>() : toCompactJson(v));
    return out;
}

std::string Schema::description(std::string_view pointer) const
{
    // A description next to a $ref wins over the referenced schema's own.
    const Json *s = unresolvedSubschema(pointer);
    if (s && !(s->contains("description") && (*s)["description"].is_string()))
        s = resolve(s);
    if (s && s->contains("description") && (*s)["description"].is_string())
        return (*s)["description"].get<std::string>();
    return {};
}

Diagnostics Schema::validate(const Json &doc) const
{
    const nlohmann::json plain = doc;
    // One validator per thread, kept: it caches the std::regex of every "pattern" it has met, and
    // compiling those (bracket expressions build a table over the locale) was a third of the cost
    // of validating the twelve built-in profiles at start-up when each call compiled them afresh.
    thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(plain);
    if (validator.validate(m_compiled->schema, target, &results))
        return {};

    // Collect the pointers of all errors, then explain each deepest one ourselves: valijson's
    // descriptions neither name the allowed values nor read well outside a debugger.
    struct Raw
    {
        std::string pointer;
        std::string missing; // for "required" errors
        std::string description;
    };
    std::vector<Raw> raws;
    valijson::ValidationResults::Error err;
    while (results.popError(err)) {
        Raw r{contextToPointer(err.context), {}, err.description};
        const std::string marker = "Missing required property '";
        if (const auto at = err.description.find(marker); at != std::string::npos) {
            const auto start = at + marker.size();
            r.missing = err.description.substr(start, err.description.find('\'', start) - start);
        }
        raws.push_back(std::move(r));
    }

    Diagnostics out;
    const auto isAncestorOfAnother = [&raws](const Raw &r) {
        return std::any_of(raws.begin(), raws.end(), [&r](const Raw &o) {
            const std::string op = o.missing.empty() ? o.pointer : o.pointer + "/" + escapeToken(o.missing);
            return op.size() > r.pointer.size() && op.compare(0, r.pointer.size(), r.pointer) == 0 && op[r.pointer.size()] == '/';
        });
    };
    for (const Raw &r : raws) {
        Diagnostic d;
        d.severity = Severity::Error;
        if (!r.missing.empty()) {
            d.pointer = r.pointer + "/" + escapeToken(r.missing);
            d.code = "schema.required";
            d.message = "required property '" + r.missing + "' is missing";
        } else {
            if (isAncestorOfAnother(r))
                continue;
            d.pointer = r.pointer;
            const Json *value = findPointer(doc, r.pointer);
            const Json *s = subschema(r.pointer);
            if (value)
                d.value = toCompactJson(*value);
            if (!value || !s) {
                d.code = "schema.invalid";
                d.message = r.description;
            } else if (s->contains("type") && !matchesType(*value, (*s)["type"].get<std::string>())) {
                d.code = "schema.type";
                d.message = "expected " + (*s)["type"].get<std::string>() + ", found " + jsonTypeName(*value);
            } else if (s->contains("enum") && std::find((*s)["enum"].begin(), (*s)["enum"].end(), *value) == (*s)["enum"].end()) {
                d.code = "schema.enum";
                d.allowed = allowedValues(r.pointer);
                d.message = d.value + " is not an allowed value";
            } else if (value->is_number() && s->contains("minimum") && *value < (*s)["minimum"]) {
                d.code = "schema.range";
                d.message = "must be at least " + numberText((*s)["minimum"]);
            } else if (value->is_number() && s->contains("exclusiveMinimum") && *value <= (*s)["exclusiveMinimum"]) {
                d.code = "schema.range";
                d.message = "must be greater than " + numberText((*s)["exclusiveMinimum"]);
            } else if (value->is_number() && s->contains("maximum") && *value > (*s)["maximum"]) {
                d.code = "schema.range";
                d.message = "must be at most " + numberText((*s)["maximum"]);
            } else if (value->is_string() && s->contains("minLength") && value->get<std::string>().size() < (*s)["minLength"].get<std::size_t>()) {
                d.code = "schema.length";
                d.message = "must not be empty";
            } else if (value->is_string() && s->contains("maxLength") && value->get<std::string>().size() > (*s)["maxLength"].get<std::size_t>()) {
                d.code = "schema.length";
                d.message = "must be at most " + numberText((*s)["maxLength"]) + " characters";
            } else if (value->is_string() && s->contains("pattern")
                       && !std::regex_search(value->get<std::string>(), std::regex((*s)["pattern"].get<std::string>()))) {
                d.code = "schema.pattern";
                d.message = "is not of the allowed form " + (*s)["pattern"].get<std::string>() + " (" + s->value("description", std::string()) + ")";
            } else {
                d.code = "schema.invalid";
                d.message = r.description;
            }
        }
        const bool duplicate = std::any_of(out.begin(), out.end(), [&d](const Diagnostic &o) {
            return o.pointer == d.pointer && o.code == d.code;
        });
        if (!duplicate)
            out.push_back(std::move(d));
    }
    return out;
}

Diagnostics Schema::unknownKeys(const Json &doc) const
{
    Diagnostics out;
    // Walk objects that the schema describes with "properties"; report keys it does not list.
    const auto walk = [&](const auto &self, const Json &node, const Json *schema, const std::string &pointer) -> void {
        schema = resolve(schema);
        if (!node.is_object() || !schema || !schema->contains("properties"))
            return;
        const Json &props = (*schema)["properties"];
        for (auto it = node.begin(); it != node.end(); ++it) {
            const auto known = props.find(it.key());
            if (known == props.end()) {
                Diagnostic d;
                d.severity = Severity::Warning;
                d.code = "schema.unknown-key";
                d.pointer = pointer + "/" + escapeToken(it.key());
                d.message = "unknown key '" + it.key() + "' (kept when saving, ignored by quantcfg)";
                for (auto p = props.begin(); p != props.end(); ++p)
                    d.allowed.push_back(p.key());
                out.push_back(std::move(d));
            } else if (it.value().is_object()) { // only objects can hold unknown keys
                self(self, it.value(), &*known, pointer + "/" + escapeToken(it.key()));
            }
        }
    };
    walk(walk, doc, &m_doc, "");
    return out;
}

} // namespace quantcfg
