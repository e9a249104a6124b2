#include "core/engines/capability.h"

#include "core/hardware/gpudatabase.h"

#include <algorithm>

namespace quantcfg {

namespace {

// The SM a support list names for @p cc: engines that list one SM per family (TensorRT-LLM: 86 is
// listed as 80, 103 as 100) say so in mapping.supported_sm_listed_as.
int listedAs(const Json &doc, int cc)
{
    const Json &mapping = doc["mapping"];
    const auto table = mapping.find("supported_sm_listed_as");
    if (table == mapping.end())
        return cc;
    const auto entry = table->find(std::to_string(cc));
    return entry != table->end() && entry->is_number_integer() ? entry->get<int>() : cc;
}

// A min_capability entry: a number, or {"value", "except_when": CONDITION, "then"} where the
// profile's mapping.capability_conditions says for which engine values CONDITION holds (SGLang's
// mxfp8 needs SM100: the "use_mxfp8" exception of its FP8 class is the whole of that method).
int minFrom(const Json &doc, const Json &v, const std::string &engineValue)
{
    if (v.is_number_integer())
        return v.get<int>();
    if (!v.is_object() || !v.contains("value"))
        return -1;
    if (v.contains("except_when") && v.contains("then")) {
        const Json &mapping = doc["mapping"];
        const auto conditions = mapping.find("capability_conditions");
        if (conditions != mapping.end()) {
            const auto holds = conditions->find(v["except_when"].get<std::string>());
            if (holds != conditions->end() && std::find(holds->begin(), holds->end(), engineValue) != holds->end())
                return v["then"].get<int>();
        }
    }
    return v["value"].get<int>();
}

bool namesValue(const Json &note, const std::string &engineValue)
{
    const Json &methods = note["methods"];
    return std::find(methods.begin(), methods.end(), engineValue) != methods.end();
}

// The profile's capability notes: weight-only ranges ("below") and borrowed minimums ("capability_as").
const Json &capabilityNotes(const Json &doc)
{
    static const Json none = Json::array();
    const Json &mapping = doc["mapping"];
    const auto notes = mapping.find("capability_notes");
    return notes == mapping.end() ? none : *notes;
}

// The profile's note of kind @p state ("weight_only": "below SM89 FP8 runs as W8A16";
// "other_kernel": "below SM75 gptq_marlin loads with the Exllama kernel") for @p engineValue on @p cc.
const Json *belowNote(const Json &doc, const std::string &engineValue, int cc, const std::string &state)
{
    for (const Json &note : capabilityNotes(doc)) {
        if (note.contains("below") && note.value("state", std::string("weight_only")) == state && namesValue(note, engineValue)
            && cc < note["below"].get<int>())
            return &note;
    }
    return nullptr;
}

// TensorRT-LLM style: minimum SM and support list keyed by checkpoint format. False when @p v is
// final; true when the format runs from v.minCapability (v.reason says so).
bool checkByCheckpointFormat(const EngineProfile &profile, const std::string &engineValue, int cc, CapabilityVerdict &v)
{
    const Json &doc = profile.document();
    const Json &mapping = doc["mapping"];
    const Json &keys = mapping["checkpoint_min_sm_key"];
    if (const auto any = mapping.find("checkpoint_any_sm"); any != mapping.end() && any->contains(engineValue)) {
        v.state = Support::Supported;
        v.reason = (*any)[engineValue].get<std::string>();
        return false;
    }
    if (!keys.contains(engineValue)) {
        v.state = Support::Unknown;
        v.reason = "no capability data for " + engineValue;
        return false;
    }
    const std::string key = keys[engineValue].get<std::string>();
    v.minCapability = doc["min_sm"].value(key, 0);
    if (cc < v.minCapability) {
        v.state = Support::Unsupported;
        v.reason = engineValue + " checkpoints need SM" + std::to_string(v.minCapability) + " or newer in " + profile.displayName();
        return false;
    }
    // The support list of the key, or the format's own list at and above the format's own minimum
    // (MXFP4 runs as W4A16_MXFP4 from SM90, natively only on the SMs listed for MXFP4).
    std::string listKey = key;
    if (engineValue != key && doc["min_sm"].contains(engineValue) && cc >= doc["min_sm"][engineValue].get<int>())
        listKey = engineValue;
    if (doc.contains("supported_sm") && doc["supported_sm"].contains(listKey)) {
        const auto list = doc["supported_sm"][listKey].get<std::vector<int>>();
        if (std::find(list.begin(), list.end(), listedAs(doc, cc)) == list.end()) {
            v.state = Support::Unsupported;
            std::string listed;
            for (int sm : list)
                listed += (listed.empty() ? "SM" : ", SM") + std::to_string(sm);
            v.reason = profile.displayName() + "'s support matrix lists " + engineValue + " only for " + listed;
            return false;
        }
    }
    v.reason = engineValue + " is supported from SM" + std::to_string(v.minCapability);
    return true;
}

// vLLM/SGLang style: minimum compute capability keyed by --quantization value. False when @p v is
// final; true when the value runs from v.minCapability (v.reason says so).
bool checkByMinCapability(const EngineProfile &profile, const std::string &engineValue, int cc, CapabilityVerdict &v)
{
    const Json &table = profile.document()["min_capability"];
    const std::string who = profile.displayName() + " " + profile.version();
    // A value without its own entry may borrow another's (SGLang rewrites marlin to gptq_marlin).
    for (const Json &note : capabilityNotes(profile.document())) {
        if (note.contains("capability_as") && namesValue(note, engineValue)
            && table.contains(note["capability_as"].get<std::string>()) && !table.contains(engineValue)) {
            v = checkCapability(profile, note["capability_as"].get<std::string>(), cc);
            v.engineValue = engineValue;
            v.reason += " (" + note["message"].get<std::string>() + ")";
            return false;
        }
    }
    if (!table.contains(engineValue)) {
        v.state = Support::Unknown;
        v.reason = "no minimum compute capability recorded for " + engineValue + " in " + who;
        return false;
    }
    v.minCapability = minFrom(profile.document(), table[engineValue], engineValue);
    if (v.minCapability <= 0) {
        v.state = Support::NotTargeted;
        v.reason = engineValue + " is for non-NVIDIA platforms in " + who;
        return false;
    }
    if (cc < v.minCapability) {
        v.state = Support::Unsupported;
        v.reason = who + " requires compute capability " + ccText(v.minCapability) + " for " + engineValue + "; this GPU has " + ccText(cc);
        return false;
    }
    v.reason = engineValue + " runs from compute capability " + ccText(v.minCapability) + " in " + who;
    return true;
}

} // namespace

const char *supportName(Support s)
{
    switch (s) {
    case Support::Supported:
        return "supported";
    case Support::WeightOnly:
        return "weight-only";
    case Support::Unsupported:
        return "unsupported";
    case Support::NotTargeted:
        return "not-targeted";
    case Support::NotAvailable:
        return "not-available";
    case Support::Unknown:
        return "unknown";
    }
    return "unknown";
}

DtypeVerdict checkDtype(const EngineProfile &profile, const std::string &dtype, int cc)
{
    DtypeVerdict v;
    const Json &doc = profile.document();
    const auto rules = doc.find("dtype_min_capability");
    if (rules == doc.end())
        return v;
    const auto rule = rules->find(dtype);
    if (rule == rules->end() || cc >= rule->value("min", 0))
        return v;
    v.minCapability = rule->value("min", 0);
    v.message = rule->value("message", std::string());
    v.source = rule->value("source", std::string());
    const std::string behaviour = rule->value("behaviour", std::string());
    v.behaviour = behaviour == "error"                   ? DtypeBehaviour::Refused
                  : behaviour == "falls back to float16" ? DtypeBehaviour::FallsBackToFloat16
                                                         : DtypeBehaviour::NotListed;
    return v;
}

std::string ccText(int cc)
{
    return std::to_string(cc / 10) + "." + std::to_string(cc % 10);
}

CapabilityVerdict checkCapability(const EngineProfile &profile, const std::string &engineValue, int cc)
{
    CapabilityVerdict v;
    v.engineValue = engineValue;
    const Json &doc = profile.document();
    if (doc.contains("lowest_listed_sm") && cc < doc["lowest_listed_sm"].get<int>()) {
        v.state = Support::NotTargeted;
        v.minCapability = doc["lowest_listed_sm"].get<int>();
        const auto lowest = architectureFor(v.minCapability);
        const std::string sm = "SM" + std::to_string(v.minCapability);
        v.reason = profile.displayName() + " supports " + (lowest ? lowest->name + " (" + sm + ")" : sm) + " and newer; SM" + std::to_string(cc)
                   + " is not a target (community support at most)";
        return v;
    }

    const bool runs = doc.contains("min_sm") ? checkByCheckpointFormat(profile, engineValue, cc, v)
                                             : checkByMinCapability(profile, engineValue, cc, v);
    if (!runs)
        return v;
    // Above the minimum: the profile's notes say where a method only runs weight-only.
    if (const Json *note = belowNote(doc, engineValue, cc, "weight_only")) {
        v.state = Support::WeightOnly;
        v.reason = (*note)["message"].get<std::string>();
        return v;
    }
    v.state = Support::Supported;
    if (const Json *note = belowNote(doc, engineValue, cc, "other_kernel"))
        v.reason = v.caveat = (*note)["message"].get<std::string>();
    return v;
}

} // namespace quantcfg
