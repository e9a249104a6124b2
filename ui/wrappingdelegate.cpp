#include "ui/wrappingdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace quantcfg::ui {

WrappingDelegate::WrappingDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

void WrappingDelegate::install(QTreeView *view, int column)
{
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    view->setTextElideMode(Qt::ElideNone);
    view->setItemDelegateForColumn(column, new WrappingDelegate(view));
    // Row heights depend on the column width: lay out again (once per burst of resizes).
    auto *relayout = new QTimer(view);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    QObject::connect(relayout, &QTimer::timeout, view, &QTreeView::doItemsLayout);
    QObject::connect(view->header(), &QHeaderView::sectionResized, relayout, [relayout, column](int section) {
        if (section == column)
            relayout->start();
    });
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const int width = m_view->columnWidth(index.column());
    if (width <= 0)
        return base;
    const QStyle *style = m_view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_view) + 1;
    int textWidth = width - 2 * margin;
    if (opt.features & QStyleOptionViewItem::HasDecoration)
        textWidth -= opt.decorationSize.width() + 2 * margin;
    const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, std::max(textWidth, 20), 1 << 20), Qt::TextWordWrap, opt.text);
    return {width, std::max(base.height(), text.height() + 2 * margin)};
}

} // namespace quantcfg::ui
