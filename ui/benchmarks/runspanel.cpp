#include "ui/benchmarks/runspanel.h"

#include "ui/benchmarks/resulttablemodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace quantcfg::ui {

RunsPanel::RunsPanel(ResultTableModel *runs, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_filter->setObjectName(QStringLiteral("RunsFilter"));
    m_table->setObjectName(QStringLiteral("RunsTable"));
    m_proxy->setSourceModel(runs);
    m_proxy->setSortRole(ResultTableModel::ValueRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Benchmark runs"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // no sort until asked: a million rows
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_filter->setPlaceholderText(tr("Filter runs (engine, preset, import, …)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter runs"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
}

} // namespace quantcfg::ui
