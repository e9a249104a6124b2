#include "ui/window/lazypages.h"

#include <QVBoxLayout>

namespace quantcfg::ui {

LazyPages::LazyPages(QWidget *parent)
    : QTabWidget(parent)
{
    connect(this, &QTabWidget::currentChanged, this, [this](int index) { page(index); });
}

int LazyPages::addLazyPage(const QString &title, Builder build)
{
    auto *holder = new QWidget(this);
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    const int index = addTab(holder, title);
    if (m_lazy.size() <= static_cast<std::size_t>(index))
        m_lazy.resize(static_cast<std::size_t>(index) + 1);
    m_lazy[static_cast<std::size_t>(index)].build = std::move(build);
    return index;
}

QWidget *LazyPages::page(int index)
{
    if (index < 0 || index >= count())
        return nullptr;
    if (static_cast<std::size_t>(index) >= m_lazy.size() || !m_lazy[static_cast<std::size_t>(index)].build)
        return widget(index); // a plain tab
    Lazy &lazy = m_lazy[static_cast<std::size_t>(index)];
    if (!lazy.widget) {
        QWidget *holder = widget(index);
        lazy.widget = lazy.build(holder);
        holder->layout()->addWidget(lazy.widget);
        lazy.widget->show(); // now, not when the layout gets round to it: the page is being looked at
    }
    return lazy.widget;
}

bool LazyPages::isBuilt(int index) const
{
    if (static_cast<std::size_t>(index) >= m_lazy.size() || !m_lazy[static_cast<std::size_t>(index)].build)
        return index >= 0 && index < count();
    return m_lazy[static_cast<std::size_t>(index)].widget != nullptr;
}

} // namespace quantcfg::ui
