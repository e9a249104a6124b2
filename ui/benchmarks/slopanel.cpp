#include "ui/benchmarks/slopanel.h"

#include "ui/benchmarks/charts/benchmarkchart.h"
#include "ui/benchmarks/methodologynote.h"
#include "ui/shared/counts.h"
#include "ui/benchmarks/resulttablemodel.h"
#include "ui/state/settings.h"
#include "ui/benchmarks/sloeditor.h"
#include "ui/benchmarks/winnercard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace quantcfg::ui {

SloPanel::SloPanel(ResultTableModel *runs, QWidget *parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_settings(new Settings(this))
    , m_slo(new SloEditor(this))
    , m_best(new QLabel(this))
    , m_card(new WinnerCard(this))
{
    m_slo->setObjectName(QStringLiteral("SloEditor"));
    m_best->setObjectName(QStringLiteral("BestRun"));
    m_best->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_slo);
    layout->addWidget(m_best);
    layout->addWidget(m_card);
    layout->addStretch(1);
    connect(m_card, &WinnerCard::openConfigurationRequested, this, &SloPanel::openConfigurationRequested);
    restoreView();
    connect(m_slo, &SloEditor::changed, this, &SloPanel::rescore);
}

void SloPanel::setStatistic(const QString &statistic)
{
    m_slo->setStatistic(statistic);
}

void SloPanel::rescore()
{
    const bench::SloSpec slo = m_slo->slo();
    std::vector<charts::SloLine> lines;
    for (const bench::SloLimit &l : slo.limits) {
        const int column = l.metric == "ttft" ? ResultTableModel::TtftColumn
                           : l.metric == "tpot" ? ResultTableModel::TpotColumn
                                                : ResultTableModel::MemoryColumn;
        lines.push_back({column, l.threshold,
                         column == ResultTableModel::MemoryColumn ? tr("SLO: memory ≤ %1 GB").arg(l.threshold)
                                                                  : tr("SLO: %1 %2 ≤ %3 ms").arg(QString::fromStdString(l.name).toUpper(),
                                                                                                  QString::fromStdString(l.statistic))
                                                                        .arg(l.threshold)});
    }
    emit sloLinesChanged(lines);
    saveView();
    if (!m_runs->table()) {
        m_best->setText(tr("Import results to rank them."));
        m_card->showNone(QString());
        return;
    }
    const bench::Ranking ranking = bench::rankRuns(*m_runs->table(), slo, m_slo->objective());
    m_runs->setRanking(ranking);
    int meeting = 0;
    for (const bench::ScoredRun &s : ranking.runs)
        meeting += s.meetsSlo ? 1 : 0;
    m_best->setText(ranking.best ? tr("Best run meeting the SLO (%1 of %2 meet it): %3")
                                       .arg(meeting)
                                       .arg(ranking.runs.size())
                                       .arg(m_runs->index(static_cast<int>(ranking.runs[*ranking.best].run), 0).data(ResultTableModel::LabelRole).toString())
                                 : tr("No run meets every SLO limit (%1).").arg(runCount(static_cast<qsizetype>(ranking.runs.size()))));
    if (ranking.best)
        m_card->showWinner(*m_runs, ranking.runs[*ranking.best], meeting, static_cast<int>(ranking.runs.size()), methodologyNotes(*m_runs));
    else
        m_card->showNone(tr("No winner: no run that did not fail meets every SLO limit."));
}

void SloPanel::restoreView()
{
    const BenchmarkView v = m_settings->benchmarkView();
    if (const auto objective = bench::objectiveFromName(v.objective.toStdString()))
        m_slo->setObjective(*objective);
    for (auto [limit, saved] : {std::pair{SloEditor::Ttft, v.ttft}, std::pair{SloEditor::Tpot, v.tpot}, std::pair{SloEditor::Memory, v.memory}}) {
        if (saved.threshold > 0) {
            m_slo->setLimit(limit, saved.threshold); // enables it and sets the value, kept while off
            m_slo->setLimit(limit, saved.enabled ? saved.threshold : -1);
        }
    }
}

void SloPanel::saveView()
{
    BenchmarkView v = m_settings->benchmarkView(); // the charts' part is the chart panel's
    v.objective = QLatin1String(bench::objectiveName(m_slo->objective()));
    for (auto [limit, saved] : {std::pair{SloEditor::Ttft, &v.ttft}, std::pair{SloEditor::Tpot, &v.tpot}, std::pair{SloEditor::Memory, &v.memory}})
        *saved = {m_slo->isLimitEnabled(limit), m_slo->threshold(limit)};
    m_settings->setBenchmarkView(v);
}

} // namespace quantcfg::ui
