#include "ui/diagnosticsmodel.h"

#include "ui/wrappingdelegate.h"

#include <QHeaderView>
#include <QTreeView>

#include "ui/statusstyle.h"

#include <QGuiApplication>
#include <QPalette>

namespace quantcfg::ui {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

void DiagnosticsModel::setEngineNames(const QHash<QString, QString> &names)
{
    m_engineNames = names;
    if (!m_diagnostics.empty())
        emit dataChanged(index(0, SourceColumn), index(rowCount() - 1, SourceColumn));
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DiagnosticsModel::messageText(const Diagnostic &d)
{
    QString text = QString::fromStdString(d.message);
    if (!d.suggestion.empty())
        text += QStringLiteral(" — ") + QString::fromStdString(d.suggestion);
    return text;
}

QString DiagnosticsModel::sourceText(const Diagnostic &d) const
{
    if (!d.engine.empty()) {
        const QString id = QString::fromStdString(d.engine);
        return m_engineNames.value(id, id);
    }
    const std::string_view code = d.code;
    if (code.starts_with("schema."))
        return tr("Schema");
    if (code.starts_with("semantic."))
        return tr("Rules");
    if (code.starts_with("gpu.") || code.starts_with("hardware."))
        return tr("GPU");
    if (code.starts_with("json."))
        return tr("JSON");
    return tr("Check");
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Diagnostic &d = m_diagnostics[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn:
            return messageText(d);
        case FieldColumn:
            return d.pointer.empty() ? tr("(document)") : QString::fromStdString(d.pointer);
        case SourceColumn:
            return sourceText(d);
        }
        return {};
    case Qt::ToolTipRole:
        return severityText(d.severity) + QLatin1StringView(": ") + messageText(d);
    case Qt::AccessibleTextRole:
        return severityText(d.severity) + QLatin1StringView(": ") + messageText(d);
    case Qt::DecorationRole:
        return index.column() == MessageColumn ? QVariant(severityIcon(d.severity)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == MessageColumn && d.severity != Severity::Info)
            return severityColor(d.severity, QGuiApplication::palette());
        return {};
    case PointerRole:
        return QString::fromStdString(d.pointer);
    case SeverityRole:
        return static_cast<int>(d.severity);
    case CodeRole:
        return QString::fromStdString(d.code);
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MessageColumn:
        return tr("Message");
    case FieldColumn:
        return tr("Field");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

void DiagnosticsModel::attachView(QTreeView *view)
{
    view->setModel(this);
    view->setRootIsDecorated(false);
    WrappingDelegate::install(view, MessageColumn);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    view->header()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
}

} // namespace quantcfg::ui
