#include "ui/config/presetlistmodel.h"

#include "ui/shared/statusstyle.h"

#include <utility>

namespace quantcfg::ui {

namespace {

QString text(const Json &doc, const char *key)
{
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

PresetListModel::PresetListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PresetListModel::setEntries(std::vector<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_modifiedRow = -1;
    endResetModel();
}

void PresetListModel::markModifiedFrom(const Json &doc)
{
    int row = doc.is_object() ? rowOf(text(doc, "name")) : -1;
    if (row >= 0 && m_entries[static_cast<std::size_t>(row)].preset.document == doc)
        row = -1;
    if (row == m_modifiedRow)
        return;
    const int old = std::exchange(m_modifiedRow, row);
    for (const int r : {old, row})
        if (r >= 0)
            emit dataChanged(index(r), index(r), {ModifiedRole, Qt::ToolTipRole});
}

int PresetListModel::rowOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (QString::fromStdString(m_entries[i].preset.name) == name)
            return static_cast<int>(i);
    }
    return -1;
}

int PresetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QString PresetListModel::statusSummary(const Entry &e) const
{
    QStringList parts;
    for (const EngineStatus &s : e.statuses)
        parts << tr("%1: %2").arg(QString::fromStdString(s.engineName), planStatusText(s.status));
    return parts.join(QLatin1StringView(", "));
}

QVariant PresetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &e = m_entries[static_cast<std::size_t>(index.row())];
    const Json &doc = e.preset.document;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(e.preset.name);
    case DescriptionRole:
        return text(doc, "description");
    case UseCaseRole:
        return text(doc, "use_case");
    case BuiltInRole:
        return e.preset.builtIn;
    case StatusesRole: {
        QVariantList list;
        for (const EngineStatus &s : e.statuses)
            list << static_cast<int>(s.status);
        return list;
    }
    case ModifiedRole:
        return index.row() == m_modifiedRow;
    case FilterTextRole:
        return QStringList{QString::fromStdString(e.preset.name), text(doc, "description"), text(doc, "use_case")}.join(QLatin1Char('\n'));
    case Qt::ToolTipRole: {
        QString tip = text(doc, "description");
        if (index.row() == m_modifiedRow)
            tip = tr("The open configuration was changed from this preset; saving it asks for a name of its own.") + QLatin1Char('\n') + tip;
        if (!e.preset.builtIn)
            tip += QLatin1Char('\n') + tr("User preset: %1").arg(QString::fromStdString(e.preset.source));
        return tip + QLatin1Char('\n') + statusSummary(e);
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2. %3").arg(QString::fromStdString(e.preset.name), text(doc, "use_case"), statusSummary(e));
    }
    return {};
}

} // namespace quantcfg::ui
