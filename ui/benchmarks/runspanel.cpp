#include "ui/benchmarks/runspanel.h"

#include "ui/benchmarks/resulttablemodel.h"
#include "ui/benchmarks/runsproxy.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace quantcfg::ui {

RunsPanel::RunsPanel(ResultTableModel *runs, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new RunsProxy(this))
    , m_filter(new QLineEdit(this))
    , m_group(new QCheckBox(tr("Gro&up by model"), this))
    , m_table(new QTableView(this))
{
    m_filter->setObjectName(QStringLiteral("RunsFilter"));
    m_table->setObjectName(QStringLiteral("RunsTable"));
    m_group->setObjectName(QStringLiteral("GroupByModel"));
    m_group->setToolTip(tr("Keep the runs of each model together, whichever column sorts them"));
    m_proxy->setSourceModel(runs);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Benchmark runs"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // no sort until asked: a million rows
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_filter->setPlaceholderText(tr("Filter runs (model, engine, preset, GPU, file, status, …)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter runs"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RunsProxy::setFilterText);
    connect(m_group, &QCheckBox::toggled, m_proxy, &RunsProxy::setGroupByModel);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        emit currentRunChanged(current.isValid() ? m_proxy->mapToSource(current).row() : -1);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_group);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
}

void RunsPanel::selectRun(int row)
{
    const QModelIndex at = m_proxy->mapFromSource(m_proxy->sourceModel()->index(row, 0));
    if (!at.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(at);
}

} // namespace quantcfg::ui
