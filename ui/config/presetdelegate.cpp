#include "ui/config/presetdelegate.h"

#include "ui/config/presetlistmodel.h"
#include "ui/shared/statusstyle.h"

#include <QApplication>
#include <QPainter>

namespace quantcfg::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kBadge = 14;

} // namespace

void PresetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect r = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    // Badges on the right of the first line.
    const QVariantList statuses = index.data(PresetListModel::StatusesRole).toList();
    const int lineHeight = option.fontMetrics.height();
    int x = r.right() - static_cast<int>(statuses.size()) * (kBadge + 3);
    for (const QVariant &s : statuses) {
        planStatusIcon(static_cast<PlanStatus>(s.toInt())).paint(painter, QRect(x, r.top() + (lineHeight - kBadge) / 2, kBadge, kBadge));
        x += kBadge + 3;
    }

    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(textColor);
    const QRect nameRect(r.left(), r.top(), r.width() - static_cast<int>(statuses.size()) * (kBadge + 3) - 4, lineHeight);
    const QString name = index.data(PresetListModel::NameRole).toString()
                         + (index.data(PresetListModel::BuiltInRole).toBool() ? QString() : tr(" (user)"))
                         + (index.data(PresetListModel::ModifiedRole).toBool() ? tr(" — modified") : QString());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(name, Qt::ElideRight, nameRect.width()));

    painter->setFont(option.font);
    QColor dim = textColor;
    if (!selected)
        dim = option.palette.color(group, QPalette::PlaceholderText);
    painter->setPen(dim);
    const QRect useRect(r.left(), r.top() + lineHeight + 2, r.width(), lineHeight);
    painter->drawText(useRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(PresetListModel::UseCaseRole).toString(), Qt::ElideRight, useRect.width()));
    painter->restore();
}

QSize PresetDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.fontMetrics.averageCharWidth() * 24, option.fontMetrics.height() * 2 + 2 + kMargin * 2};
}

} // namespace quantcfg::ui
