#include "ui/fit/fitbar.h"

#include "ui/shared/statusstyle.h"

#include <QPainter>

namespace quantcfg::ui {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString gib(double bytes)
{
    return QStringLiteral("%1 GiB").arg(bytes / kGiB, 0, 'f', 1);
}

} // namespace

FitBar::FitBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Memory fit bar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void FitBar::setValues(double memory, double budget, double weights, double overhead, double kvNeeded)
{
    m_memory = memory;
    m_budget = budget;
    m_weights = weights;
    m_overhead = overhead;
    m_kv = kvNeeded;
    const double used = weights + overhead + kvNeeded;
    setAccessibleDescription(memory > 0 ? tr("%1 of %2 budget used").arg(gib(used), gib(budget)) : tr("GPU memory unknown"));
    setToolTip(accessibleDescription());
    update();
}

void FitBar::clear(const QString &why)
{
    m_emptyText = why;
    setValues(0, 0, 0, 0, 0);
    setAccessibleDescription(why);
    setToolTip(why);
}

QSize FitBar::sizeHint() const
{
    return {600, fontMetrics().height() * 4 + 12};
}

QSize FitBar::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void FitBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const int lineH = fontMetrics().height();
    const QRect bar(1, lineH + 4, width() - 2, lineH * 2);
    p.fillRect(bar, pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    if (m_memory <= 0) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(bar, Qt::AlignCenter, m_emptyText);
        return;
    }
    // The scale covers the whole memory, or more when the demand overflows it.
    const double used = m_weights + m_overhead + m_kv;
    const double scale = std::max(m_memory, used);
    const auto xOf = [&](double bytes) { return bar.left() + static_cast<int>(bar.width() * (bytes / scale)); };
    const bool dark = isDarkPalette(pal);
    struct Part
    {
        double bytes;
        QColor color;
        QString name;
    };
    const Part parts[] = {{m_weights, dark ? QColor(0x42, 0x7a, 0xc8) : QColor(0x5b, 0x8f, 0xd9), tr("weights")},
                          {m_overhead, dark ? QColor(0x80, 0x80, 0x80) : QColor(0xa8, 0xa8, 0xa8), tr("overhead")},
                          {m_kv, dark ? QColor(0x3f, 0x9a, 0x6a) : QColor(0x6c, 0xc0, 0x8f), tr("KV cache")}};
    double start = 0;
    for (const Part &part : parts) {
        const QRect r(QPoint(xOf(start), bar.top() + 1), QPoint(xOf(start + part.bytes), bar.bottom() - 1));
        p.fillRect(r, part.color);
        // Beyond the budget: hatch, so an overflow reads without colour.
        if (start + part.bytes > m_budget) {
            const QRect over(QPoint(std::max(r.left(), xOf(m_budget)), r.top()), r.bottomRight());
            p.fillRect(over, QBrush(severityColor(Severity::Error, pal), Qt::BDiagPattern));
        }
        if (r.width() > fontMetrics().horizontalAdvance(part.name) + 6) {
            p.setPen(Qt::black);
            p.drawText(r, Qt::AlignCenter, part.name);
        }
        start += part.bytes;
    }
    // Budget and memory marks with their values above and below the bar.
    p.setPen(QPen(pal.color(QPalette::Text), 2, Qt::DashLine));
    const int bx = xOf(m_budget);
    p.drawLine(bx, bar.top() - 3, bx, bar.bottom() + 3);
    p.setPen(pal.color(QPalette::Text));
    const QString budgetText = tr("budget %1").arg(gib(m_budget));
    const int tw = fontMetrics().horizontalAdvance(budgetText);
    p.drawText(QRect(std::clamp(bx - tw / 2, 0, width() - tw), 0, tw, lineH), Qt::AlignCenter, budgetText);
    const QString summary = tr("used %1 of %2 (%3 memory)").arg(gib(used), gib(m_budget), gib(m_memory));
    p.drawText(QRect(0, bar.bottom() + 3, width(), lineH), Qt::AlignLeft | Qt::AlignVCenter, summary);
}

} // namespace quantcfg::ui
