#pragma once

#include "core/diagnostic.h"

#include <QAbstractTableModel>
#include <QHash>

class QTreeView;

namespace quantcfg::ui {

/// The diagnostics of the current configuration (schema, semantic, engine and GPU checks) as a
/// table: message, field, source. Also used for one engine's notes in its pane.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MessageColumn, FieldColumn, SourceColumn, ColumnCount };
    enum Role {
        PointerRole = Qt::UserRole + 1, ///< QString: JSON pointer of the field ("" = whole document)
        SeverityRole,                   ///< int: quantcfg::Severity
        CodeRole,                       ///< QString: stable diagnostic code
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    /// Replaces the contents (the one entry point). Rows are ordered worst first (errors, warnings,
    /// notes), each severity in the order given.
    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// Display names of engine ids ("vllm" → "vLLM") for the source column.
    void setEngineNames(const QHash<QString, QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Shows this model in @p view the way every diagnostics list of the studio looks: no tree
    /// decoration, wrapped messages that take the width, field and source sized to their contents,
    /// several rows selectable, and Copy (Ctrl+C and the context menu) putting them on the clipboard.
    void attachView(QTreeView *view);

    /// The rows as plain text for the clipboard, one line each in row order:
    /// "Error: message (field, source) [code]".
    QString copyText(const QList<int> &rows) const;

    /// The message with its suggestion, as shown in the message column.
    static QString messageText(const Diagnostic &d);

private:
    QString sourceText(const Diagnostic &d) const;

    Diagnostics m_diagnostics;
    QHash<QString, QString> m_engineNames;
};

} // namespace quantcfg::ui
