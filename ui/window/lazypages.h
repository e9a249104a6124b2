#pragma once

#include <QTabWidget>

#include <functional>
#include <vector>

namespace quantcfg::ui {

/// The window's pages as tabs. A page added with addLazyPage() is built the first time it is
/// shown or asked for (page()), so pages the user has not opened cost nothing at start-up. A new
/// page is one addLazyPage() call; nothing else has to know about it.
class LazyPages final : public QTabWidget
{
    Q_OBJECT

public:
    explicit LazyPages(QWidget *parent = nullptr);

    /// Makes the page's widget (its parent is given) and wires it; called once.
    using Builder = std::function<QWidget *(QWidget *parent)>;
    /// Adds a tab called @p title whose widget @p build makes when it is first needed; its index.
    int addLazyPage(const QString &title, Builder build);
    /// The widget of page @p index, built now if it was not (nullptr for an index without a page).
    QWidget *page(int index);
    template<typename Page>
    Page *page(int index)
    {
        return static_cast<Page *>(page(index));
    }
    /// Whether page @p index has been built (a page added with addTab() always has).
    bool isBuilt(int index) const;

private:
    struct Lazy
    {
        Builder build;
        QWidget *widget = nullptr;
    };
    std::vector<Lazy> m_lazy; // by tab index; empty builders for plain tabs
};

} // namespace quantcfg::ui
