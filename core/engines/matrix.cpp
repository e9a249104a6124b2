#include "core/engines/matrix.h"

#include "core/hardware/gpudatabase.h"
#include "core/methods.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <tuple>

namespace quantcfg {

namespace {

std::vector<MatrixColumn> architectureColumns()
{
    std::vector<MatrixColumn> out;
    for (const ArchitectureInfo &a : architectures())
        out.push_back({a.computeCapability, a.name, a.examples});
    std::sort(out.begin(), out.end(), [](const auto &x, const auto &y) { return x.computeCapability < y.computeCapability; });
    return out;
}

// How far @p candidate is from @p method as a replacement, smaller first (see suggestAlternatives).
std::tuple<int, int, int, int, int> distance(const MethodInfo &method, const MethodInfo &candidate, Support state)
{
    const auto shares = [](const auto &a, const auto &b) {
        return std::any_of(a.begin(), a.end(), [&b](const auto &x) { return std::find(b.begin(), b.end(), x) != b.end(); });
    };
    int nearestBits = 99;
    for (int a : method.weightBits) {
        for (int b : candidate.weightBits)
            nearestBits = std::min(nearestBits, std::abs(a - b));
    }
    return {shares(method.checkpointFormats, candidate.checkpointFormats) ? 0 : 1, state == Support::Supported ? 0 : 1,
            shares(method.weightBits, candidate.weightBits) ? 0 : 1, method.activationBits == candidate.activationBits ? 0 : 1,
            nearestBits};
}

bool runs(Support s)
{
    return s == Support::Supported || s == Support::WeightOnly;
}

std::vector<std::string> methods()
{
    std::vector<std::string> out;
    for (const MethodInfo &m : MethodCatalogue::builtIn().all())
        out.push_back(m.name);
    return out;
}

} // namespace

int supportRank(Support s)
{
    switch (s) {
    case Support::Supported:
        return 5;
    case Support::WeightOnly:
        return 4;
    case Support::Unknown:
        return 3;
    case Support::Unsupported:
        return 2;
    case Support::NotTargeted:
        return 1;
    case Support::NotAvailable:
        return 0;
    }
    return 0;
}

std::string engineMethodValue(const EngineProfile &profile, const std::string &method, std::string *reason)
{
    const Json &methodsMap = profile.mapping()["methods"];
    const Json *e = nullptr;
    if (methodsMap.contains(method))
        e = &methodsMap[method];
    else if (method == "w4a8" && methodsMap.contains("w4a8:fp8"))
        e = &methodsMap["w4a8:fp8"];
    if (!e) {
        if (reason)
            *reason = profile.displayName() + " has no mapping for " + method;
        return {};
    }
    if (e->contains("unsupported")) {
        if (reason)
            *reason = (*e)["unsupported"].get<std::string>();
        return {};
    }
    return methodEntryValue(*e);
}

CompatibilityMatrix buildMatrix(const EngineProfile &profile)
{
    return buildMatrix(profile, architectureColumns());
}

CompatibilityMatrix buildMatrix(const EngineProfile &profile, std::vector<MatrixColumn> columns)
{
    CompatibilityMatrix m;
    m.methods = methods();
    m.columns = std::move(columns);
    m.engines = profile.engine() + "@" + profile.version();
    for (const std::string &method : m.methods) {
        std::vector<MatrixCell> row;
        std::string why;
        const std::string value = engineMethodValue(profile, method, &why);
        for (const MatrixColumn &c : m.columns) {
            MatrixCell cell;
            cell.engine = m.engines;
            cell.engineValue = value;
            if (value.empty()) {
                cell.state = Support::NotAvailable;
                cell.reason = why;
            } else if (value == "none" && !profile.document().contains("lowest_listed_sm")) {
                cell.state = Support::Supported;
                cell.reason = "no quantization: runs wherever the engine runs";
            } else {
                const CapabilityVerdict v = checkCapability(profile, value, c.computeCapability);
                cell.state = v.state;
                cell.minCapability = v.minCapability;
                cell.reason = v.reason;
            }
            row.push_back(std::move(cell));
        }
        m.cells.push_back(std::move(row));
    }
    suggestAlternatives(m);
    return m;
}

CompatibilityMatrix buildSummaryMatrix(const std::vector<const EngineProfile *> &profiles)
{
    CompatibilityMatrix m;
    m.methods = methods();
    m.columns = architectureColumns();
    m.engines = "all engines";
    std::vector<CompatibilityMatrix> each;
    for (const EngineProfile *p : profiles)
        each.push_back(buildMatrix(*p));
    for (std::size_t r = 0; r < m.methods.size(); ++r) {
        std::vector<MatrixCell> row;
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            MatrixCell best;
            best.state = Support::NotAvailable;
            std::string reason;
            for (const CompatibilityMatrix &e : each) {
                const MatrixCell &cell = e.cells[r][c];
                reason += (reason.empty() ? "" : "\n") + cell.engine + ": " + supportName(cell.state)
                          + (cell.minCapability ? " (min " + ccText(cell.minCapability) + ")" : "");
                if (supportRank(cell.state) > supportRank(best.state)) {
                    best.state = cell.state;
                    best.engine = cell.engine;
                    best.minCapability = cell.minCapability;
                    best.engineValue = cell.engineValue;
                }
            }
            best.reason = reason;
            row.push_back(std::move(best));
        }
        m.cells.push_back(std::move(row));
    }
    suggestAlternatives(m);
    return m;
}

void suggestAlternatives(CompatibilityMatrix &matrix)
{
    const MethodCatalogue &catalogue = MethodCatalogue::builtIn();
    for (std::size_t r = 0; r < matrix.methods.size(); ++r) {
        const MethodInfo *method = catalogue.find(matrix.methods[r]);
        for (std::size_t c = 0; c < matrix.cells[r].size(); ++c) {
            MatrixCell &cell = matrix.cells[r][c];
            cell.alternative.clear();
            if (!method || runs(cell.state) || cell.state == Support::Unknown)
                continue;
            std::optional<std::tuple<int, int, int, int, int>> best;
            for (std::size_t o = 0; o < matrix.methods.size(); ++o) {
                const MethodInfo *other = catalogue.find(matrix.methods[o]);
                const Support state = matrix.cells[o][c].state;
                // No quantization (no weight width) is not an alternative quantization.
                if (o == r || !other || other->weightBits.empty() || !runs(state))
                    continue;
                const auto d = distance(*method, *other, state);
                if (!best || d < *best) { // rows are in catalogue order: the first of equals wins
                    best = d;
                    cell.alternative = other->name;
                }
            }
        }
    }
}

MethodReach methodReach(const std::string &method, const ProfileRegistry &registry)
{
    MethodReach reach;
    for (const auto &profile : registry.all()) {
        if (engineMethodValue(*profile, method).empty())
            continue;
        if (profile->isDefault())
            reach.byDefault = true;
        else
            reach.others.push_back(profile.get());
    }
    return reach;
}

Json matrixToJson(const CompatibilityMatrix &matrix)
{
    Json j = Json::object();
    j["engines"] = matrix.engines;
    j["columns"] = Json::array();
    for (const MatrixColumn &c : matrix.columns)
        j["columns"].push_back({{"compute_capability", ccText(c.computeCapability)}, {"architecture", c.architecture}, {"examples", c.examples}});
    j["rows"] = Json::array();
    for (std::size_t r = 0; r < matrix.methods.size(); ++r) {
        Json cells = Json::array();
        for (const MatrixCell &cell : matrix.cells[r]) {
            Json cj = {{"state", supportName(cell.state)}, {"reason", cell.reason}, {"engine", cell.engine}};
            if (cell.minCapability > 0)
                cj["min_capability"] = ccText(cell.minCapability);
            if (!cell.engineValue.empty())
                cj["engine_value"] = cell.engineValue;
            if (!cell.alternative.empty())
                cj["alternative"] = cell.alternative;
            cells.push_back(std::move(cj));
        }
        j["rows"].push_back({{"method", matrix.methods[r]}, {"cells", cells}});
    }
    return j;
}

} // namespace quantcfg
