#include "ui/config/diagnosticsmodel.h"

#include "ui/shared/wrappingdelegate.h"

#include <QHeaderView>
#include <QTreeView>

#include "ui/shared/statusstyle.h"

#include <QAction>
#include <algorithm>
#include <QClipboard>
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
    // Worst first: an error must not sit below a screenful of notes. Otherwise the checks' order
    // (schema, rules, engines in display order) is kept.
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return static_cast<int>(a.severity) < static_cast<int>(b.severity); });
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

QString DiagnosticsModel::copyText(const QList<int> &rows) const
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    QStringList lines;
    for (int row : sorted) {
        if (row < 0 || row >= rowCount())
            continue;
        const Diagnostic &d = m_diagnostics[static_cast<std::size_t>(row)];
        lines << QStringLiteral("%1: %2 (%3, %4) [%5]")
                     .arg(severityText(d.severity), messageText(d), index(row, FieldColumn).data().toString(), sourceText(d),
                          QString::fromStdString(d.code));
    }
    return lines.join(QLatin1Char('\n'));
}

void DiagnosticsModel::attachView(QTreeView *view)
{
    view->setModel(this);
    view->setRootIsDecorated(false);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *copy = new QAction(tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *copyAll = new QAction(tr("Copy &All"), view);
    const auto put = [this](const QList<int> &rows) {
        const QString text = copyText(rows);
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    };
    QObject::connect(copy, &QAction::triggered, view, [view, put] {
        QList<int> rows;
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty() && view->currentIndex().isValid())
            rows << view->currentIndex().row();
        put(rows);
    });
    QObject::connect(copyAll, &QAction::triggered, view, [this, put] {
        QList<int> rows;
        for (int row = 0; row < rowCount(); ++row)
            rows << row;
        put(rows);
    });
    view->addActions({copy, copyAll});
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    WrappingDelegate::install(view, MessageColumn);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    view->header()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
}

} // namespace quantcfg::ui
