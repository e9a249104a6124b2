#pragma once

#include <QWidget>

#include <vector>

class QLabel;

namespace quantcfg::ui {

namespace charts {
struct SloLine;
}
class ResultTableModel;
class Settings;
class SloEditor;
class WinnerCard;

/// The benchmarks page's SLO and ranking: the SLO editor, the runs scored and ranked against it
/// by bench::rankRuns() (as `quantcfg bench score`; the ranking goes into the runs model) and the
/// best run meeting it, named in a WinnerCard. Remembers the SLO in Settings. The editor is named
/// "SloEditor" (objectName), the line summing up the ranking "BestRun", the card "WinnerCard".
class SloPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SloPanel(ResultTableModel *runs, QWidget *parent = nullptr);

    /// The time limits check this statistic ("mean", "p99", …).
    void setStatistic(const QString &statistic);
    /// Scores and ranks the runs again (after an import) and says which is best.
    void rescore();

signals:
    /// The limits to draw on the charts changed.
    void sloLinesChanged(const std::vector<charts::SloLine> &lines);
    /// The winner card's open button: load preset @p preset into the editor.
    void openConfigurationRequested(const QString &preset);

private:
    void restoreView();
    void saveView();

    ResultTableModel *m_runs;
    Settings *m_settings;
    SloEditor *m_slo;
    QLabel *m_best;
    WinnerCard *m_card;
};

} // namespace quantcfg::ui
