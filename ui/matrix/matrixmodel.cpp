#include "ui/matrix/matrixmodel.h"

#include "core/hardware/gpudatabase.h"
#include "ui/shared/statusstyle.h"

#include <QBrush>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QGuiApplication>

#include <algorithm>
#include <utility>

namespace quantcfg::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// CSV field: quoted when it holds a separator, a quote or a line break.
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

MatrixModel::MatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MatrixModel::setMatrix(CompatibilityMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
    // Rows and columns may have moved: find the highlighted ones again.
    m_column = m_detectedColumn = -1;
    setHighlightedCapability(m_capability);
    setDetectedCapability(m_detectedCapability);
    setHighlightedMethod(m_method);
}

int MatrixModel::columnOf(int computeCapability) const
{
    int column = -1;
    if (const auto arch = architectureFor(computeCapability)) {
        for (std::size_t c = 0; c < m_matrix.columns.size(); ++c) {
            if (m_matrix.columns[c].computeCapability == arch->computeCapability)
                column = static_cast<int>(c);
        }
    }
    return column;
}

void MatrixModel::setHighlightedCapability(int computeCapability)
{
    m_capability = computeCapability;
    const int column = columnOf(computeCapability);
    if (column == m_column)
        return;
    const int old = m_column;
    m_column = column;
    for (int c : {old, column}) {
        if (c >= 0) {
            emit dataChanged(index(0, c), index(rowCount() - 1, c));
            emit headerDataChanged(Qt::Horizontal, c, c);
        }
    }
}

void MatrixModel::setDetectedCapability(int computeCapability)
{
    m_detectedCapability = computeCapability;
    const int column = columnOf(computeCapability);
    if (column == m_detectedColumn)
        return;
    const int old = std::exchange(m_detectedColumn, column);
    for (int c : {old, column})
        if (c >= 0)
            emit headerDataChanged(Qt::Horizontal, c, c);
}

void MatrixModel::setHighlightedMethod(const QString &method)
{
    m_method = method;
    int row = -1;
    for (std::size_t r = 0; r < m_matrix.methods.size(); ++r) {
        if (q(m_matrix.methods[r]) == method)
            row = static_cast<int>(r);
    }
    if (row == m_row)
        return;
    const int old = m_row;
    m_row = row;
    for (int r : {old, row}) {
        if (r >= 0) {
            emit dataChanged(index(r, 0), index(r, columnCount() - 1));
            emit headerDataChanged(Qt::Vertical, r, r);
        }
    }
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.methods.size());
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.columns.size());
}

const MatrixCell *MatrixModel::cell(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const auto &row = m_matrix.cells[static_cast<std::size_t>(index.row())];
    return index.column() < static_cast<int>(row.size()) ? &row[static_cast<std::size_t>(index.column())] : nullptr;
}

const MatrixCell *MatrixModel::alternativeCell(const MatrixCell &cell, int column) const
{
    if (cell.alternative.empty())
        return nullptr;
    const auto row = std::find(m_matrix.methods.begin(), m_matrix.methods.end(), cell.alternative);
    if (row == m_matrix.methods.end())
        return nullptr;
    const auto &cells = m_matrix.cells[static_cast<std::size_t>(row - m_matrix.methods.begin())];
    return column < static_cast<int>(cells.size()) ? &cells[static_cast<std::size_t>(column)] : nullptr;
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    const MatrixCell *c = cell(index);
    if (!c)
        return {};
    const bool highlighted = index.row() == m_row || index.column() == m_column;
    switch (role) {
    case Qt::DisplayRole:
        return supportText(c->state);
    case Qt::DecorationRole:
        return supportIcon(c->state);
    case Qt::ToolTipRole: {
        const MatrixColumn &col = m_matrix.columns[static_cast<std::size_t>(index.column())];
        QString tip = tr("<b>%1 on %2 (sm_%3)</b>: %4<br>%5")
                          .arg(q(m_matrix.methods[static_cast<std::size_t>(index.row())]), q(col.architecture))
                          .arg(col.computeCapability)
                          .arg(supportText(c->state), q(c->reason).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
        tip += QLatin1String("<br>") + tr("Minimum compute capability: %1").arg(c->minCapability ? q(ccText(c->minCapability)) : tr("none known"));
        if (!c->engineValue.empty())
            tip += QLatin1String("<br>") + tr("Engine value: %1").arg(q(c->engineValue));
        tip += QLatin1String("<br>") + tr("Engine: %1").arg(q(c->engine.empty() ? m_matrix.engines : c->engine));
        if (const MatrixCell *alt = alternativeCell(*c, index.column()))
            tip += QLatin1String("<br>")
                   + tr("<b>Instead:</b> %1 (%2 on sm_%3 with %4)")
                         .arg(q(c->alternative), supportText(alt->state).toLower())
                         .arg(col.computeCapability)
                         .arg(q(alt->engine.empty() ? m_matrix.engines : alt->engine));
        return tip;
    }
    case Qt::BackgroundRole:
        if (highlighted) {
            const QPalette palette = QGuiApplication::palette();
            QColor h = palette.color(QPalette::Highlight);
            h.setAlpha(index.row() == m_row && index.column() == m_column ? 110 : 45);
            return QBrush(h);
        }
        return {};
    case Qt::FontRole:
        if (index.row() == m_row && index.column() == m_column) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case StateRole:
        return static_cast<int>(c->state);
    case MethodRole:
        return q(m_matrix.methods[static_cast<std::size_t>(index.row())]);
    case ComputeCapabilityRole:
        return m_matrix.columns[static_cast<std::size_t>(index.column())].computeCapability;
    case HighlightRole:
        return highlighted;
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return q(m_matrix.methods[static_cast<std::size_t>(section)]);
        if (role == Qt::FontRole && section == m_row) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ToolTipRole && section == m_row)
            return tr("The method of the current configuration");
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const MatrixColumn &col = m_matrix.columns[static_cast<std::size_t>(section)];
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("%1\nsm_%2").arg(q(col.architecture)).arg(col.computeCapability);
        if (section == m_column)
            text.prepend(tr("★ "));
        if (section == m_detectedColumn)
            text += tr(" · detected");
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList examples;
        for (const std::string &e : col.examples)
            examples << q(e);
        QStringList roles;
        if (section == m_column)
            roles << tr("the target GPU (★)");
        if (section == m_detectedColumn)
            roles << tr("the detected GPU");
        return tr("%1 (compute capability %2)%4\nFor example: %3")
            .arg(q(col.architecture), q(ccText(col.computeCapability)), examples.join(QLatin1String(", ")),
                 roles.isEmpty() ? QString() : tr(", %1").arg(roles.join(tr(" and "))));
    }
    case Qt::FontRole:
        if (section == m_column) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QString MatrixModel::toCsv() const
{
    QStringList header{QStringLiteral("method")};
    for (const MatrixColumn &col : m_matrix.columns)
        header << csvField(QStringLiteral("%1 (sm_%2)").arg(q(col.architecture)).arg(col.computeCapability));
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (std::size_t r = 0; r < m_matrix.methods.size(); ++r) {
        QStringList line{csvField(q(m_matrix.methods[r]))};
        for (const MatrixCell &c : m_matrix.cells[r])
            line << QLatin1String(supportName(c.state));
        out += line.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

const std::vector<Support> &MatrixModel::allStates()
{
    static const std::vector<Support> states{Support::Supported, Support::WeightOnly, Support::Unsupported,
                                             Support::NotTargeted, Support::NotAvailable, Support::Unknown};
    return states;
}

} // namespace quantcfg::ui
