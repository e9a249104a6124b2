#include "core/engines/lintreport.h"

#include "core/engines/lint.h"

namespace quantcfg {

namespace {

std::string joined(const std::vector<std::string> &words, std::size_t n)
{
    std::string out;
    for (std::size_t k = 0; k < std::min(n, words.size()); ++k)
        out += (out.empty() ? "" : " ") + words[k];
    return out;
}

} // namespace

LintReport lintText(const ProfileRegistry &profiles, std::string_view text, const LintRequest &request)
{
    LintReport report;
    const auto at = request.engineSpec.find('@');
    const bool versionNamed = at != std::string::npos;
    const EngineProfile *named = request.engineSpec.empty() ? nullptr : profiles.findSpec(request.engineSpec);
    if (!request.engineSpec.empty() && !named) {
        report.diagnostics.push_back(makeDiagnostic(Severity::Error, "lint.unknown-engine", "unknown engine or version '" + request.engineSpec + "'"));
        return report;
    }
    report.command = locateEngineCommand(profiles, text, named ? named->engine() : std::string(), versionNamed ? named : nullptr);
    report.diagnostics = report.command.diagnostics;
    if (report.command.engine.empty() || hasErrors(report.command.diagnostics))
        return report;

    const std::string &engine = report.command.engine;
    const std::string &imageVersion = report.command.imageVersion;
    const EngineProfile *fromImage = imageVersion.empty() ? nullptr : closestProfile(profiles, engine, imageVersion);
    if (fromImage && !versionNamed) {
        // The image's entry point is that version's: read the text again with it.
        report.command = locateEngineCommand(profiles, text, engine, fromImage);
        report.diagnostics = report.command.diagnostics;
    }
    if (versionNamed) {
        report.profile = named;
        report.profileReason = "named with --engine";
    } else if (fromImage) {
        report.profile = fromImage;
        report.profileReason = "the closest profile to " + fromImage->displayName() + " " + imageVersion + ", which the image tag " + report.command.image + " names";
    } else {
        report.profile = profiles.find(engine);
        report.profileReason = "the default " + (report.profile ? report.profile->displayName() : engine) + " profile";
    }
    if (!report.profile)
        return report;
    if (!imageVersion.empty()) {
        Diagnostic d = makeDiagnostic(Severity::Info, "lint.image-version",
                                      "the image tag " + report.command.image + " names " + report.profile->displayName() + " " + imageVersion + "; checked against "
                                          + report.profile->engine() + "@" + report.profile->version());
        if (versionNamed && fromImage && fromImage != named)
            d.suggestion = "--engine " + fromImage->engine() + "@" + fromImage->version();
        report.diagnostics.push_back(std::move(d));
    }
    if (const EntryPoint *e = matchEntryPoint(*report.profile, report.command.argv))
        report.entryPoint = joined(e->argv, e->argv.size());
    LintWords words;
    words.argv = report.command.argv;
    words.expanded = report.command.expanded;
    words.env = report.command.env;
    words.baseDir = request.baseDir;
    for (Diagnostic &d : lintWords(*report.profile, words))
        report.diagnostics.push_back(std::move(d));
    return report;
}

std::string checkedBy(const Diagnostic &d, const EngineProfile *profile)
{
    const std::string table = profile ? profile->displayName() + " " + profile->version() + "'s option table (read from its source)" : std::string("the engine's option table");
    const std::string &c = d.code;
    if (c.rfind("lint.unchecked.", 0) == 0) {
        if (c == "lint.unchecked.shell-word" || c == "lint.unchecked.shell-value")
            return "not checked: the shell supplies it at run time";
        if (c == "lint.unchecked.config-file")
            return "not checked: the --config file could not be read";
        if (c == "lint.unchecked.server")
            return "not checked: a server whose options quantcfg does not model";
        if (c == "lint.unchecked.no-engine-command")
            return "not checked: nothing in the text starts an engine entry point (those of every profile were tried)";
        if (c == "lint.unchecked.help")
            return "not checked: the command prints help and exits";
        return "not checked: a value it reads comes from the shell";
    }
    if (c.rfind("lint.constraint.", 0) == 0) {
        if (profile) {
            const Json &doc = profile->document();
            for (const Json &rule : doc.value("constraints", Json::array())) {
                if ("lint.constraint." + rule.value("id", std::string()) == c)
                    return "a cross-option rule of " + profile->displayName() + ", from " + rule.value("source", std::string("its source"));
            }
        }
        return "a cross-option rule of the engine";
    }
    if (c == "lint.shell-syntax" || c == "lint.shell-continuation")
        return "the text as a POSIX shell reads it";
    if (c == "lint.unknown-engine")
        return "the engine profiles";
    if (c == "lint.invocation" || c == "lint.deprecated-entry-point" || c == "lint.subcommand")
        return "the entry points in " + (profile ? profile->displayName() + " " + profile->version() + "'s profile" : std::string("the profile"));
    if (c == "lint.image-version")
        return "the container image's tag";
    if (c == "lint.json-key")
        return "the keys of the JSON option's config class in " + table;
    if (c == "lint.removed-env")
        return "the environment variables in " + table;
    if (c == "lint.config-file")
        return "the --config file";
    if (c == "lint.missing-model" || c == "lint.unexpected-argument")
        return "the positional arguments of the entry point and " + table;
    return table;
}

Json lintReportToJson(const LintReport &report)
{
    Json out = Json::object();
    out["engine"] = report.command.engine.empty() ? Json(nullptr) : Json(report.command.engine);
    out["profile"] = report.profile ? Json(report.profile->engine() + "@" + report.profile->version()) : Json(nullptr);
    out["version"] = report.profile ? Json(report.profile->version()) : Json(nullptr);
    out["profile_reason"] = report.profileReason;
    out["ok"] = !hasErrors(report.diagnostics);
    out["entry_point"] = report.entryPoint.empty() ? Json(nullptr) : Json(report.entryPoint);
    out["wrappers"] = report.command.wrappers;
    out["image"] = report.command.image.empty() ? Json(nullptr) : Json(report.command.image);
    out["image_version"] = report.command.imageVersion.empty() ? Json(nullptr) : Json(report.command.imageVersion);
    out["line"] = report.command.line;
    Json findings = Json::array();
    Json unchecked = Json::array();
    for (const Diagnostic &d : report.diagnostics) {
        Json f = diagnosticToJson(d);
        f["checked"] = checkedBy(d, report.profile);
        if (d.code.rfind("lint.unchecked.", 0) == 0)
            unchecked.push_back({{"what", d.value.empty() ? d.message : d.value}, {"why", d.message}, {"code", d.code}});
        findings.push_back(std::move(f));
    }
    out["diagnostics"] = std::move(findings);
    out["unchecked"] = std::move(unchecked);
    return out;
}

} // namespace quantcfg
