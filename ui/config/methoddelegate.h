#pragma once

#include <QStyledItemDelegate>

#include <vector>

class QComboBox;

namespace quantcfg::ui {

/// Draws a row of a MethodListModel in the open method list: the method's name in bold (a method
/// no engine version in use has: with the "no such method" icon and a note), on its right one mark
/// per engine (the matrix legend's icon and the engine's name), and under it the catalogue's
/// one-line description. Hovering a mark shows that engine's version, state and reason; elsewhere
/// the row's tooltip. The size hint is wide enough for the description and the marks, and install()
/// makes the popup at least that wide, so nothing is cut (within the screen's width).
class MethodDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// Sets the delegate on @p combo's list (whose model is a MethodListModel) and keeps the list at
    /// least as wide as its widest row.
    static void install(QComboBox *combo);

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index) override;

private:
    struct Layout
    {
        QRect icon;                  ///< the "no such method" mark before the name; empty when none
        QRect name;                  ///< the name (and its note)
        QRect description;           ///< the second line
        std::vector<QRect> marks;    ///< one per engine, icon and engine name
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace quantcfg::ui
