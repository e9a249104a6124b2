#pragma once

#include <QLabel>

#include <array>
#include <utility>

namespace quantcfg::ui {

/// A word-wrapped QLabel that remembers its height for the last few widths. A layout with such a
/// label asks for its height at each width it tries, several times per pass, and QLabel lays the
/// text out afresh every time; the answers stay the same until the text, alignment, margin, indent,
/// font, style or contents margins change, and each of those starts the memory afresh.
class WrappedLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit WrappedLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Inputs
    {
        QString text;
        Qt::Alignment alignment;
        int margin = 0;
        int indent = 0;
        friend bool operator==(const Inputs &, const Inputs &) = default;
    };
    mutable Inputs m_inputs; // what the heights below are for
    mutable std::array<std::pair<int, int>, 4> m_heights{}; // (width, height); width 0 = empty
    mutable std::size_t m_next = 0;
};

} // namespace quantcfg::ui
