#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace quantcfg::ui {

class ResultTableModel;

/// The benchmark runs as a sortable table with a filter box. Its proxy (sorted, filtered) is what
/// the charts draw, so the filter applies to them too. The filter box is named "RunsFilter"
/// (objectName), the table "RunsTable".
class RunsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPanel(ResultTableModel *runs, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_table; }

private:
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
};

} // namespace quantcfg::ui
