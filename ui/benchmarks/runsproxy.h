#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

#include <cstdint>

namespace quantcfg::ui {

class ResultTableModel;

/// The runs table's sort and filter over a ResultTableModel. The filter text matches a run's
/// identity: its labels (import, model, engine, preset, version, quantization, GPU, TP), its status
/// and its file name, case-insensitively; it is decided once per label set and file, so a million
/// runs filter in a pass. With grouping by model on, runs of one model stay together (models in
/// alphabetical order, whichever way the chosen column sorts), sorted by that column within. A run
/// without a number in the sorting column comes last, in either order.
class RunsProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RunsProxy(QObject *parent = nullptr);

    /// The source must be a ResultTableModel.
    void setSourceModel(QAbstractItemModel *model) override;
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setGroupByModel(bool group);
    bool groupByModel() const { return m_group; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void forget();

    const ResultTableModel *m_runs = nullptr;
    QString m_text;
    bool m_group = false;
    mutable QHash<std::uint32_t, bool> m_labelSetMatches; // label set → matches the text
    mutable QHash<std::uint32_t, bool> m_sourceMatches;   // file (StrId) → its name matches the text
};

} // namespace quantcfg::ui
