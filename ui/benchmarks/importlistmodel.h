#pragma once

#include "ui/benchmarks/benchmarkimporter.h"

#include <QAbstractTableModel>

#include <vector>

namespace quantcfg::ui {

/// The benchmark imports, one row each: the one owner of the list. The imports table edits it
/// (name, engine, preset, version) and both overlay pickers show it (OverlayColumn), so nothing
/// keeps a copy. An edit does not change the row at once: it asks for the import to be read again
/// with the new labels (relabelRequested()), and the row changes when setImports() brings the result.
class ImportListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        EngineColumn,
        PresetColumn,
        VersionColumn,
        FilesColumn,
        OverlayColumn, ///< "name · first file +N more": what the overlay pickers list (hidden in the table)
        ColumnCount
    };

    explicit ImportListModel(QObject *parent = nullptr);

    const std::vector<ImportBatch> &imports() const { return m_imports; }
    void setImports(std::vector<ImportBatch> imports);
    /// The import of @p row, or nullptr.
    const ImportBatch *importAt(int row) const;
    /// @p name, or with " (2)", " (3)", … when another import than @p except already has it: the
    /// overlay and the runs' "import" label tell imports apart by name.
    QString uniqueName(const QString &name, int except = -1) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Edits a label: emits relabelRequested() with the import as it should become (a name made
    /// unique); false when nothing would change.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    /// The user relabelled import @p row: read it again as @p batch.
    void relabelRequested(int row, const ImportBatch &batch);

private:
    std::vector<ImportBatch> m_imports;
};

} // namespace quantcfg::ui
