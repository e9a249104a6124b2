#pragma once

#include <QLabel>

class QAbstractItemModel;
class QTimer;

namespace quantcfg::ui {

/// A warning over the charts when the runs they compare (what the table shows) were measured by
/// tools that define their metrics differently (bench::mixedMethodologyNotes(), as `bench score`
/// and `bench pareto` print it: vLLM/SGLang against GuideLLM, GuideLLM before and after v0.7.4, …);
/// hidden otherwise. Its tooltip says what each family means by TPOT, ITL and throughput. Named
/// "MethodologyNote" (objectName).
class MethodologyNote final : public QLabel
{
    Q_OBJECT

public:
    /// Watches @p shown: a ResultTableModel or a proxy (chain) over one.
    explicit MethodologyNote(QAbstractItemModel *shown, QWidget *parent = nullptr);

    /// Reads the shown runs again now (otherwise on the next event loop turn after a change).
    void refresh();

private:
    QAbstractItemModel *m_shown;
    QTimer *m_timer;
};

/// The lines of bench::mixedMethodologyNotes() for the runs @p shown shows (empty: one family).
QStringList methodologyNotes(const QAbstractItemModel &shown);

} // namespace quantcfg::ui
