#pragma once

#include <QStyledItemDelegate>

namespace quantcfg::ui {

/// Draws a preset as two lines: the name with one status badge per engine, and the use case.
class PresetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace quantcfg::ui
