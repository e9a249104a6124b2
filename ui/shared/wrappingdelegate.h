#pragma once

#include <QFont>
#include <QHash>
#include <QStyledItemDelegate>

class QTreeView;

namespace quantcfg::ui {

/// Wraps long text (diagnostic messages) over several lines at the column's width instead of
/// eliding it, and re-lays the rows out when the column is resized.
class WrappingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// Installs the delegate on @p column of @p view (and turns word wrap on), and on its other
    /// columns one that keeps their cells' sizes the same way, without wrapping.
    static void install(QTreeView *view, int column);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    WrappingDelegate(QTreeView *view, bool wraps);
    QTreeView *m_view;
    bool m_wraps;

    // Views ask for every row's size on each layout pass (several while a window first shows), and
    // each is a text layout (a full one for a wrapped message): sizes are kept per text for one
    // width (for wrapped cells) and font. Columns sized to their contents ask for every cell.
    struct Key
    {
        QString text;
        bool decorated = false;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.text, key.decorated); }
    };
    mutable QHash<Key, QSize> m_sizes;
    mutable int m_cachedWidth = -1;
    mutable QFont m_cachedFont;
};

} // namespace quantcfg::ui
