#include "ui/config/methodlistmodel.h"

#include "core/engines/matrix.h"
#include "core/engines/profile.h"
#include "core/hardware/gpudatabase.h"
#include "core/jsonio.h"
#include "core/methods.h"
#include "ui/shared/statusstyle.h"
#include "ui/state/configanalysis.h"

#include <algorithm>

namespace quantcfg::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// "sm_80–sm_87, sm_100": the columns where a row has @p state, consecutive columns joined.
QString columnRuns(const CompatibilityMatrix &matrix, const std::vector<MatrixCell> &cells, Support state)
{
    QStringList runs;
    std::size_t c = 0;
    while (c < cells.size()) {
        if (cells[c].state != state) {
            ++c;
            continue;
        }
        const std::size_t first = c;
        while (c + 1 < cells.size() && cells[c + 1].state == state)
            ++c;
        const QString from = QStringLiteral("sm_%1").arg(matrix.columns[first].computeCapability);
        runs << (c == first ? from : QStringLiteral("%1–sm_%2").arg(from).arg(matrix.columns[c].computeCapability));
        ++c;
    }
    return runs.join(QLatin1StringView(", "));
}

} // namespace

MethodListModel::MethodListModel(std::vector<std::string> methods, QString unsetText, ConfigAnalysis *analysis, QObject *parent)
    : QAbstractListModel(parent)
    , m_analysis(analysis)
    , m_unsetText(std::move(unsetText))
{
    const MethodCatalogue &catalogue = MethodCatalogue::builtIn();
    for (std::string &method : methods) {
        Row row;
        if (const MethodInfo *info = catalogue.find(method))
            row.description = q(info->description);
        row.method = std::move(method);
        m_rows.push_back(std::move(row));
    }
    compute();
    connect(m_analysis, &ConfigAnalysis::updated, this, &MethodListModel::refresh);
}

QString MethodListModel::supportWord(Support state)
{
    switch (state) {
    case Support::Supported:
        return tr("supported");
    case Support::WeightOnly:
        return tr("falls back (weight-only)");
    case Support::Unsupported:
        return tr("not supported");
    case Support::NotTargeted:
        return tr("not supported (GPU not targeted)");
    case Support::NotAvailable:
        return tr("not supported (no such method)");
    case Support::Unknown:
        break;
    }
    return tr("unknown");
}

std::string MethodListModel::inputs() const
{
    const std::optional<GpuTarget> gpu = m_analysis->mapOptions().gpu;
    std::string key = gpu ? gpu->name + "@" + std::to_string(gpu->computeCapability) : std::string();
    for (const std::string &engine : m_analysis->engines())
        key += "|" + engine + "@" + m_analysis->engineVersion(engine);
    return key;
}

void MethodListModel::refresh()
{
    if (inputs() == m_inputs)
        return; // most recomputes are edits of the document: nothing the marks depend on changed
    compute();
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

void MethodListModel::compute()
{
    const ProfileRegistry &registry = ProfileRegistry::builtIn();
    m_inputs = inputs();
    m_target = m_analysis->mapOptions().gpu;
    if (m_target && m_target->computeCapability <= 0)
        m_target.reset();
    m_profiles.clear();
    m_engineNames.clear();
    for (const std::string &engine : m_analysis->engines()) {
        if (const EngineProfile *profile = registry.find(engine, m_analysis->engineVersion(engine))) {
            m_profiles.push_back(profile);
            m_engineNames << q(profile->displayName());
        }
    }
    if (m_target) {
        const QString name = q(m_target->name);
        const QString sm = QStringLiteral("sm_%1").arg(m_target->computeCapability);
        m_targetText = name == sm ? sm : QStringLiteral("%1 (%2)").arg(name, sm);
    } else {
        m_targetText.clear();
    }
    // Which methods a version in use has is cheap and shown in the closed box (the mark); the
    // states are worked out when the list or a tooltip first asks (computeSupport()).
    for (Row &row : m_rows) {
        row.usable = std::any_of(m_profiles.begin(), m_profiles.end(), [&](const EngineProfile *p) { return !engineMethodValue(*p, row.method).empty(); });
        row.otherVersions.clear();
        if (row.usable)
            continue;
        for (const auto &profile : registry.all()) {
            if (std::find(m_profiles.begin(), m_profiles.end(), profile.get()) == m_profiles.end() && !engineMethodValue(*profile, row.method).empty())
                row.otherVersions << q(profile->displayName() + " " + profile->version());
        }
    }
    m_supportStale = true;
}

void MethodListModel::computeSupport() const
{
    if (!m_supportStale)
        return;
    m_supportStale = false;
    const int cc = m_target ? m_target->computeCapability : 0;
    std::vector<CompatibilityMatrix> matrices;
    for (const EngineProfile *profile : m_profiles) {
        if (cc > 0) {
            const std::optional<ArchitectureInfo> arch = architectureFor(cc);
            matrices.push_back(buildMatrix(*profile, {MatrixColumn{cc, arch ? arch->name : std::string(), {m_target->name}}}));
        } else {
            matrices.push_back(buildMatrix(*profile));
        }
    }
    for (Row &row : m_rows) {
        row.engines.clear();
        for (std::size_t e = 0; e < matrices.size(); ++e) {
            const CompatibilityMatrix &matrix = matrices[e];
            const auto r = std::find(matrix.methods.begin(), matrix.methods.end(), row.method);
            EngineSupport support;
            const QString who = q(m_profiles[e]->displayName() + " " + m_profiles[e]->version());
            if (r == matrix.methods.end()) {
                support.reason = tr("%1: %2 is not in the method catalogue").arg(who, q(row.method));
            } else if (cc > 0) {
                const MatrixCell &cell = matrix.cells[static_cast<std::size_t>(r - matrix.methods.begin())].front();
                support.state = cell.state;
                support.reason = tr("%1: %2 — %3").arg(who, supportWord(cell.state), q(cell.reason));
                if (!cell.alternative.empty())
                    support.reason += tr("; instead: %1").arg(q(cell.alternative));
            } else {
                // No target GPU: the best this engine version gets on any architecture, and where.
                const auto &cells = matrix.cells[static_cast<std::size_t>(r - matrix.methods.begin())];
                const auto best = std::max_element(cells.begin(), cells.end(), [](const MatrixCell &a, const MatrixCell &b) {
                    return supportRank(a.state) < supportRank(b.state);
                });
                support.state = best->state;
                if (best->state == Support::NotAvailable) {
                    support.reason = tr("%1: %2 — %3").arg(who, supportWord(best->state), q(best->reason));
                } else {
                    QStringList where;
                    for (Support s : {Support::Supported, Support::WeightOnly, Support::Unknown, Support::Unsupported, Support::NotTargeted}) {
                        if (const QString runs = columnRuns(matrix, cells, s); !runs.isEmpty())
                            where << tr("%1 on %2").arg(supportWord(s), runs);
                    }
                    support.reason = tr("%1 (no target GPU chosen): %2").arg(who, where.join(QLatin1StringView("; ")));
                }
            }
            row.engines.push_back(std::move(support));
        }
    }
}

QString MethodListModel::toolTip(const Row &row) const
{
    QStringList lines{row.description};
    lines << (m_targetText.isEmpty() ? tr("No target GPU chosen; on any GPU:") : tr("On %1:").arg(m_targetText));
    for (const EngineSupport &e : row.engines)
        lines << e.reason;
    if (!row.usable) {
        lines << (row.otherVersions.isEmpty()
                      ? tr("No engine version quantcfg knows runs %1.").arg(q(row.method))
                      : tr("No engine version in use runs %1; %2 does (choose the version in the engine's pane).")
                            .arg(q(row.method), row.otherVersions.join(QLatin1StringView(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

QString MethodListModel::accessibleText(const Row &row) const
{
    QStringList marks;
    for (std::size_t e = 0; e < row.engines.size(); ++e)
        marks << QStringLiteral("%1: %2").arg(m_engineNames.value(static_cast<int>(e)), supportWord(row.engines[e].state));
    return tr("%1 — %2. %3").arg(q(row.method), row.description, marks.join(QLatin1StringView("; ")));
}

int MethodListModel::setStrayValue(const std::optional<QString> &value)
{
    const int methodsEnd = 1 + static_cast<int>(m_rows.size());
    int found = value ? -1 : 0;
    for (int r = 1; value && found < 0 && r < methodsEnd; ++r) {
        if (q(Json(m_rows[static_cast<std::size_t>(r - 1)].method).dump()) == *value)
            found = r;
    }
    const std::optional<QString> stray = found < 0 ? value : std::nullopt;
    if (stray != m_stray) {
        if (m_stray) {
            beginRemoveRows({}, methodsEnd, methodsEnd);
            m_stray.reset();
            endRemoveRows();
        }
        if (stray) {
            beginInsertRows({}, methodsEnd, methodsEnd);
            m_stray = stray;
            endInsertRows();
        }
    }
    return found < 0 ? methodsEnd : found;
}

int MethodListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(m_rows.size()) + (m_stray ? 1 : 0);
}

QVariant MethodListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    if (r == 0) { // not set
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Qt::AccessibleTextRole:
            return m_unsetText;
        case ValueRole:
        case MethodRole:
            return QString();
        case DescriptionRole:
            return m_targetText.isEmpty() ? tr("No target GPU chosen: the marks say what each engine runs on any GPU")
                                          : tr("The marks say what each engine runs on %1").arg(m_targetText);
        default:
            return {};
        }
    }
    if (r > static_cast<int>(m_rows.size())) { // the stray value
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Qt::AccessibleTextRole:
        {
            const Json value = Json::parse(m_stray->toStdString());
            return tr("%1 (not allowed)").arg(q(value.is_string() ? value.get<std::string>() : toCompactJson(value)));
        }
        case ValueRole:
            return *m_stray;
        case DescriptionRole:
            return tr("Not a method quantcfg knows");
        default:
            return {};
        }
    }
    const Row &row = m_rows[static_cast<std::size_t>(r - 1)];
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole || role == SupportRole || role == SupportTextRole || role == SupportReasonRole)
        computeSupport();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case MethodRole:
        return q(row.method);
    case ValueRole:
        return q(Json(row.method).dump());
    case Qt::ToolTipRole:
        return toolTip(row);
    case Qt::AccessibleTextRole:
        return accessibleText(row);
    case Qt::DecorationRole:
        return row.usable ? QVariant() : QVariant(supportIcon(Support::NotAvailable));
    case DescriptionRole:
        return row.description;
    case SupportRole: {
        QVariantList states;
        for (const EngineSupport &e : row.engines)
            states << static_cast<int>(e.state);
        return states;
    }
    case SupportTextRole: {
        QStringList texts;
        for (std::size_t e = 0; e < row.engines.size(); ++e)
            texts << QStringLiteral("%1: %2").arg(m_engineNames.value(static_cast<int>(e)), supportWord(row.engines[e].state));
        return texts;
    }
    case SupportReasonRole: {
        QStringList reasons;
        for (const EngineSupport &e : row.engines)
            reasons << e.reason;
        return reasons;
    }
    case UsableRole:
        return row.usable;
    default:
        return {};
    }
}

} // namespace quantcfg::ui
