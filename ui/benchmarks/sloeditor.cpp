#include "ui/benchmarks/sloeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>

namespace quantcfg::ui {

SloEditor::SloEditor(QWidget *parent)
    : QWidget(parent)
    , m_objective(new QComboBox(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const struct
    {
        QString text;
        QString unit;
        double value;
        double max;
    } rows[LimitCount] = {{tr("&TTFT ≤"), tr("ms"), 500, 1e6}, {tr("T&POT ≤"), tr("ms"), 50, 1e6}, {tr("Memor&y ≤"), tr("GB"), 70, 1e4}};
    for (int i = 0; i < LimitCount; ++i) {
        m_enabled[i] = new QCheckBox(rows[i].text, this);
        m_threshold[i] = new QDoubleSpinBox(this);
        m_threshold[i]->setRange(0.001, rows[i].max);
        m_threshold[i]->setDecimals(1);
        m_threshold[i]->setValue(rows[i].value);
        m_threshold[i]->setSuffix(QLatin1Char(' ') + rows[i].unit);
        m_threshold[i]->setAccessibleName(rows[i].text);
        m_threshold[i]->setEnabled(false);
        connect(m_enabled[i], &QCheckBox::toggled, m_threshold[i], &QWidget::setEnabled);
        connect(m_enabled[i], &QCheckBox::toggled, this, &SloEditor::changed);
        connect(m_threshold[i], &QDoubleSpinBox::valueChanged, this, &SloEditor::changed);
        grid->addWidget(m_enabled[i], i, 0);
        grid->addWidget(m_threshold[i], i, 1);
    }
    const std::pair<bench::Objective, QString> objectives[] = {{bench::Objective::MaximizeThroughput, tr("Maximize throughput")},
                                                               {bench::Objective::MinimizeLatency, tr("Minimize latency")},
                                                               {bench::Objective::MinimizeTtft, tr("Minimize TTFT")},
                                                               {bench::Objective::MinimizeTpot, tr("Minimize TPOT")}};
    for (const auto &[objective, text] : objectives)
        m_objective->addItem(text, static_cast<int>(objective));
    m_objective->setAccessibleName(tr("Objective"));
    connect(m_objective, &QComboBox::currentIndexChanged, this, &SloEditor::changed);
    auto *label = new QLabel(tr("Ran&k by:"), this);
    label->setBuddy(m_objective);
    grid->addWidget(label, LimitCount, 0);
    grid->addWidget(m_objective, LimitCount, 1);
}

void SloEditor::setLimit(Limit limit, double threshold)
{
    m_enabled[limit]->setChecked(threshold >= 0);
    if (threshold >= 0)
        m_threshold[limit]->setValue(threshold);
}

bool SloEditor::isLimitEnabled(Limit limit) const
{
    return m_enabled[limit]->isChecked();
}

double SloEditor::threshold(Limit limit) const
{
    return m_threshold[limit]->value();
}

void SloEditor::setObjective(bench::Objective objective)
{
    m_objective->setCurrentIndex(m_objective->findData(static_cast<int>(objective)));
}

void SloEditor::setStatistic(const QString &statistic)
{
    if (statistic == m_statistic)
        return;
    m_statistic = statistic;
    emit changed();
}

bench::SloSpec SloEditor::slo() const
{
    bench::SloSpec spec;
    const std::string stat = m_statistic.toStdString();
    const char *metrics[LimitCount] = {"ttft", "tpot", "gpu_memory_used"};
    const char *names[LimitCount] = {"ttft", "tpot", "memory"};
    for (int i = 0; i < LimitCount; ++i) {
        if (!m_enabled[i]->isChecked())
            continue;
        bench::SloLimit limit;
        limit.name = names[i];
        limit.metric = metrics[i];
        limit.statistic = i == Memory ? std::string("max") : stat;
        limit.threshold = m_threshold[i]->value();
        spec.limits.push_back(limit);
    }
    return spec;
}

bench::Objective SloEditor::objective() const
{
    return static_cast<bench::Objective>(m_objective->currentData().toInt());
}

} // namespace quantcfg::ui
