#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace quantcfg::ui {

/// Wraps long text (diagnostic messages) over several lines at the column's width instead of
/// eliding it, and re-lays the rows out when the column is resized.
class WrappingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// Installs the delegate on @p column of @p view (and turns word wrap on).
    static void install(QTreeView *view, int column);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    explicit WrappingDelegate(QTreeView *view);
    QTreeView *m_view;
};

} // namespace quantcfg::ui
