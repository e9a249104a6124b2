#include "core/engines/capability.h"

#include <algorithm>

namespace quantcfg {

namespace {

// TensorRT-LLM lists one SM per family in its support tables: 86/87 are Ampere like 80, 103 is
// Blackwell like 100, 121 like 120.
int listedFamily(int cc)
{
    if (cc >= 80 && cc < 89)
        return 80;
    if (cc >= 100 && cc < 110)
        return 100;
    if (cc >= 120 && cc < 130)
        return 120;
    return cc;
}

int minFrom(const Json &v)
{
    if (v.is_number_integer())
        return v.get<int>();
    if (v.is_object() && v.contains("value"))
        return v["value"].get<int>();
    return -1;
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

std::string ccText(int cc)
{
    return std::to_string(cc / 10) + "." + std::to_string(cc % 10);
}

CapabilityVerdict checkCapability(const EngineProfile &profile, const std::string &engineValue, int cc)
{
    CapabilityVerdict v;
    v.engineValue = engineValue;
    const Json &doc = profile.document();
    const std::string who = profile.displayName() + " " + profile.version();

    if (doc.contains("lowest_listed_sm") && cc < doc["lowest_listed_sm"].get<int>()) {
        v.state = Support::NotTargeted;
        v.minCapability = doc["lowest_listed_sm"].get<int>();
        v.reason = profile.displayName() + " supports Ampere (SM80) and newer; SM" + std::to_string(cc) + " is not a target (community support at most)";
        return v;
    }

    if (doc.contains("min_sm")) { // TensorRT-LLM: keyed by checkpoint format
        const Json &keys = doc["mapping"]["checkpoint_min_sm_key"];
        if (engineValue == "NO_QUANT" || engineValue == "MODELOPT" || engineValue == "COMPRESSED_TENSORS") {
            v.state = Support::Supported;
            v.reason = engineValue == "NO_QUANT" ? "unquantized checkpoints run on every supported GPU"
                                                 : "depends on the format stored in the checkpoint";
            return v;
        }
        if (!keys.contains(engineValue)) {
            v.state = Support::Unknown;
            v.reason = "no capability data for " + engineValue;
            return v;
        }
        const std::string key = keys[engineValue].get<std::string>();
        v.minCapability = doc["min_sm"].value(key, 0);
        if (engineValue == "MXFP4") { // MXFP4 runs as W4A16_MXFP4 below SM100, from SM90
            if (cc >= 100) {
                v.state = Support::Supported;
                v.minCapability = 90;
                v.reason = "MXFP4 with FP4 compute on Blackwell";
            } else if (cc >= 90) {
                v.state = Support::WeightOnly;
                v.minCapability = 90;
                v.reason = "below SM100 TensorRT-LLM runs MXFP4 checkpoints as W4A16_MXFP4 (weight-only)";
            } else {
                v.state = Support::Unsupported;
                v.minCapability = 90;
                v.reason = "MXFP4 needs SM90 or newer in TensorRT-LLM";
            }
            return v;
        }
        if (cc < v.minCapability) {
            v.state = Support::Unsupported;
            v.reason = engineValue + " checkpoints need SM" + std::to_string(v.minCapability) + " or newer in TensorRT-LLM";
            return v;
        }
        if (doc.contains("supported_sm") && doc["supported_sm"].contains(key)) {
            const auto list = doc["supported_sm"][key].get<std::vector<int>>();
            if (std::find(list.begin(), list.end(), listedFamily(cc)) == list.end()) {
                v.state = Support::Unsupported;
                std::string listed;
                for (int sm : list)
                    listed += (listed.empty() ? "SM" : ", SM") + std::to_string(sm);
                v.reason = "TensorRT-LLM's support matrix lists " + engineValue + " only for " + listed;
                return v;
            }
        }
        v.state = Support::Supported;
        v.reason = engineValue + " is supported from SM" + std::to_string(v.minCapability);
        return v;
    }

    const Json &table = doc.value("min_capability", Json::object());
    if (!table.contains(engineValue)) {
        v.state = Support::Unknown;
        v.reason = "no minimum compute capability recorded for " + engineValue + " in " + who;
        return v;
    }
    v.minCapability = minFrom(table[engineValue]);
    if (v.minCapability <= 0) {
        v.state = Support::NotTargeted;
        v.reason = engineValue + " is for non-NVIDIA platforms in " + who;
        return v;
    }
    if (cc < v.minCapability) {
        v.state = Support::Unsupported;
        v.reason = who + " requires compute capability " + ccText(v.minCapability) + " for " + engineValue + "; this GPU has " + ccText(cc);
        return v;
    }
    for (const Json &note : doc["mapping"].value("capability_notes", Json::array())) {
        const auto methods = note["methods"].get<std::vector<std::string>>();
        if (std::find(methods.begin(), methods.end(), engineValue) != methods.end() && cc < note["below"].get<int>()) {
            v.state = Support::WeightOnly;
            v.reason = note["message"].get<std::string>();
            return v;
        }
    }
    v.state = Support::Supported;
    v.reason = engineValue + " runs from compute capability " + ccText(v.minCapability) + " in " + who;
    return v;
}

} // namespace quantcfg
