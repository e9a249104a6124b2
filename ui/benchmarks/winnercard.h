#pragma once

#include <QFrame>

namespace quantcfg::bench {
struct ScoredRun;
}

class QLabel;
class QPushButton;

namespace quantcfg::ui {

class ResultTableModel;

/// The winner of an SLO ranking named in full, so that "which configuration is best" has an answer
/// a reader can act on: the run's model, engine and version, its configuration (every other
/// setting label: preset, quantization, KV dtype, TP, GPU, …), its load, its file, its status and
/// its figures at the table's statistic, with "Open this configuration in the editor" when the
/// run's preset is one the studio has, and a warning when it was ranked among runs measured with
/// other metric definitions. The parts are named WinnerTitle, WinnerModel, WinnerEngine,
/// WinnerConfiguration, WinnerFile, WinnerStatus, WinnerFigures, WinnerMethodology and OpenWinnerConfiguration
/// (objectName); the property "run" is the runs model row shown (-1: none).
class WinnerCard final : public QFrame
{
    Q_OBJECT
    Q_PROPERTY(int run READ run)

public:
    explicit WinnerCard(QWidget *parent = nullptr);

    /// Shows run @p scored of @p runs, the best of @p ranked runs of which @p meeting meet the SLOs.
    /// @p methodologyNotes (methodologyNotes()): the ranked runs were measured by tools that define
    /// their metrics differently; the card says so.
    void showWinner(const ResultTableModel &runs, const bench::ScoredRun &scored, int meeting, int ranked,
                    const QStringList &methodologyNotes = {});
    /// Shows that no run won, and why.
    void showNone(const QString &reason);
    int run() const { return m_run; }
    /// The preset the open button loads ("" when hidden).
    QString preset() const { return m_preset; }

signals:
    /// The open button was pressed: load preset @p preset into the editor.
    void openConfigurationRequested(const QString &preset);

private:
    QLabel *field(const char *name);

    int m_run = -1;
    QString m_preset;
    QLabel *m_title;
    QLabel *m_model;
    QLabel *m_engine;
    QLabel *m_configuration;
    QLabel *m_file;
    QLabel *m_status;
    QLabel *m_figures;
    QLabel *m_methodology;
    QPushButton *m_open;
    QWidget *m_details;
};

} // namespace quantcfg::ui
