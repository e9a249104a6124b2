#include "ui/config/methoddelegate.h"

#include "ui/config/methodlistmodel.h"
#include "ui/shared/statusstyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace quantcfg::ui {

namespace {

constexpr int kMargin = 6;     // left and right
constexpr int kVMargin = 3;    // above and below
constexpr int kIcon = 16;
constexpr int kIconGap = 4;    // between an icon and its text
constexpr int kMarkGap = 12;   // between two engines' marks, and between the name and the marks
constexpr int kLineGap = 1;    // between the name line and the description

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

// The note after the name of a method no engine version in use has.
QString unusableNote()
{
    return MethodDelegate::tr(" — no engine version in use has it");
}

// The engines a method row has marks for (none for "not set" and a stray value). Asks for no
// state: measuring the rows (install()) does not make the model work them out.
QStringList markedEngines(const QModelIndex &index)
{
    const auto *model = qobject_cast<const MethodListModel *>(index.model());
    return model && !index.data(MethodListModel::MethodRole).toString().isEmpty() ? model->engineNames() : QStringList();
}

int markWidth(const QFontMetrics &fm, const QString &engine)
{
    return kIcon + kIconGap + fm.horizontalAdvance(engine);
}

} // namespace

void MethodDelegate::install(QComboBox *combo)
{
    auto *delegate = new MethodDelegate(combo);
    combo->setItemDelegate(delegate);
    // QComboBox makes its popup as wide as the widest item text (the name alone): the list is kept
    // as wide as its widest row, description and marks included, and the popup follows.
    auto fit = [combo, delegate] {
        QAbstractItemView *view = combo->view();
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.fontMetrics = QFontMetrics(option.font);
        int width = 0;
        QAbstractItemModel *model = combo->model();
        for (int r = 0; r < model->rowCount(); ++r)
            width = std::max(width, delegate->sizeHint(option, model->index(r, 0)).width());
        width += view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view) + 2 * view->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, view);
        view->setMinimumWidth(width);
    };
    fit();
    QAbstractItemModel *model = combo->model();
    connect(model, &QAbstractItemModel::dataChanged, combo, fit);
    connect(model, &QAbstractItemModel::rowsInserted, combo, fit);
    connect(model, &QAbstractItemModel::modelReset, combo, fit);
}

MethodDelegate::Layout MethodDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Layout l;
    const QFontMetrics fm(option.font);
    const QFontMetrics bold(boldFont(option.font));
    const int line = std::max(bold.height(), kIcon);
    const QRect r = option.rect.adjusted(kMargin, kVMargin, -kMargin, -kVMargin);

    const QStringList engines = markedEngines(index);
    int x = r.right() + 1;
    l.marks.resize(static_cast<std::size_t>(engines.size()));
    for (int e = static_cast<int>(engines.size()) - 1; e >= 0; --e) {
        const int w = markWidth(fm, engines[e]);
        l.marks[static_cast<std::size_t>(e)] = QRect(x - w, r.top(), w, line);
        x -= w + kMarkGap;
    }
    int left = r.left();
    if (!index.data(Qt::DecorationRole).isNull()) {
        l.icon = QRect(left, r.top() + (line - kIcon) / 2, kIcon, kIcon);
        left += kIcon + kIconGap;
    }
    l.name = QRect(left, r.top(), std::max(0, (engines.isEmpty() ? r.right() + 1 : x) - left), line);
    l.description = QRect(r.left(), r.top() + line + kLineGap, r.width(), fm.height());
    return l;
}

void MethodDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const Layout l = layout(option, index);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : option.palette.color(group, QPalette::PlaceholderText);
    const QFontMetrics fm(option.font);

    painter->save();
    if (!l.icon.isNull())
        qvariant_cast<QIcon>(index.data(Qt::DecorationRole)).paint(painter, l.icon);

    // The name, and for a method no version in use has, the note after it.
    const QFont bold = boldFont(option.font);
    const QFontMetrics boldMetrics(bold);
    const QString name = index.data(Qt::DisplayRole).toString();
    const bool usable = index.data(MethodListModel::UsableRole).toBool() || index.data(MethodListModel::MethodRole).toString().isEmpty();
    painter->setFont(bold);
    painter->setPen(usable ? text : dim);
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, l.name.width());
    painter->drawText(l.name, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    if (!usable) {
        const int used = boldMetrics.horizontalAdvance(shownName);
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        const QRect note = l.name.adjusted(used, 0, 0, 0);
        painter->drawText(note, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(italic).elidedText(unusableNote(), Qt::ElideRight, note.width()));
    }

    // One mark per engine: the matrix legend's icon for the state, and the engine's name.
    painter->setFont(option.font);
    painter->setPen(text);
    const QVariantList states = index.data(MethodListModel::SupportRole).toList();
    const QStringList engines = markedEngines(index);
    for (std::size_t e = 0; e < l.marks.size() && e < static_cast<std::size_t>(states.size()); ++e) {
        const QRect &m = l.marks[e];
        supportIcon(static_cast<Support>(states[static_cast<int>(e)].toInt())).paint(painter, QRect(m.left(), m.top() + (m.height() - kIcon) / 2, kIcon, kIcon));
        painter->drawText(m.adjusted(kIcon + kIconGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, engines.value(static_cast<int>(e)));
    }

    // The catalogue's one line.
    painter->setPen(dim);
    painter->drawText(l.description, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(index.data(MethodListModel::DescriptionRole).toString(), Qt::ElideRight, l.description.width()));
    painter->restore();
}

QSize MethodDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    const QFontMetrics bold(boldFont(option.font));
    int first = bold.horizontalAdvance(index.data(Qt::DisplayRole).toString());
    if (!index.data(Qt::DecorationRole).isNull())
        first += kIcon + kIconGap;
    if (!index.data(MethodListModel::UsableRole).toBool() && !index.data(MethodListModel::MethodRole).toString().isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        first += QFontMetrics(italic).horizontalAdvance(unusableNote());
    }
    for (const QString &engine : markedEngines(index))
        first += kMarkGap + markWidth(fm, engine);
    const int second = fm.horizontalAdvance(index.data(MethodListModel::DescriptionRole).toString());
    // One pixel more than the text: a text exactly as wide as its rectangle is elided by some styles.
    return {std::max(first, second) + 2 * kMargin + 1, 2 * kVMargin + std::max(bold.height(), kIcon) + kLineGap + fm.height()};
}

bool MethodDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const Layout l = layout(option, index);
        const QStringList reasons = index.data(MethodListModel::SupportReasonRole).toStringList();
        for (std::size_t e = 0; e < l.marks.size() && e < static_cast<std::size_t>(reasons.size()); ++e) {
            if (l.marks[e].contains(event->pos())) {
                QToolTip::showText(event->globalPos(), reasons[static_cast<int>(e)], view->viewport(), l.marks[e]);
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace quantcfg::ui
