#pragma once

#include "core/engines/matrix.h"

#include <QAbstractTableModel>
#include <QString>

namespace quantcfg::ui {

/// The core compatibility matrix (quantization method × GPU architecture) as a table: one row per
/// method, one column per architecture. Each cell shows its state by icon and text; the tooltip
/// gives the reason, the minimum compute capability and the engine version, and for a cell that
/// does not run, the closest method that does on that architecture (MatrixCell::alternative). The
/// target GPU's column and the configuration's method row are highlighted; the detected GPU's
/// column is marked.
class MatrixModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        StateRole = Qt::UserRole + 1, ///< int: quantcfg::Support
        MethodRole,                   ///< QString: the row's unified method ("awq")
        ComputeCapabilityRole,        ///< int: the column's compute capability (90)
        HighlightRole,                ///< bool: the cell is in the target GPU's column or the current row
    };

    explicit MatrixModel(QObject *parent = nullptr);

    /// Replaces the contents (the one entry point for data).
    void setMatrix(CompatibilityMatrix matrix);
    const CompatibilityMatrix &matrix() const { return m_matrix; }

    /// Highlights the column of the architecture of @p computeCapability, the target GPU's (0 = none).
    void setHighlightedCapability(int computeCapability);
    /// The highlighted column, or -1.
    int highlightedColumn() const { return m_column; }
    /// Marks the column of the detected GPU's architecture "detected" (0 = none).
    void setDetectedCapability(int computeCapability);
    /// The detected GPU's column, or -1.
    int detectedColumn() const { return m_detectedColumn; }
    /// Highlights the row of @p method (empty = none).
    void setHighlightedMethod(const QString &method);
    int highlightedRow() const { return m_row; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The matrix as CSV: a header row "method,<arch> (sm_XX),…", then one row of state names per method.
    QString toCsv() const;

    /// Every state, in legend order (each shown with supportIcon() and supportText()).
    static const std::vector<Support> &allStates();

private:
    const MatrixCell *cell(const QModelIndex &index) const;
    /// The cell of @p cell's suggested alternative method in @p column, or nullptr.
    const MatrixCell *alternativeCell(const MatrixCell &cell, int column) const;

    CompatibilityMatrix m_matrix;
    int columnOf(int computeCapability) const;

    int m_column = -1;
    int m_row = -1;
    int m_capability = 0;
    int m_detectedColumn = -1;
    int m_detectedCapability = 0;
    QString m_method;
};

} // namespace quantcfg::ui
