#include "ui/shared/wrappingdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace quantcfg::ui {

WrappingDelegate::WrappingDelegate(QTreeView *view, bool wraps)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_wraps(wraps)
{
}

void WrappingDelegate::install(QTreeView *view, int column)
{
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    view->setTextElideMode(Qt::ElideNone);
    view->setItemDelegate(new WrappingDelegate(view, false));
    view->setItemDelegateForColumn(column, new WrappingDelegate(view, true));
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
    const int width = m_wraps ? m_view->columnWidth(index.column()) : 0;
    if (m_wraps && width <= 0)
        return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (width != m_cachedWidth || opt.font != m_cachedFont || m_sizes.size() > 1024) {
        m_sizes.clear();
        m_cachedWidth = width;
        m_cachedFont = opt.font;
    }
    const bool decorated = opt.features & QStyleOptionViewItem::HasDecoration;
    auto it = m_sizes.constFind(Key{opt.text, decorated});
    if (it != m_sizes.cend())
        return *it;
    if (!m_wraps)
        return *m_sizes.insert(Key{opt.text, decorated}, QStyledItemDelegate::sizeHint(option, index));

    const QStyle *style = m_view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_view) + 1;
    int textWidth = width - 2 * margin;
    if (decorated)
        textWidth -= opt.decorationSize.width() + 2 * margin;
    const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, std::max(textWidth, 20), 1 << 20), Qt::TextWordWrap, opt.text);
    // The style's height for one line (decoration, margins) is the least a row gets.
    QStyleOptionViewItem oneLine = opt;
    oneLine.text = QStringLiteral("X");
    const int base = style->sizeFromContents(QStyle::CT_ItemViewItem, &oneLine, QSize(), m_view).height();
    const int height = std::max(base, text.height() + 2 * margin);
    return *m_sizes.insert(Key{opt.text, decorated}, QSize(width, height));
}

} // namespace quantcfg::ui
