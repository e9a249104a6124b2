#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QTableView;

namespace quantcfg::ui {

class ResultTableModel;
class RunsProxy;

/// The benchmark runs as a sortable table with a filter box that matches each run's identity
/// (model, engine, GPU, file, status, …; RunsProxy) and a "group by model" box. Its proxy (sorted,
/// filtered) is what the charts draw, so the filter applies to them too. The filter box is named
/// "RunsFilter" (objectName), the grouping box "GroupByModel", the table "RunsTable".
class RunsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPanel(ResultTableModel *runs, QWidget *parent = nullptr);

    RunsProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_table; }
    /// Makes run @p row (runs model row) the current, selected row and scrolls to it, when shown.
    void selectRun(int row);

signals:
    /// The current row is run @p row (runs model row; -1 none).
    void currentRunChanged(int row);

private:
    RunsProxy *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_group;
    QTableView *m_table;
};

} // namespace quantcfg::ui
