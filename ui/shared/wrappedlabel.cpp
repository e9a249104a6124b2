#include "ui/shared/wrappedlabel.h"

#include <QEvent>

namespace quantcfg::ui {

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const
{
    if (Inputs now{text(), alignment(), margin(), indent()}; now != m_inputs) {
        m_inputs = std::move(now);
        m_heights.fill({});
    }
    for (const auto &[w, h] : m_heights) {
        if (w == width && w != 0)
            return h;
    }
    const int height = QLabel::heightForWidth(width);
    m_heights[m_next] = {width, height};
    m_next = (m_next + 1) % m_heights.size();
    return height;
}

void WrappedLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange:
        m_heights.fill({});
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

} // namespace quantcfg::ui
