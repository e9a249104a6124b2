#pragma once

#include "core/bench/scoring.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace quantcfg::ui {

/// Edits the SLO the benchmark runs are scored against: TTFT and TPOT limits (ms) at the chosen
/// statistic, a peak GPU memory limit (GB), and the objective runs are ranked by.
class SloEditor final : public QWidget
{
    Q_OBJECT

public:
    enum Limit { Ttft, Tpot, Memory, LimitCount };

    explicit SloEditor(QWidget *parent = nullptr);

    /// Enables limit @p limit at @p threshold (ms or GB); a negative threshold disables it.
    void setLimit(Limit limit, double threshold);
    /// Whether @p limit is on (named so it does not hide QWidget::isEnabled()).
    bool isLimitEnabled(Limit limit) const;
    /// The threshold of @p limit (ms or GB), also while it is off.
    double threshold(Limit limit) const;
    void setObjective(bench::Objective objective);
    /// The time limits check this statistic ("mean", "p99", …).
    void setStatistic(const QString &statistic);

    /// The SLO as core scores it (thresholds in ms and GB).
    bench::SloSpec slo() const;
    bench::Objective objective() const;

signals:
    void changed();

private:
    QCheckBox *m_enabled[LimitCount];
    QDoubleSpinBox *m_threshold[LimitCount];
    QComboBox *m_objective;
    QString m_statistic = QStringLiteral("mean");
};

} // namespace quantcfg::ui
