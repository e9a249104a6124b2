#include "ui/benchmarks/runsproxy.h"

#include "ui/benchmarks/resulttablemodel.h"

#include <cmath>

namespace quantcfg::ui {

RunsProxy::RunsProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultTableModel::ValueRole);
}

void RunsProxy::setSourceModel(QAbstractItemModel *model)
{
    if (m_runs)
        disconnect(m_runs, nullptr, this, nullptr);
    m_runs = qobject_cast<const ResultTableModel *>(model);
    forget();
    if (m_runs)
        connect(m_runs, &QAbstractItemModel::modelAboutToBeReset, this, &RunsProxy::forget); // label sets are renumbered
    QSortFilterProxyModel::setSourceModel(model);
}

void RunsProxy::forget()
{
    m_labelSetMatches.clear();
    m_sourceMatches.clear();
}

void RunsProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    forget();
    invalidateFilter();
}

void RunsProxy::setGroupByModel(bool group)
{
    if (group == m_group)
        return;
    m_group = group;
    if (m_group && sortColumn() < 0)
        sort(ResultTableModel::ModelColumn); // nothing sorted yet: the groups in the table's order
    else
        invalidate();
}

bool RunsProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || !m_runs || !m_runs->table() || sourceParent.isValid())
        return true;
    const bench::Run &run = m_runs->table()->run(static_cast<std::uint32_t>(sourceRow));
    auto labels = m_labelSetMatches.find(run.labelSet);
    if (labels == m_labelSetMatches.end()) {
        bool match = false;
        for (int c = 0; c < ResultTableModel::ColumnCount && !match; ++c) {
            if (ResultTableModel::isText(c) && c != ResultTableModel::SourceColumn)
                match = m_runs->labelSetText(run.labelSet, c).contains(m_text, Qt::CaseInsensitive);
        }
        // "ok" is what the status column shows for a run that did not fail.
        if (!match && !m_runs->labelSetText(run.labelSet, ResultTableModel::StatusColumn).startsWith(QLatin1String("failed")))
            match = QStringLiteral("ok").contains(m_text, Qt::CaseInsensitive);
        labels = m_labelSetMatches.insert(run.labelSet, match);
    }
    if (*labels)
        return true;
    auto file = m_sourceMatches.find(run.source);
    if (file == m_sourceMatches.end())
        file = m_sourceMatches.insert(run.source, m_runs->sourceFile(sourceRow).contains(m_text, Qt::CaseInsensitive));
    return *file;
}

bool RunsProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_group && m_runs && m_runs->table()) {
        const auto modelOf = [this](const QModelIndex &index) {
            return m_runs->labelSetText(m_runs->table()->run(static_cast<std::uint32_t>(index.row())).labelSet, ResultTableModel::ModelColumn);
        };
        const int order = modelOf(left).compare(modelOf(right), Qt::CaseInsensitive);
        // A descending sort asks lessThan(right, left): keep the models ascending either way.
        if (order != 0)
            return sortOrder() == Qt::AscendingOrder ? order < 0 : order > 0;
        if (sortColumn() == ResultTableModel::ModelColumn)
            return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    }
    if (ResultTableModel::isNumeric(left.column()) && m_runs) {
        // A missing number sorts last whichever the order (QVariant leaves NaN unordered, which
        // scattered the runs without a value among the others).
        const double a = m_runs->value(left.row(), left.column()), b = m_runs->value(right.row(), right.column());
        const bool descending = sortOrder() == Qt::DescendingOrder;
        if (std::isnan(a) || std::isnan(b)) {
            if (std::isnan(a) && std::isnan(b))
                return descending ? left.row() > right.row() : left.row() < right.row();
            return std::isnan(a) ? descending : !descending;
        }
        return a < b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace quantcfg::ui
