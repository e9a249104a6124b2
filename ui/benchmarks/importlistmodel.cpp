#include "ui/benchmarks/importlistmodel.h"

#include <QFileInfo>

namespace quantcfg::ui {

namespace {

// The label an editable column shows, or nullptr for the others.
template<typename Batch>
auto labelOf(Batch &batch, int column) -> decltype(&batch.name)
{
    switch (column) {
    case ImportListModel::NameColumn: return &batch.name;
    case ImportListModel::EngineColumn: return &batch.engine;
    case ImportListModel::PresetColumn: return &batch.preset;
    case ImportListModel::VersionColumn: return &batch.version;
    default: return nullptr;
    }
}

} // namespace

ImportListModel::ImportListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportListModel::setImports(std::vector<ImportBatch> imports)
{
    beginResetModel();
    m_imports = std::move(imports);
    endResetModel();
}

const ImportBatch *ImportListModel::importAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_imports.size() ? &m_imports[static_cast<std::size_t>(row)] : nullptr;
}

QString ImportListModel::uniqueName(const QString &name, int except) const
{
    const auto taken = [this, except](const QString &candidate) {
        for (std::size_t i = 0; i < m_imports.size(); ++i) {
            if (static_cast<int>(i) != except && m_imports[i].name == candidate)
                return true;
        }
        return false;
    };
    QString unique = name.trimmed();
    for (int n = 2; taken(unique); ++n)
        unique = tr("%1 (%2)").arg(name.trimmed()).arg(n);
    return unique;
}

int ImportListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_imports.size());
}

int ImportListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportListModel::data(const QModelIndex &index, int role) const
{
    const ImportBatch *b = index.isValid() ? importAt(index.row()) : nullptr;
    if (!b)
        return {};
    if (role == Qt::ToolTipRole && (index.column() == FilesColumn || index.column() == OverlayColumn))
        return b->paths.join(QLatin1Char('\n'));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case FilesColumn: {
        QStringList names;
        for (const QString &p : b->paths)
            names << QFileInfo(p).fileName();
        return names.join(QLatin1String(", "));
    }
    case OverlayColumn: {
        const QString first = QFileInfo(b->paths.value(0)).fileName();
        const QString files = b->paths.size() > 1 ? tr("%1 +%2 more").arg(first).arg(b->paths.size() - 1) : first;
        // The name first: it is what the legend shows ("vllm [after]"), and a narrow combo keeps it.
        return tr("%1 · %2").arg(b->name, files);
    }
    default:
        if (const QString *label = labelOf(*b, index.column()))
            return *label;
        return {};
    }
}

QVariant ImportListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Import");
    case EngineColumn: return tr("Engine");
    case PresetColumn: return tr("Preset");
    case VersionColumn: return tr("Version");
    case FilesColumn: return tr("Files");
    case OverlayColumn: return tr("Overlay");
    default: return {};
    }
}

Qt::ItemFlags ImportListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() <= VersionColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ImportListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const ImportBatch *current = index.isValid() && role == Qt::EditRole ? importAt(index.row()) : nullptr;
    if (!current || index.column() > VersionColumn)
        return false;
    ImportBatch batch = *current;
    QString *field = labelOf(batch, index.column());
    const QString text = value.toString();
    if (*field == text)
        return false;
    *field = index.column() == NameColumn ? uniqueName(text, index.row()) : text;
    emit relabelRequested(index.row(), batch);
    return true;
}

} // namespace quantcfg::ui
