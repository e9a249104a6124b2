#pragma once

#include "core/engines/launchplan.h"
#include "core/presets.h"

#include <QAbstractListModel>

#include <string>
#include <vector>

namespace quantcfg::ui {

/// The preset library as a list: name, description, use case and each engine's plan status.
class PresetListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1, ///< QString
        DescriptionRole,             ///< QString
        UseCaseRole,                 ///< QString
        BuiltInRole,                 ///< bool
        StatusesRole,                ///< QVariantList of int (quantcfg::PlanStatus), one per engine
        FilterTextRole,              ///< QString: name, description and use case (for filtering)
        ModifiedRole,                ///< bool: the open configuration came from this preset and has changed since
    };

    struct EngineStatus
    {
        std::string engineName; ///< "vLLM"
        PlanStatus status = PlanStatus::Full;
    };
    struct Entry
    {
        Preset preset;
        std::vector<EngineStatus> statuses; ///< in engine display order
    };

    explicit PresetListModel(QObject *parent = nullptr);

    /// Replaces the contents (the one entry point).
    void setEntries(std::vector<Entry> entries);
    const Entry &entry(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }
    /// Row of the preset named @p name, or -1.
    int rowOf(const QString &name) const;
    /// Marks the preset @p doc came from (the preset named by its "name") as modified when @p doc
    /// differs from it; no row is marked when it does not differ or names no preset.
    void markModifiedFrom(const Json &doc);
    /// Row of the preset marked modified, or -1.
    int modifiedRow() const { return m_modifiedRow; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString statusSummary(const Entry &e) const;

    std::vector<Entry> m_entries;
    int m_modifiedRow = -1;
};

} // namespace quantcfg::ui
