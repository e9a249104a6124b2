#pragma once

#include <QWidget>

namespace quantcfg::ui {

/// A horizontal bar of one GPU's memory: weights, overhead and the KV cache the requested
/// sequences need, against the engine's budget (memory × utilization) and the whole memory. Each
/// part is labelled in text, and hatched where it overflows, so it does not rely on colour alone.
class FitBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FitBar(QWidget *parent = nullptr);

    /// All in bytes; @p memory 0 = unknown (the bar says so).
    void setValues(double memory, double budget, double weights, double overhead, double kvNeeded);
    /// No figures: the bar shows @p why instead (what is missing, a model or a GPU of known memory).
    void clear(const QString &why);
    /// What the bar says when it has no figures.
    QString emptyText() const { return m_emptyText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_memory = 0;
    double m_budget = 0;
    double m_weights = 0;
    double m_overhead = 0;
    double m_kv = 0;
    QString m_emptyText;
};

} // namespace quantcfg::ui
